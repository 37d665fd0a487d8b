/* The json report: the machine-readable form, see docs/DESIGN.md. */
#include <errno.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "escape.h"
#include "report-group.h"
#include "report-impl.h"

/* A string or null: json_object_new_string() refuses NULL. */
static json_object *str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static json_object *summary(const struct hp_report *r)
{
	json_object *o = json_object_new_object();
	enum hp_status s;

	for (s = HP_PASS; o && s <= HP_SKIP; s++)
		json_object_object_add(o, hp_status_name(s),
				       json_object_new_int64(
					       (int64_t)r->count[s]));
	return o;
}

static json_object *stream(const struct hp_report *r)
{
	static const char *const keys[] = { "kernel", "machine", "probe_set",
					    "tool" };
	json_object *o = json_object_new_object();
	size_t i;

	if (!o)
		return NULL;
	json_object_object_add(o, "name", str_or_null(r->stream_name));
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		json_object_object_add(o, keys[i],
				       str_or_null(
					       hp_report_header(r, keys[i])));
	return o;
}

static json_object *controls(const struct hp_result *res)
{
	json_object *a = json_object_new_array_ext((int)res->ncontrols);

	for (size_t i = 0; a && i < res->ncontrols; i++)
		json_object_array_add(a,
				      json_object_new_string(res->controls[i]));
	return a;
}

/* --group-by control: [{"control", "status", "checks": [ids]}]. */
static json_object *by_control(const struct hp_report *r)
{
	struct hp_groups g;
	json_object *a = json_object_new_array(), *o, *ids;

	if (!a || hp_groups_make(r, &g) < 0)
		return a;
	for (size_t i = 0; i < g.n; i++) {
		o = json_object_new_object();
		ids = json_object_new_array();
		for (size_t j = 0; ids && j < g.v[i].n; j++)
			json_object_array_add(
				ids, str_or_null(r->results[g.v[i].idx[j]].id));
		json_object_object_add(o, "control",
				       str_or_null(g.v[i].control));
		json_object_object_add(o, "status",
				       json_object_new_string(
					       hp_status_name(g.v[i].status)));
		json_object_object_add(o, "checks", ids);
		json_object_array_add(a, o);
	}
	hp_groups_free(&g);
	return a;
}

static json_object *check(const struct hp_result *res)
{
	json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	json_object_object_add(o, "id", str_or_null(res->id));
	json_object_object_add(o, "kind",
			       json_object_new_string(hp_kind_name(res->kind)));
	json_object_object_add(o, "status",
			       json_object_new_string(
				       hp_status_name(res->status)));
	json_object_object_add(o, "expected", str_or_null(res->expected));
	json_object_object_add(o, "observed", str_or_null(res->observed));
	json_object_object_add(o, "evidence", json_object_get(res->evidence));
	json_object_object_add(o, "controls", controls(res));
	return o;
}

/* The spec compared with the stream, or null when none was. */
static json_object *spec(const struct hp_report *r)
{
	json_object *o;
	size_t i, n = 0;

	if (!r->spec_name)
		return NULL;
	for (i = 0; i < r->n; i++)
		n += r->results[i].kind == HP_KIND_SPEC;
	o = json_object_new_object();
	if (!o)
		return NULL;
	json_object_object_add(o, "name", json_object_new_string(r->spec_name));
	json_object_object_add(o, "disagreements",
			       json_object_new_int64((int64_t)n));
	return o;
}

static json_object *checks(const struct hp_report *r)
{
	json_object *a = json_object_new_array_ext((int)r->n);
	size_t i;

	for (i = 0; a && i < r->n; i++)
		json_object_array_add(a, check(&r->results[i]));
	return a;
}

static json_object *build(const struct hp_report *r)
{
	json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	json_object_object_add(o, "tool", json_object_new_string("hardprobe"));
	json_object_object_add(o, "version",
			       json_object_new_string(HARDPROBE_VERSION));
	json_object_object_add(o, "profile", str_or_null(r->profile));
	json_object_object_add(o, "verdict",
			       json_object_new_string(hp_report_verdict(r)));
	json_object_object_add(o, "summary", summary(r));
	json_object_object_add(o, "stream", stream(r));
	json_object_object_add(o, "spec", spec(r));
	json_object_object_add(o, "checks", checks(r));
	if (r->by_control)
		json_object_object_add(o, "by_control", by_control(r));
	return o;
}

int hp_report_json(const struct hp_report *r, FILE *out)
{
	json_object *o = build(r);
	const char *s;
	char *safe;
	int ret = 0;

	s = o ? json_object_to_json_string_ext(
			o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
				   JSON_C_TO_STRING_NOSLASHESCAPE)
	      : NULL;
	/* json-c leaves DEL, C1 controls, direction marks and bytes that
	 * are not UTF-8 raw: escape them, for terminals and JSON parsers. */
	safe = s ? hp_escape(s, HP_ESC_JSON) : NULL;
	if (!safe)
		ret = -ENOMEM;
	else if (fprintf(out, "%s\n", safe) < 0)
		ret = -EIO;
	free(safe);
	json_object_put(o);
	return ret;
}
