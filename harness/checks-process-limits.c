/* Per-process limit checks: the hard resource limits stay within the
 * profile's maxima, and the OOM score adjustment cannot be lowered. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-host.h"

static const char *const rlimit_names[] = { "nofile", "nproc", "core", NULL };

/* "nofile=1024" into its name and value; -1 when malformed. */
static int parse_max(const char *arg, char *name, size_t len, long long *value)
{
	size_t n = strcspn(arg, "=");
	char *end;

	if (!arg[n] || n >= len)
		return -1;
	snprintf(name, len, "%.*s", (int)n, arg);
	for (size_t i = 0; rlimit_names[i]; i++)
		if (!strcmp(rlimit_names[i], name)) {
			errno = 0;
			*value = strtoll(arg + n + 1, &end, 10);
			return end == arg + n + 1 || *end || *value < 0 || errno
				       ? -1
				       : 0;
		}
	return -1;
}

int hp_parse_limits_rlimits(const struct hp_expect *e, char *err, size_t errlen)
{
	char name[16];
	long long v;

	if (strcmp(e->args[0], "max") != 0 || e->nargs < 2)
		return hp_parse_fail(err, errlen,
				     "want 'max NAME=N...' (NAME nofile, "
				     "nproc or core)");
	for (size_t i = 1; i < e->nargs; i++)
		if (parse_max(e->args[i], name, sizeof(name), &v) < 0)
			return hp_parse_fail(err, errlen,
					     "bad limit '%s' (want NAME=N, "
					     "NAME nofile, nproc or core)",
					     e->args[i]);
	return 0;
}

/* One NAME=N against the record: "nofile hard 4096 (want <= 1024)" when
 * unmet goes to unmet, "nofile 1024" to seen. */
static int judge_max(const char *arg, json_object *all, char **seen,
		     char **unmet)
{
	json_object *l = NULL, *hard = NULL;
	char name[16], text[128];
	long long max;

	if (parse_max(arg, name, sizeof(name), &max) < 0)
		return -1;
	json_object_object_get_ex(all, name, &l);
	json_object_object_get_ex(l, "hard", &hard);
	if (json_object_is_type(hard, json_type_int) &&
	    json_object_get_int64(hard) <= max) {
		snprintf(text, sizeof(text), "%s %lld", name,
			 (long long)json_object_get_int64(hard));
		return hp_list_add(seen, text);
	}
	snprintf(text, sizeof(text), "%s hard %s (want <= %lld)", name,
		 hard ? json_object_get_string(hard) : "unknown", max);
	return hp_list_add(unmet, text);
}

void hp_judge_limits_rlimits(const struct hp_expect *e,
			     const struct hp_record *rec, struct hp_result *res)
{
	static const char *const words[] = { "observed", NULL };
	char *seen = NULL, *unmet = NULL;
	json_object *d, *all;
	int outcome;
	size_t i;

	d = hp_begin_word(e, rec, words, &outcome, res);
	hp_set_expected_args(res, e, "hard limits at most", "nothing");
	if (!d || !(all = hp_field(d, "rlimits", json_type_object, res)))
		return;
	for (i = 1; i < e->nargs; i++)
		if (judge_max(e->args[i], all, &seen, &unmet) < 0)
			break;
	if (i < e->nargs)
		hp_set_observed(res, HP_ERROR, "bad limit '%s'", e->args[i]);
	else if (unmet)
		hp_set_observed(res, HP_FAIL, "%s", unmet);
	else
		hp_set_observed(res, HP_PASS, "within: %s", seen ? seen : "-");
	free(seen);
	free(unmet);
}

static const char *const oom_words[] = { "denied", "allowed", NULL };

int hp_parse_limits_oom_score_adj(const struct hp_expect *e, char *err,
				  size_t errlen)
{
	return hp_parse_word(e, oom_words, err, errlen);
}

void hp_judge_limits_oom_score_adj(const struct hp_expect *e,
				   const struct hp_record *rec,
				   struct hp_result *res)
{
	json_object *d, *start, *err;
	int outcome;

	if (!(d = hp_begin_word(e, rec, oom_words, &outcome, res)) ||
	    !(start = hp_field(d, "start", json_type_int, res)) ||
	    hp_field_opt(d, "errno", json_type_string, &err, res) < 0)
		return;
	if ((err == NULL) != (outcome == 1)) {
		hp_disagree(res, oom_words[outcome], "'errno'");
		return;
	}
	hp_set_observed(res, hp_match(e, oom_words[outcome]),
			"%s (from %d to %d%s%s)", oom_words[outcome],
			json_object_get_int(start),
			json_object_get_int(start) - 1, err ? ": " : "",
			err ? json_object_get_string(err) : "");
}
