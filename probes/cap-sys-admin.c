/* cap.sys-admin (attempt): unshare a mount namespace (without a new user
 * namespace, which needs CAP_SYS_ADMIN), mount a tiny tmpfs on /tmp in it
 * and unmount it.  It runs in a throw-away child: the namespace and the
 * mount are private to that child and die with it, so nothing outside
 * changes. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <sys/mount.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	if (unshare(CLONE_NEWNS) < 0)
		return errno;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return errno;
	if (mount("hardprobe", "/tmp", "tmpfs",
		  MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k") < 0)
		return errno;
	return umount2("/tmp", MNT_DETACH) < 0 ? errno : 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_SYS_ADMIN,
	.also = -1,
	.action = "unshare a mount namespace, mount and unmount a tmpfs in it",
	.attempt = attempt,
};

int probe_cap_sys_admin(json_object *data)
{
	return hp_cap_probe(data, &action);
}
