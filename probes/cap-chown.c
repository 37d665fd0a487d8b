/* cap.chown (attempt): give a file that the probe just made to another
 * uid, then remove it and its fresh private directory. */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	char dir[64], file[80];
	int err = 0;

	if (hp_scratch_dir(dir) < 0)
		return HP_CAP_NO_SETUP;
	if (hp_scratch_file(dir, 0600, file) < 0) {
		rmdir(dir);
		return HP_CAP_NO_SETUP;
	}
	/* An id next to our own: mapped wherever ours is mapped. */
	if (chown(file, geteuid() ^ 1, (gid_t)-1) < 0)
		err = errno;
	unlink(file);
	rmdir(dir);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_CHOWN,
	.also = -1,
	.action = "give the probe's own test file to another uid",
	.attempt = attempt,
	.setup = "a writable directory (/tmp, /dev/shm, /run or /dev)",
};

int probe_cap_chown(json_object *data)
{
	return hp_cap_probe(data, &action);
}
