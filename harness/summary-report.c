/* A run from the report.json that `run` kept: the report is input like
 * any other, so each field it needs is checked before it is used. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

static const char *str_field(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static int status_of(const char *s)
{
	for (int st = HP_PASS; st <= HP_SKIP; st++)
		if (s && strcmp(s, hp_status_name(st)) == 0)
			return st;
	return -1;
}

static __attribute__((format(printf, 3, 4))) int bad(char *err, size_t errlen,
						     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* The checks array: each an object with an id and a known status. */
static int check_checks(json_object *checks, char *err, size_t errlen)
{
	size_t n = json_object_array_length(checks);

	for (size_t i = 0; i < n; i++) {
		json_object *c = json_object_array_get_idx(checks, i);

		if (!str_field(c, "id"))
			return bad(err, errlen, "check %zu has no string 'id'",
				   i + 1);
		if (status_of(str_field(c, "status")) < 0)
			return bad(err, errlen,
				   "check '%s' has no known 'status'",
				   str_field(c, "id"));
	}
	return 0;
}

static int validate(json_object *rep, char *err, size_t errlen)
{
	const char *verdict = str_field(rep, "verdict");
	json_object *checks;

	if (!json_object_is_type(rep, json_type_object))
		return bad(err, errlen, "%s is not a JSON object", "report");
	if (!str_field(rep, "profile"))
		return bad(err, errlen, "no string '%s'", "profile");
	if (!verdict || (strcmp(verdict, "pass") && strcmp(verdict, "fail")))
		return bad(err, errlen, "'%s' is not \"pass\" or \"fail\"",
			   "verdict");
	if (!json_object_object_get_ex(rep, "checks", &checks) ||
	    !json_object_is_type(checks, json_type_array))
		return bad(err, errlen, "no array '%s'", "checks");
	return check_checks(checks, err, errlen);
}

/* The verdict must agree with the checks: a report that says pass with
 * a failed check is not trusted. */
static int consistent(const struct hp_report *r, const char *verdict, char *err,
		      size_t errlen)
{
	bool pass = r->count[HP_FAIL] == 0 && r->count[HP_ERROR] == 0;

	if (strcmp(verdict, "pass") == 0 && !pass)
		return bad(err, errlen, "verdict '%s' with a failed check",
			   verdict);
	return 0;
}

/* Borrow the report's strings into an hp_report, as a judged run has. */
static void to_report(json_object *rep, struct hp_report *r,
		      struct hp_result *res)
{
	json_object *checks;
	size_t n;

	json_object_object_get_ex(rep, "checks", &checks);
	n = json_object_array_length(checks);
	memset(r, 0, sizeof(*r));
	r->profile = (char *)str_field(rep, "profile");
	r->pass = strcmp(str_field(rep, "verdict"), "pass") == 0;
	r->results = res;
	r->n = n;
	for (size_t i = 0; i < n; i++) {
		json_object *c = json_object_array_get_idx(checks, i);

		res[i].id = (char *)str_field(c, "id");
		res[i].status =
			(enum hp_status)status_of(str_field(c, "status"));
		res[i].expected = (char *)str_field(c, "expected");
		res[i].observed = (char *)str_field(c, "observed");
		r->count[res[i].status]++;
	}
}

int hp_summary_add_json(struct hp_summary *s, const char *name,
			json_object *rep, char *err, size_t errlen)
{
	struct hp_report r;
	struct hp_result *res;
	json_object *checks;
	int ret = validate(rep, err, errlen);

	if (ret < 0)
		return ret;
	json_object_object_get_ex(rep, "checks", &checks);
	res = calloc(json_object_array_length(checks) + 1, sizeof(*res));
	if (!res)
		return -ENOMEM;
	to_report(rep, &r, res);
	ret = consistent(&r, str_field(rep, "verdict"), err, errlen);
	if (ret == 0)
		ret = hp_summary_add_report(s, name, &r);
	free(res);
	return ret;
}
