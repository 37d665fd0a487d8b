# pss-restricted: the Kubernetes Pod Security Standards, level
# "restricted", as far as hardprobe's probes can see it from inside.
#
# Source: "Pod Security Standards", kubernetes.io/docs/concepts/security/
# pod-security-standards (Kubernetes v1.32).  Control ids are
# PSS:restricted/<control>.
#
# On top of pss-baseline:
#   Capabilities             every capability dropped but NET_BIND_SERVICE
#                            (drop ALL), and none can be raised
#   Privilege Escalation     no_new_privs set (allowPrivilegeEscalation:
#                            false), so a setuid-root program gains nothing
#   Running as Non-root      the process is not uid 0 (runAsNonRoot,
#   (and Non-root user)      runAsUser other than 0)
#   Seccomp                  a seccomp filter is in place (RuntimeDefault
#                            or Localhost)
#
# What it cannot see from inside: which seccomp profile is loaded (only
# that a filter is), the volume types of the pod, whether runAsNonRoot
# was set or the image merely runs as another user, and everything
# pss-baseline cannot see.
description "Pod Security Standards restricted (Kubernetes v1.32): baseline, non-root, no privilege escalation, seccomp, only NET_BIND_SERVICE"
extends pss-baseline

caps.sets only CAP_NET_BIND_SERVICE inheritable=none ambient=none controls=PSS:restricted/capabilities,PSS:baseline/capabilities,PSS:baseline/privileged-containers
caps.raise denied controls=PSS:restricted/capabilities
nnp.flag set controls=PSS:restricted/privilege-escalation
nnp.setuid-escalation denied controls=PSS:restricted/privilege-escalation
seccomp.mode filter controls=PSS:restricted/seccomp
user.identity non-root primary-group=in-groups controls=PSS:restricted/running-as-non-root,PSS:restricted/running-as-non-root-user

# The actions of the capabilities that runtimes grant by default are
# refused as well, and nothing is left in the inheritable or ambient set
# for a program to pick up.  The primary group is among the supplementary
# groups (a runtime that sets only the additional gids leaves it out, and
# a file that denies that group stays readable through "other").
cap.net-raw denied controls=PSS:restricted/capabilities
cap.mknod denied controls=PSS:restricted/capabilities
cap.setfcap denied controls=PSS:restricted/capabilities
cap.audit-write denied controls=PSS:restricted/capabilities
cap.chown denied controls=PSS:restricted/capabilities
cap.dac-override denied controls=PSS:restricted/capabilities
cap.setuid denied controls=PSS:restricted/capabilities
