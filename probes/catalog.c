/* The catalog: every probe, in the order the stream lists them. */
#include "probe-host.h"
#include "capprobe.h"
#include "probe.h"

#ifdef HARDPROBE_TEST_PROBES
/* Misbehaving probes from tests/probes, in build/run-probes-test only:
 * never in the shipped image. */
#include "test-probes.h"
#else
#define HP_TEST_PROBES
#endif

const struct hp_probe hp_catalog[] = {
	{ "userns.host-root", probe_userns_host_root,
	  "does root in here map to root on the host (uid/gid maps)" },
	{ "userns.map-root", probe_userns_map_root,
	  "try to create a user namespace, map root and mount in it" },
	{ "fs.etc-passwd-write", probe_fs_etc_passwd_write,
	  "try to open /etc/passwd for writing (nothing is written)" },
	{ "fs.rootfs-write", probe_fs_rootfs_write,
	  "try to create (and remove) a file in / /usr /etc /bin" },
	{ "mounts.writable", probe_mounts_writable,
	  "the mount table (/proc/self/mountinfo), verbatim" },
	{ "caps.sets", probe_caps_sets,
	  "the capability sets: effective, permitted, inheritable, "
	  "bounding, ambient" },
	{ "caps.raise", probe_caps_raise,
	  "try to raise capabilities that are not permitted" },
	{ "nnp.flag", probe_nnp_flag, "the no_new_privs flag" },
	{ "nnp.setuid-escalation", probe_nnp_setuid_escalation,
	  "as uid 65534, run a set-user-id root helper: does it get euid 0" },
	{ "seccomp.mode", probe_seccomp_mode, "the seccomp mode and filters" },
	{ "seccomp.dangerous-syscalls", probe_seccomp_dangerous_syscalls,
	  "call risky system calls with arguments they reject: are they "
	  "reachable" },
	{ "seccomp.ia32-entry", probe_seccomp_ia32_entry,
	  "make a 32-bit (int $0x80) getpid: does the ia32 entry reach the "
	  "kernel" },
	{ "user.identity", probe_user_identity,
	  "user and group ids of the probe process" },
	{ "proc.masked-paths", probe_proc_masked_paths,
	  "the paths runtimes mask in /proc and /sys: absent, masked (and "
	  "how) or readable" },
	{ "proc.readonly-paths", probe_proc_readonly_paths,
	  "open a file in /proc/sys, /proc/irq, /proc/bus ... for writing "
	  "(nothing is written)" },
	{ "kernel.core-pattern", probe_kernel_core_pattern,
	  "open /proc/sys/kernel/core_pattern for writing (nothing is "
	  "written)" },
	{ "kernel.sysrq", probe_kernel_sysrq,
	  "open /proc/sysrq-trigger and /proc/sys/kernel/sysrq for writing "
	  "(nothing is written)" },
	{ "cgroup.writable", probe_cgroup_writable,
	  "open each cgroup file system's cgroup.procs for writing (nothing "
	  "is written)" },
	{ "cgroup.release-agent", probe_cgroup_release_agent,
	  "open release_agent files for writing; mount a new cgroup v1 "
	  "hierarchy in a private mount namespace" },
	{ "devices.nodes", probe_devices_nodes,
	  "the device nodes in /dev; open the sensitive ones read-only "
	  "(nothing is read)" },
	{ "devices.mknod-open", probe_devices_mknod_open,
	  "make block node 8:0 and /dev/mem's 1:1 in a new directory, open "
	  "and remove them: the device cgroup" },
	{ "fs.suid-files", probe_fs_suid_files,
	  "set-user-id and set-group-id files under / (not /proc, /sys, "
	  "/dev)" },
	{ "fs.host-mounts", probe_fs_host_mounts,
	  "the mount table, for bind mounts of sensitive host paths" },
	{ "fs.mount-propagation", probe_fs_mount_propagation,
	  "the mount table, for shared mount propagation" },
	{ "fs.tmp-noexec", probe_fs_tmp_noexec,
	  "are /tmp and /dev/shm mounted noexec" },
	{ "fs.leaked-fds", probe_fs_leaked_fds,
	  "inherited file descriptors that point outside the container's "
	  "root" },
	{ "ns.host-pid", probe_ns_host_pid,
	  "kernel threads in /proc: is this the host's pid namespace" },
	{ "ns.host-net", probe_ns_host_net,
	  "network interfaces backed by devices, bridges, abstract unix "
	  "sockets: is this the host's network namespace" },
	{ "ns.host-ipc", probe_ns_host_ipc,
	  "System V IPC objects made outside the container" },
	{ "ns.host-uts", probe_ns_host_uts,
	  "the UTS namespace link and the host name" },
	{ "ns.cgroup", probe_ns_cgroup,
	  "/proc/self/cgroup: own cgroup namespace or the host's paths" },
	{ "ns.time", probe_ns_time,
	  "the time namespace link and its clock offsets" },
	{ "sockets.runtime", probe_sockets_runtime,
	  "connect (send nothing) to runtime sockets and any unix socket on "
	  "the mounts" },
	{ "k8s.service-account-token", probe_k8s_service_account_token,
	  "a mounted service account token: its expiry and audience only" },
	{ "kernel.surface", probe_kernel_surface,
	  "sysctls that open the kernel to unprivileged processes" },
	{ "limits.pids", probe_limits_pids, "the cgroup's pids.max" },
	{ "limits.memory", probe_limits_memory, "the cgroup's memory limit" },
	{ "limits.cpu", probe_limits_cpu, "the cgroup's CPU quota" },
	{ "limits.rlimits", probe_limits_rlimits,
	  "resource limits on open files, processes and core dumps" },
	{ "limits.oom-score-adj", probe_limits_oom_score_adj,
	  "in a child, try to lower oom_score_adj (restored at once)" },
	{ "limits.hugetlb", probe_limits_hugetlb,
	  "the cgroup's huge page limits" },
	{ "lsm.apparmor", probe_lsm_apparmor, "the AppArmor profile and mode" },
	{ "lsm.selinux", probe_lsm_selinux, "the SELinux context and mode" },
	{ "lsm.landlock", probe_lsm_landlock, "the Landlock ABI version" },
	{ "nnp.exec-path", probe_nnp_exec_path,
	  "no_new_privs, seccomp and capabilities compared with pid 1's" },
	{ "exec.first-process", probe_exec_first_process,
	  "pid 1's capabilities, no_new_privs, seccomp, ids and label" },
	{ "cap.sys-admin", probe_cap_sys_admin,
	  "CAP_SYS_ADMIN: mount a tmpfs in a private mount namespace" },
	{ "cap.net-raw", probe_cap_net_raw,
	  "CAP_NET_RAW: open (and close) a raw IPv4 socket" },
	{ "cap.net-admin", probe_cap_net_admin,
	  "CAP_NET_ADMIN: delete a route with no address family (rejected)" },
	{ "cap.sys-ptrace", probe_cap_sys_ptrace,
	  "CAP_SYS_PTRACE: seize a non-dumpable child of the probe" },
	{ "cap.sys-module", probe_cap_sys_module,
	  "CAP_SYS_MODULE: load a module from an empty file (rejected)" },
	{ "cap.sys-time", probe_cap_sys_time,
	  "CAP_SYS_TIME: set an out-of-range clock tick (rejected)" },
	{ "cap.sys-boot", probe_cap_sys_boot,
	  "CAP_SYS_BOOT: reboot with wrong magic numbers (rejected)" },
	{ "cap.syslog", probe_cap_syslog,
	  "CAP_SYSLOG: read the kernel log's unread byte count" },
	{ "cap.mknod", probe_cap_mknod,
	  "CAP_MKNOD: make (and remove) a null device node" },
	{ "cap.chown", probe_cap_chown,
	  "CAP_CHOWN: give the probe's own test file to another uid" },
	{ "cap.dac-override", probe_cap_dac_override,
	  "CAP_DAC_OVERRIDE: open the probe's mode 0000 file for writing" },
	{ "cap.dac-read-search", probe_cap_dac_read_search,
	  "CAP_DAC_READ_SEARCH: open a made-up file handle (rejected)" },
	{ "cap.setuid", probe_cap_setuid,
	  "CAP_SETUID: switch a throw-away child to another uid" },
	{ "cap.setfcap", probe_cap_setfcap,
	  "CAP_SETFCAP: set file capabilities with a bad root uid "
	  "(rejected)" },
	{ "cap.bpf", probe_cap_bpf,
	  "CAP_BPF: load an empty BPF program (rejected)" },
	{ "cap.perfmon", probe_cap_perfmon,
	  "CAP_PERFMON: open a namespace-event counter (rejected)" },
	{ "cap.sys-rawio", probe_cap_sys_rawio,
	  "CAP_SYS_RAWIO: gain a child's own access to I/O port 0x80" },
	{ "cap.audit-write", probe_cap_audit_write,
	  "CAP_AUDIT_WRITE: send an empty audit user message (dropped)" },
	{ "net.egress", probe_net_egress,
	  "open (and close) a TCP connection to each --egress target, "
	  "sending nothing" },
	HP_TEST_PROBES
};

const size_t hp_catalog_len = sizeof(hp_catalog) / sizeof(hp_catalog[0]);
