/* proc.readonly-paths (attempt): the /proc paths runtimes mount
 * read-only (/proc/sys, /proc/sysrq-trigger, /proc/irq, /proc/bus,
 * /proc/fs), and /sys, which they mount read-only unless privileged.
 * For each, statvfs tells whether the mount is read-only, and one file
 * inside is opened for writing and closed at once: nothing is ever
 * written, so an open that succeeds changes nothing. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "fsprobe.h"
#include "probe.h"

struct ro_path {
	const char *path;
	const char *files[3]; /* preferred files to open, NULL-ended */
};

static const struct ro_path ro_paths[] = {
	{ "/proc/sys", { "/proc/sys/kernel/hostname", NULL } },
	{ "/proc/sysrq-trigger", { "/proc/sysrq-trigger", NULL } },
	{ "/proc/irq", { "/proc/irq/default_smp_affinity", NULL } },
	{ "/proc/bus", { "/proc/bus/pci/devices", "/proc/bus/input/devices" } },
	{ "/proc/fs", { NULL } },
	{ "/sys",
	  { "/sys/kernel/uevent_helper", "/sys/kernel/profiling",
	    "/sys/kernel/mm/transparent_hugepage/enabled" } },
};

/* The first regular file directly inside dir or one level down. */
static bool first_file(const char *dir, int depth, char *out, size_t len)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;
	char sub[512];

	if (!d)
		return false;
	while (!found && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		if (e->d_type == DT_REG) {
			snprintf(out, len, "%s", sub);
			found = true;
		} else if (e->d_type == DT_DIR && depth > 0) {
			found = first_file(sub, depth - 1, out, len);
		}
	}
	closedir(d);
	return found;
}

static bool pick_file(const struct ro_path *p, char *out, size_t len)
{
	struct stat st;

	for (size_t i = 0; i < 3 && p->files[i]; i++)
		if (stat(p->files[i], &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(out, len, "%s", p->files[i]);
			return true;
		}
	return first_file(p->path, 1, out, len);
}

/* The state of one path; true when a file in it opened for writing. */
static bool try_path(const struct ro_path *p, json_object *item)
{
	struct statvfs sv;
	char file[512];
	int err;

	if (statvfs(p->path, &sv) < 0) {
		hp_add_str(item, "state",
			   errno == ENOENT ? "absent" : "denied");
		json_object_object_add(item, "errno", hp_errno_json(errno));
		return false;
	}
	json_object_object_add(item, "read_only_mount",
			       json_object_new_boolean(sv.f_flag & ST_RDONLY));
	if (!pick_file(p, file, sizeof(file))) {
		hp_add_str(item, "file", NULL);
		hp_add_str(item, "state",
			   sv.f_flag & ST_RDONLY ? "read-only" : "no-file");
		json_object_object_add(item, "errno", NULL);
		return false;
	}
	hp_add_str(item, "file", file);
	err = hp_try_open(file, O_WRONLY | O_NONBLOCK);
	json_object_object_add(item, "errno", hp_errno_json(err));
	hp_add_str(item, "state",
		   !err					   ? "writable"
		   : err == EROFS || sv.f_flag & ST_RDONLY ? "read-only"
							   : "denied");
	return err == 0;
}

int probe_proc_readonly_paths(json_object *data)
{
	json_object *paths = json_object_new_array();
	bool writable = false;

	for (size_t i = 0; i < sizeof(ro_paths) / sizeof(ro_paths[0]); i++) {
		json_object *item = json_object_new_object();

		json_object_array_add(paths, item);
		hp_add_str(item, "path", ro_paths[i].path);
		writable |= try_path(&ro_paths[i], item);
	}
	hp_add_str(data, "outcome", writable ? "writable" : "read-only");
	json_object_object_add(data, "paths", paths);
	return 0;
}
