/* ns.host-ipc (fact): does the container share another IPC namespace?
 * A fresh IPC namespace holds no System V objects, and the probes make
 * none, so any object listed in /proc/sysvipc/{shm,sem,msg} was made
 * outside the container.  The initial (host) IPC namespace is also named
 * by its fixed inode number, since a host may hold no objects at all.
 * It only reads /proc. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

#define MAX_LISTED 16

static void add_object(json_object *list, const char *kind, const char *key,
		       long id)
{
	json_object *o = json_object_new_object();

	hp_add_str(o, "kind", kind);
	hp_add_str(o, "key", key);
	json_object_object_add(o, "id", json_object_new_int64(id));
	json_object_array_add(list, o);
}

/* Objects of one kind: every line after the header is one object. */
static int scan_kind(const char *kind, json_object *list, int *n)
{
	char path[64], line[512], key[32];
	long id;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/sysvipc/%s", kind);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fgets(line, sizeof(line), f))
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "%31s %ld", key, &id) == 2 &&
			    (*n)++ < MAX_LISTED)
				add_object(list, kind, key, id);
	fclose(f);
	return 0;
}

int probe_ns_host_ipc(json_object *data)
{
	static const char *const kinds[] = { "shm", "sem", "msg" };
	json_object *list = json_object_new_array();
	int n = 0, read = 0;
	bool initial;

	for (size_t i = 0; i < 3; i++)
		read += scan_kind(kinds[i], list, &n) == 0;
	initial = hp_ns_add(data, "ipc");
	if (!read && !initial) {
		json_object_put(list);
		hp_skip(data, "/proc/sysvipc cannot be read");
		return 0;
	}
	hp_add_str(data, "outcome", n || initial ? "shared" : "isolated");
	json_object_object_add(data, "objects", list);
	json_object_object_add(data, "object_count", json_object_new_int(n));
	return 0;
}
