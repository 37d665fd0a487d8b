/* cap.perfmon (attempt): perf_event_open of a software counter that asks
 * for namespace events (which need CAP_PERFMON or CAP_SYS_ADMIN) and has
 * an invalid sample period (bit 63 set).  The kernel checks the capability
 * first and then rejects the period with EINVAL: no event is made. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static const char *no_perf(void)
{
	if (access("/proc/sys/kernel/perf_event_paranoid", F_OK) == 0)
		return NULL;
	return "the kernel has no performance events "
	       "(no kernel.perf_event_paranoid)";
}

static int attempt(void)
{
	struct perf_event_attr attr;
	long fd;

	memset(&attr, 0, sizeof(attr));
	attr.size = sizeof(attr);
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_CPU_CLOCK;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	attr.namespaces = 1;
	attr.sample_period = UINT64_C(1) << 63;
	fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
	if (fd < 0)
		return errno;
	close((int)fd);
	return 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_PERFMON,
	.also = CAP_SYS_ADMIN,
	.action = "open a namespace-event counter with a bad sample period",
	.attempt = attempt,
	.granted = { EINVAL },
	.refused = { EACCES },
	.absent = no_perf,
};

int probe_cap_perfmon(json_object *data)
{
	return hp_cap_probe(data, &action);
}
