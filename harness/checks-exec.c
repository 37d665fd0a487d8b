/* exec.first-process: a process started in the container later, through
 * an exec, has the capabilities, no_new_privs, seccomp filter, ids and
 * security label of the container's first process.  The record holds
 * pid 1's values; the exec'd process's come from the other records. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>

#include "checks-host.h"
#include "exec-compare.h"

static const char *const words[] = { "observed", NULL };
static const char *const expects[] = { "same", NULL };

/* The compared fields, in the order a finding names them. */
static const char *const fields[] = {
	"NoNewPrivs", "CapInh",		 "CapPrm", "CapEff", "CapBnd", "CapAmb",
	"Seccomp",    "Seccomp_filters", "Uid",	   "Gid",    "Groups", "label",
	NULL,
};

int hp_parse_exec_first_process(const struct hp_expect *e, char *err,
				size_t errlen)
{
	return hp_parse_word(e, expects, err, errlen);
}

static bool is_cap_set(const char *field)
{
	return strncmp(field, "Cap", 3) == 0;
}

/* " cap_kill cap_chown" for the bits of mask. */
static void cap_names(uint64_t mask, char *buf, size_t len)
{
	size_t used = 0;
	char *name;

	buf[0] = '\0';
	for (int i = 0; i < 64 && used < len; i++) {
		if (!(mask & (UINT64_C(1) << i)))
			continue;
		name = cap_to_name((cap_value_t)i);
		used += (size_t)snprintf(buf + used, len - used, " %s",
					 name ? name : "?");
		cap_free(name);
	}
}

/* "CapInh: the exec'd process adds cap_kill" for two hex masks. */
static void describe_caps(const char *field, const char *exec,
			  const char *first, char *out, size_t len)
{
	uint64_t e = strtoull(exec, NULL, 16), f = strtoull(first, NULL, 16);
	char more[400], less[400];

	cap_names(e & ~f, more, sizeof(more));
	cap_names(f & ~e, less, sizeof(less));
	snprintf(out, len, "%s: the exec'd process%s%s%s%s", field,
		 *more ? " adds" : "", more, *less ? " lacks" : "", less);
}

/* Whether field differs; when it does, a phrase for it in out. */
static bool differs(const char *field, json_object *exec, json_object *first,
		    char *out, size_t len)
{
	const char *e = hp_str_or(exec, field, "-");
	const char *f = hp_str_or(first, field, "-");

	if (is_cap_set(field) && strcmp(e, "-") && strcmp(f, "-")) {
		if (strtoull(e, NULL, 16) == strtoull(f, NULL, 16))
			return false;
		describe_caps(field, e, f, out, len);
		return true;
	}
	if (strcmp(e, f) == 0)
		return false;
	snprintf(out, len, "%s '%s' (first process: '%s')", field, e, f);
	return true;
}

/* The evidence: both sides and the names of the fields that differ. */
static void keep_evidence(struct hp_result *res, json_object *data,
			  json_object *exec, json_object *names)
{
	json_object *ev = json_object_new_object();

	json_object_object_add(ev, "first_process", json_object_get(data));
	json_object_object_add(ev, "exec_process", exec);
	json_object_object_add(ev, "differs", names);
	json_object_put(res->evidence);
	res->evidence = ev;
}

static void compare(json_object *data, json_object *first, json_object *exec,
		    struct hp_result *res)
{
	json_object *names = json_object_new_array();
	char *list = NULL, text[900];
	int rc = 0;

	for (size_t i = 0; fields[i] && rc == 0; i++) {
		/* The label sits beside pid1's status fields. */
		json_object *f = strcmp(fields[i], "label") ? first : data;

		if (!differs(fields[i], exec, f, text, sizeof(text)))
			continue;
		json_object_array_add(names, json_object_new_string(fields[i]));
		rc = hp_list_add(&list, text);
	}
	keep_evidence(res, data, exec, names);
	if (rc < 0)
		hp_set_observed(res, HP_ERROR, "out of memory");
	else if (list)
		hp_set_observed(res, HP_FAIL, "differs: %s", list);
	else
		hp_set_observed(res, HP_PASS,
				"same as the first process (pid 1)");
	free(list);
}

/* s is NULL when only the record is at hand: nothing to compare with. */
static void judge(const struct hp_expect *e, const struct hp_record *rec,
		  const struct hp_stream *s, struct hp_result *res)
{
	json_object *data, *first, *exec;

	hp_set_expected(res, "%s as the first process", e->args[0]);
	data = hp_judge_begin(rec, res);
	if (!data || hp_outcome(data, words, res) < 0 ||
	    !(first = hp_field(data, "pid1", json_type_object, res)) ||
	    !(exec = hp_exec_side(s, res)))
		return;
	compare(data, first, exec, res);
}

void hp_judge_exec_first_process(const struct hp_expect *e,
				 const struct hp_record *rec,
				 struct hp_result *res)
{
	judge(e, rec, NULL, res);
}

void hp_judge_stream_exec_first_process(const struct hp_expect *e,
					const struct hp_stream *s,
					struct hp_result *res)
{
	judge(e, hp_stream_find(s, HP_EXEC_CHECK), s, res);
}
