/* The table of risky system calls and their harmless arguments.  Each
 * entry was checked on Linux 6.18 (as root and as uid 65534, without
 * seccomp) to fail with the errno listed, except kexec_load, init_module
 * and finit_module, which that kernel was built without (ENOSYS): their
 * errnos and check order follow the kernel source.  The comments say why
 * success is impossible; calls that would do something on success are
 * not in the table. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/syscall.h>

#include "syscalls.h"

/* Bit 1 is no userfaultfd flag; UFFD_USER_MODE_ONLY (bit 0) keeps the
 * kernel from checking privilege first. */
#define UFFD_BAD_FLAGS (1 | 2)

/* exit_signal beyond CSIGNAL: clone3 refuses it before creating
 * anything. */
static struct clone_args bad_clone_args = {
	.flags = CLONE_NEWUSER | CLONE_NEWNS,
	.exit_signal = 0xffff,
};

const struct hp_syscall hp_syscalls[] = {
	/* CLONE_PARENT is no unshare flag */
	{ "unshare",
	  SYS_unshare,
	  { CLONE_NEWUSER | CLONE_NEWNS | CLONE_PARENT },
	  { EINVAL },
	  false },
	/* CLONE_NEWNS and CLONE_FS together are refused */
	{ "clone",
	  SYS_clone,
	  { CLONE_NEWUSER | CLONE_NEWNS | CLONE_FS },
	  { EINVAL },
	  false },
	{ "clone3",
	  SYS_clone3,
	  { (long)&bad_clone_args, sizeof(bad_clone_args) },
	  { EINVAL },
	  false },
	/* MS_NOUSER is refused before the privilege check */
	{ "mount",
	  SYS_mount,
	  { (long)"none", (long)"/", (long)"tmpfs", MS_NOUSER },
	  { EINVAL },
	  false },
	/* an unknown flag is refused before the privilege check */
	{ "umount2", SYS_umount2, { (long)"/", 0x10 }, { EINVAL }, false },
	/* a NULL path or name faults, after the privilege check */
	{ "pivot_root", SYS_pivot_root, { 0, 0 }, { EFAULT }, true },
	{ "fsopen", SYS_fsopen, { 0, 0 }, { EFAULT }, true },
	/* 0x7fff is no keyctl operation, no bpf command, no ptrace request */
	{ "keyctl", SYS_keyctl, { 0x7fff }, { EOPNOTSUPP }, false },
	{ "add_key", SYS_add_key, { 0 }, { EFAULT }, false },
	{ "request_key", SYS_request_key, { 0 }, { EFAULT }, false },
	{ "bpf", SYS_bpf, { 0x7fff, 0, 0 }, { EINVAL }, false },
	{ "perf_event_open",
	  SYS_perf_event_open,
	  { 0, 0, -1, -1, 0 },
	  { EFAULT },
	  false },
	/* pid -1 is no process */
	{ "ptrace", SYS_ptrace, { 0x7fff, -1 }, { ESRCH }, false },
	/* more segments than KEXEC_SEGMENT_MAX */
	{ "kexec_load",
	  SYS_kexec_load,
	  { 0, 0x7fffffff, 0, 0 },
	  { EINVAL },
	  true },
	{ "open_by_handle_at",
	  SYS_open_by_handle_at,
	  { -1, 0, 0 },
	  { EFAULT, EBADF },
	  false },
	/* an empty image is no ELF module */
	{ "init_module",
	  SYS_init_module,
	  { 0, 0, (long)"" },
	  { ENOEXEC, EFAULT },
	  true },
	{ "finit_module",
	  SYS_finit_module,
	  { -1, (long)"", 0 },
	  { EBADF },
	  true },
	{ "userfaultfd",
	  SYS_userfaultfd,
	  { UFFD_BAD_FLAGS },
	  { EINVAL },
	  false },
	{ "setns", SYS_setns, { -1, 0 }, { EBADF }, false },
	/* io_uring_disabled is checked first; then the NULL params fault */
	{ "io_uring_setup", SYS_io_uring_setup, { 1, 0 }, { EFAULT }, true },
};

const size_t hp_syscalls_len = sizeof(hp_syscalls) / sizeof(hp_syscalls[0]);
