/* The catalog: every probe, in the order the stream lists them. */
#include "probe.h"

const struct hp_probe hp_catalog[] = {
	{ "userns.host-root", probe_userns_host_root,
	  "does root in here map to root on the host (uid/gid maps)" },
	{ "userns.map-root", probe_userns_map_root,
	  "try to create a user namespace, map root and mount in it" },
	{ "fs.etc-passwd-write", probe_fs_etc_passwd_write,
	  "try to open /etc/passwd for writing (nothing is written)" },
	{ "fs.rootfs-write", probe_fs_rootfs_write,
	  "try to create (and remove) a file in / /usr /etc /bin" },
	{ "mounts.writable", probe_mounts_writable,
	  "the mount table (/proc/self/mountinfo), verbatim" },
	{ "caps.sets", probe_caps_sets,
	  "the capability sets: effective, permitted, inheritable, "
	  "bounding, ambient" },
	{ "caps.raise", probe_caps_raise,
	  "try to raise capabilities that are not permitted" },
	{ "nnp.flag", probe_nnp_flag, "the no_new_privs flag" },
	{ "nnp.setuid-escalation", probe_nnp_setuid_escalation,
	  "as uid 65534, run a set-user-id root helper: does it get euid 0" },
	{ "seccomp.mode", probe_seccomp_mode, "the seccomp mode and filters" },
	{ "seccomp.dangerous-syscalls", probe_seccomp_dangerous_syscalls,
	  "call risky system calls with arguments they reject: are they "
	  "reachable" },
	{ "user.identity", probe_user_identity,
	  "user and group ids of the probe process" },
};

const size_t hp_catalog_len = sizeof(hp_catalog) / sizeof(hp_catalog[0]);
