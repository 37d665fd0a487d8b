/* User namespace checks: is host root mapped in, and can a process map
 * root in a namespace of its own. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"

/* What a uid_map or gid_map says, read from its raw lines. */
struct idmap {
	int64_t root_host;    /* host id of id 0, or -1 when unmapped */
	int64_t host0_inside; /* id that is host 0, or -1 when none */
	uint64_t range;	      /* sum of the lines' lengths */
};

static int parse_min_range(const char *arg, unsigned long *out)
{
	char *end;

	if (strncmp(arg, "min-range=", 10) != 0 || !arg[10])
		return -1;
	*out = strtoul(arg + 10, &end, 10);
	return *end || arg[10] == '-' || *out == 0 || *out > UINT32_MAX ? -1
									: 0;
}

int hp_parse_userns_host_root(const struct hp_expect *e, char *err,
			      size_t errlen)
{
	unsigned long n;

	if (strcmp(e->args[0], "unmapped") != 0)
		return hp_parse_fail(err, errlen,
				     "unknown expectation '%s' (want "
				     "unmapped)",
				     e->args[0]);
	if (e->nargs > 2)
		return hp_parse_fail(err, errlen, "too many arguments");
	if (e->nargs == 2 && parse_min_range(e->args[1], &n) < 0)
		return hp_parse_fail(err, errlen,
				     "bad argument '%s' (want min-range=N, "
				     "N from 1 to 4294967295)",
				     e->args[1]);
	return 0;
}

static int map_line(const char *s, struct idmap *m)
{
	unsigned long long in, out, len;
	int used = 0;

	if (sscanf(s, "%llu %llu %llu %n", &in, &out, &len, &used) != 3 ||
	    s[used] || len == 0)
		return -1;
	if (in == 0)
		m->root_host = (int64_t)out;
	if (out == 0)
		m->host0_inside = (int64_t)in;
	m->range += len;
	return 0;
}

static int read_map(json_object *data, const char *key, struct idmap *m,
		    struct hp_result *res)
{
	json_object *a = hp_field(data, key, json_type_array, res);

	*m = (struct idmap){ .root_host = -1, .host0_inside = -1 };
	if (!a)
		return -1;
	for (size_t i = 0; i < json_object_array_length(a); i++) {
		json_object *l = json_object_array_get_idx(a, i);

		if (!json_object_is_type(l, json_type_string) ||
		    map_line(json_object_get_string(l), m) < 0) {
			hp_set_observed(res, HP_ERROR,
					"malformed record: '%s' line %zu is "
					"not 'ID HOST-ID LENGTH'",
					key, i + 1);
			return -1;
		}
	}
	return 0;
}

/* "uid 0 -> host 100000, range 65536" */
static void describe(char *buf, size_t len, const char *kind,
		     const struct idmap *m)
{
	if (m->root_host < 0)
		snprintf(buf, len, "%s 0 unmapped, range %" PRIu64, kind,
			 m->range);
	else
		snprintf(buf, len, "%s 0 -> host %" PRId64 ", range %" PRIu64,
			 kind, m->root_host, m->range);
}

static void judge_maps(const struct idmap *u, const struct idmap *g,
		       unsigned long min, struct hp_result *res)
{
	char uid[80], gid[80] = "";

	if (u->host0_inside >= 0 || g->host0_inside >= 0) {
		bool by_uid = u->host0_inside >= 0;

		hp_set_observed(res, HP_FAIL,
				"host root mapped (%s %" PRId64 " -> 0)",
				by_uid ? "uid" : "gid",
				by_uid ? u->host0_inside : g->host0_inside);
		return;
	}
	describe(uid, sizeof(uid), "uid", u);
	if (g->root_host != u->root_host || g->range != u->range)
		describe(gid, sizeof(gid), "; gid", g);
	hp_set_observed(res,
			u->range < min || g->range < min ? HP_FAIL : HP_PASS,
			"%s%s", uid, gid);
}

void hp_judge_userns_host_root(const struct hp_expect *e,
			       const struct hp_record *rec,
			       struct hp_result *res)
{
	static const char *const words[] = { "mapped", "unmapped", NULL };
	unsigned long min = 0;
	struct idmap u, g;
	json_object *d;
	int outcome;

	if (e->nargs == 2 && parse_min_range(e->args[1], &min) < 0) {
		hp_set_expected(res, "%s", e->args[1]);
		hp_set_observed(res, HP_ERROR, "bad expectation");
		return;
	}
	if (min)
		hp_set_expected(res, "unmapped, range >= %lu", min);
	else
		hp_set_expected(res, "unmapped");
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    read_map(d, "uid_map", &u, res) < 0 ||
	    read_map(d, "gid_map", &g, res) < 0)
		return;
	if ((outcome == 0) != (u.host0_inside >= 0 || g.host0_inside >= 0)) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"'%s' disagrees with the maps",
				words[outcome]);
		return;
	}
	judge_maps(&u, &g, min, res);
}

int hp_parse_userns_map_root(const struct hp_expect *e, char *err,
			     size_t errlen)
{
	static const char *const words[] = { "denied", "allowed", NULL };

	return hp_parse_word(e, words, err, errlen);
}

/* The stage after the one reached is the one that failed. */
static const char *failed_stage(const char *reached)
{
	static const char *const stages[] = { "none", "unshare", "map", "use",
					      NULL };

	for (size_t i = 0; stages[i + 1]; i++)
		if (strcmp(reached, stages[i]) == 0)
			return stages[i + 1];
	return NULL;
}

void hp_judge_userns_map_root(const struct hp_expect *e,
			      const struct hp_record *rec,
			      struct hp_result *res)
{
	static const char *const words[] = { "denied", "allowed", NULL };
	json_object *d, *reached, *errors = NULL;
	const char *stage;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    !(reached = hp_field(d, "reached", json_type_string, res)) ||
	    hp_field_opt(d, "errors", json_type_object, &errors, res) < 0)
		return;
	stage = failed_stage(json_object_get_string(reached));
	if (outcome == 1)
		hp_set_observed(res, hp_match(e, "allowed"),
				"allowed (reached %s)",
				json_object_get_string(reached));
	else if (stage)
		hp_set_observed(res, hp_match(e, "denied"), "denied (%s: %s)",
				stage, hp_str_or(errors, stage, "failed"));
	else
		hp_set_observed(res, HP_ERROR,
				"malformed record: unknown "
				"stage '%s' in 'reached'",
				json_object_get_string(reached));
}
