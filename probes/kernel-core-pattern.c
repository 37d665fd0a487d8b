/* kernel.core-pattern (attempt): open /proc/sys/kernel/core_pattern for
 * writing and close it at once.  A container that can write it makes the
 * host kernel run a program of its choice on the next crash; the probe
 * never writes, so an open that succeeds changes nothing. */
#include "fsprobe.h"
#include "probe.h"

int probe_kernel_core_pattern(json_object *data)
{
	json_object *paths = json_object_new_array();
	bool allowed = false;

	json_object_array_add(paths,
			      hp_write_attempt("/proc/sys/kernel/core_pattern",
					       &allowed));
	hp_add_str(data, "outcome", allowed ? "allowed" : "denied");
	json_object_object_add(data, "paths", paths);
	return 0;
}
