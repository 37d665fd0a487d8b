/* userns.host-root (fact): does uid or gid 0 of the host (strictly: of
 * the parent user namespace) fall inside this namespace's id maps.  It
 * only reads the maps, so it changes nothing. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "probe.h"

/* What one map file says. */
struct idmap {
	json_object *lines;
	uint64_t range;	       /* sum of the lines' lengths */
	int64_t root_outside;  /* outside id of inside 0, or -1 */
	bool host_root_mapped; /* outside 0 inside some line's range */
};

static void scan_line(const char *line, struct idmap *m)
{
	uint64_t inside, outside, count;

	if (sscanf(line, "%" SCNu64 " %" SCNu64 " %" SCNu64, &inside, &outside,
		   &count) != 3)
		return;
	m->range += count;
	if (inside == 0 && count > 0)
		m->root_outside = (int64_t)outside;
	if (outside == 0 && count > 0)
		m->host_root_mapped = true;
}

static int read_map(const char *path, struct idmap *m)
{
	int rc;

	*m = (struct idmap){ .root_outside = -1 };
	rc = hp_read_lines(path, &m->lines);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < json_object_array_length(m->lines); i++)
		scan_line(json_object_get_string(
				  json_object_array_get_idx(m->lines, i)),
			  m);
	return 0;
}

static void add_map(json_object *data, const char *kind, struct idmap *m)
{
	char key[32];

	snprintf(key, sizeof(key), "%s_map", kind);
	json_object_object_add(data, key, m->lines);
	snprintf(key, sizeof(key), "%s_range", kind);
	json_object_object_add(data, key,
			       json_object_new_int64((int64_t)m->range));
	snprintf(key, sizeof(key), "root_%s_host", kind);
	json_object_object_add(data, key,
			       m->root_outside < 0 ? NULL
						   : json_object_new_int64(
							     m->root_outside));
	snprintf(key, sizeof(key), "host_root_%s_mapped", kind);
	json_object_object_add(data, key,
			       json_object_new_boolean(m->host_root_mapped));
}

int probe_userns_host_root(json_object *data)
{
	struct idmap uid, gid;
	int rc;

	rc = read_map("/proc/self/uid_map", &uid);
	if (rc == 0 && (rc = read_map("/proc/self/gid_map", &gid)) < 0)
		json_object_put(uid.lines);
	if (rc < 0) {
		hp_skip(data, "cannot read the id maps in /proc/self: %s",
			strerrorname_np(-rc));
		return 0;
	}
	hp_add_str(data, "outcome",
		   uid.host_root_mapped || gid.host_root_mapped ? "mapped"
								: "unmapped");
	add_map(data, "uid", &uid);
	add_map(data, "gid", &gid);
	return 0;
}
