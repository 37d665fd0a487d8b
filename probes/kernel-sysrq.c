/* kernel.sysrq (attempt): open /proc/sysrq-trigger and
 * /proc/sys/kernel/sysrq for writing and close them at once.  A write
 * would reboot or crash the host; the probe never writes, so an open
 * that succeeds changes nothing. */
#include "fsprobe.h"
#include "probe.h"

static const char *const files[] = { "/proc/sysrq-trigger",
				     "/proc/sys/kernel/sysrq" };

int probe_kernel_sysrq(json_object *data)
{
	json_object *paths = json_object_new_array();
	bool allowed = false;

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		json_object_array_add(paths,
				      hp_write_attempt(files[i], &allowed));
	hp_add_str(data, "outcome", allowed ? "allowed" : "denied");
	json_object_object_add(data, "paths", paths);
	return 0;
}
