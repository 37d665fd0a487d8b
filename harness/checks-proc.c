/* /proc and kernel-interface checks: the masked paths, the read-only
 * paths, core_pattern and sysrq. */
#include "checks-fsiface.h"

static const char *const attempt_words[] = { "denied", "allowed", NULL };
static const char *const open_results[] = { "denied", "allowed", "absent",
					    NULL };
static const char *const allowed_only[] = { "allowed", NULL };

static const struct hp_items open_items = {
	.array = "paths",
	.name = "path",
	.field = "result",
	.detail = "errno",
	.results = open_results,
	.bad = allowed_only,
};

int hp_parse_proc_masked_paths(const struct hp_expect *e, char *err,
			       size_t errlen)
{
	static const char *const words[] = { "masked", NULL };

	return hp_parse_paths_word(e, words, true, err, errlen);
}

void hp_judge_proc_masked_paths(const struct hp_expect *e,
				const struct hp_record *rec,
				struct hp_result *res)
{
	static const char *const outcomes[] = { "masked", "unmasked", NULL };
	static const char *const states[] = { "masked", "absent", "readable",
					      NULL };
	static const char *const bad[] = { "readable", NULL };
	static const struct hp_items spec = {
		.array = "paths",
		.name = "path",
		.field = "state",
		.detail = "shape",
		.results = states,
		.bad = bad,
	};

	hp_judge_items(e, rec, &spec, outcomes, res);
}

int hp_parse_proc_readonly_paths(const struct hp_expect *e, char *err,
				 size_t errlen)
{
	static const char *const words[] = { "read-only", NULL };

	return hp_parse_paths_word(e, words, true, err, errlen);
}

void hp_judge_proc_readonly_paths(const struct hp_expect *e,
				  const struct hp_record *rec,
				  struct hp_result *res)
{
	static const char *const outcomes[] = { "read-only", "writable", NULL };
	static const char *const states[] = { "read-only", "denied",   "absent",
					      "no-file",   "writable", NULL };
	static const char *const bad[] = { "writable", NULL };
	static const struct hp_items spec = {
		.array = "paths",
		.name = "path",
		.field = "state",
		.detail = "errno",
		.results = states,
		.bad = bad,
	};

	hp_judge_items(e, rec, &spec, outcomes, res);
}

int hp_parse_kernel_core_pattern(const struct hp_expect *e, char *err,
				 size_t errlen)
{
	return hp_parse_word(e, attempt_words, err, errlen);
}

void hp_judge_kernel_core_pattern(const struct hp_expect *e,
				  const struct hp_record *rec,
				  struct hp_result *res)
{
	hp_judge_items(e, rec, &open_items, attempt_words, res);
}

int hp_parse_kernel_sysrq(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, attempt_words, err, errlen);
}

void hp_judge_kernel_sysrq(const struct hp_expect *e,
			   const struct hp_record *rec, struct hp_result *res)
{
	hp_judge_items(e, rec, &open_items, attempt_words, res);
}
