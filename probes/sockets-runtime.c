/* sockets.runtime (attempt): can the container reach a container
 * runtime's or any other unix socket?  It looks at the well-known runtime
 * socket paths and walks each mount point (bounded in depth and entries,
 * skipping kernel file systems) for sockets.  Reachable means connect()
 * succeeded; the socket is closed at once and nothing is sent, so the
 * server sees a connection that ends without a request. */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "fsprobe.h"
#include "probe-host.h"
#include "probe.h"

#define MAX_LISTED 32
#define MAX_ENTRIES 40000
#define MAX_PER_MOUNT 5000
#define MAX_DEPTH 6

static const struct {
	const char *path, *runtime;
} known[] = {
	{ "/run/docker.sock", "docker" },
	{ "/var/run/docker.sock", "docker" },
	{ "/run/containerd/containerd.sock", "containerd" },
	{ "/var/run/containerd/containerd.sock", "containerd" },
	{ "/run/k3s/containerd/containerd.sock", "containerd" },
	{ "/run/crio/crio.sock", "cri-o" },
	{ "/var/run/crio/crio.sock", "cri-o" },
	{ "/run/podman/podman.sock", "podman" },
	{ "/var/run/podman/podman.sock", "podman" },
	{ "/run/cri-dockerd.sock", "cri-dockerd" },
	{ "/var/run/cri-dockerd.sock", "cri-dockerd" },
	{ "/var/lib/kubelet/pod-resources/kubelet.sock", "kubelet" },
	{ "/var/lib/kubelet/device-plugins/kubelet.sock", "kubelet" },
};

#define NKNOWN (sizeof(known) / sizeof(known[0]))

#define MAX_SEEN 256

/* The walk's state: nftw passes no argument, so it lives here. */
static struct {
	json_object *list;
	int found, reachable;
	long entries, mount_entries;
	bool truncated;
	size_t nseen;
	struct {
		dev_t dev;
		ino_t ino;
	} seen[MAX_SEEN];
} walk;

static const char *runtime_of(const char *path)
{
	for (size_t i = 0; i < NKNOWN; i++)
		if (!strcmp(known[i].path, path))
			return known[i].runtime;
	return NULL;
}

/* 0 when connect() succeeded, else the errno.  A datagram socket answers
 * a stream connect() with EPROTOTYPE; it is tried as one.  The socket is
 * non-blocking, so a server with a full backlog gives EAGAIN instead of
 * holding the probe. */
static int try_connect(const char *path, int type)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd, err = 0;

	if (strlen(path) >= sizeof(a.sun_path))
		return ENAMETOOLONG;
	strcpy(a.sun_path, path);
	fd = socket(AF_UNIX, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		err = errno;
	close(fd);
	if (err == EPROTOTYPE && type == SOCK_STREAM)
		return try_connect(path, SOCK_DGRAM);
	return err;
}

/* Whether the socket was met before (under another path or mount). */
static bool seen_before(const struct stat *st)
{
	for (size_t i = 0; i < walk.nseen; i++)
		if (walk.seen[i].dev == st->st_dev &&
		    walk.seen[i].ino == st->st_ino)
			return true;
	if (walk.nseen < MAX_SEEN) {
		walk.seen[walk.nseen].dev = st->st_dev;
		walk.seen[walk.nseen++].ino = st->st_ino;
	}
	return false;
}

static const char *result_word(int err)
{
	if (!err)
		return "reachable";
	if (err == ECONNREFUSED)
		return "refused";
	return err == EACCES || err == EPERM ? "denied" : "failed";
}

static void check_socket(const char *path, const struct stat *st)
{
	json_object *s;
	int err;

	if (seen_before(st))
		return;
	err = try_connect(path, SOCK_STREAM);
	walk.found++;
	walk.reachable += !err;
	if (walk.found > MAX_LISTED)
		return;
	s = json_object_new_object();
	hp_add_str(s, "path", path);
	hp_add_str(s, "runtime", runtime_of(path));
	hp_add_str(s, "result", result_word(err));
	json_object_object_add(s, "errno", hp_errno_json(err));
	json_object_array_add(walk.list, s);
}

static int visit(const char *path, const struct stat *st, int type,
		 struct FTW *ftw)
{
	if (++walk.entries > MAX_ENTRIES ||
	    ++walk.mount_entries > MAX_PER_MOUNT) {
		walk.truncated = true;
		return FTW_STOP;
	}
	if (type == FTW_F && S_ISSOCK(st->st_mode))
		check_socket(path, st);
	if (type == FTW_D && ftw->level >= MAX_DEPTH)
		return FTW_SKIP_SUBTREE;
	return FTW_CONTINUE;
}

/* Kernel file systems hold no sockets worth the walk. */
static bool skipped_fs(const char *fstype)
{
	static const char skip[] = ",proc,sysfs,cgroup,cgroup2,devpts,mqueue,"
				   "debugfs,tracefs,securityfs,bpf,pstore,"
				   "configfs,fusectl,nsfs,binfmt_misc,";
	char key[64];

	snprintf(key, sizeof(key), ",%s,", fstype);
	return strstr(skip, key) != NULL;
}

static int walk_mount(const struct hp_mnt *m, void *arg)
{
	(void)arg;
	if (skipped_fs(m->fstype))
		return 0;
	walk.mount_entries = 0;
	nftw(m->target, visit, 16, FTW_PHYS | FTW_MOUNT | FTW_ACTIONRETVAL);
	return walk.entries > MAX_ENTRIES;
}

int probe_sockets_runtime(json_object *data)
{
	struct stat st;

	walk.list = json_object_new_array();
	for (size_t i = 0; i < NKNOWN; i++)
		if (stat(known[i].path, &st) == 0 && S_ISSOCK(st.st_mode))
			check_socket(known[i].path, &st);
	hp_walk_mounts(walk_mount, NULL);
	hp_add_str(data, "outcome",
		   walk.reachable ? "reachable" : "unreachable");
	json_object_object_add(data, "sockets", walk.list);
	json_object_object_add(data, "socket_count",
			       json_object_new_int(walk.found));
	json_object_object_add(data, "reachable_count",
			       json_object_new_int(walk.reachable));
	json_object_object_add(data, "entries_walked",
			       json_object_new_int64(walk.entries));
	json_object_object_add(data, "truncated",
			       json_object_new_boolean(walk.truncated));
	return 0;
}
