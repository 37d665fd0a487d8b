/* limits.cpu (fact): the cgroup's CPU bandwidth limit (cpu.cfs_quota_us
 * and cpu.cfs_period_us in cgroup v1, cpu.max in v2), as a limit in
 * thousandths of a CPU.  It only reads the cgroup files. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

/* "QUOTA PERIOD" in v2, or the two v1 files; quota < 0 means none. */
static int read_quota(char *path, size_t plen, long long *quota,
		      long long *period)
{
	char val[64], ppath[4096];

	if (hp_cgroup_read("cpu", "cpu.cfs_quota_us", "cpu.max", path, plen,
			   val, sizeof(val)) < 0)
		return -1;
	if (!strncmp(val, "max", 3)) {
		*quota = -1;
		return sscanf(val, "max %lld", period) == 1 ? 0 : -1;
	}
	if (sscanf(val, "%lld %lld", quota, period) == 2)
		return 0;
	if (sscanf(val, "%lld", quota) != 1 ||
	    hp_cgroup_read("cpu", "cpu.cfs_period_us", "cpu.max", ppath,
			   sizeof(ppath), val, sizeof(val)) < 0)
		return -1;
	return sscanf(val, "%lld", period) == 1 ? 0 : -1;
}

int probe_limits_cpu(json_object *data)
{
	long long quota, period;
	char path[4096], raw[64];

	if (read_quota(path, sizeof(path), &quota, &period) < 0 ||
	    period <= 0) {
		hp_skip(data, "no readable CPU quota in any cgroup mount");
		return 0;
	}
	snprintf(raw, sizeof(raw), "%lld %lld", quota, period);
	hp_add_limit(data, path, raw, quota < 0, quota * 1000 / period);
	hp_add_int_or_null(data, "quota_us", quota >= 0, quota);
	json_object_object_add(data, "period_us",
			       json_object_new_int64(period));
	return 0;
}
