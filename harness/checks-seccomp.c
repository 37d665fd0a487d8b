/* seccomp checks: the filter mode, and whether dangerous system calls
 * reach the kernel. */
#include <stdlib.h>
#include <string.h>

#include "checks.h"

static const char *const mode_words[] = { "disabled", "strict", "filter",
					  NULL };

int hp_parse_seccomp_mode(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, mode_words, err, errlen);
}

void hp_judge_seccomp_mode(const struct hp_expect *e,
			   const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *mode, *filters;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, mode_words, res)) < 0 ||
	    !(mode = hp_field(d, "mode", json_type_int, res)) ||
	    hp_field_opt(d, "filters", json_type_int, &filters, res) < 0)
		return;
	if (json_object_get_int(mode) != outcome)
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"'%s' disagrees with mode %d",
				mode_words[outcome], json_object_get_int(mode));
	else if (outcome == 2 && filters)
		hp_set_observed(res, hp_match(e, "filter"),
				"filter (%d filter%s)",
				json_object_get_int(filters),
				json_object_get_int(filters) == 1 ? "" : "s");
	else
		hp_set_observed(res, hp_match(e, mode_words[outcome]), "%s",
				mode_words[outcome]);
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
		if (!e->args[i][0] ||
		    strspn(e->args[i],
			   "abcdefghijklmnopqrstuvwxyz0123456789_") !=
			    strlen(e->args[i]))
			return hp_parse_fail(err, errlen,
					     "'%s' is not a system call name",
					     e->args[i]);
	return 0;
}

/* Whether the profile asks about call name. */
static bool asked(const struct hp_expect *e, const char *name)
{
	for (size_t i = 1; i < e->nargs; i++)
		if (strcmp(e->args[i], name) == 0)
			return true;
	return e->nargs == 1;
}

static bool has_call(json_object *calls, const char *name)
{
	for (size_t i = 0; i < json_object_array_length(calls); i++) {
		json_object *c = json_object_array_get_idx(calls, i);

		if (strcmp(hp_str_or(c, "name", ""), name) == 0)
			return true;
	}
	return false;
}

struct tally {
	char *reachable; /* asked calls that reached the kernel */
	size_t asked;
	bool any_reachable;
};

static int take_call(const struct hp_expect *e, json_object *c, struct tally *t,
		     struct hp_result *res)
{
	static const char *const results[] = { "blocked", "reachable", "absent",
					       NULL };
	json_object *name = hp_field(c, "name", json_type_string, res);
	json_object *result = hp_field(c, "result", json_type_string, res);
	const char *n, *r;
	size_t i;

	if (!name || !result)
		return -1;
	n = json_object_get_string(name);
	r = json_object_get_string(result);
	for (i = 0; results[i] && strcmp(r, results[i]) != 0; i++)
		;
	if (!results[i]) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: unknown "
				"result '%s' for %s",
				r, n);
		return -1;
	}
	t->any_reachable |= i == 1;
	if (!asked(e, n))
		return 0;
	t->asked++;
	return i == 1 ? hp_list_add(&t->reachable, n) : 0;
}

static const char *unprobed(const struct hp_expect *e, json_object *calls)
{
	for (size_t i = 1; i < e->nargs; i++)
		if (!has_call(calls, e->args[i]))
			return e->args[i];
	return NULL;
}

static void conclude(const struct hp_expect *e, json_object *calls, int outcome,
		     const struct tally *t, struct hp_result *res)
{
	const char *missing = unprobed(e, calls);

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
}
