# cis-docker: the CIS Docker Benchmark, section 5 ("Container Runtime"),
# for the controls that can be observed from inside a container.
#
# Source: CIS Docker Benchmark v1.6.0, section 5.  Control ids are
# CIS-Docker:<number> in that version's numbering; the benchmark applies
# to any runtime that runs the same OCI spec (containerd, runc), not only
# to Docker.
#
#   5.3   capabilities restricted: the benchmark leaves the list to the
#         operator; this profile allows Docker's default set without
#         NET_RAW (tighten it in a profile that extends this one)
#   5.4   no privileged container (its capabilities, devices, cgroup and
#         /proc exposure)
#   5.5   no sensitive host directory mounted
#   5.9   host network namespace not shared
#   5.10  memory limited
#   5.12  root file system read-only
#   5.15  host PID namespace not shared
#   5.16  host IPC namespace not shared
#   5.17  no host device exposed
#   5.19  mount propagation not shared
#   5.20  host UTS namespace not shared
#   5.21  seccomp not disabled
#   5.25  no acquiring additional privileges (no_new_privs)
#   5.28  PIDs limited
#   5.31  the runtime's socket not reachable
#
# What it cannot see from inside: 5.1 AppArmor and 5.2 SELinux (this test
# machine runs neither; lsm.* checks exist but are not required here),
# 5.6 sshd, 5.7/5.8/5.13 ports and host interfaces, 5.11 CPU shares,
# 5.14 restart policy, 5.18 ulimits chosen on purpose, 5.22/5.23 docker
# exec, 5.24 cgroup parent, 5.26 health checks, 5.27 image freshness, 5.29
# the docker0 bridge, and 5.30 (a shared host user namespace looks like
# no user namespace at all).  Where the cgroup files are not visible in
# the container (cgroup v1 without a cgroup namespace), the limits.* checks
# report skip rather than pass.
description "CIS Docker Benchmark v1.6.0 section 5: the runtime controls visible from inside"

fs.etc-passwd-write denied controls=CIS-Docker:5.12
fs.rootfs-write denied controls=CIS-Docker:5.12
caps.sets only CAP_AUDIT_WRITE CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_FSETID CAP_KILL CAP_MKNOD CAP_NET_BIND_SERVICE CAP_SETFCAP CAP_SETGID CAP_SETPCAP CAP_SETUID CAP_SYS_CHROOT controls=CIS-Docker:5.3,CIS-Docker:5.4
caps.raise denied controls=CIS-Docker:5.3
nnp.flag set controls=CIS-Docker:5.25
nnp.setuid-escalation denied controls=CIS-Docker:5.25
seccomp.mode filter controls=CIS-Docker:5.21
proc.masked-paths masked controls=CIS-Docker:5.4
proc.readonly-paths read-only controls=CIS-Docker:5.4
cgroup.writable read-only controls=CIS-Docker:5.4
devices.nodes none controls=CIS-Docker:5.17,CIS-Docker:5.4
devices.mknod-open denied controls=CIS-Docker:5.17
fs.host-mounts none controls=CIS-Docker:5.5
fs.mount-propagation private controls=CIS-Docker:5.19
ns.host-pid isolated controls=CIS-Docker:5.15
ns.host-net isolated controls=CIS-Docker:5.9
ns.host-ipc isolated controls=CIS-Docker:5.16
ns.host-uts isolated controls=CIS-Docker:5.20
sockets.runtime unreachable controls=CIS-Docker:5.31
limits.memory limited controls=CIS-Docker:5.10
limits.pids limited controls=CIS-Docker:5.28
