/* cap.mknod (attempt): make a character device node 1:3 (the null
 * device) in a fresh private directory, then remove it and the directory.
 * The node is never opened. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	char dir[64], node[80];
	int err = 0;

	if (hp_scratch_dir(dir) < 0)
		return HP_CAP_NO_SETUP;
	snprintf(node, sizeof(node), "%s/null", dir);
	if (mknod(node, S_IFCHR | 0600, makedev(1, 3)) < 0)
		err = errno;
	else
		unlink(node);
	rmdir(dir);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_MKNOD,
	.also = -1,
	.action = "make (and remove) a character device node 1:3",
	.attempt = attempt,
	.setup = "a writable directory (/tmp, /dev/shm, /run or /dev)",
};

int probe_cap_mknod(json_object *data)
{
	return hp_cap_probe(data, &action);
}
