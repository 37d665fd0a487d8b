/* The table of every check, in catalog order: the one place that ties a
 * check id to its description and its parse and judge functions. */
#include <string.h>

#include "checks-fsiface.h"
#include "checks-host.h"
#include "checks.h"

#define CHECK(id, name, text)                                    \
	{                                                        \
		id, text, hp_parse_##name, hp_judge_##name, NULL \
	}

const struct hp_check hp_checks[] = {
	CHECK("userns.host-root", userns_host_root,
	      "host root is not mapped into the container's user namespace"),
	CHECK("userns.map-root", userns_map_root,
	      "a new user namespace with root mapped cannot be made"),
	CHECK("fs.etc-passwd-write", fs_etc_passwd_write,
	      "/etc/passwd cannot be opened for writing"),
	CHECK("fs.rootfs-write", fs_rootfs_write,
	      "files cannot be created in / /usr /etc /bin"),
	CHECK("mounts.writable", mounts_writable,
	      "only the listed mount points are mounted read-write"),
	CHECK("caps.sets", caps_sets,
	      "every capability set stays within the listed capabilities"),
	CHECK("caps.raise", caps_raise,
	      "capabilities outside the permitted set cannot be raised"),
	CHECK("nnp.flag", nnp_flag, "the no_new_privs flag is as expected"),
	CHECK("nnp.setuid-escalation", nnp_setuid_escalation,
	      "a setuid-root helper does not gain euid 0"),
	CHECK("seccomp.mode", seccomp_mode, "the seccomp mode is as expected"),
	CHECK("seccomp.dangerous-syscalls", seccomp_dangerous_syscalls,
	      "dangerous system calls are blocked"),
	CHECK("seccomp.ia32-entry", seccomp_ia32_entry,
	      "the 32-bit system call entry (int $0x80) is blocked"),
	CHECK("user.identity", user_identity,
	      "the process runs as root or not, as expected"),
	CHECK("proc.masked-paths", proc_masked_paths,
	      "the paths runtimes mask in /proc and /sys are masked or "
	      "absent"),
	CHECK("proc.readonly-paths", proc_readonly_paths,
	      "/proc/sys, /proc/irq, /proc/bus ... and /sys are not writable"),
	CHECK("kernel.core-pattern", kernel_core_pattern,
	      "/proc/sys/kernel/core_pattern cannot be opened for writing"),
	CHECK("kernel.sysrq", kernel_sysrq,
	      "/proc/sysrq-trigger and /proc/sys/kernel/sysrq cannot be "
	      "opened for writing"),
	CHECK("cgroup.writable", cgroup_writable,
	      "no cgroup.procs can be opened for writing"),
	CHECK("cgroup.release-agent", cgroup_release_agent,
	      "no release_agent is writable and no cgroup v1 hierarchy "
	      "can be mounted"),
	CHECK("devices.nodes", devices_nodes,
	      "no device node beyond the standard ones is visible "
	      "(or none opens)"),
	CHECK("devices.mknod-open", devices_mknod_open,
	      "the device cgroup refuses nodes made with mknod"),
	CHECK("fs.suid-files", fs_suid_files,
	      "only the listed set-user-id and set-group-id files exist"),
	CHECK("fs.host-mounts", fs_host_mounts,
	      "no sensitive host path is bind-mounted"),
	CHECK("fs.mount-propagation", fs_mount_propagation,
	      "no mount propagates back to the host (shared)"),
	CHECK("fs.tmp-noexec", fs_tmp_noexec,
	      "/tmp and /dev/shm are mounted noexec"),
	CHECK("fs.leaked-fds", fs_leaked_fds,
	      "no inherited file descriptor reaches outside the root"),
	CHECK("cap.sys-admin", cap_action,
	      "CAP_SYS_ADMIN: mounting a tmpfs is as expected"),
	CHECK("cap.net-raw", cap_action,
	      "CAP_NET_RAW: opening a raw socket is as expected"),
	CHECK("cap.net-admin", cap_action,
	      "CAP_NET_ADMIN: a routing-table request is as expected"),
	CHECK("cap.sys-ptrace", cap_action,
	      "CAP_SYS_PTRACE: tracing a non-dumpable process is as expected"),
	CHECK("cap.sys-module", cap_action,
	      "CAP_SYS_MODULE: loading a kernel module is as expected"),
	CHECK("cap.sys-time", cap_action,
	      "CAP_SYS_TIME: adjusting the system clock is as expected"),
	CHECK("cap.sys-boot", cap_action,
	      "CAP_SYS_BOOT: the reboot call is as expected"),
	CHECK("cap.syslog", cap_action,
	      "CAP_SYSLOG: reading the kernel log is as expected"),
	CHECK("cap.mknod", cap_action,
	      "CAP_MKNOD: making a device node is as expected"),
	CHECK("cap.chown", cap_action,
	      "CAP_CHOWN: giving a file to another uid is as expected"),
	CHECK("cap.dac-override", cap_action,
	      "CAP_DAC_OVERRIDE: writing without the write bit is as expected"),
	CHECK("cap.dac-read-search", cap_action,
	      "CAP_DAC_READ_SEARCH: opening files by handle is as expected"),
	CHECK("cap.setuid", cap_action,
	      "CAP_SETUID: switching to another uid is as expected"),
	CHECK("cap.setfcap", cap_action,
	      "CAP_SETFCAP: setting file capabilities is as expected"),
	CHECK("cap.bpf", cap_action,
	      "CAP_BPF: loading a BPF program is as expected"),
	CHECK("cap.perfmon", cap_action,
	      "CAP_PERFMON: a privileged perf event is as expected"),
	CHECK("cap.sys-rawio", cap_action,
	      "CAP_SYS_RAWIO: I/O port access is as expected"),
	CHECK("cap.audit-write", cap_action,
	      "CAP_AUDIT_WRITE: writing to the audit log is as expected"),
	CHECK("ns.host-pid", ns_host_pid,
	      "the pid namespace is the container's own, not the host's"),
	CHECK("ns.host-net", ns_host_net,
	      "the network namespace is the container's own, not the host's"),
	CHECK("ns.host-ipc", ns_host_ipc,
	      "the IPC namespace is not shared with the host or others"),
	CHECK("ns.host-uts", ns_host_uts,
	      "the UTS namespace (and host name) is as expected"),
	CHECK("ns.cgroup", ns_cgroup,
	      "the cgroup namespace hides the host's cgroup paths"),
	CHECK("ns.time", ns_time, "the time namespace is as expected"),
	CHECK("sockets.runtime", sockets_runtime,
	      "no runtime or other unix socket accepts a connection"),
	CHECK("k8s.service-account-token", k8s_service_account_token,
	      "a service account token is mounted or not, as expected"),
	CHECK("kernel.surface", kernel_surface,
	      "kernel settings that limit unprivileged access meet the "
	      "demands"),
	CHECK("limits.pids", limits_pids, "the cgroup limits the task count"),
	CHECK("limits.memory", limits_memory, "the cgroup limits memory"),
	CHECK("limits.cpu", limits_cpu, "the cgroup limits CPU time"),
	CHECK("limits.rlimits", limits_rlimits,
	      "hard resource limits stay within the maxima"),
	CHECK("limits.oom-score-adj", limits_oom_score_adj,
	      "the OOM score adjustment cannot be lowered"),
	CHECK("limits.hugetlb", limits_hugetlb, "the cgroup limits huge pages"),
	CHECK("lsm.apparmor", lsm_apparmor,
	      "an AppArmor profile confines the process, as expected"),
	CHECK("lsm.selinux", lsm_selinux,
	      "an SELinux context confines the process, as expected"),
	CHECK("lsm.landlock", lsm_landlock,
	      "Landlock is available or not, as expected"),
	CHECK("nnp.exec-path", nnp_exec_path,
	      "no_new_privs, seccomp and capabilities match pid 1's"),
	{ "exec.first-process",
	  "an exec'd process is confined as the container's first process",
	  hp_parse_exec_first_process, hp_judge_exec_first_process,
	  hp_judge_stream_exec_first_process },
	CHECK("net.egress", net_egress,
	      "TCP connections to the profile's targets open or fail, as "
	      "expected"),
};

const size_t hp_nchecks = sizeof(hp_checks) / sizeof(hp_checks[0]);

const struct hp_check *hp_check_find(const char *id)
{
	for (size_t i = 0; i < hp_nchecks; i++)
		if (strcmp(hp_checks[i].id, id) == 0)
			return &hp_checks[i];
	return NULL;
}
