/* Finding and reading this process's cgroup interface files, in cgroup
 * v1, v2, and the hybrid layout (v2 at /sys/fs/cgroup/unified), for the
 * resource-limit probes. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

static int try_file(const char *candidate, char *path, size_t plen, char *val,
		    size_t vlen)
{
	if (hp_read_line(candidate, val, vlen) < 0)
		return -ENOENT;
	snprintf(path, plen, "%s", candidate);
	return 0;
}

/* Whether ctl is one of the comma-separated controllers in list. */
static bool has_controller(const char *list, size_t len, const char *ctl)
{
	size_t n = strlen(ctl);

	for (const char *p = list; p < list + len;) {
		size_t w = strcspn(p, ",:");

		if (w == n && !strncmp(p, ctl, n))
			return true;
		p += w + 1;
	}
	return false;
}

/* The candidate under the mount for one /proc/self/cgroup line. */
static int from_line(const char *line, const char *ctl, const char *v1file,
		     const char *v2file, char *out, size_t len)
{
	const char *ctls = strchr(line, ':'), *cpath;

	cpath = ctls ? strchr(ctls + 1, ':') : NULL;
	if (!cpath)
		return -1;
	if (cpath == ctls + 1) {
		snprintf(out, len, "/sys/fs/cgroup%s%s/%s",
			 access("/sys/fs/cgroup/unified", F_OK) ? ""
								: "/unified",
			 cpath + 1, v2file);
		return 0;
	}
	if (!has_controller(ctls + 1, (size_t)(cpath - ctls - 1), ctl))
		return -1;
	snprintf(out, len, "/sys/fs/cgroup/%s%s/%s", ctl, cpath + 1, v1file);
	return 0;
}

static int from_proc(const char *ctl, const char *v1file, const char *v2file,
		     char *path, size_t plen, char *val, size_t vlen)
{
	json_object *lines;
	char candidate[4096];
	int rc = -ENOENT;

	if (hp_read_lines("/proc/self/cgroup", &lines) < 0)
		return -ENOENT;
	for (size_t i = 0; rc && i < json_object_array_length(lines); i++)
		if (from_line(json_object_get_string(
				      json_object_array_get_idx(lines, i)),
			      ctl, v1file, v2file, candidate,
			      sizeof(candidate)) == 0)
			rc = try_file(candidate, path, plen, val, vlen);
	json_object_put(lines);
	return rc;
}

int hp_cgroup_read(const char *ctl, const char *v1file, const char *v2file,
		   char *path, size_t plen, char *val, size_t vlen)
{
	char candidate[256];

	snprintf(candidate, sizeof(candidate), "/sys/fs/cgroup/%s/%s", ctl,
		 v1file);
	if (try_file(candidate, path, plen, val, vlen) == 0)
		return 0;
	snprintf(candidate, sizeof(candidate), "/sys/fs/cgroup/%s", v2file);
	if (try_file(candidate, path, plen, val, vlen) == 0)
		return 0;
	snprintf(candidate, sizeof(candidate), "/sys/fs/cgroup/unified/%s",
		 v2file);
	if (try_file(candidate, path, plen, val, vlen) == 0)
		return 0;
	return from_proc(ctl, v1file, v2file, path, plen, val, vlen);
}

void hp_add_limit(json_object *data, const char *source, const char *raw,
		  bool unlimited, long long limit)
{
	hp_add_str(data, "outcome", unlimited ? "unlimited" : "limited");
	hp_add_str(data, "source", source);
	hp_add_str(data, "raw", raw);
	hp_add_int_or_null(data, "limit", !unlimited, limit);
}
