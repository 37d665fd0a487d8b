# restricted: the Kubernetes Pod Security Standards "restricted" level, as
# far as hardprobe's probes can see it from inside the container.
#
# On top of baseline: every capability dropped but NET_BIND_SERVICE
# (capabilities.drop ALL), a non-root user (runAsNonRoot),
# no_new_privs set (allowPrivilegeEscalation: false) so a setuid-root
# program gains nothing, and a seccomp filter in place (RuntimeDefault or
# Localhost).
#
# What it cannot see from inside: which seccomp profile is loaded (only that
# a filter is), the volume types, and everything baseline cannot see.
description "Pod Security Standards restricted: non-root, no privilege escalation"
extends baseline

caps.sets only CAP_NET_BIND_SERVICE
caps.raise denied
nnp.flag set
nnp.setuid-escalation denied
seccomp.mode filter
user.identity non-root
