/* fs.tmp-noexec (fact): whether /tmp and /dev/shm are mounted noexec,
 * from statvfs.  It only looks. */
#define _GNU_SOURCE
#include <sys/statvfs.h>

#include "probe.h"

static const char *const dirs[] = { "/tmp", "/dev/shm" };

int probe_fs_tmp_noexec(json_object *data)
{
	json_object *paths = json_object_new_array();
	bool exec = false;

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		json_object *item = json_object_new_object();
		struct statvfs sv;
		const char *result = "absent";

		if (statvfs(dirs[i], &sv) == 0)
			result = sv.f_flag & ST_NOEXEC ? "noexec" : "exec";
		exec |= result[0] == 'e';
		hp_add_str(item, "path", dirs[i]);
		hp_add_str(item, "result", result);
		json_object_array_add(paths, item);
	}
	hp_add_str(data, "outcome", exec ? "exec" : "noexec");
	json_object_object_add(data, "paths", paths);
	return 0;
}
