/* cap.sys-boot (attempt): reboot with magic numbers that are all zero.
 * The kernel checks CAP_SYS_BOOT first and then refuses the wrong magic
 * with EINVAL, before it looks at the command: nothing reboots. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	return syscall(SYS_reboot, 0, 0, 0, NULL) < 0 ? errno : 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_SYS_BOOT,
	.also = -1,
	.action = "reboot with wrong magic numbers",
	.attempt = attempt,
	.granted = { EINVAL },
};

int probe_cap_sys_boot(json_object *data)
{
	return hp_cap_probe(data, &action);
}
