/* The file-system and kernel-interface checks (masked /proc paths,
 * cgroups, devices, set-user-id files, host mounts ...) and the list
 * helper they share.  Only harness/checks*.c include this. */
#ifndef HARDPROBE_CHECKS_FSIFACE_H
#define HARDPROBE_CHECKS_FSIFACE_H

#include "checks.h"

struct libmnt_table;

HP_CHECK_FNS(proc_masked_paths);
HP_CHECK_FNS(proc_readonly_paths);
HP_CHECK_FNS(kernel_core_pattern);
HP_CHECK_FNS(kernel_sysrq);
HP_CHECK_FNS(cgroup_writable);
HP_CHECK_FNS(cgroup_release_agent);
HP_CHECK_FNS(devices_nodes);
HP_CHECK_FNS(devices_mknod_open);
HP_CHECK_FNS(fs_suid_files);
HP_CHECK_FNS(fs_host_mounts);
HP_CHECK_FNS(fs_mount_propagation);
HP_CHECK_FNS(fs_tmp_noexec);
HP_CHECK_FNS(fs_leaked_fds);

/* How to read one list of items in a record: the array's key, each
 * item's name and result keys, the valid results, and which of them are
 * insecure.  detail, when set, names a string field that is shown after
 * the result ("shape", "errno"). */
struct hp_items {
	const char *array;
	const char *name;
	const char *field;
	const char *detail;
	const char *const *results;
	const char *const *bad;
};

/*
 * Sort the items of data's list into *good and *bad, each a
 * comma-separated "NAME RESULT [DETAIL]" list (NULL when empty).  With
 * names (n of them), only the items so named count, and a name with no
 * item is an error.  Returns 0, or -1 with res set to HP_ERROR.
 */
int hp_items_split(json_object *data, const struct hp_items *spec,
		   char *const *names, size_t n, char **good, char **bad,
		   struct hp_result *res);

/*
 * Judge a list attempt or fact whose outcome is outcomes[0] when no item
 * is insecure and outcomes[1] otherwise, and whose expectation is one of
 * the two words (with, optionally, item names that restrict it).
 * Errors: an outcome that disagrees with the items, an empty list.
 */
void hp_judge_items(const struct hp_expect *e, const struct hp_record *rec,
		    const struct hp_items *spec, const char *const *outcomes,
		    struct hp_result *res);

/* Parse "WORD [NAME...]" where WORD is one of words and names must be
 * absolute paths; with_names says whether names are allowed at all. */
int hp_parse_paths_word(const struct hp_expect *e, const char *const *words,
			bool with_names, char *err, size_t errlen);

/* Parse "only [PATTERN...]" where each PATTERN is an absolute path, a
 * glob(7) pattern for hp_pattern_listed(). */
int hp_parse_only_patterns(const struct hp_expect *e, char *err, size_t errlen);

/* Whether path matches one of e's arguments after the first, as
 * fnmatch(3) patterns where a wildcard does not match a slash. */
bool hp_pattern_listed(const struct hp_expect *e, const char *path);

/* The record's "mountinfo" lines parsed with libmount, or NULL with res
 * set to HP_ERROR (malformed or empty).  Free with mnt_unref_table. */
struct libmnt_table *hp_mountinfo_table(json_object *data,
					struct hp_result *res);

#endif
