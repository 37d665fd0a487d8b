/* no_new_privs checks: the flag itself, and whether a setuid-root helper
 * still gains euid 0. */
#include <stdio.h>
#include <string.h>

#include "checks.h"

int hp_parse_nnp_flag(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "set", "clear", NULL };

	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_nnp_flag(const struct hp_expect *e, const struct hp_record *rec,
		       struct hp_result *res)
{
	static const char *const words[] = { "set", "clear", NULL };
	json_object *d, *flag;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    !(flag = hp_field(d, "no_new_privs", json_type_int, res)))
		return;
	if (json_object_get_int(flag) != (outcome == 0))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"'%s' disagrees with no_new_privs %d",
				words[outcome], json_object_get_int(flag));
	else
		hp_set_observed(res, hp_match(e, words[outcome]),
				"%s (NoNewPrivs %d)", words[outcome],
				json_object_get_int(flag));
}

static const char *const escalation_words[] = { "denied", "allowed", NULL };

int hp_parse_nnp_setuid_escalation(const struct hp_expect *e, char *err,
				   size_t errlen)
{
	return hp_parse_word(e, escalation_words, err, errlen);
}

/* The helper's euid from its "ruid=N euid=N" line, or -1. */
static long helper_euid(json_object *output)
{
	long ruid, euid;
	int used = 0;
	const char *s = json_object_get_string(output);

	if (sscanf(s, "ruid=%ld euid=%ld%n", &ruid, &euid, &used) != 2 ||
	    s[used + strspn(s + used, "\n")])
		return -1;
	return euid;
}

static void judge_escalation(const struct hp_expect *e, int outcome,
			     json_object *output, json_object *layer,
			     struct hp_result *res)
{
	const char *word = escalation_words[outcome];
	long euid = output ? helper_euid(output) : -1;
	char helper[64] = "helper gave no output";

	if (output && euid < 0) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: "
				"'helper_output' is not 'ruid=N euid=N'");
		return;
	}
	if (output && (euid == 0) != (outcome == 1)) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"'%s' disagrees with 'helper_output'",
				word);
		return;
	}
	if (output)
		snprintf(helper, sizeof(helper), "helper euid %ld", euid);
	hp_set_observed(res, hp_match(e, word), "%s (%s%s%s)", word, helper,
			layer ? ", " : "",
			layer ? json_object_get_string(layer) : "");
}

void hp_judge_nnp_setuid_escalation(const struct hp_expect *e,
				    const struct hp_record *rec,
				    struct hp_result *res)
{
	json_object *d, *output, *layer;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, escalation_words, res)) < 0 ||
	    hp_field_opt(d, "helper_output", json_type_string, &output, res) <
		    0 ||
	    hp_field_opt(d, "layer", json_type_string, &layer, res) < 0)
		return;
	judge_escalation(e, outcome, output, layer, res);
}
