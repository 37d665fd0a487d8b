/* Namespace checks: does the container share the host's pid, network,
 * IPC, UTS, cgroup or time namespace.  Each judge checks that the record's
 * outcome agrees with the evidence beside it. */
#include <stdio.h>
#include <string.h>

#include "checks-host.h"

static const char *const host_words[] = { "isolated", "host", NULL };
static const char *const ipc_words[] = { "isolated", "shared", NULL };

int hp_join_strings(json_object *a, const char *key, char *buf, size_t len,
		    struct hp_result *res)
{
	size_t n = 0;

	snprintf(buf, len, "-");
	for (size_t i = 0; i < json_object_array_length(a); i++) {
		json_object *s = json_object_array_get_idx(a, i);

		if (!json_object_is_type(s, json_type_string)) {
			hp_set_observed(res, HP_ERROR,
					"malformed record: '%s' item %zu is "
					"not a string",
					key, i + 1);
			return -1;
		}
		n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%s",
				      i ? ", " : "", json_object_get_string(s));
		if (n >= len)
			break;
	}
	return 0;
}

int hp_bool_or(json_object *o, const char *key, int dflt)
{
	json_object *v = NULL;

	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_boolean))
		return json_object_get_boolean(v);
	return dflt;
}

json_object *hp_begin_word(const struct hp_expect *e,
			   const struct hp_record *rec, const char *const *w,
			   int *outcome, struct hp_result *res)
{
	json_object *d;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (*outcome = hp_outcome(d, w, res)) < 0)
		return NULL;
	return d;
}

void hp_disagree(struct hp_result *res, const char *word, const char *what)
{
	hp_set_observed(res, HP_ERROR,
			"malformed record: outcome '%s' disagrees with %s",
			word, what);
}

int hp_parse_ns_host_pid(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, host_words, err, errlen);
}

void hp_judge_ns_host_pid(const struct hp_expect *e,
			  const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *count;
	int outcome, n;

	if (!(d = hp_begin_word(e, rec, host_words, &outcome, res)) ||
	    !(count = hp_field(d, "kthread_count", json_type_int, res)))
		return;
	n = json_object_get_int(count);
	if ((n > 0) != (outcome == 1)) {
		hp_disagree(res, host_words[outcome], "'kthread_count'");
		return;
	}
	hp_set_observed(res, hp_match(e, host_words[outcome]),
			"%s (%d kernel threads visible; pid 1 is %s)",
			host_words[outcome], n,
			hp_str_or(d, "pid1_comm", "unknown"));
}

int hp_parse_ns_host_net(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, host_words, err, errlen);
}

void hp_judge_ns_host_net(const struct hp_expect *e,
			  const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *hw, *br, *all;
	char hws[256], brs[256], alls[256];
	int outcome;

	if (!(d = hp_begin_word(e, rec, host_words, &outcome, res)) ||
	    !(hw = hp_field(d, "hardware", json_type_array, res)) ||
	    !(br = hp_field(d, "bridges", json_type_array, res)) ||
	    !(all = hp_field(d, "interfaces", json_type_array, res)) ||
	    hp_join_strings(hw, "hardware", hws, sizeof(hws), res) < 0 ||
	    hp_join_strings(br, "bridges", brs, sizeof(brs), res) < 0 ||
	    hp_join_strings(all, "interfaces", alls, sizeof(alls), res) < 0)
		return;
	if ((json_object_array_length(hw) || json_object_array_length(br)) !=
	    (outcome == 1)) {
		hp_disagree(res, host_words[outcome],
			    "'hardware' and 'bridges'");
		return;
	}
	if (outcome == 1)
		hp_set_observed(res, hp_match(e, "host"),
				"host (device-backed: %s; bridges: %s)", hws,
				brs);
	else
		hp_set_observed(res, hp_match(e, "isolated"),
				"isolated (interfaces: %s)", alls);
}

int hp_parse_ns_host_ipc(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, ipc_words, err, errlen);
}

void hp_judge_ns_host_ipc(const struct hp_expect *e,
			  const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *count;
	int outcome, n, initial;

	if (!(d = hp_begin_word(e, rec, ipc_words, &outcome, res)) ||
	    !(count = hp_field(d, "object_count", json_type_int, res)))
		return;
	n = json_object_get_int(count);
	initial = hp_bool_or(d, "initial_ns", 0);
	if ((n > 0 || initial) != (outcome == 1)) {
		hp_disagree(res, ipc_words[outcome],
			    "'object_count' and 'initial_ns'");
		return;
	}
	hp_set_observed(res, hp_match(e, ipc_words[outcome]),
			"%s (%s, %d SysV IPC objects made elsewhere)",
			ipc_words[outcome],
			initial ? "the initial IPC namespace"
				: "not the initial IPC namespace",
			n);
}
