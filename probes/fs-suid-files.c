/* fs.suid-files (fact): the set-user-id and set-group-id files under /,
 * without entering /proc, /sys and /dev, to a bounded depth and count.
 * It only calls lstat and statvfs: nothing is opened or run. */
#define _GNU_SOURCE
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

#include "probe.h"

#define MAX_DEPTH 16
#define MAX_ENTRIES 100000
#define MAX_SECONDS 4
#define MAX_FILES 64

static const char *const skipped[] = { "/proc", "/sys", "/dev" };

/* The walk's state: nftw passes no argument to its callback. */
static struct {
	json_object *files;
	size_t entries, found;
	time_t deadline;
	bool cut;
} walk;

/* Stop at the entry or time bound: a huge tree must not hit the
 * runner's timeout. */
static bool bounded(void)
{
	struct timespec now;

	if (++walk.entries > MAX_ENTRIES)
		walk.cut = true;
	else if (walk.entries % 1024 == 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		walk.cut = now.tv_sec >= walk.deadline;
	}
	return walk.cut;
}

static bool skip_dir(const char *path)
{
	for (size_t i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
		if (strcmp(path, skipped[i]) == 0)
			return true;
	return false;
}

static void add_file(const char *path, const struct stat *st)
{
	json_object *item = json_object_new_object();
	struct statvfs sv;
	char mode[8];

	snprintf(mode, sizeof(mode), "%04o", st->st_mode & 07777);
	hp_add_str(item, "path", path);
	hp_add_str(item, "mode", mode);
	json_object_object_add(item, "uid", json_object_new_int64(st->st_uid));
	json_object_object_add(item, "gid", json_object_new_int64(st->st_gid));
	json_object_object_add(item, "nosuid",
			       json_object_new_boolean(
				       statvfs(path, &sv) == 0 &&
				       (sv.f_flag & ST_NOSUID)));
	json_object_array_add(walk.files, item);
}

static int visit(const char *path, const struct stat *st, int flag,
		 struct FTW *ftw)
{
	if (bounded())
		return FTW_STOP;
	if (flag == FTW_D && (ftw->level >= MAX_DEPTH || skip_dir(path)))
		return FTW_SKIP_SUBTREE;
	if (flag != FTW_F || !S_ISREG(st->st_mode) ||
	    !(st->st_mode & (S_ISUID | S_ISGID)))
		return FTW_CONTINUE;
	if (++walk.found <= MAX_FILES)
		add_file(path, st);
	return FTW_CONTINUE;
}

int probe_fs_suid_files(json_object *data)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	walk.deadline = now.tv_sec + MAX_SECONDS;
	walk.files = json_object_new_array();
	nftw("/", visit, 16, FTW_PHYS | FTW_ACTIONRETVAL);
	hp_add_str(data, "outcome", walk.found ? "found" : "none");
	json_object_object_add(data, "files", walk.files);
	json_object_object_add(data, "found",
			       json_object_new_int64((int64_t)walk.found));
	json_object_object_add(data, "truncated",
			       json_object_new_boolean(walk.cut ||
						       walk.found > MAX_FILES));
	return 0;
}
