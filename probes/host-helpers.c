/* Helpers of the host-sharing and resource probes: namespace links and
 * first lines of small files. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

/* The inode numbers of the initial namespaces (PROC_*_INIT_INO). */
static const struct {
	const char *name;
	unsigned long inode;
} initial_inodes[] = {
	{ "ipc", 0xEFFFFFFFUL },  { "uts", 0xEFFFFFFEUL },
	{ "pid", 0xEFFFFFFCUL },  { "cgroup", 0xEFFFFFFBUL },
	{ "time", 0xEFFFFFFAUL },
};

static json_object *initial_json(const char *name, const char *link)
{
	char want[64];

	for (size_t i = 0; i < sizeof(initial_inodes) / sizeof(*initial_inodes);
	     i++) {
		if (strcmp(initial_inodes[i].name, name) != 0)
			continue;
		snprintf(want, sizeof(want), "%s:[%lu]", name,
			 initial_inodes[i].inode);
		return json_object_new_boolean(link && !strcmp(link, want));
	}
	return NULL;
}

bool hp_ns_add(json_object *data, const char *name)
{
	char path[64], link[128];
	json_object *initial;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", name);
	n = readlink(path, link, sizeof(link) - 1);
	if (n >= 0)
		link[n] = '\0';
	hp_add_str(data, "ns_link", n >= 0 ? link : NULL);
	initial = initial_json(name, n >= 0 ? link : NULL);
	json_object_object_add(data, "initial_ns", initial);
	return initial && json_object_get_boolean(initial);
}

int hp_read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "re");
	int rc = 0;

	if (!f)
		return -errno;
	errno = 0;
	if (!fgets(buf, (int)len, f))
		rc = ferror(f) ? -(errno ? errno : EIO) : -ENODATA;
	else
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
	return rc;
}

void hp_add_int_or_null(json_object *obj, const char *key, bool has,
			long long value)
{
	json_object_object_add(obj, key,
			       has ? json_object_new_int64(value) : NULL);
}
