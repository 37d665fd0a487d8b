/* Expected hardening profiles: the cases/NAME.profile format. */
#ifndef HARDPROBE_PROFILE_H
#define HARDPROBE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

/* One expectation line, inheritance already resolved. */
struct hp_expect {
	char *check; /* check id, the same as the probe id */
	char **args; /* expectation word and its arguments */
	size_t nargs;
	bool off; /* switched off; reason holds why */
	char *reason;
	char *file; /* where it was written, for messages */
	int line;
};

struct hp_profile {
	char *name;
	char *description;
	char *path; /* the file it came from */
	struct hp_expect *expects;
	size_t n;
};

/*
 * Load profile spec: a path to a file (contains '/' or ends in
 * ".profile"), or a built-in name looked up as CASES_DIR/NAME.profile.
 * extends is followed within cases_dir (or beside the file).  Every
 * expectation is validated against the check table.  Returns 0, or -1
 * with err "FILE:LINE: why" (or "NAME: why" when the file cannot be
 * opened).
 */
int hp_profile_load(const char *spec, const char *cases_dir,
		    struct hp_profile *out, char *err, size_t errlen);

void hp_profile_free(struct hp_profile *p);

#endif
