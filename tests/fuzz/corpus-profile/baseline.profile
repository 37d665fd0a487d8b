# baseline: the Kubernetes Pod Security Standards "baseline" level, as far
# as hardprobe's probes can see it from inside the container.
#
# It stands for "not a privileged container": no capability set holds
# anything beyond the level's allowed list.  That list leaves out
# CAP_NET_RAW, which container runtimes (containerd's default spec too)
# still grant, so a container started with default capabilities fails here.
#
# What it cannot see from inside: host namespaces (hostNetwork, hostPID,
# hostIPC), hostPath volumes, host ports, the /proc mount type, AppArmor,
# SELinux and seccomp profile names, and sysctls.  Check those in the pod
# spec.
description "Pod Security Standards baseline: no capability beyond the allowed list"

caps.sets only CAP_AUDIT_WRITE CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_FSETID CAP_KILL CAP_MKNOD CAP_NET_BIND_SERVICE CAP_SETFCAP CAP_SETGID CAP_SETPCAP CAP_SETUID CAP_SYS_CHROOT
