/* File checks: set-user-id files, noexec /tmp and /dev/shm, and file
 * descriptors inherited from outside the container's root. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-fsiface.h"

int hp_parse_fs_suid_files(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_only_patterns(e, err, errlen);
}

/* One file into *unlisted or *known; -1 with res set when malformed. */
static int take_file(const struct hp_expect *e, json_object *f, char **unlisted,
		     char **known, struct hp_result *res)
{
	json_object *path = hp_field(f, "path", json_type_string, res), *ns;
	const char *p = path ? json_object_get_string(path) : NULL;
	char *text;
	int rc;

	if (!p || hp_field_opt(f, "nosuid", json_type_boolean, &ns, res) < 0)
		return -1;
	if (ns && json_object_get_boolean(ns)) {
		if (asprintf(&text, "%s (nosuid mount)", p) < 0)
			return -1;
		rc = hp_list_add(known, text);
		free(text);
		return rc;
	}
	if (hp_pattern_listed(e, p))
		return hp_list_add(known, p);
	if (asprintf(&text, "%s %s uid %d", p, hp_str_or(f, "mode", "?"),
		     json_object_get_int(json_object_object_get(f, "uid"))) < 0)
		return -1;
	rc = hp_list_add(unlisted, text);
	free(text);
	return rc;
}

static void conclude_suid(int outcome, size_t n, json_object *d,
			  const char *unlisted, const char *known,
			  struct hp_result *res)
{
	json_object *cut = json_object_object_get(d, "truncated");
	const char *note =
		json_object_get_boolean(cut) ? "; walk cut short" : "";

	if ((outcome == 1) != (n > 0))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"disagrees with the files");
	else if (unlisted)
		hp_set_observed(res, HP_FAIL, "unlisted: %s%s", unlisted, note);
	else if (known)
		hp_set_observed(res, HP_PASS, "only listed: %s%s", known, note);
	else
		hp_set_observed(res, HP_PASS, "none%s", note);
}

void hp_judge_fs_suid_files(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	static const char *const outcomes[] = { "none", "found", NULL };
	char *unlisted = NULL, *known = NULL;
	json_object *d, *files;
	int outcome, rc = 0;
	size_t n;

	hp_set_expected_args(res, e, "only", "none");
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcomes, res)) < 0 ||
	    !(files = hp_field(d, "files", json_type_array, res)))
		return;
	n = json_object_array_length(files);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = take_file(e, json_object_array_get_idx(files, i),
			       &unlisted, &known, res);
	if (rc == 0)
		conclude_suid(outcome, n, d, unlisted, known, res);
	free(unlisted);
	free(known);
}

int hp_parse_fs_tmp_noexec(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "noexec", "exec", NULL };

	return hp_parse_paths_word(e, words, true, err, errlen);
}

void hp_judge_fs_tmp_noexec(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	static const char *const outcomes[] = { "noexec", "exec", NULL };
	static const char *const results[] = { "noexec", "exec", "absent",
					       NULL };
	static const char *const bad[] = { "exec", NULL };
	static const struct hp_items spec = { "paths", "path",	"result",
					      NULL,    results, bad };

	hp_judge_items(e, rec, &spec, outcomes, res);
}

int hp_parse_fs_leaked_fds(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "none", NULL };

	return hp_parse_word(e, words, err, errlen);
}

/* "fd 3 / (dir)" into *leaked when it is a directory or file whose path
 * does not resolve to it from inside, else into *kept. */
static int take_fd(json_object *fd, char **leaked, char **kept,
		   struct hp_result *res)
{
	json_object *num = hp_field(fd, "fd", json_type_int, res), *inside;
	const char *type = hp_str_or(fd, "type", "unknown");
	bool file = strcmp(type, "dir") == 0 || strcmp(type, "file") == 0;
	char *text;
	int rc;

	if (!num ||
	    hp_field_opt(fd, "inside", json_type_boolean, &inside, res) < 0)
		return -1;
	if (asprintf(&text, "fd %d %s (%s%s)", json_object_get_int(num),
		     hp_str_or(fd, "target", "?"), type,
		     inside && !json_object_get_boolean(inside)
			     ? ", outside the root"
			     : "") < 0)
		return -1;
	rc = hp_list_add(file && inside && !json_object_get_boolean(inside)
				 ? leaked
				 : kept,
			 text);
	free(text);
	return rc;
}

void hp_judge_fs_leaked_fds(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	static const char *const outcomes[] = { "none", "leaked", NULL };
	char *leaked = NULL, *kept = NULL;
	json_object *d, *fds;
	int outcome, rc = 0;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcomes, res)) < 0 ||
	    !(fds = hp_field(d, "fds", json_type_array, res)))
		return;
	for (size_t i = 0; rc == 0 && i < json_object_array_length(fds); i++)
		rc = take_fd(json_object_array_get_idx(fds, i), &leaked, &kept,
			     res);
	if (rc == 0 && (outcome == 1) != (leaked != NULL))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"disagrees with the fds");
	else if (rc == 0 && leaked)
		hp_set_observed(res, HP_FAIL, "leaked: %s", leaked);
	else if (rc == 0 && kept)
		hp_set_observed(res, HP_PASS, "none outside the root (%s)",
				kept);
	else if (rc == 0)
		hp_set_observed(res, HP_PASS, "none inherited");
	free(leaked);
	free(kept);
}
