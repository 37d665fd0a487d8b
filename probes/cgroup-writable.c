/* cgroup.writable (attempt): can the container write to its cgroup?  For
 * each cgroup file system in the mount table, open its cgroup.procs for
 * writing and close it at once.  When none opens (or none is mounted, as
 * under ctr run), mount the cgroup2 hierarchy over /tmp in a private
 * mount namespace of this probe process and try its cgroup.procs there.
 * Nothing is written (a write would move a process between cgroups); the
 * namespace and its mount die with the probe. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

#include "fsprobe.h"
#include "probe.h"

struct found {
	json_object *mounts;
	bool writable;
};

static int take_mount(const struct hp_mnt *m, void *arg)
{
	struct found *f = arg;
	json_object *item;
	char file[4096];

	if (strcmp(m->fstype, "cgroup") != 0 &&
	    strcmp(m->fstype, "cgroup2") != 0)
		return 0;
	snprintf(file, sizeof(file), "%s/cgroup.procs", m->target);
	item = hp_write_attempt(file, &f->writable);
	hp_add_str(item, "mount", m->target);
	hp_add_str(item, "fstype", m->fstype);
	json_object_object_add(item, "read_only_mount",
			       json_object_new_boolean(
				       hp_has_option(m->vfs_opts, "ro")));
	json_object_array_add(f->mounts, item);
	return 0;
}

/* The cgroup2 hierarchy mounted anew; true when its cgroup.procs opened
 * for writing. */
static bool try_mount(json_object *attempt)
{
	const char *target = hp_mount_scratch(), *reached;
	json_object *procs = NULL;
	bool writable = false;
	char file[64];
	int err;

	err = hp_private_mount("cgroup2", NULL, target, &reached);
	if (!err) {
		snprintf(file, sizeof(file), "%s/cgroup.procs", target);
		procs = hp_write_attempt(file, &writable);
		umount2(target, MNT_DETACH);
	}
	hp_add_str(attempt, "fstype", "cgroup2");
	hp_add_str(attempt, "reached", reached);
	json_object_object_add(attempt, "errno", hp_errno_json(err));
	json_object_object_add(attempt, "cgroup_procs", procs);
	return writable;
}

int probe_cgroup_writable(json_object *data)
{
	struct found f = { .mounts = json_object_new_array() };
	int rc = hp_walk_mounts(take_mount, &f);
	json_object *attempt = NULL;

	if (rc < 0)
		json_object_object_add(data, "mountinfo_errno",
				       hp_errno_json(-rc));
	if (!f.writable) {
		attempt = json_object_new_object();
		f.writable = try_mount(attempt);
	}
	hp_add_str(data, "outcome", f.writable ? "writable" : "read-only");
	json_object_object_add(data, "mounts", f.mounts);
	json_object_object_add(data, "mount", attempt);
	return 0;
}
