/* Spec claims about paths: linux.maskedPaths, linux.readonlyPaths and
 * the mounts, against proc.masked-paths, proc.readonly-paths and the
 * mount table. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mounttable.h"
#include "specdiff-impl.h"

/* The probe's entry for path in data's "paths", or NULL when the probe
 * did not look at it. */
static json_object *entry(json_object *data, const char *path)
{
	json_object *paths, *p;
	size_t i;

	if (!json_object_object_get_ex(data, "paths", &paths) ||
	    !json_object_is_type(paths, json_type_array))
		return NULL;
	for (i = 0; i < json_object_array_length(paths); i++) {
		p = json_object_array_get_idx(paths, i);
		if (strcmp(hp_sd_str(p, "path"), path) == 0)
			return p;
	}
	return NULL;
}

/* Whether the probe's entry shows the path less protected than asked:
 * masked paths must be masked or absent; read-only paths must be absent,
 * refuse writing with EROFS, or sit on a read-only mount. */
static bool weaker(json_object *e, bool masked)
{
	const char *state = hp_sd_str(e, "state");
	json_object *ro;

	if (masked)
		return strcmp(state, "readable") == 0;
	if (strcmp(state, "absent") == 0 || strcmp(state, "read-only") == 0)
		return false;
	return !(json_object_object_get_ex(e, "read_only_mount", &ro) &&
		 json_object_get_boolean(ro));
}

/* One claim: every path it lists that the probe looked at.  A path the
 * probe does not look at cannot be compared; an absent one is
 * protected. */
static void path_claim(struct hp_sd *d, const char *claim, const char *probe,
		       bool masked)
{
	json_object *spec = hp_sd_strings(d, claim);
	json_object *data = hp_sd_observed(d, probe), *e;
	char *bad = NULL, *want = NULL, asks[2048], has[2048];
	const char *path;
	size_t i;

	for (i = 0; spec && data && i < json_object_array_length(spec); i++) {
		path = json_object_get_string(
			json_object_array_get_idx(spec, i));
		e = entry(data, path);
		if (e && weaker(e, masked) && !hp_sd_append(d, &bad, path))
			return;
	}
	want = bad ? hp_sd_join(d, spec, "none") : NULL;
	if (want) {
		snprintf(asks, sizeof(asks), "%s %s",
			 masked ? "masked" : "read-only", want);
		snprintf(has, sizeof(has), "%s %s", bad,
			 masked ? "readable" : "writable or not read-only");
		hp_sd_add(d, claim, asks, has, spec, probe, data);
	}
	free(bad);
	free(want);
}

void hp_sd_masked(struct hp_sd *d)
{
	path_claim(d, "linux.maskedPaths", "proc.masked-paths", true);
}

void hp_sd_readonly(struct hp_sd *d)
{
	path_claim(d, "linux.readonlyPaths", "proc.readonly-paths", false);
}

static bool has_ro(json_object *m)
{
	json_object *opts, *o;
	size_t i;

	if (!json_object_object_get_ex(m, "options", &opts) ||
	    !json_object_is_type(opts, json_type_array))
		return false;
	for (i = 0; i < json_object_array_length(opts); i++) {
		o = json_object_array_get_idx(opts, i);
		if (json_object_is_type(o, json_type_string) &&
		    strcmp(json_object_get_string(o), "ro") == 0)
			return true;
	}
	return false;
}

/* A cgroup mount on a cgroup v1 host is a tmpfs holding one mount per
 * controller; runc mounts the controllers read-only and leaves the tmpfs
 * writable (a directory made there controls nothing).  Such a mount is
 * read-only when every controller under dest is. */
static bool cgroup_v1_ro(json_object *m, struct libmnt_table *tb,
			 const char *dest)
{
	struct libmnt_iter *it = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *top =
		mnt_table_find_target(tb, dest, MNT_ITER_BACKWARD);
	struct libmnt_fs *fs;
	size_t len = strlen(dest), n = 0;
	const char *t, *mode;
	bool ro = it && top && strcmp(hp_sd_str(m, "type"), "cgroup") == 0 &&
		  mnt_fs_get_fstype(top) &&
		  strcmp(mnt_fs_get_fstype(top), "tmpfs") == 0;

	while (ro && mnt_table_next_fs(tb, it, &fs) == 0) {
		t = mnt_fs_get_target(fs);
		if (!t || strncmp(t, dest, len) != 0 || t[len] != '/')
			continue;
		mode = hp_mount_mode(tb, t);
		ro = mode && strcmp(mode, "ro") == 0;
		n++;
	}
	mnt_free_iter(it);
	return ro && n > 0;
}

/* What is wrong with the spec's mount m in tb, as "DEST (why)", or NULL
 * when nothing is. */
static const char *mount_fault(json_object *m, struct libmnt_table *tb,
			       char *buf, size_t len)
{
	const char *dest = hp_sd_str(m, "destination");
	const char *mode = *dest ? hp_mount_mode(tb, dest) : "rw";

	if (!mode)
		snprintf(buf, len, "%s (not mounted)", dest);
	else if (has_ro(m) && strcmp(mode, "rw") == 0 &&
		 !cgroup_v1_ro(m, tb, dest))
		snprintf(buf, len, "%s (read-write)", dest);
	else
		return NULL;
	return buf;
}

/* mounts: each one the spec lists is in the mount table, read-only when
 * its options say "ro". */
void hp_sd_mounts(struct hp_sd *d)
{
	json_object *spec = hp_sd_claim(d, "mounts", json_type_array);
	json_object *data = hp_sd_observed(d, "mounts.writable");
	struct libmnt_table *tb = spec && data ? hp_mount_table(data) : NULL;
	char *bad = NULL, one[512], has[4096];
	size_t i;

	for (i = 0; tb && i < json_object_array_length(spec); i++)
		if (mount_fault(json_object_array_get_idx(spec, i), tb, one,
				sizeof(one)) &&
		    !hp_sd_append(d, &bad, one))
			break;
	if (bad) {
		snprintf(has, sizeof(has), "mounts that differ: %s", bad);
		hp_sd_add(d, "mounts",
			  "each of its mounts, read-only where its options "
			  "say ro",
			  has, spec, "mounts.writable", data);
	}
	free(bad);
	mnt_unref_table(tb);
}
