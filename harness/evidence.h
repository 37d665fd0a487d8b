/* What makes an evidence directory an auditor can keep: the reports in
 * every format asked for, the container's OCI spec, the facts of the run,
 * and a manifest with the SHA-256 of every file, written last. */
#ifndef HARDPROBE_EVIDENCE_H
#define HARDPROBE_EVIDENCE_H

#include <json-c/json.h>

#include "judge.h"
#include "profile.h"
#include "results.h"
#include "run.h"

/* The bit of format fmt in a set of formats. */
#define HP_FORMAT_BIT(fmt) (1u << (unsigned)(fmt))

/* Keep r as report.txt and report.json, and in every other format of
 * formats (report.junit.xml, report.tap, report.oscal.json).  Prints what
 * cannot be written; 0 or -errno. */
int hp_evidence_reports(const struct hp_evidence *ev, const struct hp_report *r,
			unsigned formats);

/* The current UTC time as RFC 3339 ("2026-12-03T20:09:01Z"). */
void hp_utc_now(char buf[32]);

/* What the manifest records about a run besides its files. */
struct hp_manifest {
	int argc; /* the hardprobe command: "run" and its arguments */
	char **argv;
	const struct hp_run_opts *opts;
	const struct hp_profile *profile;
	const char *container_id;
	json_object *facts; /* hp_run_facts(); the manifest takes it */
	char started[32], ended[32];
	int exit_status;
};

/*
 * The facts of the place the run happened, as an object with "image"
 * (the reference and the digest containerd holds for it), "runtime"
 * (containerd's version, the server's; runc's, the one --runc-binary
 * names, else the one in PATH) and "kernel" (uname).  A fact that cannot
 * be learnt is null.  Never NULL.
 */
json_object *hp_run_facts(const struct hp_run_opts *o);

/* The profile as it judged: its name, the SHA-256 of its resolved
 * expectations written one a line, and the files they came from with
 * their SHA-256.  Never NULL. */
json_object *hp_profile_facts(const struct hp_profile *p);

/* Write manifest.json into ev: m's facts, and the name, size and SHA-256
 * of every file in the directory.  0 or -errno. */
int hp_manifest_write(const struct hp_evidence *ev, struct hp_manifest *m);

/* manifest.json, last, when every other file is whole: m's facts taken
 * now, with m->ended set.  Says what cannot be written. */
void hp_run_manifest(const struct hp_evidence *ev, struct hp_manifest *m);

#endif
