/* cap.sys-time (attempt): adjtimex asking to set the clock tick to 1
 * microsecond.  Any change needs CAP_SYS_TIME, which the kernel checks
 * before it rejects the tick as out of range (EINVAL): the clock is never
 * adjusted.  (settimeofday and clock_settime check an invalid time before
 * the capability, so they cannot tell.) */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/timex.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	struct timex tx;

	memset(&tx, 0, sizeof(tx));
	tx.modes = ADJ_TICK;
	tx.tick = 1;
	return adjtimex(&tx) < 0 ? errno : 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_SYS_TIME,
	.also = -1,
	.action = "set an out-of-range clock tick (adjtimex)",
	.attempt = attempt,
	.granted = { EINVAL },
};

int probe_cap_sys_time(json_object *data)
{
	return hp_cap_probe(data, &action);
}
