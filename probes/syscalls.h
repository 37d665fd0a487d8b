/* The system calls that seccomp.dangerous-syscalls tries. */
#ifndef HARDPROBE_SYSCALLS_H
#define HARDPROBE_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * One call, with arguments the kernel rejects after the seccomp filter
 * has let the call through: it fails with one of reachable[] and can
 * never do anything.  cap_first: the kernel checks a capability (or a
 * sysctl) before it looks at the arguments, so EPERM may come from there.
 */
struct hp_syscall {
	const char *name;
	long nr;
	long args[5];
	int reachable[2]; /* 0 ends the list early */
	bool cap_first;
};

extern const struct hp_syscall hp_syscalls[];
extern const size_t hp_syscalls_len;

#endif
