/* Capability checks: what the five sets hold, and whether a capability
 * outside the permitted set can be raised. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/capability.h>

#include "checks.h"

/* Capability numbers fit a 64-bit mask; the kernel has 41 today. */
#define HP_CAP_BITS 64

/* A profile's name for a capability: CAP_ and a name libcap knows. */
static int profile_cap(const char *name, uint64_t *mask)
{
	cap_value_t v;

	if (strncasecmp(name, "cap_", 4) != 0 || cap_from_name(name, &v) < 0 ||
	    v < 0 || v >= HP_CAP_BITS)
		return -1;
	*mask |= UINT64_C(1) << v;
	return 0;
}

/*
 * What a caps.sets line asks for: the capabilities allowed in any set,
 * and the sets that must be empty ("inheritable=none", "ambient=none").
 * Inheritable capabilities left behind pass to a program through file
 * capabilities or ambient raising even when the other sets are empty.
 */
struct caps_want {
	uint64_t allowed;
	bool empty[2]; /* indexed like empty_sets */
};

static const char *const empty_sets[] = { "inheritable", "ambient", NULL };

/* An option "SET=none"; 0, or -1 when arg is not one. */
static int want_empty(const char *arg, struct caps_want *w)
{
	const char *eq = strchr(arg, '=');

	for (size_t i = 0; eq && empty_sets[i]; i++)
		if (strlen(empty_sets[i]) == (size_t)(eq - arg) &&
		    strncmp(arg, empty_sets[i], eq - arg) == 0 &&
		    strcmp(eq + 1, "none") == 0) {
			w->empty[i] = true;
			return 0;
		}
	return -1;
}

/* Fill w from e; on error, *bad is the index of the argument at fault. */
static int parse_want(const struct hp_expect *e, struct caps_want *w,
		      size_t *bad)
{
	memset(w, 0, sizeof(*w));
	for (*bad = 1; *bad < e->nargs; ++*bad)
		if (strchr(e->args[*bad], '=')
			    ? want_empty(e->args[*bad], w) < 0
			    : profile_cap(e->args[*bad], &w->allowed) < 0)
			return -1;
	return 0;
}

int hp_parse_caps_sets(const struct hp_expect *e, char *err, size_t errlen)
{
	struct caps_want w;
	size_t bad;

	if (strcmp(e->args[0], "only") != 0)
		return hp_parse_fail(err, errlen,
				     "unknown expectation '%s' (want only)",
				     e->args[0]);
	if (parse_want(e, &w, &bad) == 0)
		return 0;
	if (strchr(e->args[bad], '='))
		return hp_parse_fail(err, errlen,
				     "unknown option '%s' (want "
				     "inheritable=none or ambient=none)",
				     e->args[bad]);
	return hp_parse_fail(err, errlen,
			     "unknown capability '%s' (want a name "
			     "like CAP_NET_BIND_SERVICE)",
			     e->args[bad]);
}

/* "cap_chown, cap_kill" for the bits of mask; NULL for none. */
static int mask_names(uint64_t mask, char **out)
{
	int rc = 0;

	*out = NULL;
	for (int v = 0; v < HP_CAP_BITS && rc == 0; v++) {
		char *name;

		if (!(mask & (UINT64_C(1) << v)))
			continue;
		name = cap_to_name(v);
		rc = name ? hp_list_add(out, name) : -ENOMEM;
		cap_free(name);
	}
	return rc;
}

/* Add the capabilities named in data's set key to *mask. */
static int add_set(json_object *d, const char *key, uint64_t *mask,
		   struct hp_result *res)
{
	json_object *a = hp_field(d, key, json_type_array, res);

	for (size_t i = 0; a && i < json_object_array_length(a); i++) {
		json_object *n = json_object_array_get_idx(a, i);
		cap_value_t v;

		if (json_object_is_type(n, json_type_string) &&
		    cap_from_name(json_object_get_string(n), &v) == 0 &&
		    v >= 0 && v < HP_CAP_BITS) {
			*mask |= UINT64_C(1) << v;
			continue;
		}
		hp_set_observed(res, HP_ERROR,
				"malformed record: '%s' holds "
				"an unknown capability '%s'",
				key, json_object_get_string(n));
		return -1;
	}
	return a ? 0 : -1;
}

/* Append "LABEL: names of mask" to the "; "-separated *text. */
static int add_problem(char **text, const char *label, uint64_t mask)
{
	char *names, *joined;
	int rc;

	if (!mask)
		return 0;
	if (mask_names(mask, &names) < 0)
		return -ENOMEM;
	rc = asprintf(&joined, "%s%s%s: %s", *text ? *text : "",
		      *text ? "; " : "", label, names);
	free(names);
	if (rc < 0)
		return -ENOMEM;
	free(*text);
	*text = joined;
	return 0;
}

