/* limits.memory (fact): the cgroup's memory limit (memory.limit_in_bytes
 * in cgroup v1, memory.max in v2).  It only reads the cgroup file. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

/* cgroup v1 shows "no limit" as the page counter's maximum, a number
 * near 2^63 that depends on the page size; anything from 2^62 on is
 * taken as no limit. */
#define V1_UNLIMITED (1LL << 62)

int probe_limits_memory(json_object *data)
{
	char path[4096], val[64];
	long long n;

	if (hp_cgroup_read("memory", "memory.limit_in_bytes", "memory.max",
			   path, sizeof(path), val, sizeof(val)) < 0) {
		hp_skip(data, "no memory limit file in any cgroup mount");
		return 0;
	}
	n = strtoll(val, NULL, 10);
	hp_add_limit(data, path, val, !strcmp(val, "max") || n >= V1_UNLIMITED,
		     n);
	return 0;
}
