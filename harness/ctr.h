/* Running containerd's ctr client: argv vectors and child processes, never
 * a shell. */
#ifndef HARDPROBE_CTR_H
#define HARDPROBE_CTR_H

#include <stdbool.h>

struct hp_ctr {
	const char *program; /* "ctr", or $HARDPROBE_CTR */
	const char *address; /* containerd socket, ctr -a */
	const char *ns;	     /* containerd namespace, ctr -n */
	int timeout_s;	     /* for each call */
	/* Set: program is runc, called with --root RUNC_ROOT instead of
	 * -a and -n (hardprobe exec --runtime runc). */
	const char *runc_root;
};

/* One call of ctr: what it wrote and how it ended. */
struct hp_ctr_call {
	int out_fd;	 /* ctr's stdout goes here; -1 to capture it in out */
	int status;	 /* its wait status */
	bool timed_out;	 /* killed after timeout_s */
	int interrupted; /* killed because we got this signal (or 0) */
	char *out;	 /* captured stdout, NUL-terminated (or NULL) */
	char *err;	 /* captured stderr, NUL-terminated */
};

/* The whole argv: program -a ADDRESS -n NS args... (or program --root
 * RUNC_ROOT args...); NULL-terminated,
 * pointing into c and args; free() only the array.  NULL: no memory. */
char **hp_ctr_argv(const struct hp_ctr *c, char *const *args);

/*
 * Run ctr with args (NULL-terminated), stdin from /dev/null, stderr
 * captured; kill it when it outlives c->timeout_s (SIGTERM, then SIGKILL)
 * or when SIGINT, SIGTERM or SIGHUP arrives meanwhile, so that the caller
 * can still clean up.
 * Returns 0 when it ran and ended (see call->status and timed_out), or
 * -errno when it could not be started.  Free call with hp_ctr_call_free.
 */
int hp_ctr_call(const struct hp_ctr *c, char *const *args,
		struct hp_ctr_call *call);

void hp_ctr_call_free(struct hp_ctr_call *call);

/* Whether call ended by exiting 0. */
bool hp_ctr_ok(const struct hp_ctr_call *call);

/* The last non-empty line of what ctr wrote on stderr (a new string),
 * or a description of how it ended; NULL when out of memory. */
char *hp_ctr_said(const struct hp_ctr_call *call);

#endif
