/* sockets.runtime: no container runtime socket, nor any other unix
 * socket on the container's mounts, accepts a connection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-host.h"

static const char *const words[] = { "unreachable", "reachable", NULL };

int hp_parse_sockets_runtime(const struct hp_expect *e, char *err,
			     size_t errlen)
{
	return hp_parse_word(e, words, err, errlen);
}

/* "path (runtime)" of each reachable socket listed, comma-separated. */
static int reachable_list(json_object *sockets, char **list,
			  struct hp_result *res)
{
	for (size_t i = 0; i < json_object_array_length(sockets); i++) {
		json_object *s = json_object_array_get_idx(sockets, i);
		char text[512];

		if (!json_object_is_type(s, json_type_object) ||
		    !hp_field(s, "path", json_type_string, res) ||
		    !hp_field(s, "result", json_type_string, res))
			return -1;
		if (strcmp(hp_str_or(s, "result", ""), "reachable") != 0)
			continue;
		snprintf(text, sizeof(text), "%s (%s)",
			 hp_str_or(s, "path", ""),
			 hp_str_or(s, "runtime", "not a known runtime"));
		if (hp_list_add(list, text) < 0)
			return -1;
	}
	return 0;
}

static void judge_sockets(const struct hp_expect *e, int outcome,
			  json_object *d, struct hp_result *res)
{
	json_object *found = hp_field(d, "socket_count", json_type_int, res);
	json_object *reach = hp_field(d, "reachable_count", json_type_int, res);
	json_object *sockets = hp_field(d, "sockets", json_type_array, res);
	const char *cut =
		hp_bool_or(d, "truncated", 0) ? "; walk cut short" : "";
	char *list = NULL;

	if (!found || !reach || !sockets ||
	    reachable_list(sockets, &list, res) < 0)
		return;
	if ((json_object_get_int(reach) > 0) != (outcome == 1))
		hp_disagree(res, words[outcome], "'reachable_count'");
	else if (outcome == 1)
		hp_set_observed(res, hp_match(e, "reachable"),
				"reachable: %d of %d sockets (%s)%s",
				json_object_get_int(reach),
				json_object_get_int(found),
				list ? list : "not listed", cut);
	else
		hp_set_observed(res, hp_match(e, "unreachable"),
				"unreachable (%d sockets found, none "
				"accepted%s)",
				json_object_get_int(found), cut);
	free(list);
}

void hp_judge_sockets_runtime(const struct hp_expect *e,
			      const struct hp_record *rec,
			      struct hp_result *res)
{
	json_object *d;
	int outcome;

	if ((d = hp_begin_word(e, rec, words, &outcome, res)))
		judge_sockets(e, outcome, d, res);
}
