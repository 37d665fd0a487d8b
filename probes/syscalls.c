/* The table of risky system calls and their harmless arguments: the calls
 * that runtimes' default seccomp profiles leave out of their allow lists
 * (or allow only for some arguments, or only with a capability the
 * default set lacks), on x86_64.
 *
 * Each entry was checked on Linux 6.18 (as root and as uid 65534, both
 * without seccomp) to fail with the errno listed, or with EPERM as uid
 * 65534 for the entries marked cap_first.  That kernel was built without
 * modules, kexec, iopl/ioperm and uselib, and no longer has
 * lookup_dcookie (ENOSYS): for those, the errnos and the check order
 * follow the kernel source.  The comments say why success is impossible.
 * BAD_PTR is an address no user copy can read, so a call that copies a
 * path or a struct in fails with EFAULT before it does anything.
 *
 * Left out: vm86 and vm86old (i386 only, no number on x86_64), stime and
 * umount (likewise), and vhangup, which takes no argument: allowed, it
 * hangs up the terminal, so no argument can make it harmless. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/mempolicy.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/fanotify.h>
#include <sys/personality.h>
#include <sys/quota.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "syscalls.h"

#define BAD_PTR (-1L)

/* Bit 1 is no userfaultfd flag; UFFD_USER_MODE_ONLY (bit 0) keeps the
 * kernel from checking privilege first. */
#define UFFD_BAD_FLAGS (1 | 2)

/* No clock has this id, no mempolicy this mode, no keyctl operation, bpf
 * command or ptrace request this number. */
#define BAD_ID 0x7fff

/* Every flag bit set: each call below that gets it knows fewer flags. */
#define BAD_FLAGS 0xffffffffL

/* One past the last socket type: refused before the family is looked up
 * (so no protocol module is loaded) and before any privilege check. */
#define BAD_SOCK_TYPE 11

/* CLONE_PARENT is no unshare flag: refused before anything else. */
#define UNSHARE(flag)                                                   \
	{                                                               \
		.name = "unshare", .variant = #flag, .nr = SYS_unshare, \
		.args = { flag | CLONE_PARENT }, .reachable = {         \
			EINVAL                                          \
		}                                                       \
	}

/* CLONE_THREAD without CLONE_SIGHAND is refused before a namespace or a
 * process is made. */
#define CLONE(flag)                                                 \
	{                                                           \
		.name = "clone", .variant = #flag, .nr = SYS_clone, \
		.args = { flag | CLONE_THREAD }, .reachable = {     \
			EINVAL                                      \
		}                                                   \
	}

#define SOCKET(family)                                                  \
	{                                                               \
		.name = "socket", .variant = #family, .nr = SYS_socket, \
		.args = { family, BAD_SOCK_TYPE }, .reachable = {       \
			EINVAL                                          \
		}                                                       \
	}

/* Removed from the kernel long ago; the number stays, only ENOSYS. */
#define GONE(call)                              \
	{                                       \
		.name = #call, .nr = SYS_##call \
	}

/* exit_signal beyond CSIGNAL: clone3 refuses it before creating
 * anything. */
static struct clone_args bad_clone_args = {
	.flags = CLONE_NEWUSER | CLONE_NEWNS,
	.exit_signal = 0xffff,
};

