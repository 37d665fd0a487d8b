/* Internals of the profile loader, shared by profile.c (files, lines,
 * inheritance) and profile-resolve.c (parameters, once all is read). */
#ifndef HARDPROBE_PROFILE_IMPL_H
#define HARDPROBE_PROFILE_IMPL_H

#include <stddef.h>

#include "profile.h"

/* Deeper chains than this are surely a mistake. */
#define HP_MAX_DEPTH 16

struct hp_loader {
	const struct hp_load_opts *o;
	char *chain[HP_MAX_DEPTH]; /* real paths of the files being read */
	size_t depth;
	char *err; /* the first error */
	size_t errlen;
	size_t nerr; /* how many errors so far */
};

/* Report an error at FILE:LINE (line 0: at FILE) and count it; returns
 * -1. */
int hp_loader_error(struct hp_loader *L, const char *file, int line,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Whether any argument of e, as written, uses a parameter. */
int hp_expect_uses_params(const struct hp_expect *e);

/* Apply the --set values of L->o to p, expand the parameters in every
 * expectation that uses them and validate the result against its check.
 * Returns 0, or -1 after reporting each error. */
int hp_profile_resolve(struct hp_loader *L, struct hp_profile *p);

#endif