/* held[0] is the union of the sets, held[1 + i] the set empty_sets[i]. */
static void judge_masks(const uint64_t *held, const struct caps_want *w,
			struct hp_result *res)
{
	char *problems = NULL, *names;

	if (add_problem(&problems, "extra", held[0] & ~w->allowed) < 0 ||
	    (w->empty[0] &&
	     add_problem(&problems, "inheritable not empty", held[1]) < 0) ||
	    (w->empty[1] &&
	     add_problem(&problems, "ambient not empty", held[2]) < 0)) {
		free(problems);
		return;
	}
	if (problems) {
		hp_set_observed(res, HP_FAIL, "%s", problems);
		free(problems);
		return;
	}
	if (mask_names(held[0], &names) < 0)
		return;
	hp_set_observed(res, HP_PASS, "holds %s",
			names ? names : "no capabilities");
	free(names);
}

static void expect_text(const struct caps_want *w, struct hp_result *res)
{
	char *names = NULL;

	if (mask_names(w->allowed, &names) < 0)
		return;
	hp_set_expected(res, "only %s%s%s", names ? names : "no capabilities",
			w->empty[0] ? "; inheritable empty" : "",
			w->empty[1] ? "; ambient empty" : "");
	free(names);
}

void hp_judge_caps_sets(const struct hp_expect *e, const struct hp_record *rec,
			struct hp_result *res)
{
	static const char *const sets[] = { "effective", "permitted",
					    "bounding", NULL };
	uint64_t held[3] = { 0 };
	struct caps_want w;
	size_t bad;
	json_object *d;

	if (parse_want(e, &w, &bad) < 0) {
		hp_set_expected(res, "%s", e->args[bad]);
		hp_set_observed(res, HP_ERROR, "bad expectation");
		return;
	}
	expect_text(&w, res);
	d = hp_judge_begin(rec, res);
	if (!d)
		return;
	for (size_t i = 0; sets[i]; i++)
		if (add_set(d, sets[i], &held[0], res) < 0)
			return;
	for (size_t i = 0; empty_sets[i]; i++)
		if (add_set(d, empty_sets[i], &held[1 + i], res) < 0)
			return;
	held[0] |= held[1] | held[2];
	judge_masks(held, &w, res);
}

int hp_parse_caps_raise(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "denied", "allowed", NULL };

	return hp_parse_word(e, words, err, errlen);
}

/* "cap_sys_admin to inheritable, ..." from the raised list. */
static int raised_list(json_object *raised, char **out, struct hp_result *res)
{
	int rc = 0;

	*out = NULL;
	for (size_t i = 0; rc == 0 && i < json_object_array_length(raised);
	     i++) {
		json_object *r = json_object_array_get_idx(raised, i);
		json_object *cap = hp_field(r, "cap", json_type_string, res);
		json_object *set = hp_field(r, "set", json_type_string, res);
		char *text;

		if (!cap || !set)
			return -1;
		if (asprintf(&text, "%s to %s", json_object_get_string(cap),
			     json_object_get_string(set)) < 0)
			return -ENOMEM;
		rc = hp_list_add(out, text);
		free(text);
	}
	return rc;
}

static void judge_raise(const struct hp_expect *e, int outcome,
			const char *raised, json_object *errors,
			struct hp_result *res)
{
	if ((outcome == 1) != (raised != NULL))
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"disagrees with 'raised'");
	else if (raised)
		hp_set_observed(res, hp_match(e, "allowed"), "allowed (%s)",
				raised);
	else
		hp_set_observed(res, hp_match(e, "denied"),
				"denied (effective %s, inheritable %s, "
				"ambient %s)",
				hp_str_or(errors, "effective", "-"),
				hp_str_or(errors, "inheritable", "-"),
				hp_str_or(errors, "ambient", "-"));
}

void hp_judge_caps_raise(const struct hp_expect *e, const struct hp_record *rec,
			 struct hp_result *res)
{
	static const char *const words[] = { "denied", "allowed", NULL };
	json_object *d, *raised, *errors = NULL;
	char *list = NULL;
	int outcome;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, words, res)) < 0 ||
	    !(raised = hp_field(d, "raised", json_type_array, res)) ||
	    hp_field_opt(d, "errors", json_type_object, &errors, res) < 0)
		return;
	if (raised_list(raised, &list, res) == 0)
		judge_raise(e, outcome, list, errors, res);
	free(list);
}
