/* Profile parameters: param NAME=DEFAULT, ${NAME} in arguments, and
 * --set NAME=VALUE. */
#ifndef HARDPROBE_PARAMS_H
#define HARDPROBE_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "profile.h"

/* Whether name is a parameter name: [A-Za-z_][A-Za-z0-9_]*. */
bool hp_param_name_ok(const char *name, size_t len);

/* The parameter called name (len bytes) in ps, or NULL. */
struct hp_param *hp_param_find(struct hp_param *ps, size_t n, const char *name,
			       size_t len);

/* Find the value of a parameter, or NULL when there is none of that name. */
typedef const char *(*hp_param_lookup)(void *ctx, const char *name, size_t len);

/*
 * Expand every ${NAME} in s with lookup; "$" not followed by "{" stands
 * for itself.  *out (may be NULL: only check) gets a new string.  Returns
 * 0, -ENOMEM, or -EINVAL with why set ("unknown parameter 'x'",
 * "unterminated '${' in '...'", "bad parameter name '...'").
 */
int hp_param_expand(const char *s, hp_param_lookup lookup, void *ctx,
		    char **out, char *why, size_t whylen);

/* Set the parameter named by "NAME=VALUE" in ps (or add it, with file
 * and line, when add is true).  0, -ENOMEM, -ENOENT (no such parameter,
 * and add is false) or -EINVAL (not NAME=VALUE). */
int hp_param_set(struct hp_param **ps, size_t *n, const char *assign, bool add,
		 const char *file, int line);

void hp_params_free(struct hp_param *ps, size_t n);

#endif
