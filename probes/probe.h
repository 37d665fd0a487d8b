/* The probe catalog and the helpers that probes share. */
#ifndef HARDPROBE_PROBE_H
#define HARDPROBE_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <json-c/json.h>

/*
 * A probe fills data (the record's "data" object, "outcome" included).
 * It runs in a forked child of run-probes, so whatever it changes in its
 * own process dies with it.  Returns 0, or -errno when it could not
 * observe anything at all (the record then becomes an error).
 */
typedef int (*hp_probe_fn)(json_object *data);

struct hp_probe {
	const char *id;
	hp_probe_fn run;
	const char *description;
	/* Makes files, device nodes or mounts that other probes could see
	 * while they exist: runs while no other probe does. */
	bool alone;
};

/* Every probe, in catalog (stream) order. */
extern const struct hp_probe hp_catalog[];
extern const size_t hp_catalog_len;

int probe_userns_host_root(json_object *data);
int probe_userns_map_root(json_object *data);
int probe_fs_etc_passwd_write(json_object *data);
int probe_fs_rootfs_write(json_object *data);
int probe_mounts_writable(json_object *data);
int probe_caps_sets(json_object *data);
int probe_caps_raise(json_object *data);
int probe_nnp_flag(json_object *data);
int probe_nnp_setuid_escalation(json_object *data);
int probe_seccomp_mode(json_object *data);
int probe_seccomp_dangerous_syscalls(json_object *data);
int probe_seccomp_ia32_entry(json_object *data);
int probe_user_identity(json_object *data);
int probe_proc_masked_paths(json_object *data);
int probe_proc_readonly_paths(json_object *data);
int probe_kernel_core_pattern(json_object *data);
int probe_kernel_sysrq(json_object *data);
int probe_cgroup_writable(json_object *data);
int probe_cgroup_release_agent(json_object *data);
int probe_devices_nodes(json_object *data);
int probe_devices_mknod_open(json_object *data);
int probe_fs_suid_files(json_object *data);
int probe_fs_host_mounts(json_object *data);
int probe_fs_mount_propagation(json_object *data);
int probe_fs_tmp_noexec(json_object *data);
int probe_fs_leaked_fds(json_object *data);

/* errno value as its name ("EROFS"); JSON null for 0. */
json_object *hp_errno_json(int err);

/* Signal number as its name ("SIGSYS"), or "SIG<n>" when unnamed. */
const char *hp_signal_name(int sig, char *buf, size_t len);

/* Set data's "outcome" to "skip" and its "reason" to the formatted text. */
void hp_skip(json_object *data, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Add key: string value to obj (value may be NULL -> JSON null). */
void hp_add_str(json_object *obj, const char *key, const char *value);

/*
 * Read path as lines without their newlines into a new JSON array.
 * Returns 0, or -errno (nothing allocated).
 */
int hp_read_lines(const char *path, json_object **lines);

/*
 * Find the first line of /proc/<pid|self>/status that starts with
 * "<key>:" and copy it (no newline) into buf.  Returns 0, -ENOENT when
 * the key is absent, or -errno from reading the file.
 */
int hp_status_line(const char *status_path, const char *key, char *buf,
		   size_t len);

/* The text after "<key>:\t" in a status line found by hp_status_line. */
const char *hp_status_value(const char *line);

/*
 * Run fn(arg) in a forked child that _exit()s with its return value and
 * wait for it.  Returns the wait status, or -errno when fork failed.
 */
int hp_in_child(int (*fn)(void *arg), void *arg);

/* The highest capability number the kernel knows
 * (/proc/sys/kernel/cap_last_cap, else libcap's cap_max_bits() - 1). */
int hp_cap_last(void);

/* A capability's libcap name ("cap_chown") as a JSON string. */
json_object *hp_cap_name_json(int cap);

/* The seccomp mode from /proc/self/status, or -errno. */
int hp_seccomp_mode(void);

#endif
