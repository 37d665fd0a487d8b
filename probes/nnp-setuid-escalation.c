/* nnp.setuid-escalation (attempt): as uid 65534, run a set-user-id root
 * helper and see whether it gets euid 0.  The helper only prints its ids
 * and exits, and all of it runs in a throw-away grandchild, so an allowed
 * escalation does nothing with the privilege it got. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"

#define DEFAULT_HELPER "/hardprobe/suid-helper"
#define NOBODY 65534

/* What the grandchild reports when it fails before exec. */
struct failure {
	char step[24];
	int err;
};

struct launch {
	const char *helper;
	int out;    /* write end for the helper's stdout */
	int report; /* write end for a struct failure, close-on-exec */
};

static int fail(const struct launch *l, const char *step)
{
	struct failure f = { .err = errno };

	snprintf(f.step, sizeof(f.step), "%s", step);
	return write(l->report, &f, sizeof(f)) == sizeof(f) ? 126 : 125;
}

static int launch_helper(void *arg)
{
	const struct launch *l = arg;
	char *argv[] = { (char *)l->helper, NULL };
	char *envp[] = { NULL };

	if (geteuid() == 0) {
		/* No supplementary groups is what setgroups would give;
		 * a user namespace may forbid the call itself. */
		if (setgroups(0, NULL) < 0 && getgroups(0, NULL) != 0)
			return fail(l, "setgroups");
		if (setgid(NOBODY) < 0)
			return fail(l, "setgid");
		if (setuid(NOBODY) < 0)
			return fail(l, "setuid");
	}
	if (dup2(l->out, STDOUT_FILENO) < 0)
		return fail(l, "dup2");
	execve(l->helper, argv, envp);
	return fail(l, "execve");
}

/* What running the helper gave. */
struct outcome {
	char output[128]; /* its stdout, without the newline */
	struct failure f; /* set when failed */
	bool failed;
};

static void read_text(int fd, char *buf, size_t len)
{
	ssize_t n = read(fd, buf, len - 1);

	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

static int run_helper(const char *helper, struct outcome *o)
{
	int out[2], rep[2], status;
	struct launch l = { .helper = helper };

	if (pipe2(out, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(rep, O_CLOEXEC) < 0) {
		status = -errno;
		close(out[0]);
		close(out[1]);
		return status;
	}
	l.out = out[1];
	l.report = rep[1];
	status = hp_in_child(launch_helper, &l);
	close(out[1]);
	close(rep[1]);
	read_text(out[0], o->output, sizeof(o->output));
	o->failed = read(rep[0], &o->f, sizeof(o->f)) == sizeof(o->f);
	close(out[0]);
	close(rep[0]);
	return status < 0 ? status : 0;
}

/* The uid that stands for "not mapped in this user namespace". */
static uid_t overflow_uid(void)
{
	FILE *f = fopen("/proc/sys/kernel/overflowuid", "re");
	unsigned id = NOBODY;

	if (f) {
		if (fscanf(f, "%u", &id) != 1)
			id = NOBODY;
		fclose(f);
	}
	return (uid_t)id;
}

/* Why a set-user-id root helper did not get euid 0. */
static const char *denying_layer(const char *helper, const struct stat *st)
{
	struct statvfs vfs;

	if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1)
		return "no_new_privs";
	if (statvfs(helper, &vfs) == 0 && (vfs.f_flag & ST_NOSUID))
		return "nosuid mount";
	if (st->st_uid != 0)
		return "user namespace";
	return NULL;
}

/* Whether the helper can show anything; skips data when it cannot. */
static bool usable_helper(const char *helper, struct stat *st,
			  json_object *data)
{
	if (stat(helper, st) < 0) {
		if (errno == ENOENT)
			hp_skip(data, "helper '%s' is absent", helper);
		else
			hp_skip(data, "cannot stat helper '%s': %s", helper,
				strerrorname_np(errno));
		return false;
	}
	if (!(st->st_mode & S_ISUID)) {
		hp_skip(data, "helper '%s' is not set-user-id", helper);
		return false;
	}
	if (st->st_uid != 0 && st->st_uid != overflow_uid()) {
		hp_skip(data, "helper '%s' is owned by uid %u, not root",
			helper, (unsigned)st->st_uid);
		return false;
	}
	return true;
}

static void judge(const char *helper, const struct stat *st,
		  const struct outcome *o, json_object *data)
{
	int ruid, euid;

	if (sscanf(o->output, "ruid=%d euid=%d", &ruid, &euid) != 2) {
		hp_skip(data, "helper printed '%.60s', not its ids", o->output);
		return;
	}
	hp_add_str(data, "outcome", euid == 0 ? "allowed" : "denied");
	json_object_object_add(data, "ran_as", json_object_new_int(ruid));
	hp_add_str(data, "helper_output", o->output);
	hp_add_str(data, "layer", euid == 0 ? NULL : denying_layer(helper, st));
}

int probe_nnp_setuid_escalation(json_object *data)
{
	const char *helper = getenv("HARDPROBE_SUID_HELPER");
	struct outcome o = { 0 };
	struct stat st;
	int rc;

	if (!helper || !*helper)
		helper = DEFAULT_HELPER;
	hp_add_str(data, "helper", helper);
	if (!usable_helper(helper, &st, data))
		return 0;
	rc = run_helper(helper, &o);
	if (rc < 0)
		return rc;
	if (o.failed) {
		hp_skip(data, "%s failed in the helper's process: %s", o.f.step,
			strerrorname_np(o.f.err));
		json_object_object_add(data, "errno", hp_errno_json(o.f.err));
		return 0;
	}
	judge(helper, &st, &o, data);
	return 0;
}
