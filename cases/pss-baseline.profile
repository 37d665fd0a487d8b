# pss-baseline: the Kubernetes Pod Security Standards, level "baseline",
# as far as hardprobe's probes can see it from inside the container.
#
# Source: "Pod Security Standards", kubernetes.io/docs/concepts/security/
# pod-security-standards (Kubernetes v1.32; the baseline controls have not
# changed since Pod Security Admission became stable in v1.25).  Control
# ids are PSS:baseline/<control>, after the control names of that page.
#
# Observable controls and the checks that evidence them:
#   Privileged Containers   no capability beyond the allowed list, masked
#                           and read-only /proc paths, no device nodes, a
#                           read-only cgroup file system, the kernel's
#                           writable knobs out of reach
#   Capabilities            only AUDIT_WRITE CHOWN DAC_OVERRIDE FOWNER
#                           FSETID KILL MKNOD NET_BIND_SERVICE SETFCAP SETGID
#                           SETPCAP SETUID SYS_CHROOT.  That list lacks
#                           NET_RAW, which container runtimes (containerd's
#                           default spec too) still grant.
#   Host Namespaces         own PID, network and IPC namespaces
#   HostPath Volumes        no host file system mounted in
#   /proc Mount Type        the default masked and read-only /proc paths
#
# What it cannot see from inside: HostProcess (Windows only), host ports,
# the AppArmor and SELinux options of the pod spec (this test machine has
# neither LSM), the seccomp profile type (baseline only forbids an explicit
# Unconfined, which looks the same from inside as no profile), sysctls, and
# whether a hostPath mount is read-only in the spec.
description "Pod Security Standards baseline (Kubernetes v1.32): no privileged container, no capability beyond the allowed list, no host namespace"

caps.sets only CAP_AUDIT_WRITE CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_FSETID CAP_KILL CAP_MKNOD CAP_NET_BIND_SERVICE CAP_SETFCAP CAP_SETGID CAP_SETPCAP CAP_SETUID CAP_SYS_CHROOT controls=PSS:baseline/capabilities,PSS:baseline/privileged-containers

# Not a privileged container, by what it can reach as well: the paths
# runtimes mask in /proc and /sys are masked (or absent), /proc/sys and
# /sys are read-only, the kernel's core_pattern and sysrq cannot be
# opened for writing, the cgroups cannot be written and no cgroup v1
# hierarchy (release_agent) can be mounted, /dev holds only the standard
# nodes and the device cgroup refuses others, no sensitive host path is
# bind-mounted, no container runtime socket (nor any other unix socket on
# a mount) accepts a connection, no mount propagates back to the host,
# and no file descriptor from outside the root was inherited.  A container that is
# given a GPU or another device on purpose needs "devices.nodes
# unopenable" or "off" in a profile of its own.
proc.masked-paths masked controls=PSS:baseline/proc-mount-type,PSS:baseline/privileged-containers
proc.readonly-paths read-only controls=PSS:baseline/proc-mount-type,PSS:baseline/privileged-containers
kernel.core-pattern denied controls=PSS:baseline/privileged-containers
kernel.sysrq denied controls=PSS:baseline/privileged-containers
cgroup.writable read-only controls=PSS:baseline/privileged-containers
cgroup.release-agent denied controls=PSS:baseline/privileged-containers
devices.nodes none controls=PSS:baseline/privileged-containers
devices.mknod-open denied controls=PSS:baseline/privileged-containers
fs.host-mounts none controls=PSS:baseline/host-path-volumes
sockets.runtime unreachable controls=PSS:baseline/host-path-volumes
fs.mount-propagation private controls=PSS:baseline/privileged-containers
fs.leaked-fds none

# Not a privileged container, by what its capabilities let it do: each
# capability outside the allowed list is tried by the one action it
# grants (harmlessly; see `hardprobe list`), and each action must be
# refused.  An action this kernel cannot do at all (no module support,
# no ioperm) is reported "absent" and meets "denied".
cap.sys-admin denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.sys-module denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.sys-ptrace denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.net-admin denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.sys-time denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.sys-boot denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.bpf denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.perfmon denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.sys-rawio denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.dac-read-search denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities
cap.syslog denied controls=PSS:baseline/privileged-containers,PSS:baseline/capabilities

# The container has its own PID, network and IPC namespaces (hostPID,
# hostNetwork and hostIPC unset).
ns.host-pid isolated controls=PSS:baseline/host-namespaces
ns.host-net isolated controls=PSS:baseline/host-namespaces
ns.host-ipc isolated controls=PSS:baseline/host-namespaces
