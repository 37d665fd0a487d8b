/* seccomp checks: the filter mode, and whether the 32-bit system call
 * entry reaches the kernel (checks-syscalls.c judges the dangerous
 * calls). */
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

static const char *const ia32_expect[] = { "blocked", "allowed", NULL };

int hp_parse_seccomp_ia32_entry(const struct hp_expect *e, char *err,
				size_t errlen)
{
	return hp_parse_word(e, ia32_expect, err, errlen);
}

/* "denied (SIGSYS, seccomp)": what stopped the call and the layer. */
static void ia32_observed(const struct hp_expect *e, int outcome,
			  json_object *d, struct hp_result *res)
{
	static const char *const seen[] = { "blocked", "allowed", "blocked" };
	const char *why = hp_str_or(d, "signal", hp_str_or(d, "errno", NULL));
	const char *layer = hp_str_or(d, "layer", "layer inconclusive");
	enum hp_status st = hp_match(e, seen[outcome]);

	if (outcome == 1)
		hp_set_observed(res, st,
				"allowed (the i386 getpid returned "
				"the pid)");
	else if (outcome == 2)
		hp_set_observed(res, st, "absent (%s: no ia32 emulation)", why);
	else
		hp_set_observed(res, st, "blocked (%s, %s)", why, layer);
}

void hp_judge_seccomp_ia32_entry(const struct hp_expect *e,
				 const struct hp_record *rec,
				 struct hp_result *res)
{
	static const char *const words[] = { "denied", "allowed", "absent",
					     NULL };
	json_object *d;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0)
		return;
	if (outcome != 1 &&
	    !hp_str_or(d, "signal", hp_str_or(d, "errno", NULL)))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome '%s' "
				"without an errno or a signal",
				words[outcome]);
	else
		ia32_observed(e, outcome, d, res);
}