const struct hp_syscall hp_syscalls[] = {
	UNSHARE(CLONE_NEWNS),
	UNSHARE(CLONE_NEWUTS),
	UNSHARE(CLONE_NEWIPC),
	UNSHARE(CLONE_NEWUSER),
	UNSHARE(CLONE_NEWPID),
	UNSHARE(CLONE_NEWNET),
	UNSHARE(CLONE_NEWCGROUP),
	UNSHARE(CLONE_NEWTIME),
	CLONE(CLONE_NEWNS),
	CLONE(CLONE_NEWUTS),
	CLONE(CLONE_NEWIPC),
	CLONE(CLONE_NEWUSER),
	CLONE(CLONE_NEWPID),
	CLONE(CLONE_NEWNET),
	CLONE(CLONE_NEWCGROUP),
	/* a filter cannot read clone3's flags: one try does */
	{ .name = "clone3",
	  .nr = SYS_clone3,
	  .args = { (long)&bad_clone_args, sizeof(bad_clone_args) },
	  .reachable = { EINVAL } },
	{ .name = "setns",
	  .nr = SYS_setns,
	  .args = { -1 },
	  .reachable = { EBADF } },
	/* MS_NOUSER is refused before the privilege check */
	{ .name = "mount",
	  .nr = SYS_mount,
	  .args = { (long)"none", (long)"/", (long)"tmpfs", MS_NOUSER },
	  .reachable = { EINVAL } },
	/* an unknown flag is refused before the privilege check */
	{ .name = "umount2",
	  .nr = SYS_umount2,
	  .args = { (long)"/", 0x10 },
	  .reachable = { EINVAL } },
	/* the privilege check comes first; then the paths fault */
	{ .name = "pivot_root",
	  .nr = SYS_pivot_root,
	  .args = { BAD_PTR, BAD_PTR },
	  .reachable = { EFAULT },
	  .cap_first = true },
	{ .name = "chroot",
	  .nr = SYS_chroot,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT } },
	{ .name = "fsopen",
	  .nr = SYS_fsopen,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT },
	  .cap_first = true },
	/* no such fsconfig command */
	{ .name = "fsconfig",
	  .nr = SYS_fsconfig,
	  .args = { -1, BAD_ID },
	  .reachable = { EINVAL } },
	{ .name = "fsmount",
	  .nr = SYS_fsmount,
	  .args = { -1, BAD_FLAGS },
	  .reachable = { EINVAL },
	  .cap_first = true },
	{ .name = "fspick",
	  .nr = SYS_fspick,
	  .args = { -1, BAD_PTR, BAD_FLAGS },
	  .reachable = { EINVAL },
	  .cap_first = true },
	{ .name = "open_tree",
	  .nr = SYS_open_tree,
	  .args = { -1, BAD_PTR, BAD_FLAGS },
	  .reachable = { EINVAL } },
	{ .name = "move_mount",
	  .nr = SYS_move_mount,
	  .args = { -1, BAD_PTR, -1, BAD_PTR, BAD_FLAGS },
	  .reachable = { EINVAL },
	  .cap_first = true },
	{ .name = "mount_setattr",
	  .nr = SYS_mount_setattr,
	  .args = { -1, BAD_PTR, BAD_FLAGS },
	  .reachable = { EINVAL } },
	{ .name = "name_to_handle_at",
	  .nr = SYS_name_to_handle_at,
	  .args = { -1, BAD_PTR, BAD_PTR, BAD_PTR, BAD_FLAGS },
	  .reachable = { EINVAL } },
	{ .name = "open_by_handle_at",
	  .nr = SYS_open_by_handle_at,
	  .args = { -1, 0, 0 },
	  .reachable = { EFAULT, EBADF } },
	{ .name = "keyctl",
	  .nr = SYS_keyctl,
	  .args = { BAD_ID },
	  .reachable = { EOPNOTSUPP } },
	{ .name = "add_key",
	  .nr = SYS_add_key,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT } },
	{ .name = "request_key",
	  .nr = SYS_request_key,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT } },
	{ .name = "bpf",
	  .nr = SYS_bpf,
	  .args = { BAD_ID },
	  .reachable = { EINVAL } },
	{ .name = "perf_event_open",
	  .nr = SYS_perf_event_open,
	  .args = { 0, 0, -1, -1, 0 },
	  .reachable = { EFAULT } },
	{ .name = "userfaultfd",
	  .nr = SYS_userfaultfd,
	  .args = { UFFD_BAD_FLAGS },
	  .reachable = { EINVAL } },
	/* io_uring_disabled is checked first; then the NULL params fault */
	{ .name = "io_uring_setup",
	  .nr = SYS_io_uring_setup,
	  .args = { 1, 0 },
	  .reachable = { EFAULT },
	  .cap_first = true },
	{ .name = "io_uring_enter",
	  .nr = SYS_io_uring_enter,
	  .args = { -2 },
	  .reachable = { EBADF } },
	{ .name = "io_uring_register",
	  .nr = SYS_io_uring_register,
	  .args = { -2 },
	  .reachable = { EBADF } },
	/* an empty image is no ELF module */
	{ .name = "init_module",
	  .nr = SYS_init_module,
	  .args = { 0, 0, (long)"" },
	  .reachable = { ENOEXEC, EFAULT },
	  .cap_first = true },
	{ .name = "finit_module",
	  .nr = SYS_finit_module,
	  .args = { -1, (long)"", 0 },
	  .reachable = { EBADF },
	  .cap_first = true },
	{ .name = "delete_module",
	  .nr = SYS_delete_module,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT },
	  .cap_first = true },
