/* limits.pids (fact): the cgroup's limit on the number of tasks
 * (pids.max), so that a fork bomb stops at the container.  It only reads
 * the cgroup file; nothing is forked to test it. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

int probe_limits_pids(json_object *data)
{
	char path[4096], val[64];

	if (hp_cgroup_read("pids", "pids.max", "pids.max", path, sizeof(path),
			   val, sizeof(val)) < 0) {
		hp_skip(data, "no pids.max in any cgroup mount");
		return 0;
	}
	hp_add_limit(data, path, val, !strcmp(val, "max"),
		     strtoll(val, NULL, 10));
	return 0;
}
