/* hardprobe exec: the options, and running the probes through an exec. */
#ifndef HARDPROBE_EXEC_RUN_H
#define HARDPROBE_EXEC_RUN_H

#include <stdbool.h>

#include "run.h"

struct hp_exec_opts {
	struct hp_run_opts run; /* the verdict, ctr (or runc), results */
	const char *container;	/* the running container to probe */
	bool runc;		/* --runtime runc */
	const char *runc_root;	/* --runc-root */
	bool runc_root_given;
	const char *process; /* --process FILE, or NULL */
	char *image;	     /* the container's image, when containerd says */
};

/*
 * Run /hardprobe/run-probes in x->container through an exec with the id
 * id, keeping in ev: stream.jsonl, command.txt, ctr.log (the runtime's
 * stderr), oci-spec.json (the container's spec) and, with --process,
 * process.json.  Returns 0 when there is a stream to judge, or prints
 * why not and returns HP_EXIT_USAGE (an unreadable --process file) or
 * HP_EXIT_RUN.  The container is left as it was.
 */
int hp_exec_probes(struct hp_exec_opts *x, const char *id,
		   const struct hp_evidence *ev);

#endif
