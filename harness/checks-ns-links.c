/* Namespace checks whose evidence is the namespace link or the paths a
 * namespace shows: UTS, cgroup and time. */
#include <stdio.h>
#include <string.h>

#include "checks-host.h"

static const char *const words[] = { "isolated", "host", NULL };

/* The hostname=NAME argument of ns.host-uts, or NULL. */
static const char *hostname_arg(const struct hp_expect *e)
{
	return e->nargs == 2 ? e->args[1] + strlen("hostname=") : NULL;
}

int hp_parse_ns_host_uts(const struct hp_expect *e, char *err, size_t errlen)
{
	struct hp_expect one = *e;

	one.nargs = 1;
	if (e->nargs > 2)
		return hp_parse_fail(err, errlen, "too many arguments");
	if (e->nargs == 2 &&
	    (strncmp(e->args[1], "hostname=", 9) != 0 || !e->args[1][9]))
		return hp_parse_fail(err, errlen,
				     "bad argument '%s' (want hostname=NAME)",
				     e->args[1]);
	return hp_parse_word(&one, words, err, errlen);
}

/* The initial_ns field must agree with the outcome. */
static int check_initial(json_object *d, int outcome, struct hp_result *res)
{
	json_object *initial =
		hp_field(d, "initial_ns", json_type_boolean, res);

	if (!initial)
		return -1;
	if (json_object_get_boolean(initial) != (outcome == 1)) {
		hp_disagree(res, words[outcome], "'initial_ns'");
		return -1;
	}
	return 0;
}

void hp_judge_ns_host_uts(const struct hp_expect *e,
			  const struct hp_record *rec, struct hp_result *res)
{
	const char *want = hostname_arg(e);
	json_object *d, *name;
	enum hp_status st;
	int outcome;

	if (!(d = hp_begin_word(e, rec, words, &outcome, res)) ||
	    check_initial(d, outcome, res) < 0 ||
	    !(name = hp_field(d, "hostname", json_type_string, res)))
		return;
	if (want)
		hp_set_expected(res, "%s, hostname '%s'", e->args[0], want);
	st = hp_match(e, words[outcome]);
	if (want && strcmp(want, json_object_get_string(name)) != 0)
		st = HP_FAIL;
	hp_set_observed(res, st, "%s (%s UTS namespace, hostname '%s')",
			words[outcome], outcome ? "the initial" : "own",
			json_object_get_string(name));
}

int hp_parse_ns_cgroup(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_ns_cgroup(const struct hp_expect *e, const struct hp_record *rec,
			struct hp_result *res)
{
	json_object *d, *paths;
	char text[512];
	int outcome, initial;

	if (!(d = hp_begin_word(e, rec, words, &outcome, res)) ||
	    !(paths = hp_field(d, "paths", json_type_array, res)) ||
	    hp_join_strings(paths, "paths", text, sizeof(text), res) < 0)
		return;
	initial = hp_bool_or(d, "initial_ns", 0);
	if ((initial || json_object_array_length(paths)) != (outcome == 1)) {
		hp_disagree(res, words[outcome], "'paths' and 'initial_ns'");
		return;
	}
	if (outcome == 1)
		hp_set_observed(res, hp_match(e, "host"),
				"host (%s; cgroup paths: %s)",
				initial ? "initial cgroup namespace"
					: "own cgroup namespace",
				text);
	else
		hp_set_observed(res, hp_match(e, "isolated"),
				"isolated (every cgroup path is /)");
}

int hp_parse_ns_time(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_ns_time(const struct hp_expect *e, const struct hp_record *rec,
		      struct hp_result *res)
{
	json_object *d;
	int outcome, nonzero;

	if (!(d = hp_begin_word(e, rec, words, &outcome, res)) ||
	    check_initial(d, outcome, res) < 0)
		return;
	nonzero = hp_bool_or(d, "offsets_nonzero", -1);
	hp_set_observed(res, hp_match(e, words[outcome]),
			"%s (%s time namespace, clock offsets %s)",
			words[outcome], outcome ? "the initial" : "own",
			nonzero < 0 ? "unknown"
			: nonzero   ? "set"
				    : "zero");
}
