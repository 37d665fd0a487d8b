/* The json summary: the same runs and counts as the text table, for
 * programs.  json-c builds and escapes it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "summary.h"

static const char *const verdicts[] = {
	[HP_RUN_PASS] = "pass",
	[HP_RUN_FAIL] = "fail",
	[HP_RUN_NONE] = "no-report",
};

static void set_int(json_object *o, const char *key, size_t v)
{
	json_object_object_add(o, key, json_object_new_int64((int64_t)v));
}

static json_object *str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

/* The checks of a run that did not pass, with why. */
static json_object *failing(const struct hp_summary_run *r)
{
	json_object *a = json_object_new_array();

	for (size_t i = 0; a && i < r->n; i++) {
		const struct hp_summary_check *c = &r->checks[i];
		json_object *o;

		if (c->status != HP_FAIL && c->status != HP_ERROR)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(c->id));
		json_object_object_add(o, "status",
				       json_object_new_string(
					       hp_status_name(c->status)));
		json_object_object_add(o, "message",
				       json_object_new_string(c->message));
		json_object_array_add(a, o);
	}
	return a;
}

static json_object *run(const struct hp_summary_run *r)
{
	json_object *o = json_object_new_object(), *sum;

	json_object_object_add(o, "name", json_object_new_string(r->name));
	json_object_object_add(o, "profile", str_or_null(r->profile));
	json_object_object_add(o, "verdict",
			       json_object_new_string(verdicts[r->verdict]));
	sum = json_object_new_object();
	for (int st = HP_PASS; st <= HP_SKIP; st++)
		set_int(sum, hp_status_name(st), r->count[st]);
	json_object_object_add(o, "summary", sum);
	json_object_object_add(o, "failing", failing(r));
	return o;
}

/* A count table: key names the first field ("profile" or "id"). */
static json_object *counts(const struct hp_summary_count *v, long n,
			   const char *key, bool per_run)
{
	json_object *a = json_object_new_array();

	for (long i = 0; i < n; i++) {
		json_object *o = json_object_new_object();

		json_object_object_add(o, key,
				       json_object_new_string(v[i].key));
		set_int(o, "runs", v[i].runs);
		if (per_run)
			set_int(o, "pass", v[i].pass);
		set_int(o, "fail", v[i].fail);
		set_int(o, per_run ? "no_report" : "error", v[i].error);
		json_object_array_add(a, o);
	}
	return a;
}

static json_object *totals(const struct hp_summary *s)
{
	json_object *o = json_object_new_object();
	size_t pass = hp_summary_passed(s), none = 0;

	for (size_t i = 0; i < s->n; i++)
		none += s->runs[i].verdict == HP_RUN_NONE;
	set_int(o, "runs", s->n);
	set_int(o, "pass", pass);
	set_int(o, "fail", s->n - pass - none);
	set_int(o, "no_report", none);
	return o;
}

static json_object *build(const struct hp_summary *s,
			  const struct hp_summary_count *prof, long nprof,
			  const struct hp_summary_count *chk, long nchk)
{
	json_object *o = json_object_new_object(), *runs;

	json_object_object_add(o, "tool", json_object_new_string("hardprobe"));
	json_object_object_add(o, "version",
			       json_object_new_string(HARDPROBE_VERSION));
	json_object_object_add(o, "verdict",
			       json_object_new_string(
				       hp_summary_status(s) ? "fail" : "pass"));
	json_object_object_add(o, "summary", totals(s));
	runs = json_object_new_array_ext((int)s->n);
	for (size_t i = 0; i < s->n; i++)
		json_object_array_add(runs, run(&s->runs[i]));
	json_object_object_add(o, "runs", runs);
	json_object_object_add(o, "profiles",
			       counts(prof, nprof, "profile", true));
	json_object_object_add(o, "checks", counts(chk, nchk, "id", false));
	return o;
}

int hp_summary_json(const struct hp_summary *s, FILE *out)
{
	struct hp_summary_count *prof = NULL, *chk = NULL;
	long nprof = hp_summary_by_profile(s, &prof);
	long nchk = nprof < 0 ? -ENOMEM : hp_summary_by_check(s, &chk);
	json_object *o = nchk < 0 ? NULL : build(s, prof, nprof, chk, nchk);
	const char *text =
		o ? json_object_to_json_string_ext(
			    o, JSON_C_TO_STRING_PRETTY |
				       JSON_C_TO_STRING_NOSLASHESCAPE)
		  : NULL;
	int ret = text ? 0 : -ENOMEM;

	if (text && fprintf(out, "%s\n", text) < 0)
		ret = -EIO;
	json_object_put(o);
	free(prof);
	free(chk);
	return ret;
}
