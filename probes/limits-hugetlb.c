/* limits.hugetlb (fact): the cgroup's limits on huge pages, one per huge
 * page size the kernel offers (hugetlb.<size>.limit_in_bytes in cgroup
 * v1, hugetlb.<size>.max in v2).  It only reads. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

/* cgroup v1's "no limit", as in limits.memory. */
#define V1_UNLIMITED (1LL << 62)

/* "hugepages-2048kB" as the cgroup's size name "2MB". */
static int size_name(const char *dir, char *out, size_t len)
{
	unsigned long kb;

	if (sscanf(dir, "hugepages-%lukB", &kb) != 1)
		return -1;
	if (kb >= 1024 * 1024)
		snprintf(out, len, "%luGB", kb / (1024 * 1024));
	else if (kb >= 1024)
		snprintf(out, len, "%luMB", kb / 1024);
	else
		snprintf(out, len, "%luKB", kb);
	return 0;
}

/* The limit of one size; 1 when limited, 0 when not, -1 when no file. */
static int add_size(json_object *sizes, const char *name)
{
	char v1[64], v2[64], path[4096], val[64];
	json_object *s;
	long long n;

	snprintf(v1, sizeof(v1), "hugetlb.%s.limit_in_bytes", name);
	snprintf(v2, sizeof(v2), "hugetlb.%s.max", name);
	if (hp_cgroup_read("hugetlb", v1, v2, path, sizeof(path), val,
			   sizeof(val)) < 0)
		return -1;
	n = strtoll(val, NULL, 10);
	s = json_object_new_object();
	hp_add_limit(s, path, val, !strcmp(val, "max") || n >= V1_UNLIMITED, n);
	json_object_object_add(sizes, name, s);
	return strcmp(val, "max") && n < V1_UNLIMITED;
}

int probe_limits_hugetlb(json_object *data)
{
	DIR *d = opendir("/sys/kernel/mm/hugepages");
	json_object *sizes = json_object_new_object();
	int files = 0, limited = 0, rc;
	struct dirent *e;
	char name[32];

	while (d && (e = readdir(d)))
		if (size_name(e->d_name, name, sizeof(name)) == 0 &&
		    (rc = add_size(sizes, name)) >= 0) {
			files++;
			limited += rc;
		}
	if (d)
		closedir(d);
	if (!files) {
		json_object_put(sizes);
		hp_skip(data, "no hugetlb cgroup files (no hugetlb controller "
			      "or no huge page sizes)");
		return 0;
	}
	hp_add_str(data, "outcome", limited == files ? "limited" : "unlimited");
	json_object_object_add(data, "sizes", sizes);
	return 0;
}
