/* cap.bpf (attempt): BPF_PROG_LOAD with an all-zero attribute, so with no
 * instructions.  While kernel.unprivileged_bpf_disabled is set, the kernel
 * wants CAP_BPF (or CAP_SYS_ADMIN) first, then rejects the empty program
 * with E2BIG: nothing is loaded. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

/* With the sysctl at 0, some program types load without any capability
 * and the gate depends on the type: one empty program cannot tell. */
static const char *unprivileged_bpf(void)
{
	FILE *f = fopen("/proc/sys/kernel/unprivileged_bpf_disabled", "re");
	int value = -1;

	if (f) {
		if (fscanf(f, "%d", &value) != 1)
			value = -1;
		fclose(f);
	}
	if (value != 0)
		return NULL;
	return "kernel.unprivileged_bpf_disabled is 0: unprivileged programs "
	       "load, the capability gate depends on the program type";
}

static int attempt(void)
{
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	if (syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr)) < 0)
		return errno;
	return 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_BPF,
	.also = CAP_SYS_ADMIN,
	.action = "load an empty BPF program",
	.attempt = attempt,
	.granted = { E2BIG },
	.skip = unprivileged_bpf,
};

int probe_cap_bpf(json_object *data)
{
	return hp_cap_probe(data, &action);
}
