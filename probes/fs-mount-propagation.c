/* fs.mount-propagation (fact): the mount table, verbatim, for the harness
 * to find shared mounts (optional field "shared:N"), through which mounts
 * made in the container would reach the host.  It only reads. */
#include "fsprobe.h"
#include "probe.h"

int probe_fs_mount_propagation(json_object *data)
{
	return hp_mountinfo_fact(data);
}
