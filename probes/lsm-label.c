/* Reading this process's label of one security module from
 * /proc/self/attr, for lsm.apparmor and lsm.selinux. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

int hp_lsm_label(const char *module, char *buf, size_t len, const char **source)
{
	static char path[64];
	int rc;

	snprintf(path, sizeof(path), "/proc/self/attr/%s/current", module);
	*source = path;
	rc = hp_read_line(path, buf, len);
	if (rc != -ENOENT)
		return rc;
	*source = "/proc/self/attr/current";
	return hp_read_line(*source, buf, len);
}
