/* Security module checks: the AppArmor profile or SELinux context
 * confines the process, and whether Landlock is available. */
#include <stdio.h>
#include <string.h>

#include "checks-host.h"

static const char *const label_words[] = { "unconfined", "confined", NULL };

/* AppArmor names no profile "unconfined"; SELinux has unconfined types. */
static void judge_label(const struct hp_expect *e, const struct hp_record *rec,
			const char *extra, struct hp_result *res)
{
	json_object *d, *label, *mode;
	int outcome;

	if (!(d = hp_begin_word(e, rec, label_words, &outcome, res)) ||
	    !(label = hp_field(d, "label", json_type_string, res)) ||
	    hp_field_opt(d, "mode", json_type_string, &mode, res) < 0)
		return;
	if (extra && outcome == 1 &&
	    !strcmp(json_object_get_string(label), extra)) {
		hp_disagree(res, label_words[outcome], "'label'");
		return;
	}
	hp_set_observed(res, hp_match(e, label_words[outcome]), "%s ('%s'%s%s)",
			label_words[outcome], json_object_get_string(label),
			mode ? ", " : "",
			mode ? json_object_get_string(mode) : "");
}

int hp_parse_lsm_apparmor(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, label_words, err, errlen);
}

void hp_judge_lsm_apparmor(const struct hp_expect *e,
			   const struct hp_record *rec, struct hp_result *res)
{
	judge_label(e, rec, "unconfined", res);
}

int hp_parse_lsm_selinux(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, label_words, err, errlen);
}

void hp_judge_lsm_selinux(const struct hp_expect *e,
			  const struct hp_record *rec, struct hp_result *res)
{
	judge_label(e, rec, NULL, res);
}

static const char *const landlock_words[] = { "unavailable", "available",
					      NULL };

int hp_parse_lsm_landlock(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, landlock_words, err, errlen);
}

void hp_judge_lsm_landlock(const struct hp_expect *e,
			   const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *abi, *err;
	int outcome;

	if (!(d = hp_begin_word(e, rec, landlock_words, &outcome, res)) ||
	    hp_field_opt(d, "abi", json_type_int, &abi, res) < 0 ||
	    hp_field_opt(d, "errno", json_type_string, &err, res) < 0)
		return;
	if ((abi != NULL) != (outcome == 1)) {
		hp_disagree(res, landlock_words[outcome], "'abi'");
		return;
	}
	if (abi)
		hp_set_observed(res, hp_match(e, "available"),
				"available (ABI %d; whether a domain is "
				"enforced cannot be read)",
				json_object_get_int(abi));
	else
		hp_set_observed(res, hp_match(e, "unavailable"),
				"unavailable (%s)",
				err ? json_object_get_string(err) : "no ABI");
}
