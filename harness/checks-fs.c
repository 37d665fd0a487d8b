/* File-system write checks: /etc/passwd, and new files in the root file
 * system's directories. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "checks.h"

static const char *const attempt_words[] = { "denied", "allowed", NULL };

int hp_parse_fs_etc_passwd_write(const struct hp_expect *e, char *err,
				 size_t errlen)
{
	return hp_parse_word(e, attempt_words, err, errlen);
}

void hp_judge_fs_etc_passwd_write(const struct hp_expect *e,
				  const struct hp_record *rec,
				  struct hp_result *res)
{
	static const char *const words[] = { "denied", "allowed", "absent",
					     NULL };
	json_object *d, *err, *layer;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    hp_field_opt(d, "errno", json_type_string, &err, res) < 0 ||
	    hp_field_opt(d, "layer", json_type_string, &layer, res) < 0)
		return;
	if (outcome == 2)
		hp_set_observed(res, HP_ERROR,
				"/etc/passwd is absent: nothing to test");
	else if (outcome == 1)
		hp_set_observed(res, hp_match(e, "allowed"),
				"allowed (open for writing succeeded)");
	else
		hp_set_observed(res, hp_match(e, "denied"), "denied (%s%s%s)",
				err ? json_object_get_string(err) : "no errno",
				layer ? ", " : "",
				layer ? json_object_get_string(layer) : "");
}

int hp_parse_fs_rootfs_write(const struct hp_expect *e, char *err,
			     size_t errlen)
{
	return hp_parse_word(e, attempt_words, err, errlen);
}

/* Add "PATH ERRNO" or "PATH" to the list of denied or allowed paths. */
static int take_path(json_object *p, char **denied, char **allowed,
		     struct hp_result *res)
{
	static const char *const results[] = { "denied", "allowed", "absent",
					       NULL };
	json_object *path = hp_field(p, "path", json_type_string, res);
	json_object *result = hp_field(p, "result", json_type_string, res);
	const char *r = result ? json_object_get_string(result) : "";
	char *text;
	int i, rc;

	if (!path || !result)
		return -1;
	for (i = 0; results[i] && strcmp(r, results[i]) != 0; i++)
		;
	if (!results[i]) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: unknown result '%s'", r);
		return -1;
	}
	if (asprintf(&text, "%s %s", json_object_get_string(path),
		     i == 0 ? hp_str_or(p, "errno", "denied") : r) < 0)
		return -1;
	rc = hp_list_add(i == 1 ? allowed : denied, text);
	free(text);
	return rc;
}

static void conclude(const struct hp_expect *e, int outcome, const char *denied,
		     const char *allowed, struct hp_result *res)
{
	if (!denied && !allowed)
		hp_set_observed(res, HP_ERROR, "malformed record: no paths");
	else if ((outcome == 1) != (allowed != NULL))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"disagrees with the paths");
	else if (allowed)
		hp_set_observed(res, hp_match(e, "allowed"), "allowed (%s)",
				allowed);
	else
		hp_set_observed(res, hp_match(e, "denied"), "denied (%s)",
				denied);
}

static void judge_paths(const struct hp_expect *e, json_object *paths,
			int outcome, struct hp_result *res)
{
	char *denied = NULL, *allowed = NULL;
	size_t n = json_object_array_length(paths);
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		rc = take_path(json_object_array_get_idx(paths, i), &denied,
			       &allowed, res);
	if (rc == 0)
		conclude(e, outcome, denied, allowed, res);
	free(denied);
	free(allowed);
}

void hp_judge_fs_rootfs_write(const struct hp_expect *e,
			      const struct hp_record *rec,
			      struct hp_result *res)
{
	json_object *d, *paths;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, attempt_words, res)) < 0 ||
	    !(paths = hp_field(d, "paths", json_type_array, res)))
		return;
	judge_paths(e, paths, outcome, res);
}
