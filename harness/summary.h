/* hardprobe summary: one table over many runs (evidence directories or
 * saved streams), and the counts per profile and per failing check. */
#ifndef HARDPROBE_SUMMARY_H
#define HARDPROBE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <json-c/json.h>

#include "judge.h"
#include "profile.h"
#include "report.h"

/* A run's verdict: NONE when it left no report (the container could not
 * be run, or its stream was malformed); it counts as failed. */
enum hp_run_verdict { HP_RUN_PASS, HP_RUN_FAIL, HP_RUN_NONE };

/* One check of one run, as its report gave it. */
struct hp_summary_check {
	char *id;
	enum hp_status status;
	char *message; /* "expected X, observed Y"; the reason of a skip */
};

struct hp_summary_run {
	char *name;    /* the evidence directory's name, or the stream path */
	char *profile; /* NULL when there is no report */
	enum hp_run_verdict verdict;
	size_t count[4]; /* indexed by enum hp_status */
	struct hp_summary_check *checks;
	size_t n;
};

struct hp_summary {
	struct hp_summary_run *runs;
	size_t n, cap;
};

/* Add a run judged here (from its stream).  0 or -ENOMEM. */
int hp_summary_add_report(struct hp_summary *s, const char *name,
			  const struct hp_report *r);

/* Add a run from its report.json (parsed).  0, -ENOMEM, or -EINVAL with
 * err saying which field is missing or wrong. */
int hp_summary_add_json(struct hp_summary *s, const char *name,
			json_object *report, char *err, size_t errlen);

/* Add a run that left no report; why is shown in its row. */
int hp_summary_add_none(struct hp_summary *s, const char *name,
			const char *why);

/* The exit status the runs call for: 1 when any failed, else 0. */
int hp_summary_status(const struct hp_summary *s);

/* How many runs passed. */
size_t hp_summary_passed(const struct hp_summary *s);

/* Sort the runs by name, so that output does not depend on the order
 * in which a directory was read. */
void hp_summary_sort(struct hp_summary *s);

/* Write the summary in format fmt.  0 or -errno (-ENOTSUP for a report
 * format that has no summary form). */
int hp_summary_write(const struct hp_summary *s, enum hp_format fmt, FILE *out);

/* -1 when fmt has a summary form (text, json, junit); otherwise says so
 * as a usage error of command cmd and returns its exit status. */
int hp_summary_format_check(const char *cmd, enum hp_format fmt);

void hp_summary_free(struct hp_summary *s);

/* Write the summary in format fmt to output, or to stdout when output is
 * NULL; prints why it cannot.  0 or -errno. */
int hp_summary_deliver(const struct hp_summary *s, enum hp_format fmt,
		       const char *output);

/* The options of loading: how streams are judged. */
struct hp_summary_load {
	const struct hp_profile *profile; /* for streams; NULL: none given */
	bool rejudge; /* judge evidence directories' streams against profile
		       * rather than read their report.json */
	bool fail_on_skip;
};

/*
 * Add what path holds: a saved stream (a file, or "-" for stdin), an
 * evidence directory (it holds stream.jsonl or report.json), or a
 * directory of those (and of *.jsonl streams).  Prints why an input is
 * bad ("hardprobe: ...") and returns -EINVAL for it, after adding the
 * rest; -ENOMEM when out of memory; else 0.
 */
int hp_summary_load(struct hp_summary *s, const struct hp_summary_load *o,
		    const char *path);

/* The writers behind hp_summary_write(); each returns 0 or -errno. */
int hp_summary_text(const struct hp_summary *s, FILE *out);
int hp_summary_json(const struct hp_summary *s, FILE *out);
int hp_summary_junit(const struct hp_summary *s, FILE *out);

/* Aggregates for the writers: the distinct profiles with their run
 * counts, and the checks that failed or errored in any run. */
struct hp_summary_count {
	const char *key; /* a profile name or a check id; borrowed */
	size_t runs, pass, fail, error;
};

/* Fill *out (freed by the caller) with one entry per profile ("-" for
 * runs without a report), in order of first appearance.  The count, or
 * -ENOMEM. */
long hp_summary_by_profile(const struct hp_summary *s,
			   struct hp_summary_count **out);

/* One entry per check id that failed or errored in some run: fail and
 * error count runs.  The count, or -ENOMEM. */
long hp_summary_by_check(const struct hp_summary *s,
			 struct hp_summary_count **out);

#endif
