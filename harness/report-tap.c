/* The TAP 14 report: one test point per check, for prove and the many
 * TAP consumers.  A failed or errored check carries a YAML block with
 * what was expected and what was seen. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "escape.h"
#include "report-impl.h"

/* Text from the container made safe, then '#' escaped, which would
 * otherwise start a directive in a description. */
static char *tap_text(const char *s)
{
	char *e = hp_escape(s, 0), *out;
	size_t len = 0;
	FILE *f;

	if (!e)
		return NULL;
	f = open_memstream(&out, &len);
	for (const char *p = e; f && *p; p++) {
		if (*p == '#')
			fputc('\\', f);
		fputc(*p, f);
	}
	free(e);
	return f && fclose(f) == 0 ? out : NULL;
}

/* A YAML value: a JSON string or document is valid YAML 1.2 flow.  The
 * text is escaped first, as YAML forbids control characters; the \xNN
 * and \uNNNN that escaping leaves are YAML double-quoted escapes. */
static int yaml_value(FILE *out, const char *key, json_object *v)
{
	const char *json = json_object_to_json_string_ext(
		v, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	char *safe = json ? hp_escape(json, HP_ESC_LAYOUT) : NULL;

	if (!safe)
		return -ENOMEM;
	fprintf(out, "  %s: %s\n", key, safe);
	free(safe);
	return 0;
}

static int yaml_string(FILE *out, const char *key, const char *s)
{
	char *e = hp_escape(s, 0);
	json_object *v = e ? json_object_new_string(e) : NULL;
	int ret = v ? yaml_value(out, key, v) : -ENOMEM;

	json_object_put(v);
	free(e);
	return ret;
}

static int yaml_controls(FILE *out, const struct hp_result *res)
{
	json_object *a = json_object_new_array();
	int ret;

	for (size_t i = 0; a && i < res->ncontrols; i++)
		json_object_array_add(a,
				      json_object_new_string(res->controls[i]));
	ret = a ? yaml_value(out, "controls", a) : -ENOMEM;
	json_object_put(a);
	return ret;
}

static int diagnostics(FILE *out, const struct hp_result *res)
{
	int ret;

	fputs("  ---\n", out);
	ret = yaml_string(out, "kind", hp_kind_name(res->kind));
	if (ret == 0)
		ret = yaml_string(out, "status", hp_status_name(res->status));
	if (ret == 0)
		ret = yaml_string(out, "expected", res->expected);
	if (ret == 0)
		ret = yaml_string(out, "observed", res->observed);
	if (ret == 0)
		ret = yaml_controls(out, res);
	if (ret == 0 && res->evidence)
		ret = yaml_value(out, "evidence", res->evidence);
	fputs("  ...\n", out);
	return ret;
}

static int point(FILE *out, size_t n, const struct hp_result *res)
{
	char *id = tap_text(res->id), *why = NULL;
	int ret = 0;

	if (res->status == HP_SKIP)
		why = hp_escape(res->observed, 0);
	if (!id || (res->status == HP_SKIP && !why))
		ret = -ENOMEM;
	else if (res->status == HP_SKIP)
		fprintf(out, "ok %zu - %s # SKIP %s\n", n, id, why);
	else
		fprintf(out, "%s %zu - %s\n",
			res->status == HP_PASS ? "ok" : "not ok", n, id);
	if (ret == 0 && (res->status == HP_FAIL || res->status == HP_ERROR))
		ret = diagnostics(out, res);
	free(id);
	free(why);
	return ret;
}

int hp_report_tap(const struct hp_report *r, FILE *out)
{
	char *profile = tap_text(r->profile);
	int ret = profile ? 0 : -ENOMEM;

	fprintf(out, "TAP version 14\n1..%zu\n", r->n);
	for (size_t i = 0; ret == 0 && i < r->n; i++)
		ret = point(out, i + 1, &r->results[i]);
	if (ret == 0)
		fprintf(out,
			"# %s: %s (%zu pass, %zu fail, %zu error, %zu "
			"skip)\n",
			profile, hp_report_verdict(r), r->count[HP_PASS],
			r->count[HP_FAIL], r->count[HP_ERROR],
			r->count[HP_SKIP]);
	free(profile);
	return ret;
}
