/* The last step of loading a profile: the values of its parameters
 * (defaults, then --set), put into the lines that use them, and those
 * lines checked against their check as if written with the values. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "judge.h"
#include "params.h"
#include "profile-impl.h"

int hp_expect_uses_params(const struct hp_expect *e)
{
	for (size_t i = 0; i < e->nargs; i++)
		if (strstr(e->raw[i], "${"))
			return 1;
	return 0;
}

/* The names p declares, "a, b", for a message. */
static void param_names(const struct hp_profile *p, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->nparams && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i ? ", " : "", p->params[i].name);
	if (p->nparams == 0)
		snprintf(buf, len, "none");
}

static int apply_sets(struct hp_loader *L, struct hp_profile *p)
{
	char names[512];
	int rc = 0;

	for (size_t i = 0; i < L->o->nsets; i++) {
		const char *s = L->o->sets[i];
		int r = hp_param_set(&p->params, &p->nparams, s, false, NULL,
				     0);

		param_names(p, names, sizeof(names));
		if (r == -EINVAL)
			rc = hp_loader_error(L, p->path, 0,
					     "--set '%s': want NAME=VALUE", s);
		else if (r == -ENOENT)
			rc = hp_loader_error(L, p->path, 0,
					     "--set '%s': no such parameter "
					     "(the profile has: %s)",
					     s, names);
		else if (r < 0)
			rc = hp_loader_error(L, p->path, 0, "out of memory");
	}
	return rc;
}

static const char *final_value(void *ctx, const char *name, size_t len)
{
	struct hp_profile *p = ctx;
	struct hp_param *v = hp_param_find(p->params, p->nparams, name, len);

	return v ? v->value : NULL;
}

/* Expand e's words and check them; 0, or -1 after reporting. */
static int expand_one(struct hp_loader *L, struct hp_profile *p,
		      struct hp_expect *e)
{
	const struct hp_check *chk = hp_check_find(e->check);
	char why[256], *v;
	int rc;

	for (size_t i = 0; i < e->nargs; i++) {
		rc = hp_param_expand(e->raw[i], final_value, p, &v, why,
				     sizeof(why));
		if (rc < 0)
			return hp_loader_error(L, e->file, e->line, "%s: %s",
					       e->check,
					       rc == -ENOMEM ? "out of memory"
							     : why);
		free(e->args[i]);
		e->args[i] = v;
	}
	if (chk->parse(e, why, sizeof(why)) < 0)
		return hp_loader_error(L, e->file, e->line,
				       "%s: %s (parameters expanded)", e->check,
				       why);
	return 0;
}

int hp_profile_resolve(struct hp_loader *L, struct hp_profile *p)
{
	int rc = apply_sets(L, p);

	for (size_t i = 0; rc == 0 && i < p->n; i++) {
		struct hp_expect *e = &p->expects[i];

		if (!e->off && hp_expect_uses_params(e) &&
		    expand_one(L, p, e) < 0)
			rc = -1;
	}
	return rc;
}
