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
# What it cannot see from inside: which host ids the range is, whether
# other containers share it, host paths behind the mounts, and any
# runtime monitoring (NRI plugins, audit) that only watches.
description "user namespace, read-only root, few capabilities, seccomp"

userns.host-root unmapped min-range=65536
userns.map-root denied
fs.etc-passwd-write denied
fs.rootfs-write denied
mounts.writable only /dev /dev/* /proc /proc/* /run /tmp
caps.sets only CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_SETUID CAP_SETGID CAP_NET_BIND_SERVICE CAP_KILL
caps.raise denied
nnp.flag set
nnp.setuid-escalation denied
seccomp.mode filter
seccomp.dangerous-syscalls blocked
seccomp.ia32-entry blocked
