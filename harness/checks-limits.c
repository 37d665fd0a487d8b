/* Resource limit checks: the cgroup's pids, memory, CPU and huge page
 * limits are set (and, with max=N, no higher than N). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-host.h"

static const char *const words[] = { "unlimited", "limited", NULL };

/* How one limit's max=N argument reads and prints. */
struct unit {
	const char *what; /* "pids", "memory", "cpu" */
	const char *text; /* how N is written, for messages */
	int (*parse)(const char *s, long long *out);
};

static int parse_count(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return end == s || *end || *out <= 0 || errno ? -1 : 0;
}

/* Bytes with an optional K, M, G or T suffix (powers of 1024). */
static int parse_bytes(const char *s, long long *out)
{
	static const char suffixes[] = "KMGT";
	const char *p = NULL;
	char *end;
	double v = strtod(s, &end);

	if (end == s || v <= 0 || !isfinite(v))
		return -1;
	if (*end && (end[1] || !(p = strchr(suffixes, *end)) || !*p))
		return -1;
	for (const char *q = suffixes; *end && q <= p; q++)
		v *= 1024;
	if (v > 9.2e18)
		return -1;
	*out = (long long)v;
	return 0;
}

/* CPUs, possibly fractional, as thousandths of a CPU. */
static int parse_cpus(const char *s, long long *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || !isfinite(v) || v <= 0 || v > 1e6)
		return -1;
	*out = (long long)(v * 1000 + 0.5);
	return *out > 0 ? 0 : -1;
}

static const struct unit pids = { "pids", "a number of tasks", parse_count };
static const struct unit memory = { "memory", "bytes, or with K, M, G, T",
				    parse_bytes };
static const struct unit cpu = { "cpu", "CPUs (0.5, 2)", parse_cpus };

static int parse_limit(const struct hp_expect *e, const struct unit *u,
		       char *err, size_t errlen)
{
	struct hp_expect one = *e;
	long long n;

	one.nargs = 1;
	if (e->nargs > 2)
		return hp_parse_fail(err, errlen, "too many arguments");
	if (e->nargs == 2 && (strcmp(e->args[0], "limited") != 0 ||
			      strncmp(e->args[1], "max=", 4) != 0 ||
			      u->parse(e->args[1] + 4, &n) < 0))
		return hp_parse_fail(err, errlen,
				     "bad argument '%s' (want limited "
				     "max=N, N in %s)",
				     e->args[1], u->text);
	return hp_parse_word(&one, words, err, errlen);
}

static void judge_limit(const struct hp_expect *e, const struct unit *u,
			const struct hp_record *rec, struct hp_result *res)
{
	long long max = 0;
	json_object *d, *limit = NULL;
	int outcome;

	if (e->nargs == 2)
		u->parse(e->args[1] + 4, &max);
	d = hp_begin_word(e, rec, words, &outcome, res);
	if (max)
		hp_set_expected(res, "limited, at most %s", e->args[1] + 4);
	if (!d || hp_field_opt(d, "limit", json_type_int, &limit, res) < 0)
		return;
	if ((limit != NULL) != (outcome == 1)) {
		hp_disagree(res, words[outcome], "'limit'");
		return;
	}
	hp_set_observed(res, hp_match(e, words[outcome]), "%s (%s: %s)",
			words[outcome], hp_str_or(d, "source", u->what),
			hp_str_or(d, "raw", "?"));
	if (limit && max && json_object_get_int64(limit) > max)
		res->status = HP_FAIL;
}

int hp_parse_limits_pids(const struct hp_expect *e, char *err, size_t errlen)
{
	return parse_limit(e, &pids, err, errlen);
}

void hp_judge_limits_pids(const struct hp_expect *e,
			  const struct hp_record *rec, struct hp_result *res)
{
	judge_limit(e, &pids, rec, res);
}

int hp_parse_limits_memory(const struct hp_expect *e, char *err, size_t errlen)
{
	return parse_limit(e, &memory, err, errlen);
}

void hp_judge_limits_memory(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	judge_limit(e, &memory, rec, res);
}

int hp_parse_limits_cpu(const struct hp_expect *e, char *err, size_t errlen)
{
	return parse_limit(e, &cpu, err, errlen);
}

void hp_judge_limits_cpu(const struct hp_expect *e, const struct hp_record *rec,
			 struct hp_result *res)
{
	judge_limit(e, &cpu, rec, res);
}

int hp_parse_limits_hugetlb(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_limits_hugetlb(const struct hp_expect *e,
			     const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *sizes;
	int outcome;

	if (!(d = hp_begin_word(e, rec, words, &outcome, res)) ||
	    !(sizes = hp_field(d, "sizes", json_type_object, res)))
		return;
	hp_set_observed(res, hp_match(e, words[outcome]),
			"%s (%d huge page sizes)", words[outcome],
			json_object_object_length(sizes));
}
