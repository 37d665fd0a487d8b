/* user.identity (fact): the ids this process runs with.  It only reads
 * them, so it changes nothing. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "probe.h"

static int add_groups(json_object *data)
{
	int n = getgroups(0, NULL);

	if (n < 0)
		return -errno;
	gid_t groups[n > 0 ? n : 1];

	n = getgroups(n, groups);
	if (n < 0)
		return -errno;
	json_object *arr = json_object_new_array();

	for (int i = 0; i < n; i++)
		json_object_array_add(arr, json_object_new_int64(groups[i]));
	json_object_object_add(data, "groups", arr);
	return 0;
}

static void add_status_lines(json_object *data)
{
	static const char *const keys[] = { "Uid", "Gid", "Groups" };
	json_object *lines = json_object_new_array();
	char line[512];

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (hp_status_line("/proc/self/status", keys[i], line,
				   sizeof(line)) == 0)
			json_object_array_add(lines,
					      json_object_new_string(line));
	json_object_object_add(data, "status_lines", lines);
}

int probe_user_identity(json_object *data)
{
	hp_add_str(data, "outcome", geteuid() == 0 ? "root" : "non-root");
	json_object_object_add(data, "uid", json_object_new_int64(getuid()));
	json_object_object_add(data, "euid", json_object_new_int64(geteuid()));
	json_object_object_add(data, "gid", json_object_new_int64(getgid()));
	json_object_object_add(data, "egid", json_object_new_int64(getegid()));
	add_status_lines(data);
	return add_groups(data);
}
