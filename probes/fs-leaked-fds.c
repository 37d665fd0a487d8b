/* fs.leaked-fds (fact): the file descriptors run-probes inherited (noted
 * at its start, see inherited-fds.c).  A directory or file whose path,
 * looked up from inside the container, is not the same object was opened
 * outside the container's root: through it, a process can reach the
 * host's file system (runc's working-directory escape of 2024).  It only
 * calls stat on the paths. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "fsprobe.h"
#include "probe.h"

/* Whether the descriptor's path names the same object from in here;
 * NULL (not a path) for pipes, sockets and anonymous files. */
static json_object *resolves_inside(json_object *item)
{
	const char *target =
		json_object_get_string(json_object_object_get(item, "target"));
	const char *dev =
		json_object_get_string(json_object_object_get(item, "dev"));
	int64_t ino =
		json_object_get_int64(json_object_object_get(item, "ino"));
	struct stat st;
	char here[32];

	if (!target || target[0] != '/' || !dev)
		return NULL;
	if (stat(target, &st) < 0)
		return json_object_new_boolean(false);
	hp_devno_text(st.st_dev, here, sizeof(here));
	return json_object_new_boolean(strcmp(here, dev) == 0 &&
				       (int64_t)st.st_ino == ino);
}

static bool leaks(json_object *item)
{
	const char *type =
		json_object_get_string(json_object_object_get(item, "type"));
	json_object *inside = json_object_object_get(item, "inside");

	return inside && !json_object_get_boolean(inside) &&
	       (strcmp(type, "dir") == 0 || strcmp(type, "file") == 0);
}

int probe_fs_leaked_fds(json_object *data)
{
	json_object *fds = hp_inherited_fds();
	bool leaked = false;

	for (size_t i = 0; i < json_object_array_length(fds); i++) {
		json_object *item = json_object_array_get_idx(fds, i);

		json_object_object_add(item, "inside", resolves_inside(item));
		leaked |= leaks(item);
	}
	hp_add_str(data, "outcome", leaked ? "leaked" : "none");
	json_object_object_add(data, "fds", fds);
	return 0;
}
