/* cap.syslog (attempt): ask the kernel log how many bytes are unread
 * (SYSLOG_ACTION_SIZE_UNREAD).  That action needs CAP_SYSLOG whatever
 * kernel.dmesg_restrict says, unlike SIZE_BUFFER and READ_ALL (Linux 6.18
 * no longer accepts CAP_SYS_ADMIN for it).  It reads a number and clears
 * nothing. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/klog.h>

#include <sys/capability.h>

#include "capprobe.h"

/* SYSLOG_ACTION_SIZE_UNREAD in the kernel's include/linux/syslog.h. */
#define SIZE_UNREAD 9

static int attempt(void)
{
	return klogctl(SIZE_UNREAD, NULL, 0) < 0 ? errno : 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_SYSLOG,
	.also = -1,
	.action = "read the kernel log's unread byte count",
	.attempt = attempt,
};

int probe_cap_syslog(json_object *data)
{
	return hp_cap_probe(data, &action);
}
