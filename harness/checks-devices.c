/* Device checks: the nodes visible in /dev, and whether the device
 * cgroup lets a node made with mknod be opened. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-fsiface.h"

/* At most this many nodes are named in the observed text; the evidence
 * holds them all. */
#define SHOWN 8

struct seen {
	char *visible, *opened;
	size_t n_visible, n_opened, n_standard;
};

static int add_capped(char **list, size_t *n, const char *text)
{
	return ++*n <= SHOWN ? hp_list_add(list, text) : 0;
}

static int take_node(json_object *node, struct seen *s, struct hp_result *res)
{
	json_object *path = hp_field(node, "path", json_type_string, res);
	json_object *cls =
		path ? hp_field(node, "class", json_type_string, res) : NULL;
	const char *c = cls ? json_object_get_string(cls) : NULL;
	char *text;
	int rc;

	if (!c)
		return -1;
	if (strcmp(c, "standard") == 0) {
		s->n_standard++;
		return 0;
	}
	if (asprintf(&text, "%s %s", json_object_get_string(path), c) < 0)
		return -1;
	rc = add_capped(&s->visible, &s->n_visible, text);
	if (rc == 0 && strcmp(hp_str_or(node, "open", ""), "allowed") == 0)
		rc = add_capped(&s->opened, &s->n_opened,
				json_object_get_string(path));
	free(text);
	return rc;
}

static const char *more(size_t n, char *buf, size_t len)
{
	if (n <= SHOWN)
		return "";
	snprintf(buf, len, " and %zu more", n - SHOWN);
	return buf;
}

static void conclude(const struct hp_expect *e, int outcome,
		     const struct seen *s, struct hp_result *res)
{
	int want = s->n_opened ? 2 : s->n_visible ? 1 : 0;
	bool none = strcmp(e->args[0], "none") == 0;
	bool bad = none ? s->n_visible > 0 : s->n_opened > 0;
	char buf[64];

	if (outcome != want)
		hp_set_observed(res, HP_ERROR,
				"malformed record: outcome "
				"disagrees with the nodes");
	else if (s->n_opened)
		hp_set_observed(res, HP_FAIL, "opened: %s%s", s->opened,
				more(s->n_opened, buf, sizeof(buf)));
	else if (s->n_visible)
		hp_set_observed(res, bad ? HP_FAIL : HP_PASS, "visible: %s%s",
				s->visible,
				more(s->n_visible, buf, sizeof(buf)));
	else
		hp_set_observed(res, HP_PASS, "none (%zu standard nodes)",
				s->n_standard);
}

int hp_parse_devices_nodes(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "none", "unopenable", NULL };

	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_devices_nodes(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	static const char *const outcomes[] = { "none", "visible", "openable",
						NULL };
	struct seen s = { 0 };
	json_object *d, *nodes;
	int outcome, rc = 0;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || (outcome = hp_outcome(d, outcomes, res)) < 0 ||
	    !(nodes = hp_field(d, "nodes", json_type_array, res)))
		return;
	for (size_t i = 0; rc == 0 && i < json_object_array_length(nodes); i++)
		rc = take_node(json_object_array_get_idx(nodes, i), &s, res);
	if (rc == 0)
		conclude(e, outcome, &s, res);
	free(s.visible);
	free(s.opened);
}

int hp_parse_devices_mknod_open(const struct hp_expect *e, char *err,
				size_t errlen)
{
	static const char *const words[] = { "denied", "allowed", NULL };

	return hp_parse_word(e, words, err, errlen);
}

void hp_judge_devices_mknod_open(const struct hp_expect *e,
				 const struct hp_record *rec,
				 struct hp_result *res)
{
	static const char *const outcomes[] = { "denied", "allowed", NULL };
	static const char *const results[] = { "denied", "allowed", NULL };
	static const char *const bad[] = { "allowed", NULL };
	static const struct hp_items spec = { "nodes", "node",	"result",
					      "errno", results, bad };

	hp_judge_items(e, rec, &spec, outcomes, res);
}