#ifdef SYS_create_module
	GONE(create_module),
	GONE(get_kernel_syms),
	GONE(query_module),
#endif
	/* more segments than KEXEC_SEGMENT_MAX */
	{ .name = "kexec_load",
	  .nr = SYS_kexec_load,
	  .args = { 0, 0x7fffffff, 0, 0 },
	  .reachable = { EINVAL },
	  .cap_first = true },
	{ .name = "kexec_file_load",
	  .nr = SYS_kexec_file_load,
	  .args = { -1, -1, 0, 0, BAD_FLAGS },
	  .reachable = { EINVAL },
	  .cap_first = true },
	/* without the magic numbers, reboot does nothing */
	{ .name = "reboot",
	  .nr = SYS_reboot,
	  .args = { 0, 0, 0, 0 },
	  .reachable = { EINVAL },
	  .cap_first = true },
	/* pid -1 is no process */
	{ .name = "ptrace",
	  .nr = SYS_ptrace,
	  .args = { BAD_ID, -1 },
	  .reachable = { ESRCH } },
	/* flags must be 0 */
	{ .name = "process_vm_readv",
	  .nr = SYS_process_vm_readv,
	  .args = { -1, 0, 0, 0, 0, 1 },
	  .reachable = { EINVAL } },
	{ .name = "process_vm_writev",
	  .nr = SYS_process_vm_writev,
	  .args = { -1, 0, 0, 0, 0, 1 },
	  .reachable = { EINVAL } },
	{ .name = "kcmp",
	  .nr = SYS_kcmp,
	  .args = { -1, -1 },
	  .reachable = { ESRCH } },
	{ .name = "pidfd_getfd",
	  .nr = SYS_pidfd_getfd,
	  .args = { -1, -1, 1 },
	  .reachable = { EINVAL } },
	/* Profiles allow a few personas; this one turns address space
	 * randomisation off, in the grandchild only, which then exits. */
	{ .name = "personality",
	  .variant = "ADDR_NO_RANDOMIZE",
	  .nr = SYS_personality,
	  .args = { ADDR_NO_RANDOMIZE },
	  .succeeds = true },
	{ .name = "settimeofday",
	  .nr = SYS_settimeofday,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT } },
	{ .name = "clock_settime",
	  .nr = SYS_clock_settime,
	  .args = { BAD_ID, BAD_PTR },
	  .reachable = { EINVAL } },
	/* the buffer is read (and faults) before the clock is looked up */
	{ .name = "clock_adjtime",
	  .nr = SYS_clock_adjtime,
	  .args = { BAD_ID, BAD_PTR },
	  .reachable = { EFAULT } },
	/* with modes 0 adjtimex only reads; an unreadable buffer is
	 * refused before the modes are known */
	{ .name = "adjtimex",
	  .nr = SYS_adjtimex,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT } },
	{ .name = "acct",
	  .nr = SYS_acct,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT },
	  .cap_first = true },
	/* unknown swap flags are refused before the privilege check */
	{ .name = "swapon",
	  .nr = SYS_swapon,
	  .args = { BAD_PTR, BAD_FLAGS },
	  .reachable = { EINVAL } },
	{ .name = "swapoff",
	  .nr = SYS_swapoff,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT },
	  .cap_first = true },
	/* read-all into no buffer; dmesg_restrict is checked first */
	{ .name = "syslog",
	  .nr = SYS_syslog,
	  .args = { 3, 0, 0 },
	  .reachable = { EINVAL },
	  .cap_first = true },
	/* quota type 0xff does not exist */
	{ .name = "quotactl",
	  .nr = SYS_quotactl,
	  .args = { QCMD(Q_GETINFO, 0xff), BAD_PTR },
	  .reachable = { EINVAL } },
	{ .name = "quotactl_fd",
	  .nr = SYS_quotactl_fd,
	  .args = { -1, QCMD(Q_GETINFO, 0xff) },
	  .reachable = { EBADF } },
	/* a negative length is refused, after the privilege check */
	{ .name = "sethostname",
	  .nr = SYS_sethostname,
	  .args = { BAD_PTR, -1 },
	  .reachable = { EINVAL },
	  .cap_first = true },
	{ .name = "setdomainname",
	  .nr = SYS_setdomainname,
	  .args = { BAD_PTR, -1 },
	  .reachable = { EINVAL },
	  .cap_first = true },
	/* Reporting the target's id needs a file id mode as well.  Before
	 * Linux 5.13 fanotify_init needs CAP_SYS_ADMIN first. */
	{ .name = "fanotify_init",
	  .nr = SYS_fanotify_init,
	  .args = { FAN_REPORT_TARGET_FID },
	  .reachable = { EINVAL },
	  .cap_first = true },
