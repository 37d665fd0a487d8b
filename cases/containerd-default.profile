# containerd-default: no weaker than what containerd gives a container
# started with no options (ctr run IMAGE ID), so that drift from the
# default towards less isolation is caught: a capability added, a host
# namespace joined, a device or a runtime socket passed in, a mount made
# writable, /proc unmasked, no_new_privs cleared.
#
# Source: containerd 1.6's default OCI spec (oci.WithDefaultSpec, as ctr
# uses it), observed here with `ctr run` on containerd 1.6.20 and runc
# 1.1.5: the 14 default capabilities (CHOWN DAC_OVERRIDE FSETID FOWNER
# MKNOD NET_RAW SETGID SETUID SETFCAP SETPCAP NET_BIND_SERVICE SYS_CHROOT
# KILL AUDIT_WRITE), no_new_privs set, no seccomp filter, root, a writable
# root file system, /proc, /dev and its children, a /run tmpfs, and the
# masked and read-only /proc paths.
#
# The profile is a floor, not a copy: what the default leaves open (a
# writable root, root, no seccomp filter, setuid programs, a user
# namespace you can create) is not required, so a container hardened
# beyond the default passes too.
#
# What it cannot see from inside: the spec's annotations, hooks, rlimits
# and the runtime's own options (runc's flags, the shim), and the cgroup
# limits (the default sets none).
description "containerd's default container (ctr run with no options), as a floor: drift to anything weaker fails"

mounts.writable only / /dev /dev/pts /dev/shm /dev/mqueue /proc /proc/kcore /proc/keys /proc/latency_stats /proc/timer_list /proc/timer_stats /proc/sched_debug /run
caps.sets only CAP_CHOWN CAP_DAC_OVERRIDE CAP_FSETID CAP_FOWNER CAP_MKNOD CAP_NET_RAW CAP_SETGID CAP_SETUID CAP_SETFCAP CAP_SETPCAP CAP_NET_BIND_SERVICE CAP_SYS_CHROOT CAP_KILL CAP_AUDIT_WRITE
caps.raise denied
nnp.flag set
nnp.setuid-escalation denied
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
fs.leaked-fds none
ns.host-pid isolated
ns.host-net isolated
ns.host-ipc isolated
ns.host-uts isolated
sockets.runtime unreachable
