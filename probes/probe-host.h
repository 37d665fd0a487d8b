/* Probes of host sharing, escape surfaces, resources and security modules,
 * and the helpers only they share. */
#ifndef HARDPROBE_PROBE_HOST_H
#define HARDPROBE_PROBE_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include <json-c/json.h>

int probe_ns_host_pid(json_object *data);
int probe_ns_host_net(json_object *data);
int probe_ns_host_ipc(json_object *data);
int probe_ns_host_uts(json_object *data);
int probe_ns_cgroup(json_object *data);
int probe_ns_time(json_object *data);
int probe_sockets_runtime(json_object *data);
int probe_k8s_service_account_token(json_object *data);
int probe_kernel_surface(json_object *data);
int probe_limits_pids(json_object *data);
int probe_limits_memory(json_object *data);
int probe_limits_cpu(json_object *data);
int probe_limits_rlimits(json_object *data);
int probe_limits_oom_score_adj(json_object *data);
int probe_limits_hugetlb(json_object *data);
int probe_lsm_apparmor(json_object *data);
int probe_lsm_selinux(json_object *data);
int probe_lsm_landlock(json_object *data);
int probe_nnp_exec_path(json_object *data);
int probe_exec_first_process(json_object *data);
int probe_net_egress(json_object *data);

/* The most targets net.egress takes. */
#define HP_EGRESS_MAX 16

/* A target of net.egress: the text as given, and its address. */
struct hp_egress_target {
	const char *text;
	struct sockaddr_storage addr;
	socklen_t len;
};

/*
 * Add a target for net.egress: a numeric "a.b.c.d:PORT" or "[v6]:PORT"
 * (text is kept, not copied).  Returns 0, or -1 after saying on stderr
 * why the text is not a target, is given twice or is one too many.
 */
int hp_egress_add(const char *text);

/* The targets added so far, and their number in *n. */
const struct hp_egress_target *hp_egress_targets(size_t *n);

/*
 * Add "ns_link" (readlink of /proc/self/ns/<name>, or null) and
 * "initial_ns" to data.  initial_ns is true when the link's inode is the
 * number the kernel gives the initial namespace of that type (fixed in
 * include/linux/proc_ns.h for ipc, uts, pid, cgroup and time); false
 * otherwise, and null for a type without such a number.  Returns whether
 * the namespace is the initial one.
 */
bool hp_ns_add(json_object *data, const char *name);

/* The first line of path without its newline.  Returns 0 or -errno. */
int hp_read_line(const char *path, char *buf, size_t len);

/* Add key: an int, or null when has is false. */
void hp_add_int_or_null(json_object *obj, const char *key, bool has,
			long long value);

/*
 * Find a cgroup interface file of this process and read its first line
 * into val: the controller's own mount (/sys/fs/cgroup/<ctl>/<v1file> in
 * cgroup v1, /sys/fs/cgroup/<v2file> in v2), else the path that
 * /proc/self/cgroup names under those mounts.  The file read goes to
 * path.  Returns 0, or -ENOENT when no candidate exists.
 */
int hp_cgroup_read(const char *ctl, const char *v1file, const char *v2file,
		   char *path, size_t plen, char *val, size_t vlen);

/*
 * Report a cgroup limit in data: "outcome" limited or unlimited (skip when
 * no file was found), "source" (the file), "raw" (its first line) and
 * "limit" (the number, or null when unlimited).  unlimited is true when
 * the file says there is no limit.
 */
void hp_add_limit(json_object *data, const char *source, const char *raw,
		  bool unlimited, long long limit);

/*
 * This process's label under a security module: /proc/self/attr/<module>/
 * current, else the shared /proc/self/attr/current (which belongs to
 * whichever module comes first).  *source gets the file read.  Returns 0,
 * or -errno (EINVAL when no module answers).
 */
int hp_lsm_label(const char *module, char *buf, size_t len,
		 const char **source);

#endif
