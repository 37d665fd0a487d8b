/* seccomp.dangerous-syscalls (attempt): call each risky system call of
 * syscalls.c with arguments the kernel rejects, each in its own
 * grandchild, so that a SIGSYS kills only that grandchild.  The arguments
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

/* Try s and record it in calls; a call that a SIGSYS killed goes to
 * killed as well, so that a filter that kills shows apart from one that
 * returns an errno. */
static int try_call(const struct hp_syscall *s, bool filter, json_object *calls,
		    json_object *killed)
{
	json_object *call;
	int status;

	status = hp_in_child(call_one, (void *)s);
	if (status < 0)
		return status;
	call = json_object_new_object();
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
	return 0;
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
	int mode = hp_seccomp_mode(), rc = 0;

	for (size_t i = 0; i < hp_syscalls_len && rc == 0; i++)
		rc = try_call(&hp_syscalls[i], mode == 2, calls, killed);
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
