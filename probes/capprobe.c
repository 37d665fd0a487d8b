/* Running one capability probe: its attempt in a throw-away child, then
 * what the child's errno or signal says.  Each attempt is harmless (see
 * probes/cap-*.c), and whatever the child changes in itself (its ids, its
 * namespaces, its I/O permissions) dies with it. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <sys/capability.h>

#include "capprobe.h"
#include "probe.h"

/* Facts about the probe process that say which layer refused. */
struct context {
	bool held;   /* the capability (or its alternative) is effective */
	bool filter; /* a seccomp filter is in place */
	int mode;    /* seccomp mode, or -errno */
};

static int run_attempt(void *arg)
{
	const struct hp_cap_action *a = arg;

	return a->attempt();
}

static bool in_list(const int *list, size_t n, int err)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] && list[i] == err)
			return true;
	return false;
}

static bool effective(int cap)
{
	cap_flag_value_t v = CAP_CLEAR;
	cap_t caps;

	if (cap < 0)
		return false;
	caps = cap_get_proc();
	if (!caps)
		return false;
	if (cap_get_flag(caps, (cap_value_t)cap, CAP_EFFECTIVE, &v) < 0)
		v = CAP_CLEAR;
	cap_free(caps);
	return v == CAP_SET;
}

/* The initial user namespace maps every id to itself. */
static bool initial_userns(void)
{
	unsigned long inside, outside, count;
	FILE *f = fopen("/proc/self/uid_map", "re");
	bool initial = false;

	if (!f)
		return false;
	initial = fscanf(f, "%lu %lu %lu", &inside, &outside, &count) == 3 &&
		  inside == 0 && outside == 0 && count == 4294967295UL;
	fclose(f);
	return initial;
}

/* Which layer refused: a capability that is held was refused by
 * something else (capable() wants the initial user namespace, or a
 * sysctl, lockdown or the device cgroup said no). */
static const char *refusing_layer(const struct context *c)
{
	if (!c->held)
		return c->filter ? "seccomp or capability" : "capability";
	if (!initial_userns())
		return c->filter ? "seccomp or user namespace"
				 : "user namespace";
	return c->filter ? "seccomp or kernel policy" : "kernel policy";
}

static void set_outcome(json_object *data, const char *outcome,
			const char *layer)
{
	hp_add_str(data, "outcome", outcome);
	hp_add_str(data, "layer", layer);
}

static void set_absent(json_object *data, const char *reason)
{
	set_outcome(data, "absent", NULL);
	hp_add_str(data, "reason", reason);
}

/* Judge the errno the attempt exited with. */
static void judge_errno(const struct hp_cap_action *a, int err,
			const struct context *c, json_object *data)
{
	size_t ngranted = sizeof(a->granted) / sizeof(a->granted[0]);
	size_t nrefused = sizeof(a->refused) / sizeof(a->refused[0]);

	json_object_object_add(data, "errno",
			       err == HP_CAP_NO_SETUP ? NULL
						      : hp_errno_json(err));
	if (err == 0 || in_list(a->granted, ngranted, err))
		set_outcome(data, "allowed", NULL);
	else if (err == EPERM || in_list(a->refused, nrefused, err))
		set_outcome(data, "denied", refusing_layer(c));
	else if (err == ENOSYS && c->filter)
		set_outcome(data, "denied",
			    "seccomp or absent from the kernel");
	else if (err == ENOSYS)
		set_absent(data, "the kernel has no such call (ENOSYS)");
	else if (err == HP_CAP_NO_SETUP)
		hp_skip(data, "cannot set up the attempt: it needs %s",
			a->setup ? a->setup : "nothing that failed");
	else
		hp_skip(data, "unexpected errno %s: cannot tell",
			strerrorname_np(err) ? strerrorname_np(err) : "?");
}

static void judge_status(const struct hp_cap_action *a, int status,
			 const struct context *c, json_object *data)
{
	char name[32];
	int sig;

	if (WIFEXITED(status)) {
		json_object_object_add(data, "signal", NULL);
		judge_errno(a, WEXITSTATUS(status), c, data);
		return;
	}
	sig = WTERMSIG(status);
	json_object_object_add(data, "errno", NULL);
	hp_add_str(data, "signal", hp_signal_name(sig, name, sizeof(name)));
	if (sig == SIGSYS)
		set_outcome(data, "denied", "seccomp");
	else
		hp_skip(data, "the attempt died of %s: cannot tell", name);
}

static void describe(json_object *data, const struct hp_cap_action *a,
		     const struct context *c)
{
	json_object_object_add(data, "capability", hp_cap_name_json(a->cap));
	json_object_object_add(data, "also_granted_by",
			       a->also < 0 ? NULL : hp_cap_name_json(a->also));
	hp_add_str(data, "action", a->action);
	json_object_object_add(data, "held", json_object_new_boolean(c->held));
	json_object_object_add(data, "seccomp_mode",
			       c->mode < 0 ? NULL
					   : json_object_new_int(c->mode));
}

int hp_cap_probe(json_object *data, const struct hp_cap_action *a)
{
	struct context c = { .held = effective(a->cap) || effective(a->also),
			     .mode = hp_seccomp_mode() };
	const char *absent = a->absent ? a->absent() : NULL;
	const char *why = a->skip ? a->skip() : NULL;
	int status;

	c.filter = c.mode == 2;
	describe(data, a, &c);
	if (absent || why) {
		json_object_object_add(data, "errno", NULL);
		json_object_object_add(data, "signal", NULL);
	}
	if (absent) {
		set_absent(data, absent);
		return 0;
	}
	if (why) {
		hp_skip(data, "%s", why);
		return 0;
	}
	status = hp_in_child(run_attempt, (void *)a);
	if (status < 0)
		return status;
	judge_status(a, status, &c, data);
	return 0;
}
