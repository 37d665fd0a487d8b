/* fs.rootfs-write (attempt): create a new, uniquely named, empty file in
 * each of / /usr /etc /bin and remove it at once.  O_EXCL means no
 * existing file is ever opened, so an allowed attempt leaves the
 * directories as they were. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"

static const char *const dirs[] = { "/", "/usr", "/etc", "/bin" };

static uint64_t random_tag(void)
{
	struct timespec ts;
	uint64_t tag;

	if (getrandom(&tag, sizeof(tag), GRND_NONBLOCK) == sizeof(tag))
		return tag;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* 0 when the file could be created (it is gone again), else errno. */
static int try_create(const char *dir, json_object *entry)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s%s.hardprobe-%d-%016" PRIx64, dir,
		 dir[1] ? "/" : "", (int)getpid(), random_tag());
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno;
	close(fd);
	if (unlink(path) < 0)
		json_object_object_add(entry, "cleanup_errno",
				       hp_errno_json(errno));
	return 0;
}

static bool probe_dir(const char *dir, json_object *paths)
{
	json_object *entry = json_object_new_object();
	struct stat st;
	int err = 0;

	json_object_array_add(paths, entry);
	hp_add_str(entry, "path", dir);
	if (stat(dir, &st) < 0 && errno == ENOENT) {
		hp_add_str(entry, "result", "absent");
		json_object_object_add(entry, "errno", NULL);
		return false;
	}
	err = try_create(dir, entry);
	hp_add_str(entry, "result", err ? "denied" : "allowed");
	json_object_object_add(entry, "errno", hp_errno_json(err));
	return err == 0;
}

int probe_fs_rootfs_write(json_object *data)
{
	json_object *paths = json_object_new_array();
	bool allowed = false;

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		allowed |= probe_dir(dirs[i], paths);
	hp_add_str(data, "outcome", allowed ? "allowed" : "denied");
	json_object_object_add(data, "paths", paths);
	return 0;
}
