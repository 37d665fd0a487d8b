/* kernel.surface: the kernel settings that open the kernel to
 * unprivileged processes meet the profile's demands, such as
 * "kernel.surface require unprivileged_bpf_disabled>=1
 * perf_event_paranoid>=2". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-host.h"
#include "../probes/surface-sysctls.h"

static const char *const sysctls[] = {
	HP_SURFACE_SYSCTLS,
	NULL,
};

/* One demand: NAME OP VALUE, NAME full or without its prefix. */
struct demand {
	const char *sysctl;
	char op[3];
	long long value;
};

static const char *full_name(const char *name, size_t len)
{
	for (size_t i = 0; sysctls[i]; i++) {
		const char *shrt = strchr(sysctls[i], '.') + 1;

		if ((strlen(sysctls[i]) == len &&
		     !strncmp(sysctls[i], name, len)) ||
		    (strlen(shrt) == len && !strncmp(shrt, name, len)))
			return sysctls[i];
	}
	return NULL;
}

static int parse_demand(const char *arg, struct demand *d)
{
	size_t len = strcspn(arg, "<>=!");
	const char *op = arg + len;
	char *end;

	d->sysctl = full_name(arg, len);
	if (!d->sysctl)
		return -1;
	len = strspn(op, "<>=!");
	if (len < 1 || len > 2)
		return -1;
	snprintf(d->op, sizeof(d->op), "%.*s", (int)len, op);
	if (strcmp(d->op, ">=") && strcmp(d->op, "<=") && strcmp(d->op, "=") &&
	    strcmp(d->op, "!="))
		return -1;
	d->value = strtoll(op + len, &end, 10);
	return end == op + len || *end ? -1 : 0;
}

int hp_parse_kernel_surface(const struct hp_expect *e, char *err, size_t errlen)
{
	struct demand d;

	if (strcmp(e->args[0], "require") != 0)
		return hp_parse_fail(err, errlen,
				     "unknown expectation '%s' (want require)",
				     e->args[0]);
	if (e->nargs < 2)
		return hp_parse_fail(err, errlen,
				     "require needs at least one NAME>=N");
	for (size_t i = 1; i < e->nargs; i++)
		if (parse_demand(e->args[i], &d) < 0)
			return hp_parse_fail(err, errlen,
					     "bad demand '%s' (want NAME "
					     "then >=, <=, = or != then a "
					     "number; NAME one of the "
					     "probed sysctls)",
					     e->args[i]);
	return 0;
}

static bool met(const struct demand *d, long long v)
{
	if (!strcmp(d->op, ">="))
		return v >= d->value;
	if (!strcmp(d->op, "<="))
		return v <= d->value;
	return !strcmp(d->op, "=") ? v == d->value : v != d->value;
}

/* Judge one demand; adds "NAME V" to seen and, when unmet, to unmet. */
static int judge_demand(const char *arg, json_object *values, char **seen,
			char **unmet)
{
	json_object *v = NULL;
	struct demand d;
	char text[160];

	if (parse_demand(arg, &d) < 0)
		return -1;
	json_object_object_get_ex(values, d.sysctl, &v);
	if (!json_object_is_type(v, json_type_int))
		snprintf(text, sizeof(text), "%s absent (want %s%lld)",
			 d.sysctl, d.op, d.value);
	else if (!met(&d, json_object_get_int64(v)))
		snprintf(text, sizeof(text), "%s %lld (want %s%lld)", d.sysctl,
			 (long long)json_object_get_int64(v), d.op, d.value);
	else
		return hp_list_add(seen, arg);
	return hp_list_add(unmet, text);
}

void hp_judge_kernel_surface(const struct hp_expect *e,
			     const struct hp_record *rec, struct hp_result *res)
{
	static const char *const words[] = { "observed", NULL };
	json_object *d, *values;
	char *seen = NULL, *unmet = NULL;
	int outcome;
	size_t i;

	d = hp_begin_word(e, rec, words, &outcome, res);
	hp_set_expected_args(res, e, "require", "nothing");
	if (!d || !(values = hp_field(d, "sysctls", json_type_object, res)))
		return;
	for (i = 1; i < e->nargs; i++)
		if (judge_demand(e->args[i], values, &seen, &unmet) < 0)
			break;
	if (i < e->nargs)
		hp_set_observed(res, HP_ERROR, "bad demand '%s'", e->args[i]);
	else if (unmet)
		hp_set_observed(res, HP_FAIL, "%s", unmet);
	else
		hp_set_observed(res, HP_PASS, "met: %s", seen ? seen : "-");
	free(seen);
	free(unmet);
}
