/* hardprobe diff: what changed between two runs of the same workload,
 * and whether any of it made the container weaker. */
#ifndef HARDPROBE_DIFF_H
#define HARDPROBE_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "judge.h"
#include "stream.h"

enum hp_direction { HP_WEAKER, HP_STRONGER, HP_CHANGED };

/* One change: what (check, caps, mount, syscall, fact, probe), of which
 * subject ("caps.sets", "effective", "/data", "ptrace", "user"), what it
 * was in the old run and is now in the new one ("" for absent). */
struct hp_change {
	char *what;
	char *subject;
	char *was;
	char *now;
	enum hp_direction dir;
};

struct hp_diff {
	struct hp_change *v;
	size_t n;
	size_t weaker;
};

/* Add a change; copies the strings.  0 or -ENOMEM. */
int hp_diff_add(struct hp_diff *d, const char *what, const char *subject,
		const char *was, const char *now, enum hp_direction dir);

/* Checks whose status differs between two judgements of one profile: a
 * worse status (pass, then skip, then fail or error) is weaker. */
int hp_diff_checks(const struct hp_report *a, const struct hp_report *b,
		   struct hp_diff *d);

/* What the records say, compared: probes that stopped giving a record,
 * capabilities gained or lost in each set, mounts added, removed or made
 * writable, dangerous system calls that became reachable, and the facts
 * user, seccomp mode, no_new_privs and host root mapping. */
int hp_diff_streams(const struct hp_stream *a, const struct hp_stream *b,
		    struct hp_diff *d);

/* The capability and mount comparisons that hp_diff_streams uses. */
int hp_diff_caps(json_object *a, json_object *b, struct hp_diff *d);
int hp_diff_mounts(json_object *a, json_object *b, struct hp_diff *d);

void hp_diff_free(struct hp_diff *d);

const char *hp_direction_name(enum hp_direction dir);

/* The diff as text (one change a line, then a summary) or as json
 * ({"old","new","profile","weaker","changes":[...]}).  0 or -errno. */
int hp_diff_write_text(const struct hp_diff *d, const char *was,
		       const char *now, const char *profile, FILE *out);
int hp_diff_write_json(const struct hp_diff *d, const char *was,
		       const char *now, const char *profile, FILE *out);

#endif
