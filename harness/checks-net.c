/* net.egress: each target the profile names is reachable, or none is, as
 * the profile says: "net.egress unreachable 127.0.0.1:5432 10.0.0.2:80".
 * hardprobe run hands the targets to the probes (run-egress.c); the
 * probe tries a TCP connection to each and sends nothing. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-host.h"

static const char *const words[] = { "unreachable", "reachable", NULL };

/* What the probe may report for one target. */
static const char *const results[] = { "reachable", "refused", "timeout",
				       "unreachable", NULL };

/* A port: 1 to 65535, digits only. */
static bool port_ok(const char *s)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return false;
	v = strtoul(s, &end, 10);
	return !*end && v > 0 && v <= 65535;
}

/* A numeric "a.b.c.d:PORT" or "[v6]:PORT", as run-probes takes them. */
static bool target_ok(const char *t)
{
	char host[INET6_ADDRSTRLEN], buf[sizeof(struct in6_addr)];
	const char *end = t[0] == '[' ? strchr(t, ']') : strrchr(t, ':');
	const char *start = t[0] == '[' ? t + 1 : t;
	size_t n = end ? (size_t)(end - start) : 0;

	if (!end || n == 0 || n >= sizeof(host))
		return false;
	if (t[0] == '[' && *++end != ':')
		return false;
	memcpy(host, start, n);
	host[n] = '\0';
	return inet_pton(t[0] == '[' ? AF_INET6 : AF_INET, host, buf) == 1 &&
	       port_ok(end + 1);
}

int hp_parse_net_egress(const struct hp_expect *e, char *err, size_t errlen)
{
	if (strcmp(e->args[0], words[0]) && strcmp(e->args[0], words[1]))
		return hp_parse_fail(err, errlen,
				     "unknown expectation '%s' (want "
				     "unreachable or reachable)",
				     e->args[0]);
	if (e->nargs < 2)
		return hp_parse_fail(err, errlen,
				     "%s needs at least one ADDRESS:PORT "
				     "target",
				     e->args[0]);
	if (e->nargs - 1 > HP_NET_EGRESS_MAX)
		return hp_parse_fail(err, errlen,
				     "at most %d targets (%zu given)",
				     HP_NET_EGRESS_MAX, e->nargs - 1);
	for (size_t i = 1; i < e->nargs; i++) {
		if (!target_ok(e->args[i]))
			return hp_parse_fail(err, errlen,
					     "bad target '%s' (want a "
					     "numeric ADDRESS:PORT, such "
					     "as 127.0.0.1:80 or [::1]:80; "
					     "names are not resolved)",
					     e->args[i]);
		for (size_t j = 1; j < i; j++)
			if (!strcmp(e->args[i], e->args[j]))
				return hp_parse_fail(err, errlen,
						     "target '%s' listed "
						     "twice",
						     e->args[i]);
	}
	return 0;
}

/* The probe's entry for target, or NULL with res set to HP_ERROR. */
static json_object *find_target(json_object *list, const char *target,
				struct hp_result *res)
{
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		json_object *t = json_object_array_get_idx(list, i);

		if (!json_object_is_type(t, json_type_object) ||
		    !hp_field(t, "target", json_type_string, res) ||
		    !hp_field(t, "result", json_type_string, res))
			return NULL;
		if (!strcmp(hp_str_or(t, "target", ""), target))
			return t;
	}
	hp_set_observed(res, HP_ERROR,
			"target '%s' was not tried (run-probes got no "
			"--egress %s)",
			target, target);
	return NULL;
}

/* "TARGET RESULT (ERRNO)" for each named target, and whether each is as
 * expected; -1 when res is final. */
static int observe(const struct hp_expect *e, json_object *list, char **text,
		   bool *all_as_expected, struct hp_result *res)
{
	bool want = !strcmp(e->args[0], "reachable");
	char item[256];

	*all_as_expected = true;
	for (size_t i = 1; i < e->nargs; i++) {
		json_object *t = find_target(list, e->args[i], res);
		const char *r, *err;
		size_t k;

		if (!t)
			return -1;
		r = hp_str_or(t, "result", "");
		for (k = 0; results[k] && strcmp(results[k], r); k++)
			;
		if (!results[k]) {
			hp_set_observed(res, HP_ERROR,
					"malformed record: unknown result "
					"'%s' for target '%s'",
					r, e->args[i]);
			return -1;
		}
		*all_as_expected &= (k == 0) == want;
		err = hp_str_or(t, "errno", NULL);
		snprintf(item, sizeof(item), "%s %s%s%s%s", e->args[i], r,
			 err ? " (" : "", err ? err : "", err ? ")" : "");
		if (hp_list_add(text, item) < 0)
			return -1;
	}
	return 0;
}

/* Whether reachable_count counts the targets listed as reachable. */
static bool count_agrees(json_object *list, int count)
{
	int n = 0;

	for (size_t i = 0; i < json_object_array_length(list); i++)
		n += !strcmp(hp_str_or(json_object_array_get_idx(list, i),
				       "result", ""),
			     "reachable");
	return n == count;
}

/* The probe ran without targets: the profile's cannot have been tried. */
static void no_targets(struct hp_result *res)
{
	hp_set_observed(res, HP_ERROR,
			"the probe was given no targets (hardprobe run "
			"passes the profile's; run run-probes with "
			"--egress ADDRESS:PORT)");
}

void hp_judge_net_egress(const struct hp_expect *e, const struct hp_record *rec,
			 struct hp_result *res)
{
	json_object *d, *list, *reach;
	char *text = NULL;
	bool ok;
	int outcome;

	hp_set_expected_args(res, e, e->args[0], e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d && res->status == HP_SKIP)
		no_targets(res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    !(list = hp_field(d, "targets", json_type_array, res)) ||
	    !(reach = hp_field(d, "reachable_count", json_type_int, res)))
		return;
	if ((json_object_get_int(reach) > 0) != (outcome == 1)) {
		hp_disagree(res, words[outcome], "'reachable_count'");
		return;
	}
	if (!count_agrees(list, json_object_get_int(reach))) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: 'reachable_count' "
				"disagrees with 'targets'");
		return;
	}
	if (e->nargs < 2)
		hp_set_observed(res, HP_ERROR, "no target to judge");
	else if (observe(e, list, &text, &ok, res) == 0)
		hp_set_observed(res, ok ? HP_PASS : HP_FAIL, "%s", text);
	free(text);
}
