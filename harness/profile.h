/* Expected hardening profiles: the cases/NAME.profile format. */
#ifndef HARDPROBE_PROFILE_H
#define HARDPROBE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One expectation line, inheritance already resolved. */
struct hp_expect {
	char *check; /* check id, the same as the probe id */
	char **args; /* expectation word and its arguments */
	size_t nargs;
	bool off; /* switched off; reason holds why */
	char *reason;
	char *file; /* where it was written, for messages */
	int line;
	char **raw; /* the arguments as written, before ${NAME} expansion */
	char **controls; /* control ids it evidences: "CIS-Docker:5.12" */
	size_t ncontrols;
};

/* A parameter: a value the profile's lines use as ${NAME}. */
struct hp_param {
	char *name;
	char *value; /* the default, or the value --set gave */
	char *file;  /* where it was declared (the nearest declaration) */
	int line;
};

struct hp_profile {
	char *name;
	char *description;
	char *path; /* the file it came from */
	struct hp_expect *expects;
	size_t n;
	struct hp_param *params; /* in order of declaration, parents first */
	size_t nparams;
	char *extends; /* the parent named by the file itself, or NULL */
};

/* How to load a profile: hp_profile_load() uses only cases_dir. */
struct hp_load_opts {
	const char *cases_dir;
	const char *const *sets; /* "NAME=VALUE" overrides (--set) */
	size_t nsets;
	/* Called with each error ("FILE:LINE: why"), so that a linter can
	 * show them all; loading goes on after an error where it can. */
	void (*on_error)(void *ctx, const char *msg);
	void *ctx;
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

/* hp_profile_load() with parameters set and every error reported; err
 * gets the first error.  Returns 0, or -1 when there was any error. */
int hp_profile_load_opts(const char *spec, const struct hp_load_opts *o,
			 struct hp_profile *out, char *err, size_t errlen);

void hp_profile_free(struct hp_profile *p);

/* Write p in the profile format, inheritance resolved (no extends line):
 * loading the text back gives the same expectations.  Returns 0 or
 * -errno. */
int hp_profile_write(const struct hp_profile *p, FILE *out);

#endif
