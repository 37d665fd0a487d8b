/* hardprobe run: the steps of one run, in the order cmd-run.c takes them. */
#ifndef HARDPROBE_RUN_H
#define HARDPROBE_RUN_H

#include <sys/types.h>

#include "ctr.h"
#include "results.h"
#include "verdict.h"

struct hp_run_opts {
	struct hp_verdict_opts verdict;
	struct hp_ctr ctr;
	const char *image;   /* image reference */
	const char *archive; /* --image-archive, or NULL */
	const char *results; /* where evidence directories go */
	char **flags;	     /* ctr run flags, after "--" */
	int nflags;
	int count; /* --count: containers to run at once */
	/* The container's command, after the image and id: NULL for the
	 * image's own, else the probes with the profile's net.egress
	 * targets (see hp_run_probe_args). */
	char **probe_args;
};

/*
 * When profile p names net.egress targets, set o->probe_args to the
 * command "/hardprobe/run-probes --egress TARGET..." (NULL-terminated,
 * pointing into p; free() only the array).  Otherwise leave it NULL.
 * Returns 0, or -ENOMEM.
 */
int hp_run_probe_args(const struct hp_profile *p, struct hp_run_opts *o);

/* The defaults of run's options, from the environment where it says
 * ($CONTAINERD_ADDRESS, $CONTAINERD_NAMESPACE, $HARDPROBE_CTR). */
void hp_run_defaults(struct hp_run_opts *o);

/* Make sure o->image is in containerd, importing the image archive when
 * it is not.  Returns 0, or prints why not and returns HP_EXIT_RUN. */
int hp_run_image(const struct hp_run_opts *o);

/*
 * Run the container id: ctr run --rm FLAGS IMAGE ID, its stdout kept as
 * stream.jsonl in ev, with command.txt and ctr.log.  Returns 0 when the
 * probes wrote a stream to judge, or prints why not (what ctr said),
 * removes what is left of the container, and returns HP_EXIT_RUN.
 */
int hp_run_container(const struct hp_run_opts *o, const char *id,
		     const struct hp_evidence *ev);

/* A fresh id, hardprobe-PID-RANDOM: unique on this host, so that runs at
 * the same time (and runc's state, kept by namespace and id) never
 * collide.  0 or -errno. */
int hp_run_new_id(char *buf, size_t size);

/* A fresh id (hp_run_new_id()) in id and its evidence directory under
 * results in ev.  Returns 0, or HP_EXIT_RUN after saying why. */
int hp_run_evidence_open(const char *results, char *id, size_t size,
			 struct hp_evidence *ev);

/* command.txt in ev: the whole argv of ctr for args, one argument a
 * line (escaped, so that an argument holding a newline stays one line).
 * 0 or -errno. */
int hp_run_keep_command(const struct hp_run_opts *o, char **args,
			const struct hp_evidence *ev);

/*
 * Run ctr (or runc) with args, its stdout going to stream.jsonl in ev and
 * its stderr to ctr.log; for ctr, also keep the container's spec as
 * oci-spec.json.  Returns the size of the stream (0 when what came is
 * not a record stream), or -1 (after saying why) when it could not be
 * run.  Free call with hp_ctr_call_free.
 */
off_t hp_run_stream(const struct hp_run_opts *o, const char *id, char **args,
		    const struct hp_evidence *ev, struct hp_ctr_call *call);

/* Judge the kept stream.jsonl of ev against p; the exit status. */
int hp_run_judge(const struct hp_run_opts *o, const struct hp_profile *p,
		 const struct hp_evidence *ev);

/* Kill and remove container id, if it is still there. */
void hp_run_cleanup(const struct hp_ctr *c, const char *id);

#endif
