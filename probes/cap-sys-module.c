/* cap.sys-module (attempt): finit_module on an empty memory file.  The
 * kernel checks CAP_SYS_MODULE first, then finds no module in the file
 * (EINVAL or ENOEXEC): nothing is loaded either way. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static const char *no_modules(void)
{
	if (access("/proc/modules", F_OK) == 0)
		return NULL;
	return "the kernel has no loadable module support (no /proc/modules)";
}

static int attempt(void)
{
	int fd = memfd_create("hardprobe-empty", MFD_CLOEXEC), err = 0;

	if (fd < 0)
		return HP_CAP_NO_SETUP;
	if (syscall(SYS_finit_module, fd, "", 0) < 0)
		err = errno;
	close(fd);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_SYS_MODULE,
	.also = -1,
	.action = "load a kernel module from an empty file",
	.attempt = attempt,
	.granted = { EINVAL, ENOEXEC, EBADMSG },
	.absent = no_modules,
	.setup = "a memory file (memfd_create)",
};

int probe_cap_sys_module(json_object *data)
{
	return hp_cap_probe(data, &action);
}
