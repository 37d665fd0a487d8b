/* The exec'd process's side of exec.first-process: the same fields as
 * pid 1's /proc/1/status, taken from the records that judged them
 * (caps.sets, nnp.flag, seccomp.mode, user.identity, the lsm probes), so
 * that the comparison uses the evidence the profile was judged on. */
#include <stdio.h>
#include <string.h>

#include "exec-compare.h"

/* The data of probe id's ok record, or NULL with res an error.  A skip
 * is usable only when skip_ok. */
static json_object *source(const struct hp_stream *s, const char *id,
			   bool skip_ok, struct hp_result *res)
{
	const struct hp_record *rec = hp_stream_find(s, id);
	const char *why = !rec ? "no record" : !rec->ok ? "an error record" : 0;

	if (!why && !skip_ok &&
	    strcmp(hp_str_or(rec->data, "outcome", ""), "skip") == 0)
		why = "a skipped record";
	if (!why)
		return rec->data;
	hp_set_observed(res, HP_ERROR,
			"cannot compare with the first process: %s for %s", why,
			id);
	return NULL;
}

static void add_int(json_object *to, const char *key, json_object *from,
		    const char *from_key)
{
	json_object *v = NULL;

	if (json_object_object_get_ex(from, from_key, &v) &&
	    json_object_is_type(v, json_type_int))
		json_object_object_add(to, key,
				       json_object_new_string(
					       json_object_get_string(v)));
	else
		json_object_object_add(to, key, NULL);
}

static void add_caps(json_object *to, json_object *caps)
{
	static const char *const sets[] = { "CapInh", "CapPrm", "CapEff",
					    "CapBnd", "CapAmb", NULL };
	json_object *status = NULL;

	json_object_object_get_ex(caps, "status", &status);
	for (size_t i = 0; sets[i]; i++) {
		const char *v =
			status ? hp_str_or(status, sets[i], NULL) : NULL;

		json_object_object_add(to, sets[i],
				       v ? json_object_new_string(v) : NULL);
	}
}

/* From user.identity's verbatim status lines: the text after "key:" and
 * its blanks, as hp_status_value in the probes takes pid 1's. */
static void add_status_line(json_object *to, const char *key, json_object *id)
{
	json_object *lines = NULL, *v = NULL;
	size_t klen = strlen(key);
	const char *line;

	json_object_object_get_ex(id, "status_lines", &lines);
	for (size_t i = 0; json_object_is_type(lines, json_type_array) &&
			   i < json_object_array_length(lines) && !v;
	     i++) {
		line = json_object_get_string(
			json_object_array_get_idx(lines, i));
		if (line && strncmp(line, key, klen) == 0 && line[klen] == ':')
			v = json_object_new_string(
				line + klen + 1 +
				strspn(line + klen + 1, " \t"));
	}
	json_object_object_add(to, key, v);
}

/* The label as /proc/self/attr holds it: SELinux's context whole, or
 * AppArmor's "PROFILE (MODE)" put together again; null when neither
 * module is active. */
static void add_label(json_object *to, json_object *aa, json_object *se)
{
	const char *label = NULL, *mode;
	char text[600];

	if (strcmp(hp_str_or(se, "outcome", "skip"), "skip") != 0)
		label = hp_str_or(se, "label", NULL);
	else if (strcmp(hp_str_or(aa, "outcome", "skip"), "skip") != 0) {
		mode = hp_str_or(aa, "mode", NULL);
		snprintf(text, sizeof(text), "%s%s%s%s",
			 hp_str_or(aa, "label", ""), mode ? " (" : "",
			 mode ? mode : "", mode ? ")" : "");
		label = text;
	}
	json_object_object_add(to, "label",
			       label ? json_object_new_string(label) : NULL);
}

json_object *hp_exec_side(const struct hp_stream *s, struct hp_result *res)
{
	json_object *caps, *nnp, *sec, *id, *aa, *se, *out;

	if (!s) {
		hp_set_observed(res, HP_ERROR,
				"cannot compare with the first process: "
				"no other records");
		return NULL;
	}
	if (!(caps = source(s, "caps.sets", false, res)) ||
	    !(nnp = source(s, "nnp.flag", false, res)) ||
	    !(sec = source(s, "seccomp.mode", false, res)) ||
	    !(id = source(s, "user.identity", false, res)) ||
	    !(aa = source(s, "lsm.apparmor", true, res)) ||
	    !(se = source(s, "lsm.selinux", true, res)))
		return NULL;
	out = json_object_new_object();
	add_caps(out, caps);
	add_int(out, "NoNewPrivs", nnp, "no_new_privs");
	add_int(out, "Seccomp", sec, "mode");
	add_int(out, "Seccomp_filters", sec, "filters");
	add_status_line(out, "Uid", id);
	add_status_line(out, "Gid", id);
	add_status_line(out, "Groups", id);
	add_label(out, aa, se);
	return out;
}
