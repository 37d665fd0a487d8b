# hardened: the four layers of defence for containers run by containerd.
#
# 1. User namespace: root in the container is not root on the host.  Host
#    uid 0 and gid 0 are not mapped, the container has a range of at least
#    65536 ids, and it cannot map root in a user namespace of its own.
#    Root inside such a namespace is allowed: that is what the layer is for,
#    so user.identity is not checked here.
# 2. File system: the root file system is read-only (ctr run --read-only,
#    readOnlyRootFilesystem).  Only these mounts may be read-write: /dev and
#    its children (/dev/pts, /dev/shm, /dev/mqueue, and the /dev/null binds
#    the runtime puts over masked paths in /proc), /proc and its direct
#    children, /run (containerd's default spec mounts a tmpfs there) and a
#    /tmp tmpfs.  "/" is not listed.  A data volume must be added in a
#    profile that extends this one.
# 3. Capabilities: a small set a typical service keeps after dropping the
#    rest: changing file owners and modes (CHOWN, DAC_OVERRIDE, FOWNER),
#    dropping to its own user (SETUID, SETGID), binding ports below 1024
#    (NET_BIND_SERVICE) and signalling its own processes (KILL).  No
#    capability can be raised, no_new_privs is set and a setuid-root program
#    gains nothing.
# 4. Runtime restriction: a seccomp filter blocks every dangerous system
#    call the probes try, and the 32-bit system call entry (int $0x80),
#    which a service built for x86_64 never needs.
#
# Source: hardprobe's own layering of the container hardening advice of
# NIST SP 800-190 (section 4.4.3, runtime configuration) and the CIS
# Docker Benchmark v1.6.0 section 5 (5.3 capabilities, 5.12 read-only
# root, 5.21 seccomp, 5.25 no_new_privs); control ids name those
# sections, and hardprobe:<layer> names the layer in
# hardprobe-controls.json.
#
# What it cannot see from inside: which host ids the range is, whether
# other containers share it, host paths behind the mounts, and any
# runtime monitoring (NRI plugins, audit) that only watches.
description "user namespace, read-only root, few capabilities, seccomp"

userns.host-root unmapped min-range=65536 controls=hardprobe:user-namespace,NIST-800-190:4.4.3
userns.map-root denied controls=hardprobe:user-namespace
fs.etc-passwd-write denied controls=hardprobe:read-only-root,CIS-Docker:5.12
fs.rootfs-write denied controls=hardprobe:read-only-root,CIS-Docker:5.12
mounts.writable only /dev /dev/* /proc /proc/* /run /tmp controls=hardprobe:read-only-root,CIS-Docker:5.12
caps.sets only CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_SETUID CAP_SETGID CAP_NET_BIND_SERVICE CAP_KILL inheritable=none ambient=none controls=hardprobe:capabilities,CIS-Docker:5.3
caps.raise denied controls=hardprobe:capabilities
nnp.flag set controls=hardprobe:no-new-privileges,CIS-Docker:5.25
nnp.setuid-escalation denied controls=hardprobe:no-new-privileges,CIS-Docker:5.25
seccomp.mode filter controls=hardprobe:seccomp,CIS-Docker:5.21
seccomp.dangerous-syscalls blocked controls=hardprobe:seccomp
seccomp.ia32-entry blocked controls=hardprobe:seccomp

# The kernel interfaces and host resources of a privileged container stay
# out of reach (see baseline), and the only set-user-id file is the
# probe image's own helper (under a user namespace, even it loses its
# bit).
proc.masked-paths masked
proc.readonly-paths read-only
kernel.core-pattern denied
kernel.sysrq denied
cgroup.writable read-only
cgroup.release-agent denied
devices.nodes none
devices.mknod-open denied
fs.suid-files only /hardprobe/suid-helper
fs.host-mounts none
fs.mount-propagation private
fs.leaked-fds none

# The capabilities outside the short list, by the one action each grants
# (see baseline): refused, whether by the capability sets, the seccomp
# filter or the user namespace.  CHOWN, DAC_OVERRIDE and SETUID are kept,
# so their actions are not demanded here; web demands them refused.
cap.sys-admin denied
cap.sys-module denied
cap.sys-ptrace denied
cap.net-admin denied
cap.sys-time denied
cap.sys-boot denied
cap.bpf denied
cap.perfmon denied
cap.sys-rawio denied
cap.dac-read-search denied
cap.syslog denied
cap.net-raw denied
cap.mknod denied
cap.setfcap denied
cap.audit-write denied

# Host sharing and escape surfaces: the container has its own pid,
# network, IPC and UTS namespaces, no runtime socket (or any other unix
# socket on its mounts) accepts a connection, no Kubernetes service
# account token is mounted (automountServiceAccountToken: false; a
# service that calls the API server needs "k8s.service-account-token
# present" in a profile of its own), a process started by an exec is
# confined like pid 1, and the kernel refuses BPF and perf events to
# unprivileged processes.  The kernel line is the host's setting, seen
# from inside: a container cannot change it, but it widens what an escape
# through the kernel can reach.
ns.host-pid isolated
ns.host-net isolated
ns.host-ipc isolated
ns.host-uts isolated
sockets.runtime unreachable
k8s.service-account-token absent
nnp.exec-path same
kernel.surface require unprivileged_bpf_disabled>=1 perf_event_paranoid>=2
