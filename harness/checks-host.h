/* Checks of host sharing, escape surfaces, resources and security
 * modules: their parse and judge functions, and the helpers they share.
 * Only harness/checks*.c include this. */
#ifndef HARDPROBE_CHECKS_HOST_H
#define HARDPROBE_CHECKS_HOST_H

#include "checks.h"

HP_CHECK_FNS(ns_host_pid);
HP_CHECK_FNS(ns_host_net);
HP_CHECK_FNS(ns_host_ipc);
HP_CHECK_FNS(ns_host_uts);
HP_CHECK_FNS(ns_cgroup);
HP_CHECK_FNS(ns_time);
HP_CHECK_FNS(sockets_runtime);
HP_CHECK_FNS(k8s_service_account_token);
HP_CHECK_FNS(kernel_surface);
HP_CHECK_FNS(limits_pids);
HP_CHECK_FNS(limits_memory);
HP_CHECK_FNS(limits_cpu);
HP_CHECK_FNS(limits_rlimits);
HP_CHECK_FNS(limits_oom_score_adj);
HP_CHECK_FNS(limits_hugetlb);
HP_CHECK_FNS(lsm_apparmor);
HP_CHECK_FNS(lsm_selinux);
HP_CHECK_FNS(lsm_landlock);
HP_CHECK_FNS(nnp_exec_path);
HP_CHECK_FNS(exec_first_process);
void hp_judge_stream_exec_first_process(const struct hp_expect *e,
					const struct hp_stream *s,
					struct hp_result *res);
HP_CHECK_FNS(net_egress);

/* The most targets a net.egress line may name (run-probes takes as
 * many). */
#define HP_NET_EGRESS_MAX 16

/* The strings of a JSON array of strings joined by ", " into buf ("-"
 * when empty); -1 with res set to HP_ERROR when an item is not a string. */
int hp_join_strings(json_object *a, const char *key, char *buf, size_t len,
		    struct hp_result *res);

/* A boolean field that may be null or missing: its value, or dflt. */
int hp_bool_or(json_object *o, const char *key, int dflt);

/* The common start of a check with a one-word expectation: set the
 * expected text, take the record and its outcome's index in words.
 * Returns the data, or NULL when res is final. */
json_object *hp_begin_word(const struct hp_expect *e,
			   const struct hp_record *rec,
			   const char *const *words, int *outcome,
			   struct hp_result *res);

/* Error: the record's outcome word disagrees with the evidence what. */
void hp_disagree(struct hp_result *res, const char *word, const char *what);

#endif
