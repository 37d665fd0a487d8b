/* Running one probe in a child process and turning what it did into a
 * stream record. */
#ifndef HARDPROBE_RUNNER_H
#define HARDPROBE_RUNNER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

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

/* One probe child, from its start until it is over. */
struct hp_job {
	const struct hp_probe *probe;
	size_t index; /* the caller's: which record it will be */
	pid_t pid;
	int fd; /* the read end of its stdout pipe */
	bool running;
	bool done; /* over: c is complete (free c.out) */
	bool eof;
	bool reaped;
	struct timespec start, deadline;
	struct hp_capture c;
};

/* Block SIGCHLD and give it a handler, so that the runner can wait for
 * children and their pipes at once.  Call once before hp_job_start. */
int hp_runner_init(void);

/*
 * Fork a child that runs p and writes its data object to a pipe, to be
 * killed after timeout_ms.  Returns 0 (j running), or -errno when no
 * child could start (EAGAIN: too many processes).
 */
int hp_job_start(struct hp_job *j, const struct hp_probe *p, long timeout_ms);

/* Wait once for any of the n jobs (those not running are ignored): read
 * their output, reap them, kill those past their deadline or over the
 * output cap.  A job that is over has done set. */
void hp_jobs_wait(struct hp_job *jobs, size_t n);

/* The stream record for a captured run: status "ok" with its data, or
 * status "error" with why.  Never NULL. */
json_object *hp_record_build(const char *id, int seq,
			     const struct hp_capture *c);

/* The error record for a probe whose child could not be started
 * (err is the errno of pipe or fork). */
json_object *hp_record_unstarted(const char *id, int seq, int err);

#endif
