/* Mount-table checks read with libmount: bind mounts of sensitive host
 * paths, and shared mount propagation. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libmount/libmount.h>

#include "checks-fsiface.h"

/* File systems that are not a host disk: the container's own root and
 * the kernel's pseudo file systems.  proc, sysfs and devtmpfs are judged
 * apart. */
static const char *const pseudo_fs[] = {
	"overlay", "tmpfs",	 "devpts",   "mqueue",	  "cgroup",
	"cgroup2", "securityfs", "debugfs",  "tracefs",	  "bpf",
	"fusectl", "configfs",	 "pstore",   "hugetlbfs", "binfmt_misc",
	"nsfs",	   "autofs",	 "efivarfs", "shm",	  NULL,
};

/* Host paths that no container should see, as a file system's root
 * field names them. */
static const char *const sensitive[] = {
	"/etc",
	"/root",
	"/home",
	"/boot",
	"/run",
	"/var/run",
	"/proc",
	"/sys",
	"/dev",
	"/var/lib/kubelet",
	"/var/lib/docker",
	"/var/lib/containerd",
	"/run/containerd",
	"/var/run/docker.sock",
	"/run/docker.sock",
	NULL,
};

/* Device nodes a runtime binds from the host's /dev one by one when it
 * cannot make them (in a user namespace): every container gets these. */
static const char *const standard_nodes[] = {
	"/null", "/zero",    "/full", "/random", "/urandom",
	"/tty",	 "/console", "/ptmx", NULL,
};

static bool in_list(const char *const *list, const char *s)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

/* Whether path is dir or lies below it. */
static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '/' || !path[n]);
}

/* Whether the subtree at root holds a sensitive path. */
static bool covers_sensitive(const char *root)
{
	size_t n = strlen(root);

	if (n >= 5 && strcmp(root + n - 5, ".sock") == 0)
		return true;
	for (size_t i = 0; sensitive[i]; i++)
		if (strcmp(root, "/") == 0 || under(sensitive[i], root))
			return true;
	return false;
}

/* Why this mount exposes the host, or NULL. */
static const char *host_exposure(struct libmnt_fs *fs)
{
	const char *type = mnt_fs_get_fstype(fs), *root = mnt_fs_get_root(fs);
	const char *target = mnt_fs_get_target(fs);

	if (!type || !root || !target)
		return NULL;
	if (strcmp(type, "devtmpfs") == 0)
		return in_list(standard_nodes, root) ? NULL
						     : "the host's devices";
	if (strcmp(type, "proc") == 0 || strcmp(type, "sysfs") == 0)
		return under(target, "/proc") || under(target, "/sys")
			       ? NULL
			       : "a proc or sysfs outside /proc and /sys";
	if (strcmp(type, "tmpfs") == 0 && strcmp(root, "/") != 0 &&
	    strlen(root) >= 5 && strcmp(root + strlen(root) - 5, ".sock") == 0)
		return "a socket";
	if (in_list(pseudo_fs, type))
		return NULL;
	return covers_sensitive(root) ? "a sensitive host path" : NULL;
}

int hp_parse_fs_host_mounts(const struct hp_expect *e, char *err, size_t errlen)
{
	static const char *const words[] = { "none", NULL };

	return hp_parse_paths_word(e, words, true, err, errlen);
}

static int collect_host(const struct hp_expect *e, struct libmnt_table *tb,
			char **found)
{
	struct libmnt_iter *it = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	int rc = it ? 0 : -ENOMEM;

	while (rc == 0 && mnt_table_next_fs(tb, it, &fs) == 0) {
		const char *why = host_exposure(fs);
		char *text;

		if (!why || hp_pattern_listed(e, mnt_fs_get_target(fs)))
			continue;
		if (asprintf(&text, "%s (%s %s: %s)", mnt_fs_get_target(fs),
			     mnt_fs_get_fstype(fs), mnt_fs_get_root(fs),
			     why) < 0) {
			rc = -ENOMEM;
			break;
		}
		rc = hp_list_add(found, text);
		free(text);
	}
	mnt_free_iter(it);
	return rc;
}

void hp_judge_fs_host_mounts(const struct hp_expect *e,
			     const struct hp_record *rec, struct hp_result *res)
{
	static const char *const words[] = { "observed", NULL };
	struct libmnt_table *tb;
	char *found = NULL;
	json_object *d;

	hp_set_expected_args(res, e, "none but", "none");
	d = hp_judge_begin(rec, res);
	if (!d || hp_outcome(d, words, res) < 0 ||
	    !(tb = hp_mountinfo_table(d, res)))
		return;
	if (collect_host(e, tb, &found) == 0 && found)
		hp_set_observed(res, HP_FAIL, "host mounts: %s", found);
	else if (!found)
		hp_set_observed(res, HP_PASS, "none of %d mounts",
				mnt_table_get_nents(tb));
	free(found);
	mnt_unref_table(tb);
}

int hp_parse_fs_mount_propagation(const struct hp_expect *e, char *err,
				  size_t errlen)
{
	static const char *const words[] = { "private", NULL };

	return hp_parse_word(e, words, err, errlen);
}

/* Shared mounts into *shared ("TARGET shared:N"); counts slaves. */
static int collect_shared(struct libmnt_table *tb, char **shared, int *slaves)
{
	struct libmnt_iter *it = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	int rc = it ? 0 : -ENOMEM;

	while (rc == 0 && mnt_table_next_fs(tb, it, &fs) == 0) {
		const char *opt = mnt_fs_get_optional_fields(fs);
		char *text;

		if (!opt || !*opt)
			continue;
		*slaves += strstr(opt, "master:") != NULL;
		if (!strstr(opt, "shared:"))
			continue;
		if (asprintf(&text, "%s %s", mnt_fs_get_target(fs), opt) < 0) {
			rc = -ENOMEM;
			break;
		}
		rc = hp_list_add(shared, text);
		free(text);
	}
	mnt_free_iter(it);
	return rc;
}

void hp_judge_fs_mount_propagation(const struct hp_expect *e,
				   const struct hp_record *rec,
				   struct hp_result *res)
{
	static const char *const words[] = { "observed", NULL };
	struct libmnt_table *tb;
	char *shared = NULL;
	json_object *d;
	int slaves = 0;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || hp_outcome(d, words, res) < 0 ||
	    !(tb = hp_mountinfo_table(d, res)))
		return;
	if (collect_shared(tb, &shared, &slaves) == 0 && shared)
		hp_set_observed(res, HP_FAIL, "shared: %s", shared);
	else if (!shared)
		hp_set_observed(res, HP_PASS,
				"no shared mount (%d receive from the host)",
				slaves);
	free(shared);
	mnt_unref_table(tb);
}
