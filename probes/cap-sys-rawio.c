/* cap.sys-rawio (attempt): ioperm to gain access to one I/O port (0x80,
 * the POST diagnostic port).  Only the throw-away child's own I/O
 * permission bitmap changes; it never reads or writes the port, and the
 * bitmap dies with it. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>

#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#endif

#include <sys/capability.h>

#include "capprobe.h"

#if defined(__x86_64__) || defined(__i386__)
static int attempt(void)
{
	return ioperm(0x80, 1, 1) < 0 ? errno : 0;
}

#define NOT_X86 NULL
#else
static int attempt(void)
{
	return ENOSYS;
}

static const char *not_x86(void)
{
	return "ioperm exists on x86 only";
}

#define NOT_X86 not_x86
#endif

static const struct hp_cap_action action = {
	.cap = CAP_SYS_RAWIO,
	.also = -1,
	.action = "gain the child's own access to I/O port 0x80 (ioperm)",
	.attempt = attempt,
	.absent = NOT_X86,
};

int probe_cap_sys_rawio(json_object *data)
{
	return hp_cap_probe(data, &action);
}