#ifdef SYS_nfsservctl
	GONE(nfsservctl),
#endif
#ifdef SYS_lookup_dcookie
	/* gone since Linux 6.9; before, the buffer faults */
	{ .name = "lookup_dcookie",
	  .nr = SYS_lookup_dcookie,
	  .args = { 0, BAD_PTR, 1 },
	  .reachable = { EFAULT },
	  .cap_first = true },
#endif
#ifdef SYS_uselib
	{ .name = "uselib",
	  .nr = SYS_uselib,
	  .args = { BAD_PTR },
	  .reachable = { EFAULT } },
	/* no file system is on device 0xfffff */
	{ .name = "ustat",
	  .nr = SYS_ustat,
	  .args = { 0xfffff, BAD_PTR },
	  .reachable = { EINVAL } },
	/* no such option */
	{ .name = "sysfs",
	  .nr = SYS_sysfs,
	  .args = { BAD_ID },
	  .reachable = { EINVAL } },
	GONE(_sysctl),
#endif
#ifdef SYS_iopl
	/* level 4 does not exist; the range ends past the last port */
	{ .name = "iopl",
	  .nr = SYS_iopl,
	  .args = { 4 },
	  .reachable = { EINVAL } },
	{ .name = "ioperm",
	  .nr = SYS_ioperm,
	  .args = { 0x10000, 1, 0 },
	  .reachable = { EINVAL } },
#endif
	{ .name = "get_mempolicy",
	  .nr = SYS_get_mempolicy,
	  .args = { 0, 0, 0, 0, BAD_FLAGS },
	  .reachable = { EINVAL } },
	{ .name = "set_mempolicy",
	  .nr = SYS_set_mempolicy,
	  .args = { BAD_ID },
	  .reachable = { EINVAL } },
	{ .name = "mbind",
	  .nr = SYS_mbind,
	  .args = { 0, 0, BAD_ID },
	  .reachable = { EINVAL } },
	{ .name = "move_pages",
	  .nr = SYS_move_pages,
	  .args = { 0, 0, 0, 0, 0, BAD_FLAGS & ~MPOL_MF_MOVE_ALL },
	  .reachable = { EINVAL } },
	{ .name = "migrate_pages",
	  .nr = SYS_migrate_pages,
	  .args = { -1, 0, 0, 0 },
	  .reachable = { ESRCH } },
	{ .name = "set_mempolicy_home_node",
	  .nr = SYS_set_mempolicy_home_node,
	  .args = { 0, 0, 0, 1 },
	  .reachable = { EINVAL } },
	SOCKET(AF_ALG),
	SOCKET(AF_VSOCK),
	SOCKET(AF_PACKET),
};

const size_t hp_syscalls_len = sizeof(hp_syscalls) / sizeof(hp_syscalls[0]);
