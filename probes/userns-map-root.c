/* userns.map-root (attempt): create a user namespace, map root in it to
 * our own ids, then use it: a new mount namespace, / made private, a
 * tmpfs mounted on /tmp and unmounted.  All of it happens in the probe's
 * own child; the namespaces and the mount die with that process, and a
 * private mount namespace never propagates to the container's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "probe.h"

/* The stages in order; "reached" names the last one that succeeded. */
enum { NONE, UNSHARE, MAP, USE, N_STAGES };

static const char *const stage_names[N_STAGES] = { "none", "unshare", "map",
						   "use" };

/* How far the attempt got, and why it stopped. */
struct progress {
	int reached;
	const char *step; /* the last step tried */
	int err;	  /* its errno, 0 when it worked */
};

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return errno;
	if (write(fd, text, strlen(text)) < 0)
		err = errno;
	close(fd);
	return err;
}

static bool failed(struct progress *p, const char *step, int err)
{
	p->step = step;
	p->err = err;
	return err != 0;
}

static bool map_root(uid_t uid, gid_t gid, struct progress *p)
{
	char line[64];
	int err;

	err = write_file("/proc/self/setgroups", "deny");
	if (err && err != ENOENT)
		return !failed(p, "write /proc/self/setgroups", err);
	snprintf(line, sizeof(line), "0 %u 1", (unsigned)gid);
	if (failed(p, "write /proc/self/gid_map",
		   write_file("/proc/self/gid_map", line)))
		return false;
	snprintf(line, sizeof(line), "0 %u 1", (unsigned)uid);
	return !failed(p, "write /proc/self/uid_map",
		       write_file("/proc/self/uid_map", line));
}

/* An existing directory to mount on: /tmp, else /. */
static const char *mount_point(void)
{
	struct stat st;

	if (stat("/tmp", &st) == 0 && S_ISDIR(st.st_mode))
		return "/tmp";
	return "/";
}

static int err_of(int rc)
{
	return rc < 0 ? errno : 0;
}

static bool use_ns(struct progress *p)
{
	const char *target = mount_point();

	if (failed(p, "unshare CLONE_NEWNS", err_of(unshare(CLONE_NEWNS))))
		return false;
	if (failed(p, "make / private",
		   err_of(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))))
		return false;
	if (failed(p, "mount tmpfs",
		   err_of(mount("hardprobe", target, "tmpfs", 0, "size=4k"))))
		return false;
	return !failed(p, "umount tmpfs", err_of(umount2(target, 0)));
}

static void attempt(struct progress *p)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();

	*p = (struct progress){ .reached = NONE };
	if (failed(p, "unshare CLONE_NEWUSER", err_of(unshare(CLONE_NEWUSER))))
		return;
	p->reached = UNSHARE;
	if (!map_root(uid, gid, p))
		return;
	p->reached = MAP;
	if (use_ns(p))
		p->reached = USE;
}

int probe_userns_map_root(json_object *data)
{
	json_object *errors = json_object_new_object();
	struct progress p;

	attempt(&p);
	hp_add_str(data, "outcome", p.reached >= MAP ? "allowed" : "denied");
	hp_add_str(data, "reached", stage_names[p.reached]);
	/* The stage after the one reached is the one that failed. */
	for (int i = UNSHARE; i < N_STAGES; i++)
		json_object_object_add(errors, stage_names[i],
				       p.err && i == p.reached + 1
					       ? hp_errno_json(p.err)
					       : NULL);
	json_object_object_add(data, "errors", errors);
	hp_add_str(data, "failed_step", p.err ? p.step : NULL);
	return 0;
}
