# docker-default: no weaker than what Docker gives a container started
# with no options (docker run IMAGE), so that drift from the default
# towards less isolation is caught.
#
# Source: Docker Engine's defaults (moby's default OCI spec and its
# default seccomp profile, profiles/seccomp/default.json): the same 14
# capabilities as containerd's default, the masked and read-only /proc
# paths, and the default seccomp filter, which refuses namespace creation
# (unshare, setns, clone and clone3 with namespace flags), mounting, the
# kernel keyring, bpf, perf_event_open, userfaultfd, module loading,
# kexec, reboot, open_by_handle_at, swap, acct, setting the clock and
# syslog to a container with the default capabilities.  Docker does not
# set no_new_privs by default and mounts no /run tmpfs.
#
# The profile is a floor, not a copy: a container hardened beyond the
# default passes too.  On this project's test machines Docker is not
# installed; the tests stand in for it with runc and Docker's settings
# (containerd's stock seccomp profile, `ctr run --seccomp`, is derived
# from Docker's).
#
# On a cgroup v1 host runc mounts a tmpfs at /sys/fs/cgroup to hold the
# hierarchies and leaves that tmpfs writable (the hierarchies are
# read-only, which cgroup.writable checks), so /sys/fs/cgroup is listed.
#
# What it cannot see from inside: the AppArmor profile docker-default (no
# AppArmor on the test machines; lsm.apparmor exists for hosts that have
# it), which seccomp profile is loaded beyond the calls probed, and the
# daemon's options (userns-remap, live-restore, icc).
description "Docker's default container (docker run with no options), as a floor: drift to anything weaker fails"

mounts.writable only / /dev /dev/pts /dev/shm /dev/mqueue /proc /proc/kcore /proc/keys /proc/latency_stats /proc/timer_list /proc/timer_stats /proc/sched_debug /sys/fs/cgroup
caps.sets only CAP_CHOWN CAP_DAC_OVERRIDE CAP_FSETID CAP_FOWNER CAP_MKNOD CAP_NET_RAW CAP_SETGID CAP_SETUID CAP_SETFCAP CAP_SETPCAP CAP_NET_BIND_SERVICE CAP_SYS_CHROOT CAP_KILL CAP_AUDIT_WRITE
caps.raise denied
seccomp.mode filter
seccomp.dangerous-syscalls blocked unshare setns clone clone3 mount umount2 pivot_root fsopen fsmount open_tree move_mount keyctl add_key request_key bpf perf_event_open userfaultfd init_module finit_module delete_module kexec_load kexec_file_load reboot open_by_handle_at swapon swapoff acct settimeofday clock_settime syslog
proc.masked-paths masked
proc.readonly-paths read-only
kernel.core-pattern denied
kernel.sysrq denied
cgroup.writable read-only
cgroup.release-agent denied
devices.nodes none
devices.mknod-open denied
fs.host-mounts none
fs.mount-propagation private
ns.host-pid isolated
ns.host-net isolated
ns.host-ipc isolated
ns.host-uts isolated
sockets.runtime unreachable
