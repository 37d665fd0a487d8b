/* nnp.exec-path: the probe process has the same no_new_privs, seccomp and
 * capability settings as the container's pid 1, so that a process started
 * through an exec is confined like the first one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks-host.h"

static const char *const words[] = { "same", "differs", NULL };

int hp_parse_nnp_exec_path(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, words, err, errlen);
}

/* "NoNewPrivs 0 (pid 1: 1), CapEff ... (pid 1: ...)" */
static int describe(json_object *differs, json_object *self, json_object *pid1,
		    char **list, struct hp_result *res)
{
	char text[160];

	for (size_t i = 0; i < json_object_array_length(differs); i++) {
		json_object *f = json_object_array_get_idx(differs, i);
		const char *name = json_object_get_string(f);

		if (!json_object_is_type(f, json_type_string)) {
			hp_set_observed(res, HP_ERROR,
					"malformed record: 'differs' item %zu "
					"is not a string",
					i + 1);
			return -1;
		}
		snprintf(text, sizeof(text), "%s %s (pid 1: %s)", name,
			 hp_str_or(self, name, "-"),
			 hp_str_or(pid1, name, "-"));
		if (hp_list_add(list, text) < 0)
			return -1;
	}
	return 0;
}

void hp_judge_nnp_exec_path(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *differs, *self, *pid1;
	char *list = NULL;
	int outcome;

	if (!(d = hp_begin_word(e, rec, words, &outcome, res)) ||
	    !(differs = hp_field(d, "differs", json_type_array, res)) ||
	    !(self = hp_field(d, "self", json_type_object, res)) ||
	    !(pid1 = hp_field(d, "pid1", json_type_object, res)) ||
	    describe(differs, self, pid1, &list, res) < 0) {
		free(list);
		return;
	}
	if ((list != NULL) != (outcome == 1))
		hp_disagree(res, words[outcome], "'differs'");
	else
		hp_set_observed(res, hp_match(e, words[outcome]), "%s%s%s",
				words[outcome], list ? ": " : "",
				list ? list : " as pid 1");
	free(list);
}
