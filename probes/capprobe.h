/* The capability probes (cap.*): each attempts the one action that a single
 * capability grants, in a throw-away child, and reports whether the kernel
 * let it through.  capprobe.c runs them; probes/cap-*.c describe them. */
#ifndef HARDPROBE_CAPPROBE_H
#define HARDPROBE_CAPPROBE_H

#include <sys/types.h>

#include <json-c/json.h>

/* An attempt's return when it could not set up its test (no writable
 * directory for a test file, say): the probe reports skip, naming the
 * action's setup. */
#define HP_CAP_NO_SETUP 254

/*
 * One capability's action.  attempt runs in a forked child and returns 0
 * when the action succeeded, else the errno of the step that failed, or
 * HP_CAP_NO_SETUP.  An errno in granted means the call got past the
 * capability check and was then rejected for its harmless argument: the
 * capability is there.  An errno in refused (EPERM is always one) means
 * the check refused it.  also is a second capability that grants the same
 * action (CAP_SYS_ADMIN for bpf, say), or -1.  absent and skip, when set,
 * run first in the probe: absent returns why this kernel cannot do the
 * action at all (outcome "absent"), skip why the attempt cannot tell
 * (outcome "skip"), NULL when neither applies.  setup names what
 * HP_CAP_NO_SETUP lacked.
 */
struct hp_cap_action {
	int cap;
	int also;
	const char *action;
	int (*attempt)(void);
	int granted[4];
	int refused[3];
	const char *(*absent)(void);
	const char *(*skip)(void);
	const char *setup;
};

/* Run a's attempt and fill data: outcome, capability, action, errno,
 * signal, held, seccomp_mode, layer (docs/stream-format.md). */
int hp_cap_probe(json_object *data, const struct hp_cap_action *a);

/*
 * Make a fresh directory for test files under the first writable
 * directory of /tmp, /dev/shm, /run, /dev; its path goes to buf (at least
 * 64 bytes).  Returns 0 or -errno.
 */
int hp_scratch_dir(char *buf);

/* A file of that mode in dir, created by this process, its path in buf
 * (at least 80 bytes).  Returns 0 or -errno. */
int hp_scratch_file(const char *dir, mode_t mode, char *buf);

int probe_cap_sys_admin(json_object *data);
int probe_cap_net_raw(json_object *data);
int probe_cap_net_admin(json_object *data);
int probe_cap_sys_ptrace(json_object *data);
int probe_cap_sys_module(json_object *data);
int probe_cap_sys_time(json_object *data);
int probe_cap_sys_boot(json_object *data);
int probe_cap_syslog(json_object *data);
int probe_cap_mknod(json_object *data);
int probe_cap_chown(json_object *data);
int probe_cap_dac_override(json_object *data);
int probe_cap_dac_read_search(json_object *data);
int probe_cap_setuid(json_object *data);
int probe_cap_setfcap(json_object *data);
int probe_cap_bpf(json_object *data);
int probe_cap_perfmon(json_object *data);
int probe_cap_sys_rawio(json_object *data);
int probe_cap_audit_write(json_object *data);

#endif
