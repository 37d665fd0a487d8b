/* Internals of the checks: one parse and one judge function per check, and
 * the helpers they share.  Only harness/checks*.c include this. */
#ifndef HARDPROBE_CHECKS_H
#define HARDPROBE_CHECKS_H

#include <stddef.h>

#include <json-c/json.h>

#include "judge.h"

#define HP_CHECK_FNS(name)                                        \
	int hp_parse_##name(const struct hp_expect *e, char *err, \
			    size_t errlen);                       \
	void hp_judge_##name(const struct hp_expect *e,           \
			     const struct hp_record *rec,         \
			     struct hp_result *res)

HP_CHECK_FNS(userns_host_root);
HP_CHECK_FNS(userns_map_root);
HP_CHECK_FNS(fs_etc_passwd_write);
HP_CHECK_FNS(fs_rootfs_write);
HP_CHECK_FNS(mounts_writable);
HP_CHECK_FNS(caps_sets);
HP_CHECK_FNS(caps_raise);
HP_CHECK_FNS(nnp_flag);
HP_CHECK_FNS(nnp_setuid_escalation);
HP_CHECK_FNS(seccomp_mode);
HP_CHECK_FNS(seccomp_dangerous_syscalls);
HP_CHECK_FNS(seccomp_ia32_entry);
HP_CHECK_FNS(user_identity);
HP_CHECK_FNS(cap_action);

/*
 * Parse functions write only the reason to err ("unknown expectation
 * 'maybe' (want denied or allowed)"); the profile loader puts
 * "FILE:LINE: ID: " in front.  They return 0 or -1.
 */

/* Accept exactly one word out of words (NULL-terminated). */
int hp_parse_word(const struct hp_expect *e, const char *const *words,
		  char *err, size_t errlen);

/* Write a reason to err; returns -1 so parse functions can return it. */
int hp_parse_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Replace res->expected, or res->observed and res->status.  On memory
 * exhaustion the string stays NULL, which hp_judge reports as -ENOMEM. */
void hp_set_expected(struct hp_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void hp_set_observed(struct hp_result *res, enum hp_status st, const char *fmt,
		     ...) __attribute__((format(printf, 3, 4)));

/* Set res->expected to "WORD ARG1 ARG2 ..." from e's arguments after the
 * first, or to none when there are none. */
void hp_set_expected_args(struct hp_result *res, const struct hp_expect *e,
			  const char *word, const char *none);

/*
 * Start judging rec: settle the cases every check shares (no record,
 * probe error, outcome "skip", data without a string outcome) and take
 * the evidence.  Returns the record's data when the check must go on,
 * NULL when res is already final.
 */
json_object *hp_judge_begin(const struct hp_record *rec, struct hp_result *res);

/* The data's outcome as an index into words (NULL-terminated), or -1 with
 * res set to HP_ERROR. */
int hp_outcome(json_object *data, const char *const *words,
	       struct hp_result *res);

/* Member key of o with type t, or NULL with res set to HP_ERROR naming the
 * field.  hp_field_opt also accepts null and then returns 0 with *out
 * NULL; it returns -1 on a wrong type. */
json_object *hp_field(json_object *o, const char *key, json_type t,
		      struct hp_result *res);
int hp_field_opt(json_object *o, const char *key, json_type t,
		 json_object **out, struct hp_result *res);

/* A string field that may be null or missing: its text, or dflt. */
const char *hp_str_or(json_object *o, const char *key, const char *dflt);

/* The pass or fail of an attempt or fact with a single-word expectation:
 * pass when the observed word equals the expected one. */
enum hp_status hp_match(const struct hp_expect *e, const char *observed);

/* Append text to a growing, comma-separated list; -ENOMEM on failure. */
int hp_list_add(char **list, const char *text);

#endif
