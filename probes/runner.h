/* Running one probe in a child process and turning what it did into a
 * stream record. */
#ifndef HARDPROBE_RUNNER_H
#define HARDPROBE_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

#include "probe.h"

/* The most a probe may print; more is a bad-output error. */
#define HP_OUTPUT_CAP (1024 * 1024)

/* What happened to one probe child. */
struct hp_capture {
	int wstatus;	/* from waitpid */
	bool timed_out; /* killed by us at the deadline */
	bool overflow;	/* printed more than HP_OUTPUT_CAP */
	char *out;	/* its stdout, NUL-terminated, malloc'd */
	size_t len;
	long duration_ms;
	long timeout_ms;
};

/* Block SIGCHLD and give it a handler, so that the runner can wait for
 * a child and its pipe at once.  Call once before hp_capture_probe. */
int hp_runner_init(void);

/*
 * Fork a child that runs p and writes its data object to a pipe; collect
 * that output and the child's exit, killing it after timeout_ms.
 * Returns 0 (c filled; free c->out), or -errno when no child could run.
 */
int hp_capture_probe(const struct hp_probe *p, long timeout_ms,
		     struct hp_capture *c);

/* The stream record for a captured run: status "ok" with its data, or
 * status "error" with why.  Never NULL. */
json_object *hp_record_build(const char *id, int seq,
			     const struct hp_capture *c);

/* The error record for a probe whose child could not be started
 * (err is the errno of pipe or fork). */
json_object *hp_record_unstarted(const char *id, int seq, int err);

#endif
