/* cgroup.release-agent (attempt): is a cgroup v1 release_agent file
 * reachable and openable for writing (the host kernel runs that program
 * as root when a cgroup empties)?  First the release_agent files of the
 * mounted hierarchies, then a new mount: in a private mount namespace of
 * this probe process (no new user namespace), a new named cgroup v1
 * hierarchy is mounted over /tmp, its release_agent opened and the
 * hierarchy unmounted at once.  Nothing is written; the namespace dies
 * with the probe, and the empty hierarchy with its last mount. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsprobe.h"
#include "probe.h"

#define HIERARCHY "none,name=hardprobe-probe"

struct found {
	json_object *files;
	bool allowed;
};

static int take_mount(const struct hp_mnt *m, void *arg)
{
	struct found *f = arg;
	char file[4096];
	struct stat st;

	if (strcmp(m->fstype, "cgroup") != 0)
		return 0;
	snprintf(file, sizeof(file), "%s/release_agent", m->target);
	if (stat(file, &st) == 0 || errno != ENOENT)
		json_object_array_add(f->files,
				      hp_write_attempt(file, &f->allowed));
	return 0;
}

/* Mount a new hierarchy and try its release_agent; fills attempt.  A
 * hierarchy that mounts at all counts as allowed. */
static bool try_mount(json_object *attempt)
{
	const char *target = hp_mount_scratch(), *reached;
	json_object *agent = NULL;
	bool allowed = false;
	char file[64];
	int err;

	err = hp_private_mount("cgroup", HIERARCHY, target, &reached);
	if (!err) {
		snprintf(file, sizeof(file), "%s/release_agent", target);
		agent = hp_write_attempt(file, &allowed);
		umount2(target, MNT_DETACH);
	}
	hp_add_str(attempt, "options", HIERARCHY);
	hp_add_str(attempt, "reached", reached);
	json_object_object_add(attempt, "errno", hp_errno_json(err));
	json_object_object_add(attempt, "release_agent", agent);
	return err == 0;
}

int probe_cgroup_release_agent(json_object *data)
{
	struct found f = { .files = json_object_new_array() };
	json_object *attempt = json_object_new_object();
	int rc = hp_walk_mounts(take_mount, &f);

	json_object_object_add(data, "release_agents", f.files);
	json_object_object_add(data, "mount", attempt);
	if (rc < 0)
		json_object_object_add(data, "mountinfo_errno",
				       hp_errno_json(-rc));
	f.allowed |= try_mount(attempt);
	hp_add_str(data, "outcome", f.allowed ? "allowed" : "denied");
	return 0;
}
