/* The cap.* checks: whether the one action that a capability grants got
 * through.  One judge serves them all; the record says which capability
 * and which layer refused. */
#include <string.h>

#include "checks.h"

static const char *const action_words[] = { "denied", "allowed", NULL };

/* "absent": this kernel cannot do the action at all (no module support,
 * no ioperm), so nobody can, whatever the capability sets say. */
static const char *const outcome_words[] = { "denied", "allowed", "absent",
					     NULL };

int hp_parse_cap_action(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, action_words, err, errlen);
}

/* "EPERM" or "SIGSYS": what the attempt ended with, or NULL. */
static int ending(json_object *d, const char **text, struct hp_result *res)
{
	json_object *err, *sig;

	if (hp_field_opt(d, "errno", json_type_string, &err, res) < 0 ||
	    hp_field_opt(d, "signal", json_type_string, &sig, res) < 0)
		return -1;
	*text = sig   ? json_object_get_string(sig)
		: err ? json_object_get_string(err)
		      : NULL;
	return 0;
}

static void judge_denied(const struct hp_expect *e, const char *cap,
			 const char *end, json_object *d, struct hp_result *res)
{
	if (!end) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: denied without an errno "
				"or a signal");
		return;
	}
	hp_set_observed(res, hp_match(e, "denied"), "denied (%s: %s, %s)", cap,
			end, hp_str_or(d, "layer", "layer unknown"));
}

static void judge_allowed(const struct hp_expect *e, const char *cap,
			  const char *end, json_object *d,
			  struct hp_result *res)
{
	json_object *sig = NULL;

	json_object_object_get_ex(d, "signal", &sig);
	if (sig) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: allowed, but killed by %s",
				end);
		return;
	}
	if (end)
		hp_set_observed(res, hp_match(e, "allowed"),
				"allowed (%s: %s after the capability check)",
				cap, end);
	else
		hp_set_observed(res, hp_match(e, "allowed"),
				"allowed (%s: the action succeeded)", cap);
}

void hp_judge_cap_action(const struct hp_expect *e, const struct hp_record *rec,
			 struct hp_result *res)
{
	json_object *d, *cap;
	const char *end;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcome_words, res)) < 0 ||
	    !(cap = hp_field(d, "capability", json_type_string, res)) ||
	    ending(d, &end, res) < 0)
		return;
	if (outcome == 0)
		judge_denied(e, json_object_get_string(cap), end, d, res);
	else if (outcome == 1)
		judge_allowed(e, json_object_get_string(cap), end, d, res);
	else
		hp_set_observed(res, hp_match(e, "denied"), "absent (%s: %s)",
				json_object_get_string(cap),
				hp_str_or(d, "reason", "no reason given"));
}
