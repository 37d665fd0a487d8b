/* Judging: run each expectation of a profile against the stream's record
 * of the same id, and count the results. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "controls.h"
#include "exec-compare.h"
#include "judge.h"

const char *hp_status_name(enum hp_status s)
{
	static const char *const names[] = {
		[HP_PASS] = "pass",
		[HP_FAIL] = "fail",
		[HP_ERROR] = "error",
		[HP_SKIP] = "skip",
	};

	return (unsigned)s < 4 ? names[s] : "unknown";
}

const char *hp_kind_name(enum hp_kind k)
{
	return k == HP_KIND_SPEC ? "spec" : "check";
}

static const struct hp_expect *find_expect(const struct hp_profile *p,
					   const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (!p->expects[i].off && strcmp(p->expects[i].check, id) == 0)
			return &p->expects[i];
	return NULL;
}

static int judge_one(const struct hp_check *c, const struct hp_expect *e,
		     const struct hp_stream *s, struct hp_result *res)
{
	res->id = strdup(c->id);
	res->status = HP_ERROR;
	if (c->judge_stream)
		c->judge_stream(e, s, res);
	else
		c->judge(e, hp_stream_find(s, c->id), res);
	if (hp_controls_copy(e->controls, e->ncontrols, &res->controls) < 0)
		return -ENOMEM;
	res->ncontrols = e->ncontrols;
	if (!res->id || !res->expected || !res->observed)
		return -ENOMEM;
	return 0;
}

static int report_init(struct hp_report *out, const struct hp_profile *p,
		       const struct hp_stream *s, const char *stream_name)
{
	memset(out, 0, sizeof(*out));
	out->profile = strdup(p->name);
	out->stream_name = strdup(stream_name ? stream_name : "");
	out->header = json_object_get(s->header);
	/* Room for every expectation and every record of the stream. */
	out->results = calloc(p->n + s->n + 1, sizeof(*out->results));
	if (!out->profile || !out->stream_name || !out->results)
		return -ENOMEM;
	return 0;
}

static bool judged(const struct hp_report *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->results[i].id, id) == 0)
			return true;
	return false;
}

/* A probe that errored makes the verdict fail even when the profile does
 * not name it (or switches it off): its error may be the runner being
 * attacked or starved, and nothing it should have seen was seen. */
static int judge_stray_errors(const struct hp_stream *s, struct hp_report *out)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct hp_record *rec = &s->records[i];
		struct hp_result *res = &out->results[out->n];

		if (rec->ok || judged(out, rec->probe))
			continue;
		out->n++;
		res->id = strdup(rec->probe);
		hp_set_expected(res, "no probe error (not judged by the "
				     "profile)");
		hp_judge_begin(rec, res);
		if (!res->id || !res->expected || !res->observed)
			return -ENOMEM;
		out->count[res->status]++;
	}
	return 0;
}

/* Whether p names the check id at all, switched off or not. */
static bool names(const struct hp_profile *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->expects[i].check, id) == 0)
			return true;
	return false;
}

/* A stream written by an exec'd run-probes (exec.first-process observed
 * a first process other than run-probes) is compared with that first
 * process even when the profile does not name the check: a profile
 * describes the container, and a process exec'd into it must be confined
 * as the container is.  A profile can still switch the check off. */
static int judge_exec_path(const struct hp_profile *p,
			   const struct hp_stream *s, struct hp_report *out)
{
	static char *same[] = { "same" };
	const struct hp_expect e = { .check = HP_EXEC_CHECK,
				     .args = same,
				     .nargs = 1 };
	const struct hp_record *rec = hp_stream_find(s, HP_EXEC_CHECK);
	struct hp_result *res = &out->results[out->n];
	int rc;

	if (!rec || !rec->ok || names(p, HP_EXEC_CHECK) ||
	    strcmp(hp_str_or(rec->data, "outcome", ""), "observed") != 0)
		return 0;
	out->n++;
	rc = judge_one(hp_check_find(HP_EXEC_CHECK), &e, s, res);
	out->count[res->status]++;
	return rc;
}

int hp_judge(const struct hp_profile *p, const struct hp_stream *s,
	     const char *stream_name, struct hp_report *out)
{
	int rc = report_init(out, p, s, stream_name);

	for (size_t i = 0; rc == 0 && i < hp_nchecks; i++) {
		const struct hp_expect *e = find_expect(p, hp_checks[i].id);
		struct hp_result *res = &out->results[out->n];

		if (!e)
			continue;
		out->n++;
		rc = judge_one(&hp_checks[i], e, s, res);
		out->count[res->status]++;
	}
	if (rc == 0)
		rc = judge_exec_path(p, s, out);
	if (rc == 0)
		rc = judge_stray_errors(s, out);
	if (rc < 0) {
		hp_report_free(out);
		return rc;
	}
	out->pass = out->count[HP_FAIL] == 0 && out->count[HP_ERROR] == 0;
	return 0;
}

void hp_report_skips_fail(struct hp_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->results[i].status == HP_SKIP)
			r->results[i].status = HP_FAIL;
	r->count[HP_FAIL] += r->count[HP_SKIP];
	r->count[HP_SKIP] = 0;
	if (r->count[HP_FAIL] > 0)
		r->pass = 0;
}

void hp_report_free(struct hp_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->results[i].id);
		free(r->results[i].expected);
		free(r->results[i].observed);
		json_object_put(r->results[i].evidence);
		hp_controls_free(r->results[i].controls,
				 r->results[i].ncontrols);
	}
	free(r->results);
	free(r->profile);
	free(r->stream_name);
	free(r->spec_name);
	json_object_put(r->header);
	memset(r, 0, sizeof(*r));
}
