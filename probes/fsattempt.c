/* Open attempts that change nothing: the file is opened and closed at
 * once, never read or written. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fsprobe.h"
#include "probe.h"

int hp_try_open(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC | O_NOCTTY);

	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

json_object *hp_write_attempt(const char *path, bool *allowed)
{
	json_object *item = json_object_new_object();
	int err = hp_try_open(path, O_WRONLY | O_NONBLOCK);
	const char *result = "denied";

	if (err == 0) {
		result = "allowed";
		*allowed = true;
	} else if (err == ENOENT) {
		result = "absent";
	}
	hp_add_str(item, "path", path);
	hp_add_str(item, "result", result);
	json_object_object_add(item, "errno", hp_errno_json(err));
	return item;
}

void hp_devno_text(dev_t dev, char *buf, size_t len)
{
	snprintf(buf, len, "%u:%u", major(dev), minor(dev));
}

const char *hp_mount_scratch(void)
{
	struct stat st;

	return stat("/tmp", &st) == 0 && S_ISDIR(st.st_mode) ? "/tmp" : "/";
}

int hp_private_mount(const char *fstype, const char *opts, const char *target,
		     const char **reached)
{
	*reached = "none";
	if (unshare(CLONE_NEWNS) < 0)
		return errno;
	*reached = "unshare";
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount(fstype, target, fstype, 0, opts) < 0)
		return errno;
	*reached = "mount";
	return 0;
}
