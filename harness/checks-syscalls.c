/* seccomp.dangerous-syscalls: whether risky system calls reach the kernel.
 * A call is blocked whatever blocked it; the layer (seccomp, a missing
 * capability, a kernel without the call) is reported beside, and called
 * inconclusive when the record cannot tell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"

/* A call name, optionally with a variant: "socket" or "socket(AF_ALG)". */
static bool is_call_name(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	size_t v;

	if (n == 0)
		return false;
	if (!s[n])
		return true;
	v = strspn(s + n + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
	return s[n] == '(' && v > 0 && strcmp(s + n + 1 + v, ")") == 0;
}

int hp_parse_seccomp_dangerous_syscalls(const struct hp_expect *e, char *err,
					size_t errlen)
{
	if (strcmp(e->args[0], "blocked") != 0)
		return hp_parse_fail(err, errlen,
				     "unknown expectation '%s' (want "
				     "blocked)",
				     e->args[0]);
	for (size_t i = 1; i < e->nargs; i++)
		if (!is_call_name(e->args[i]))
			return hp_parse_fail(err, errlen,
					     "'%s' is not a system call name",
					     e->args[i]);
	return 0;
}

/* One try of the record: its name and its label, "name(variant)". */
struct call {
	const char *name;
	char label[128];
};

static void call_of(json_object *c, const char *name, struct call *out)
{
	const char *variant = hp_str_or(c, "variant", NULL);

	out->name = name;
	if (variant)
		snprintf(out->label, sizeof(out->label), "%s(%s)", name,
			 variant);
	else
		snprintf(out->label, sizeof(out->label), "%s", name);
}

/* Whether the profile argument arg names the try c. */
static bool names(const char *arg, const struct call *c)
{
	return strcmp(arg, c->name) == 0 || strcmp(arg, c->label) == 0;
}

static bool asked(const struct hp_expect *e, const struct call *c)
{
	for (size_t i = 1; i < e->nargs; i++)
		if (names(e->args[i], c))
			return true;
	return e->nargs == 1;
}

static bool has_call(json_object *calls, const char *arg)
{
	struct call c;

	for (size_t i = 0; i < json_object_array_length(calls); i++) {
		json_object *o = json_object_array_get_idx(calls, i);

		call_of(o, hp_str_or(o, "name", ""), &c);
		if (names(arg, &c))
			return true;
	}
	return false;
}

struct tally {
	char *reachable;    /* asked tries that reached the kernel */
	char *inconclusive; /* blocked, by a layer the record cannot tell */
	size_t asked, seccomp, killed, capability, absent;
	bool any_reachable;
};

/* Count a blocked try by the layer that blocked it. */
static int take_blocked(json_object *c, const struct call *call,
			struct tally *t)
{
	const char *layer = hp_str_or(c, "layer", "");

	if (strcmp(hp_str_or(c, "signal", ""), "SIGSYS") == 0)
		t->killed++;
	if (strcmp(layer, "seccomp") == 0)
		t->seccomp++;
	else if (strcmp(layer, "capability") == 0)
		t->capability++;
	else
		return hp_list_add(&t->inconclusive, call->label);
	return 0;
}

static int take_call(const struct hp_expect *e, json_object *c, struct tally *t,
		     struct hp_result *res)
{
	static const char *const results[] = { "blocked", "reachable", "absent",
					       NULL };
	json_object *name = hp_field(c, "name", json_type_string, res);
	json_object *result = hp_field(c, "result", json_type_string, res);
	struct call call;
	const char *r;
	size_t i;

	if (!name || !result)
		return -1;
	call_of(c, json_object_get_string(name), &call);
	r = json_object_get_string(result);
	for (i = 0; results[i] && strcmp(r, results[i]) != 0; i++)
		;
	if (!results[i]) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: unknown "
				"result '%s' for %s",
				r, call.label);
		return -1;
	}
	t->any_reachable |= i == 1;
	if (!asked(e, &call))
		return 0;
	t->asked++;
	t->absent += i == 2;
	if (i == 1)
		return hp_list_add(&t->reachable, call.label);
	return i == 0 ? take_blocked(c, &call, t) : 0;
}

static const char *unprobed(const struct hp_expect *e, json_object *calls)
{
	for (size_t i = 1; i < e->nargs; i++)
		if (!has_call(calls, e->args[i]))
			return e->args[i];
	return NULL;
}

/* "seccomp: 60, killed by SIGSYS: 2; capability: 3; absent: 12; layer
 * inconclusive: pivot_root, fsopen", the parts that are not zero. */
static void layers(const struct tally *t, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	if (t->seccomp)
		n += snprintf(buf + n, len - n, "; seccomp: %zu", t->seccomp);
	if (t->killed && n < len)
		n += snprintf(buf + n, len - n, ", killed by SIGSYS: %zu",
			      t->killed);
	if (t->capability && n < len)
		n += snprintf(buf + n, len - n, "; capability: %zu",
			      t->capability);
	if (t->absent && n < len)
		n += snprintf(buf + n, len - n, "; absent: %zu", t->absent);
	if (t->inconclusive && n < len)
		snprintf(buf + n, len - n, "; layer inconclusive: %s",
			 t->inconclusive);
}

static void conclude(const struct hp_expect *e, json_object *calls, int outcome,
		     const struct tally *t, struct hp_result *res)
{
	const char *missing = unprobed(e, calls);
	char by[2048];

	layers(t, by, sizeof(by));
	if (missing)
		hp_set_observed(res, HP_ERROR, "%s was not probed", missing);
	else if (t->asked == 0)
		hp_set_observed(res, HP_ERROR, "malformed record: no calls");
	else if ((outcome == 1) != t->any_reachable)
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"disagrees with the calls");
	else if (t->reachable)
		hp_set_observed(res, HP_FAIL, "reachable: %s", t->reachable);
	else if (by[0])
		hp_set_observed(res, HP_PASS,
				"%zu call%s blocked or absent (%s)", t->asked,
				t->asked == 1 ? "" : "s", by + 2);
	else
		hp_set_observed(res, HP_PASS, "%zu call%s blocked or absent",
				t->asked, t->asked == 1 ? "" : "s");
}

void hp_judge_seccomp_dangerous_syscalls(const struct hp_expect *e,
					 const struct hp_record *rec,
					 struct hp_result *res)
{
	static const char *const words[] = { "denied", "allowed", NULL };
	struct tally t = { 0 };
	json_object *d, *calls;
	int outcome, rc = 0;

	hp_set_expected_args(res, e, "blocked:", "blocked (all probed)");
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    !(calls = hp_field(d, "calls", json_type_array, res)))
		return;
	for (size_t i = 0; rc == 0 && i < json_object_array_length(calls); i++)
		rc = take_call(e, json_object_array_get_idx(calls, i), &t, res);
	if (rc == 0)
		conclude(e, calls, outcome, &t, res);
	free(t.reachable);
	free(t.inconclusive);
}
