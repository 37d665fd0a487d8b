/* hardprobe run --count N: N containers at once on one containerd, each
 * with its own evidence directory, and one summary of them all. */
#ifndef HARDPROBE_RUN_COUNT_H
#define HARDPROBE_RUN_COUNT_H

#include "profile.h"
#include "run.h"

struct hp_manifest;

/* One run, as cmd-run.c does it: its exit status. */
typedef int hp_run_fn(const struct hp_run_opts *o, const struct hp_profile *p,
		      struct hp_manifest *m);

/* The most containers one --count starts at once. */
#define HP_RUN_COUNT_MAX 1000

/*
 * Run fn o->count times in parallel, each in a child process of its own
 * (each child picks its own container id and evidence directory under
 * o->results, and keeps its report there rather than printing it).  Then
 * print the summary of the runs in o->verdict.format to o->verdict.output
 * or stdout.  Returns the worst exit status of the runs (3 above 2 above
 * 1 above 0), or 2 when the summary cannot be read or written.
 */
int hp_run_count(const struct hp_run_opts *o, const struct hp_profile *p,
		 struct hp_manifest *m, hp_run_fn *fn);

/* --count ARG into *count: 0, or HP_EXIT_USAGE after saying why. */
int hp_run_count_option(const char *arg, int *count);

#endif
