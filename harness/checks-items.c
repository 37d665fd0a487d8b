/* Judging records that list items (paths, files, nodes) each with a
 * result, where some results are insecure: the shape most file-system
 * and kernel-interface probes share. */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-fsiface.h"

static int word_index(const char *const *words, const char *w)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return -1;
}

static bool named(char *const *names, size_t n, const char *name, bool *seen)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0) {
			seen[i] = true;
			return true;
		}
	return n == 0;
}

/* Add one item to its list; -1 (res set) when it is malformed. */
static int take_item(json_object *item, const struct hp_items *spec,
		     char **good, char **bad, struct hp_result *res)
{
	json_object *name = hp_field(item, spec->name, json_type_string, res);
	json_object *r =
		name ? hp_field(item, spec->field, json_type_string, res)
		     : NULL;
	const char *word = r ? json_object_get_string(r) : NULL;
	const char *detail =
		spec->detail ? hp_str_or(item, spec->detail, NULL) : NULL;
	char *text;
	int rc;

	if (!word)
		return -1;
	if (word_index(spec->results, word) < 0) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: unknown %s '%s' for %s",
				spec->field, word,
				json_object_get_string(name));
		return -1;
	}
	if (asprintf(&text, "%s %s%s%s", json_object_get_string(name), word,
		     detail ? " " : "", detail ? detail : "") < 0)
		return -1;
	rc = hp_list_add(word_index(spec->bad, word) >= 0 ? bad : good, text);
	free(text);
	return rc;
}

static int check_seen(char *const *names, size_t n, const bool *seen,
		      struct hp_result *res)
{
	for (size_t i = 0; i < n; i++)
		if (!seen[i]) {
			hp_set_observed(res, HP_ERROR, "%s was not probed",
					names[i]);
			return -1;
		}
	return 0;
}

int hp_items_split(json_object *data, const struct hp_items *spec,
		   char *const *names, size_t n, char **good, char **bad,
		   struct hp_result *res)
{
	json_object *list = hp_field(data, spec->array, json_type_array, res);
	bool seen[n + 1];
	size_t len;

	if (!list)
		return -1;
	memset(seen, 0, sizeof(seen));
	len = json_object_array_length(list);
	for (size_t i = 0; i < len; i++) {
		json_object *item = json_object_array_get_idx(list, i);
		const char *name = hp_str_or(item, spec->name, "");

		if (!json_object_is_type(item, json_type_object)) {
			hp_set_observed(res, HP_ERROR,
					"malformed record: '%s' item %zu is "
					"not an object",
					spec->array, i + 1);
			return -1;
		}
		if (named(names, n, name, seen) &&
		    take_item(item, spec, good, bad, res) < 0)
			return -1;
	}
	return check_seen(names, n, seen, res);
}

/* The outcome must say what the items say: an insecure item or none. */
static int consistent(int outcome, const char *good, const char *bad,
		      const char *array, struct hp_result *res)
{
	if (!good && !bad) {
		hp_set_observed(res, HP_ERROR, "malformed record: no %s",
				array);
		return -1;
	}
	if ((outcome == 1) != (bad != NULL)) {
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome disagrees with "
				"the %s",
				array);
		return -1;
	}
	return 0;
}

static void conclude(const struct hp_expect *e, json_object *d,
		     const struct hp_items *spec, const char *const *outcomes,
		     struct hp_result *res)
{
	char *good = NULL, *bad = NULL;
	int rc;

	rc = hp_items_split(d, spec, e->args + 1, e->nargs - 1, &good, &bad,
			    res);
	if (rc == 0 && !good && !bad)
		hp_set_observed(res, HP_ERROR, "nothing to judge");
	else if (rc == 0)
		hp_set_observed(res, hp_match(e, outcomes[bad != NULL]),
				"%s (%s)", outcomes[bad != NULL],
				bad ? bad : good);
	free(good);
	free(bad);
}

void hp_judge_items(const struct hp_expect *e, const struct hp_record *rec,
		    const struct hp_items *spec, const char *const *outcomes,
		    struct hp_result *res)
{
	char *good = NULL, *bad = NULL, *first = NULL;
	json_object *d;
	int outcome;

	if (asprintf(&first, "%s:", e->args[0]) < 0)
		first = NULL;
	hp_set_expected_args(res, e, first ? first : "", e->args[0]);
	free(first);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcomes, res)) < 0)
		return;
	if (hp_items_split(d, spec, NULL, 0, &good, &bad, res) == 0 &&
	    consistent(outcome, good, bad, spec->array, res) == 0)
		conclude(e, d, spec, outcomes, res);
	free(good);
	free(bad);
}

/* Every argument after the first is an absolute path; what names them in
 * the reason ("pattern " or ""). */
static int absolute_args(const struct hp_expect *e, const char *what, char *err,
			 size_t errlen)
{
	for (size_t i = 1; i < e->nargs; i++)
		if (e->args[i][0] != '/')
			return hp_parse_fail(err, errlen,
					     "%s'%s' is not an absolute path",
					     what, e->args[i]);
	return 0;
}

static int parse_first(const struct hp_expect *e, const char *const *words,
		       char *err, size_t errlen)
{
	struct hp_expect first = *e;

	first.nargs = 1;
	return hp_parse_word(&first, words, err, errlen);
}

int hp_parse_paths_word(const struct hp_expect *e, const char *const *words,
			bool with_names, char *err, size_t errlen)
{
	if (parse_first(e, words, err, errlen) < 0)
		return -1;
	if (!with_names && e->nargs > 1)
		return hp_parse_fail(err, errlen, "'%s' takes no arguments",
				     e->args[0]);
	return absolute_args(e, "", err, errlen);
}

int hp_parse_only_patterns(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "only", NULL };

	if (parse_first(e, words, err, errlen) < 0)
		return -1;
	return absolute_args(e, "pattern ", err, errlen);
}

bool hp_pattern_listed(const struct hp_expect *e, const char *path)
{
	for (size_t i = 1; i < e->nargs; i++)
		if (fnmatch(e->args[i], path, FNM_PATHNAME) == 0)
			return true;
	return false;
}
