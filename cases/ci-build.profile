# ci-build: a CI build container (a compiler, a package manager, a test
# run).  What it may do: write anywhere in its own root file system and
# in its workspace, run as root inside, keep the default capabilities
# but NET_RAW, use setuid programs (sudo in a build image).  What it may
# not do: be privileged, join a host namespace, reach the container
# runtime's socket (no docker-in-docker through the host's daemon), see
# host devices or sensitive host paths, or run without a seccomp filter
# that keeps mount, module loading, kexec, bpf and the kernel keyring out
# of reach.
#
# The workspace path is a parameter: --set workspace=/builds.
#
# Source: hardprobe's own scenario, after the CI guidance of the CIS
# Docker Benchmark (5.4 no privileged, 5.31 no runtime socket) and
# NIST SP 800-190 section 4.4.3 (insecure container runtime
# configurations); control ids name those sections.
#
# What it cannot see from inside: what the build downloads, the build's
# network access, secrets in the environment, and the cache volumes'
# contents.
description "CI build container: writable root and workspace, root allowed, but not privileged, no host namespace, no runtime socket, seccomp on"
extends pss-baseline

param workspace=/workspace

mounts.writable only / /dev /dev/pts /dev/shm /dev/mqueue /proc /proc/kcore /proc/keys /proc/latency_stats /proc/timer_list /proc/timer_stats /proc/sched_debug /run /tmp ${workspace} controls=NIST-800-190:4.4.3
caps.raise denied controls=CIS-Docker:5.4
seccomp.mode filter controls=CIS-Docker:5.21,NIST-800-190:4.4.3
seccomp.dangerous-syscalls blocked mount umount2 pivot_root setns bpf perf_event_open keyctl add_key request_key init_module finit_module delete_module kexec_load kexec_file_load reboot open_by_handle_at controls=CIS-Docker:5.21,NIST-800-190:4.4.3
ns.host-uts isolated controls=CIS-Docker:5.20
sockets.runtime unreachable controls=CIS-Docker:5.31,NIST-800-190:4.4.3
