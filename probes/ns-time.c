/* ns.time (fact): is the container in a time namespace of its own?  The
 * namespace link (the initial one has a fixed inode number) and the clock
 * offsets in /proc/self/timens_offsets.  It only reads /proc. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

/* Whether any "clock seconds nanoseconds" line has a non-zero offset. */
static bool any_offset(json_object *lines)
{
	long long sec, nsec;

	for (size_t i = 0; i < json_object_array_length(lines); i++)
		if (sscanf(json_object_get_string(
				   json_object_array_get_idx(lines, i)),
			   "%*s %lld %lld", &sec, &nsec) == 2 &&
		    (sec || nsec))
			return true;
	return false;
}

int probe_ns_time(json_object *data)
{
	json_object *lines = NULL;
	int rc = hp_read_lines("/proc/self/timens_offsets", &lines);
	bool initial = hp_ns_add(data, "time");
	json_object *link = json_object_object_get(data, "ns_link");

	if (!link) {
		hp_skip(data, "no time namespace link in /proc/self/ns");
		json_object_put(lines);
		return 0;
	}
	hp_add_str(data, "outcome", initial ? "host" : "isolated");
	json_object_object_add(data, "offsets", lines);
	json_object_object_add(data, "offsets_nonzero",
			       rc < 0 ? NULL
				      : json_object_new_boolean(
						any_offset(lines)));
	return 0;
}
