/* cap.setfcap (attempt): set file capabilities (security.capability) on
 * the probe's own test file, with a version 3 value whose root uid is -1.
 * The kernel checks CAP_SETFCAP before it maps that uid, and then rejects
 * it with EINVAL: no attribute is written.  The file and its fresh
 * private directory are removed. */
#define _GNU_SOURCE
#include <endian.h>
#include <errno.h>
#include <linux/capability.h>
#include <stdint.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int set_bad_caps(const char *file)
{
	struct vfs_ns_cap_data value;

	memset(&value, 0, sizeof(value));
	value.magic_etc = htole32(VFS_CAP_REVISION_3);
	value.rootid = htole32(UINT32_MAX);
	if (setxattr(file, "security.capability", &value, sizeof(value), 0))
		return errno;
	return 0;
}

static int attempt(void)
{
	char dir[64], file[80];
	int err;

	if (hp_scratch_dir(dir) < 0)
		return HP_CAP_NO_SETUP;
	if (hp_scratch_file(dir, 0600, file) < 0) {
		rmdir(dir);
		return HP_CAP_NO_SETUP;
	}
	err = set_bad_caps(file);
	unlink(file);
	rmdir(dir);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_SETFCAP,
	.also = -1,
	.action = "set file capabilities with an unmappable root uid",
	.attempt = attempt,
	.granted = { EINVAL },
	.setup = "a writable directory (/tmp, /dev/shm, /run or /dev)",
};

int probe_cap_setfcap(json_object *data)
{
	return hp_cap_probe(data, &action);
}
