/* Judging: a profile's expectations against a stream's records. */
#ifndef HARDPROBE_JUDGE_H
#define HARDPROBE_JUDGE_H

#include <stddef.h>

#include <json-c/json.h>

#include "profile.h"
#include "stream.h"

enum hp_status { HP_PASS, HP_FAIL, HP_ERROR, HP_SKIP };

/* What a result is: a profile's check (or a probe error), or a claim of
 * the container's OCI spec that the container does not meet. */
enum hp_kind { HP_KIND_CHECK, HP_KIND_SPEC };

struct hp_result {
	char *id;
	enum hp_status status;
	char *expected; /* human text: "denied", "only cap_net_bind_service" */
	char *observed; /* human text: "denied (EROFS)" */
	json_object *evidence; /* owned reference: record data or error */
	char **controls;       /* the control ids its expectation evidences */
	size_t ncontrols;
	enum hp_kind kind;
};

struct hp_report {
	char *profile;
	char *stream_name;
	json_object *header; /* owned reference to the stream header */
	struct hp_result *results;
	size_t n;
	size_t count[4]; /* indexed by enum hp_status */
	int pass;	 /* 1 only when no check failed or errored */
	int by_control;	 /* text and json: group the checks by control */
	char *spec_name; /* the spec compared with the stream, or NULL */
};

/* One check: parse validates an expectation at load time; judge fills
 * res->status, expected, observed and evidence from rec (which may be
 * NULL when the stream has no record for the id). */
struct hp_check {
	const char *id;
	const char *description;
	int (*parse)(const struct hp_expect *e, char *err, size_t errlen);
	void (*judge)(const struct hp_expect *e, const struct hp_record *rec,
		      struct hp_result *res);
	/* When set, used instead of judge: a check that compares its
	 * record with others. */
	void (*judge_stream)(const struct hp_expect *e,
			     const struct hp_stream *s, struct hp_result *res);
};

/* The table of every check, in catalog order, and its length. */
extern const struct hp_check hp_checks[];
extern const size_t hp_nchecks;

const struct hp_check *hp_check_find(const char *id);

const char *hp_status_name(enum hp_status s);

/* "check" or "spec". */
const char *hp_kind_name(enum hp_kind k);

/* Judge every expectation of p that is not off, in catalog order.
 * Returns 0, or -ENOMEM. */
int hp_judge(const struct hp_profile *p, const struct hp_stream *s,
	     const char *stream_name, struct hp_report *out);

/* --fail-on-skip: every skipped check of r becomes a failed one (and r
 * fails when there is one), in every format, so that a CI job cannot turn
 * green by skipping what it should test. */
void hp_report_skips_fail(struct hp_report *r);

void hp_report_free(struct hp_report *r);

#endif
