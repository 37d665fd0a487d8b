/* Helpers every check shares: expectation words, result text, the common
 * start of judging, and typed access to record fields. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"

int hp_parse_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

int hp_parse_word(const struct hp_expect *e, const char *const *words,
		  char *err, size_t errlen)
{
	char want[128] = "";
	const char *sep;

	for (size_t i = 0; words[i]; i++) {
		size_t n = strlen(want);

		if (strcmp(e->args[0], words[i]) == 0)
			return e->nargs == 1 ? 0
					     : hp_parse_fail(err, errlen,
							     "'%s' takes no "
							     "arguments",
							     words[i]);
		sep = words[i + 1] ? ", " : " or ";
		snprintf(want + n, sizeof(want) - n, "%s%s", i ? sep : "",
			 words[i]);
	}
	return hp_parse_fail(err, errlen, "unknown expectation '%s' (want %s)",
			     e->args[0], want);
}

static void set_text(char **dst, const char *fmt, va_list ap)
{
	free(*dst);
	if (vasprintf(dst, fmt, ap) < 0)
		*dst = NULL;
}

void hp_set_expected(struct hp_result *res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_text(&res->expected, fmt, ap);
	va_end(ap);
}

void hp_set_observed(struct hp_result *res, enum hp_status st, const char *fmt,
		     ...)
{
	va_list ap;

	res->status = st;
	va_start(ap, fmt);
	set_text(&res->observed, fmt, ap);
	va_end(ap);
}

void hp_set_expected_args(struct hp_result *res, const struct hp_expect *e,
			  const char *word, const char *none)
{
	const char *first = e->nargs > 1 ? word : none;
	size_t len = strlen(first) + 1;
	char *p;

	for (size_t i = 1; i < e->nargs; i++)
		len += strlen(e->args[i]) + 1;
	free(res->expected);
	res->expected = malloc(len);
	if (!res->expected)
		return;
	p = stpcpy(res->expected, first);
	for (size_t i = 1; i < e->nargs; i++)
		p = stpcpy(stpcpy(p, " "), e->args[i]);
}

static void describe_error(json_object *err, struct hp_result *res)
{
	const char *kind = hp_str_or(err, "kind", "unknown");
	const char *detail = hp_str_or(err, "detail", "");
	json_object *code = NULL;

	json_object_object_get_ex(err, "exit_code", &code);
	if (strcmp(kind, "signal") == 0)
		hp_set_observed(res, HP_ERROR, "probe killed by %s",
				hp_str_or(err, "signal", "a signal"));
	else if (strcmp(kind, "timeout") == 0)
		hp_set_observed(res, HP_ERROR, "probe timed out");
	else if (strcmp(kind, "exit") == 0)
		hp_set_observed(res, HP_ERROR, "probe exited with status %d",
				json_object_get_int(code));
	else if (strcmp(kind, "no-output") == 0)
		hp_set_observed(res, HP_ERROR, "probe wrote no record");
	else
		hp_set_observed(res, HP_ERROR, "probe failed (%s)%s%s", kind,
				*detail ? ": " : "", detail);
}

json_object *hp_judge_begin(const struct hp_record *rec, struct hp_result *res)
{
	json_object *out;

	if (!rec) {
		hp_set_observed(res, HP_ERROR, "no record for this probe");
		return NULL;
	}
	if (!rec->ok) {
		res->evidence = json_object_get(rec->error);
		describe_error(rec->error, res);
		return NULL;
	}
	res->evidence = json_object_get(rec->data);
	out = hp_field(rec->data, "outcome", json_type_string, res);
	if (out && strcmp(json_object_get_string(out), "skip") == 0) {
		hp_set_observed(res, HP_SKIP, "%s",
				hp_str_or(rec->data, "reason", "skipped"));
		return NULL;
	}
	return out ? rec->data : NULL;
}

int hp_outcome(json_object *data, const char *const *words,
	       struct hp_result *res)
{
	json_object *o = hp_field(data, "outcome", json_type_string, res);
	const char *s;

	if (!o)
		return -1;
	s = json_object_get_string(o);
	for (int i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	hp_set_observed(res, HP_ERROR, "malformed record: unknown outcome '%s'",
			s);
	return -1;
}

/* "an int", "a string": the type name with its article. */
static const char *type_text(json_type t)
{
	switch (t) {
	case json_type_int:
		return "an int";
	case json_type_array:
		return "an array";
	case json_type_object:
		return "an object";
	case json_type_boolean:
		return "a boolean";
	default:
		return "a string";
	}
}

json_object *hp_field(json_object *o, const char *key, json_type t,
		      struct hp_result *res)
{
	json_object *v = NULL;

	if (json_object_object_get_ex(o, key, &v) && json_object_is_type(v, t))
		return v;
	hp_set_observed(res, HP_ERROR,
			"malformed record: '%s' missing or not %s", key,
			type_text(t));
	return NULL;
}

int hp_field_opt(json_object *o, const char *key, json_type t,
		 json_object **out, struct hp_result *res)
{
	json_object *v = NULL;

	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v) || !v)
		return 0;
	if (json_object_is_type(v, t)) {
		*out = v;
		return 0;
	}
	hp_set_observed(res, HP_ERROR, "malformed record: '%s' is not %s", key,
			type_text(t));
	return -1;
}

const char *hp_str_or(json_object *o, const char *key, const char *dflt)
{
	json_object *v = NULL;

	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return dflt;
}

enum hp_status hp_match(const struct hp_expect *e, const char *observed)
{
	return strcmp(e->args[0], observed) == 0 ? HP_PASS : HP_FAIL;
}

int hp_list_add(char **list, const char *text)
{
	size_t old = *list ? strlen(*list) : 0;
	size_t sep = *list ? 2 : 0;
	char *p = realloc(*list, old + sep + strlen(text) + 1);

	if (!p)
		return -ENOMEM;
	memcpy(p + old, ", ", sep);
	strcpy(p + old + sep, text);
	*list = p;
	return 0;
}
