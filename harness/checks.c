/* The table of every check, in catalog order: the one place that ties a
 * check id to its description and its parse and judge functions. */
#include <string.h>

#include "checks.h"

#define CHECK(id, name, text)                              \
	{                                                  \
		id, text, hp_parse_##name, hp_judge_##name \
	}

const struct hp_check hp_checks[] = {
	CHECK("userns.host-root", userns_host_root,
	      "host root is not mapped into the container's user namespace"),
	CHECK("userns.map-root", userns_map_root,
	      "a new user namespace with root mapped cannot be made"),
	CHECK("fs.etc-passwd-write", fs_etc_passwd_write,
	      "/etc/passwd cannot be opened for writing"),
	CHECK("fs.rootfs-write", fs_rootfs_write,
	      "files cannot be created in / /usr /etc /bin"),
	CHECK("mounts.writable", mounts_writable,
	      "only the listed mount points are mounted read-write"),
	CHECK("caps.sets", caps_sets,
	      "every capability set stays within the listed capabilities"),
	CHECK("caps.raise", caps_raise,
	      "capabilities outside the permitted set cannot be raised"),
	CHECK("nnp.flag", nnp_flag, "the no_new_privs flag is as expected"),
	CHECK("nnp.setuid-escalation", nnp_setuid_escalation,
	      "a setuid-root helper does not gain euid 0"),
	CHECK("seccomp.mode", seccomp_mode, "the seccomp mode is as expected"),
	CHECK("seccomp.dangerous-syscalls", seccomp_dangerous_syscalls,
	      "dangerous system calls are blocked"),
	CHECK("user.identity", user_identity,
	      "the process runs as root or not, as expected"),
};

const size_t hp_nchecks = sizeof(hp_checks) / sizeof(hp_checks[0]);

const struct hp_check *hp_check_find(const char *id)
{
	for (size_t i = 0; i < hp_nchecks; i++)
		if (strcmp(hp_checks[i].id, id) == 0)
			return &hp_checks[i];
	return NULL;
}
