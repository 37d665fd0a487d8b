/* ns.host-pid (fact): does the container share the host's pid namespace?
 * Kernel threads live in the initial pid namespace only, so a visible
 * kthreadd (pid 2) or a process whose parent is pid 2 proves the host's
 * pid namespace; no inode number is needed.  pid 1's name and the
 * namespace link are reported beside it.  It only reads /proc. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

#define MAX_LISTED 8

/* comm and ppid from /proc/<pid>/stat; comm may hold blanks and ')'. */
static int read_stat(const char *pid, char *comm, size_t len, long *ppid)
{
	char path[64], line[512], *open, *close;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	if (hp_read_line(path, line, sizeof(line)) < 0)
		return -1;
	open = strchr(line, '(');
	close = strrchr(line, ')');
	if (!open || !close || close < open ||
	    sscanf(close + 1, " %*c %ld", ppid) != 1)
		return -1;
	snprintf(comm, len, "%.*s", (int)(close - open - 1), open + 1);
	return 0;
}

static bool is_kthread(const char *pid, const char *comm, long ppid)
{
	return ppid == 2 || (!strcmp(pid, "2") && !strcmp(comm, "kthreadd"));
}

static void add_kthread(json_object *list, const char *pid, const char *comm,
			long ppid)
{
	json_object *t = json_object_new_object();

	json_object_object_add(t, "pid", json_object_new_int(atoi(pid)));
	hp_add_str(t, "comm", comm);
	json_object_object_add(t, "ppid", json_object_new_int64(ppid));
	json_object_array_add(list, t);
}

/* Count kernel threads in /proc, listing the first few. */
static int scan_proc(json_object *list)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char comm[256];
	long ppid;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]) ||
		    read_stat(e->d_name, comm, sizeof(comm), &ppid) < 0 ||
		    !is_kthread(e->d_name, comm, ppid))
			continue;
		if (n++ < MAX_LISTED)
			add_kthread(list, e->d_name, comm, ppid);
	}
	closedir(d);
	return n;
}

int probe_ns_host_pid(json_object *data)
{
	json_object *list = json_object_new_array();
	char comm[256];
	long ppid;
	int n = scan_proc(list);

	if (n < 0) {
		json_object_put(list);
		hp_skip(data, "cannot list /proc");
		return 0;
	}
	hp_add_str(data, "outcome", n > 0 ? "host" : "isolated");
	json_object_object_add(data, "kthreads", list);
	json_object_object_add(data, "kthread_count", json_object_new_int(n));
	hp_add_str(data, "pid1_comm",
		   read_stat("1", comm, sizeof(comm), &ppid) ? NULL : comm);
	hp_ns_add(data, "pid");
	return 0;
}
