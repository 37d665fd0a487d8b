/* kernel.surface (fact): kernel settings in /proc/sys that widen what an
 * unprivileged process can reach: user namespaces, BPF, perf events,
 * kernel pointers and logs, userfaultfd and io_uring.  It only reads. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"
#include "surface-sysctls.h"

static const char *const sysctls[] = {
	HP_SURFACE_SYSCTLS,
};

/* "kernel.kptr_restrict" as "/proc/sys/kernel/kptr_restrict". */
static void sysctl_path(const char *name, char *out, size_t len)
{
	snprintf(out, len, "/proc/sys/%s", name);
	for (char *p = out + strlen("/proc/sys/"); *p; p++)
		if (*p == '.')
			*p = '/';
}

int probe_kernel_surface(json_object *data)
{
	json_object *values = json_object_new_object();
	json_object *errors = json_object_new_object();
	char path[128], line[64], *end;

	for (size_t i = 0; i < sizeof(sysctls) / sizeof(*sysctls); i++) {
		long long v;
		int rc;

		sysctl_path(sysctls[i], path, sizeof(path));
		rc = hp_read_line(path, line, sizeof(line));
		v = rc == 0 ? strtoll(line, &end, 10) : 0;
		if (rc == 0 && (end == line || *end))
			rc = -EINVAL;
		hp_add_int_or_null(values, sysctls[i], rc == 0, v);
		if (rc < 0)
			json_object_object_add(errors, sysctls[i],
					       hp_errno_json(-rc));
	}
	hp_add_str(data, "outcome", "observed");
	json_object_object_add(data, "sysctls", values);
	json_object_object_add(data, "errors", errors);
	return 0;
}
