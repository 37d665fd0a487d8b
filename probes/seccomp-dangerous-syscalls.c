/* seccomp.dangerous-syscalls (attempt): call each risky system call of
 * syscalls.c with arguments the kernel rejects, each in its own
 * grandchild, so that a SIGSYS kills only that grandchild; a few run at
 * once.  The arguments
 * make every call fail even when it is allowed, so nothing changes; the
 * one call that cannot fail (personality) changes only the grandchild,
 * which exits at once. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"
#include "syscalls.h"

/* The grandchild: exit with the call's errno, 0 when it succeeded (and
 * at once in a child that a successful clone created). */
static int call_one(void *arg)
{
	const struct hp_syscall *s = arg;
	long r;

	r = syscall(s->nr, s->args[0], s->args[1], s->args[2], s->args[3],
		    s->args[4], s->args[5]);
	return r < 0 ? errno : 0;
}

static bool expected(const struct hp_syscall *s, int err)
{
	for (size_t i = 0; i < sizeof(s->reachable) / sizeof(int); i++)
		if (s->reachable[i] && s->reachable[i] == err)
			return true;
	return false;
}

static void set_result(json_object *call, const char *result, const char *layer)
{
	hp_add_str(call, "result", result);
	hp_add_str(call, "layer", layer);
}

/* Result and layer for a call that returned err (0: it succeeded). */
static void judge_errno(const struct hp_syscall *s, int err, bool filter,
			json_object *call)
{
	json_object_object_add(call, "errno", hp_errno_json(err));
	json_object_object_add(call, "signal", NULL);
	/* a filter's ENOSYS looks like a kernel without the call */
	if (err == ENOSYS)
		set_result(call, filter ? "blocked" : "absent",
			   filter ? "seccomp or kernel" : "kernel");
	else if ((err == EPERM || err == EACCES) && filter)
		set_result(call, "blocked",
			   s->cap_first ? "seccomp or capability" : "seccomp");
	else if (err == EPERM || err == EACCES)
		set_result(call, "blocked", "capability");
	else
		set_result(call, "reachable", NULL);
	if (err == 0 && !s->succeeds)
		hp_add_str(call, "note", "the call succeeded");
	else if (err && !expected(s, err) && err != ENOSYS && err != EPERM &&
		 err != EACCES)
		hp_add_str(call, "note", "unexpected errno");
}

static void judge_signal(int sig, json_object *call)
{
	char name[32];

	json_object_object_add(call, "errno", NULL);
	hp_add_str(call, "signal", hp_signal_name(sig, name, sizeof(name)));
	set_result(call, "blocked", sig == SIGSYS ? "seccomp" : NULL);
}

/* The call's name, with its variant when it has one: "socket(AF_ALG)". */
static json_object *label(const struct hp_syscall *s)
{
	char buf[96];

	if (!s->variant)
		return json_object_new_string(s->name);
	snprintf(buf, sizeof(buf), "%s(%s)", s->name, s->variant);
	return json_object_new_string(buf);
}

/* Record how s's grandchild ended in calls; a call that a SIGSYS killed
 * goes to killed as well, so that a filter that kills shows apart from
 * one that returns an errno. */
static void record_call(const struct hp_syscall *s, int status, bool filter,
			json_object *calls, json_object *killed)
{
	json_object *call = json_object_new_object();

	hp_add_str(call, "name", s->name);
	if (s->variant)
		hp_add_str(call, "variant", s->variant);
	json_object_object_add(call, "nr", json_object_new_int64(s->nr));
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS)
		json_object_array_add(killed, label(s));
	if (WIFSIGNALED(status))
		judge_signal(WTERMSIG(status), call);
	else
		judge_errno(s, WEXITSTATUS(status), filter, call);
	json_object_array_add(calls, call);
}

/* Grandchildren in flight: each call runs alone in its own, so a few can
 * run side by side; they are reaped, and recorded, in table order. */
#define IN_FLIGHT 8

struct sweep {
	pid_t pid[IN_FLIGHT];
	size_t first[IN_FLIGHT]; /* index into hp_syscalls */
	size_t n;
	bool filter;
	json_object *calls, *killed;
};

/* Reap the oldest grandchild and record its call. */
static int reap_oldest(struct sweep *w)
{
	int status;

	while (waitpid(w->pid[0], &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	record_call(&hp_syscalls[w->first[0]], status, w->filter, w->calls,
		    w->killed);
	w->n--;
	memmove(w->pid, w->pid + 1, w->n * sizeof(w->pid[0]));
	memmove(w->first, w->first + 1, w->n * sizeof(w->first[0]));
	return 0;
}

/* Start the grandchild for call i.  Out of processes (a pids limit) with
 * some still running, wait for the oldest and try again. */
static int start_call(struct sweep *w, size_t i)
{
	pid_t pid;
	int rc;

	if (w->n == IN_FLIGHT && (rc = reap_oldest(w)) < 0)
		return rc;
	while ((pid = fork()) < 0) {
		if (errno != EAGAIN || w->n == 0)
			return -errno;
		if ((rc = reap_oldest(w)) < 0)
			return rc;
	}
	if (pid == 0)
		_exit(call_one((void *)&hp_syscalls[i]));
	w->pid[w->n] = pid;
	w->first[w->n++] = i;
	return 0;
}

static int sweep(struct sweep *w)
{
	int rc = 0;

	for (size_t i = 0; i < hp_syscalls_len && rc == 0; i++)
		rc = start_call(w, i);
	while (w->n > 0) {
		int r = reap_oldest(w);

		if (r < 0)
			return r;
	}
	return rc;
}

static bool any_reachable(json_object *calls)
{
	json_object *result;

	for (size_t i = 0; i < json_object_array_length(calls); i++)
		if (json_object_object_get_ex(json_object_array_get_idx(calls,
									i),
					      "result", &result) &&
		    strcmp(json_object_get_string(result), "reachable") == 0)
			return true;
	return false;
}

int probe_seccomp_dangerous_syscalls(json_object *data)
{
	json_object *calls = json_object_new_array();
	json_object *killed = json_object_new_array();
	int mode = hp_seccomp_mode(), rc;
	struct sweep w = { .filter = mode == 2,
			   .calls = calls,
			   .killed = killed };

	rc = sweep(&w);
	if (rc < 0) {
		json_object_put(calls);
		json_object_put(killed);
		return rc;
	}
	hp_add_str(data, "outcome",
		   any_reachable(calls) ? "allowed" : "denied");
	json_object_object_add(data, "seccomp_mode",
			       mode < 0 ? NULL : json_object_new_int(mode));
	json_object_object_add(data, "calls", calls);
	json_object_object_add(data, "killed", killed);
	return 0;
}
