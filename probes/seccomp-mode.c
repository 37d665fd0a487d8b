/* seccomp.mode (fact): the seccomp lines of /proc/self/status.  It only
 * reads them, so it changes nothing. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "probe.h"

static const char *mode_name(int mode)
{
	switch (mode) {
	case 0:
		return "disabled";
	case 1:
		return "strict";
	default:
		return "filter";
	}
}

int probe_seccomp_mode(json_object *data)
{
	char mode[128], filters[128];
	json_object *lines, *count = NULL;
	int rc;

	rc = hp_status_line("/proc/self/status", "Seccomp", mode, sizeof(mode));
	if (rc < 0) {
		hp_skip(data, "no Seccomp line in /proc/self/status: %s",
			strerrorname_np(-rc));
		return 0;
	}
	lines = json_object_new_array();
	json_object_array_add(lines, json_object_new_string(mode));
	int m = atoi(hp_status_value(mode));

	if (hp_status_line("/proc/self/status", "Seccomp_filters", filters,
			   sizeof(filters)) == 0) {
		json_object_array_add(lines, json_object_new_string(filters));
		count = json_object_new_int(atoi(hp_status_value(filters)));
	}
	hp_add_str(data, "outcome", mode_name(m));
	json_object_object_add(data, "mode", json_object_new_int(m));
	json_object_object_add(data, "filters", count);
	json_object_object_add(data, "lines", lines);
	return 0;
}
