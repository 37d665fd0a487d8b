/* lsm.landlock (fact): is Landlock available, and with which ABI?  It
 * asks landlock_create_ruleset for the ABI version, which creates nothing.
 * Whether a Landlock domain already restricts this process cannot be read
 * from the kernel, and the record says so. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/landlock.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

int probe_lsm_landlock(json_object *data)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
			   LANDLOCK_CREATE_RULESET_VERSION);
	int err = abi < 0 ? errno : 0;

	hp_add_str(data, "outcome", abi > 0 ? "available" : "unavailable");
	hp_add_int_or_null(data, "abi", abi > 0, abi);
	json_object_object_add(data, "errno", hp_errno_json(err));
	hp_add_str(data, "enforced", "unknown");
	hp_add_str(data, "note",
		   "the kernel does not show whether a Landlock domain "
		   "restricts this process");
	return 0;
}
