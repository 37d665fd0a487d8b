/* The sysctls kernel.surface reads, one list for the probe that reads
 * them and the harness check that accepts demands on them: a sysctl added
 * here is probed and judged alike. */
#ifndef HARDPROBE_SURFACE_SYSCTLS_H
#define HARDPROBE_SURFACE_SYSCTLS_H

#define HP_SURFACE_SYSCTLS                                              \
	"kernel.unprivileged_userns_clone", "user.max_user_namespaces", \
		"kernel.unprivileged_bpf_disabled",                     \
		"kernel.perf_event_paranoid", "kernel.kptr_restrict",   \
		"kernel.dmesg_restrict", "vm.unprivileged_userfaultfd", \
		"kernel.io_uring_disabled"

#endif
