/* fs.host-mounts (fact): the mount table, verbatim, for the harness to
 * find bind mounts of sensitive host paths (each line's root field says
 * which part of its file system is mounted).  It only reads. */
#include "fsprobe.h"
#include "probe.h"

int probe_fs_host_mounts(json_object *data)
{
	return hp_mountinfo_fact(data);
}
