/* A private directory and files for the attempts that need a file of
 * their own (mknod, chown, setxattr): made fresh, removed by the attempt.
 * The root may be read-only, so the writable candidates are tried in
 * turn. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "capprobe.h"

int hp_scratch_dir(char *buf)
{
	static const char *const parents[] = { "/tmp", "/dev/shm", "/run",
					       "/dev" };
	int err = ENOENT;

	for (size_t i = 0; i < sizeof(parents) / sizeof(parents[0]); i++) {
		snprintf(buf, 64, "%s/hardprobe.XXXXXX", parents[i]);
		if (mkdtemp(buf))
			return 0;
		err = errno;
	}
	return -err;
}

int hp_scratch_file(const char *dir, mode_t mode, char *buf)
{
	int fd;

	snprintf(buf, 80, "%s/file", dir);
	fd = open(buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}
