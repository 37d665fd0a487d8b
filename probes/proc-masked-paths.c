/* proc.masked-paths (fact): the paths container runtimes hide from the
 * container (runc's and containerd's default maskedPaths), each looked at
 * with stat, statfs and, for a directory, a count of its entries.  It
 * only looks: nothing is opened for writing or read. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "fsprobe.h"
#include "probe.h"

/* runc 1.1 and containerd 1.6 mask the first ten; newer runtimes add
 * powercap. */
static const char *const masked[] = {
	"/proc/acpi",
	"/proc/asound",
	"/proc/kcore",
	"/proc/keys",
	"/proc/latency_stats",
	"/proc/timer_list",
	"/proc/timer_stats",
	"/proc/sched_debug",
	"/proc/scsi",
	"/sys/firmware",
	"/sys/devices/virtual/powercap",
};

static const char *file_type(mode_t mode)
{
	if (S_ISDIR(mode))
		return "dir";
	if (S_ISREG(mode))
		return "file";
	if (S_ISCHR(mode))
		return "char";
	if (S_ISBLK(mode))
		return "block";
	if (S_ISLNK(mode))
		return "symlink";
	return "other";
}

static const char *fs_name(long type)
{
	switch (type) {
	case TMPFS_MAGIC:
		return "tmpfs";
	case PROC_SUPER_MAGIC:
		return "proc";
	case SYSFS_MAGIC:
		return "sysfs";
	default:
		return "other";
	}
}

/* Entries of a directory other than . and .., or -errno. */
static long count_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	long n = 0;

	if (!d)
		return -errno;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 &&
		     strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void set_state(json_object *item, const char *state, const char *shape)
{
	hp_add_str(item, "state", state);
	hp_add_str(item, "shape", shape);
}

/* The masking shape of a present path, or "readable" with no shape.
 * True when it is readable. */
static bool judge_present(const char *path, const struct stat *st,
			  json_object *item)
{
	struct statfs sf = { 0 };
	long n = 0;
	char dev[32];

	hp_add_str(item, "type", file_type(st->st_mode));
	if (S_ISCHR(st->st_mode)) {
		hp_devno_text(st->st_rdev, dev, sizeof(dev));
		hp_add_str(item, "rdev", dev);
	}
	if (statfs(path, &sf) == 0)
		hp_add_str(item, "fs", fs_name((long)sf.f_type));
	if (S_ISDIR(st->st_mode)) {
		n = count_entries(path);
		json_object_object_add(item, "entries",
				       json_object_new_int64(n));
		if (n == -EACCES || n == -EPERM) {
			set_state(item, "masked", "denied");
			return false;
		}
	}
	if (S_ISCHR(st->st_mode) && st->st_rdev == makedev(1, 3)) {
		set_state(item, "masked", "dev-null");
		return false;
	}
	if (S_ISDIR(st->st_mode) && n == 0 && sf.f_type == TMPFS_MAGIC) {
		set_state(item, "masked", "empty-tmpfs");
		return false;
	}
	set_state(item, "readable", NULL);
	return true;
}

/* One path; true when it is present and not masked. */
static bool look(const char *path, json_object *paths)
{
	json_object *item = json_object_new_object();
	struct stat st;
	int err = 0;

	json_object_array_add(paths, item);
	hp_add_str(item, "path", path);
	if (stat(path, &st) < 0)
		err = errno;
	json_object_object_add(item, "errno", hp_errno_json(err));
	if (err == ENOENT || err == ENOTDIR) {
		set_state(item, "absent", NULL);
		return false;
	}
	if (err) {
		set_state(item, "masked", "denied");
		return false;
	}
	return judge_present(path, &st, item);
}

int probe_proc_masked_paths(json_object *data)
{
	json_object *paths = json_object_new_array();
	bool unmasked = false;

	for (size_t i = 0; i < sizeof(masked) / sizeof(masked[0]); i++)
		unmasked |= look(masked[i], paths);
	hp_add_str(data, "outcome", unmasked ? "unmasked" : "masked");
	json_object_object_add(data, "paths", paths);
	return 0;
}
