/* ns.cgroup (fact): does the container see the host's cgroup tree?
 * Inside its own cgroup namespace a process sees its cgroup as "/" in
 * /proc/self/cgroup; without one it sees the full host path (for
 * "/hardprobe/<id>").  The initial cgroup namespace's fixed inode number
 * is reported too.  It only reads /proc. */
#define _GNU_SOURCE
#include <string.h>

#include "probe-host.h"
#include "probe.h"

static bool listed(json_object *paths, const char *path)
{
	for (size_t i = 0; i < json_object_array_length(paths); i++)
		if (!strcmp(json_object_get_string(
				    json_object_array_get_idx(paths, i)),
			    path))
			return true;
	return false;
}

/* The path field (after the second ':') of each line, those not "/",
 * each once. */
static json_object *host_paths(json_object *lines)
{
	json_object *paths = json_object_new_array();

	for (size_t i = 0; i < json_object_array_length(lines); i++) {
		const char *l = json_object_get_string(
			json_object_array_get_idx(lines, i));
		const char *p = strchr(l, ':');

		p = p ? strchr(p + 1, ':') : NULL;
		if (p && strcmp(p + 1, "/") != 0 && !listed(paths, p + 1))
			json_object_array_add(paths,
					      json_object_new_string(p + 1));
	}
	return paths;
}

int probe_ns_cgroup(json_object *data)
{
	json_object *lines, *paths;
	bool initial;
	int rc = hp_read_lines("/proc/self/cgroup", &lines);

	if (rc < 0) {
		hp_skip(data, "cannot read /proc/self/cgroup: %s",
			strerrorname_np(-rc));
		return 0;
	}
	paths = host_paths(lines);
	initial = hp_ns_add(data, "cgroup");
	hp_add_str(data, "outcome",
		   initial || json_object_array_length(paths) ? "host"
							      : "isolated");
	json_object_object_add(data, "lines", lines);
	json_object_object_add(data, "paths", paths);
	return 0;
}
