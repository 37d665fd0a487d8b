/* cgroup checks: a writable cgroup (cgroup.procs opened for writing,
 * in a mounted hierarchy or a new cgroup2 mount) and the release_agent
 * of cgroup v1 (reachable, or a hierarchy that can be mounted). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-fsiface.h"

static const char *const open_results[] = { "denied", "allowed", "absent",
					    NULL };
static const char *const allowed_only[] = { "allowed", NULL };

/* A mount attempt: {"reached","errno", KEY: open item or null}.  Adds
 * its text to *good or *bad; *mounted says whether the mount worked. */
static int take_attempt(json_object *a, const char *key, const char *what,
			char **good, char **bad, bool *mounted,
			struct hp_result *res)
{
	json_object *reached = hp_field(a, "reached", json_type_string, res);
	json_object *file;
	char *text;
	int rc;

	if (!reached || hp_field_opt(a, key, json_type_object, &file, res) < 0)
		return -1;
	*mounted = strcmp(json_object_get_string(reached), "mount") == 0;
	if (*mounted)
		rc = asprintf(&text, "new %s mount: %s %s", what,
			      hp_str_or(file, "path", key),
			      hp_str_or(file, "result", "not tried"));
	else
		rc = asprintf(&text, "new %s mount refused (%s)", what,
			      hp_str_or(a, "errno", "no errno"));
	if (rc < 0)
		return -1;
	rc = hp_list_add(*mounted && strcmp(hp_str_or(file, "result", ""),
					    "allowed") == 0
				 ? bad
				 : good,
			 text);
	free(text);
	return rc;
}

static void conclude(const struct hp_expect *e, int outcome,
		     const char *const *outcomes, char *good, char *bad,
		     struct hp_result *res)
{
	if (!good && !bad)
		hp_set_observed(res, HP_ERROR,
				"malformed record: nothing "
				"was tried");
	else if ((outcome == 1) != (bad != NULL))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome disagrees with "
				"the attempts");
	else
		hp_set_observed(res, hp_match(e, outcomes[bad != NULL]),
				"%s (%s)", outcomes[bad != NULL],
				bad ? bad : good);
	free(good);
	free(bad);
}

int hp_parse_cgroup_writable(const struct hp_expect *e, char *err,
			     size_t errlen)
{
	static const char *const words[] = { "read-only", "writable", NULL };

	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_cgroup_writable(const struct hp_expect *e,
			      const struct hp_record *rec,
			      struct hp_result *res)
{
	static const char *const outcomes[] = { "read-only", "writable", NULL };
	static const struct hp_items spec = { "mounts",	    "path",
					      "result",	    "errno",
					      open_results, allowed_only };
	char *good = NULL, *bad = NULL;
	json_object *d, *a;
	bool mounted;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcomes, res)) < 0 ||
	    hp_field_opt(d, "mount", json_type_object, &a, res) < 0 ||
	    hp_items_split(d, &spec, NULL, 0, &good, &bad, res) < 0 ||
	    (a && take_attempt(a, "cgroup_procs", "cgroup2", &good, &bad,
			       &mounted, res) < 0)) {
		free(good);
		free(bad);
		return;
	}
	conclude(e, outcome, outcomes, good, bad, res);
}

int hp_parse_cgroup_release_agent(const struct hp_expect *e, char *err,
				  size_t errlen)
{
	static const char *const words[] = { "denied", "allowed", NULL };

	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_cgroup_release_agent(const struct hp_expect *e,
				   const struct hp_record *rec,
				   struct hp_result *res)
{
	static const char *const outcomes[] = { "denied", "allowed", NULL };
	static const struct hp_items spec = { "release_agents", "path",
					      "result",		"errno",
					      open_results,	allowed_only };
	char *good = NULL, *bad = NULL;
	json_object *d, *a;
	bool mounted = false;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcomes, res)) < 0 ||
	    !(a = hp_field(d, "mount", json_type_object, res)) ||
	    hp_items_split(d, &spec, NULL, 0, &good, &bad, res) < 0 ||
	    take_attempt(a, "release_agent", "cgroup v1", &good, &bad, &mounted,
			 res) < 0) {
		free(good);
		free(bad);
		return;
	}
	/* A hierarchy that mounts at all is an escape route. */
	if (mounted && !bad && hp_list_add(&bad, "cgroup v1 mounted") < 0) {
		free(good);
		return;
	}
	conclude(e, outcome, outcomes, good, bad, res);
}
