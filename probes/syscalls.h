/* The system calls that seccomp.dangerous-syscalls tries. */
#ifndef HARDPROBE_SYSCALLS_H
#define HARDPROBE_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * One try of a call, with arguments the kernel rejects after the seccomp
 * filter has let the call through: it fails with one of reachable[] and
 * can never do anything.  variant names the argument that a filter may
 * look at (a namespace flag, a socket family), NULL when the call has one
 * try.  cap_first: the kernel checks a capability (or a sysctl) before it
 * looks at the arguments, so EPERM may come from there.  succeeds: the
 * call cannot fail, and succeeding only changes the throw-away process
 * that makes it (personality).
 */
struct hp_syscall {
	const char *name;
	const char *variant;
	long nr;
	long args[6];
	int reachable[2]; /* 0 ends the list early */
	bool cap_first;
	bool succeeds;
};

extern const struct hp_syscall hp_syscalls[];
extern const size_t hp_syscalls_len;

#endif
