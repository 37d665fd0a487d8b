/* devices.mknod-open (attempt): the device cgroup test.  In a new private
 * directory, make a block node 8:0 (the first SCSI disk) and a character
 * node 1:1 (/dev/mem), open each read-only and non-blocking, close it at
 * once, and remove the nodes and the directory.  Nothing is read or
 * written; a node whose device does not exist fails with ENXIO after the
 * device cgroup let it through, which still counts as allowed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "fsprobe.h"
#include "probe.h"

struct node {
	const char *name;
	mode_t type;
	unsigned major, minor;
};

static const struct node nodes[] = {
	{ "sda", S_IFBLK, 8, 0 },
	{ "mem", S_IFCHR, 1, 1 },
};

/* Directories to make the private one in: /dev is a tmpfs without
 * nodev in containers.  /dev/shm (world-writable, nodev) comes last, for
 * a non-root process that can write nowhere else: there mknod still
 * needs CAP_MKNOD, and an open meets nodev before the device cgroup. */
static const char *const parents[] = { "/dev", "/tmp", "/run", "/dev/shm" };

static bool make_dir(char *dir, size_t len)
{
	unsigned tag;

	if (getrandom(&tag, sizeof(tag), GRND_NONBLOCK) != sizeof(tag))
		tag = (unsigned)time(NULL);
	for (size_t i = 0; i < sizeof(parents) / sizeof(parents[0]); i++) {
		snprintf(dir, len, "%s/.hardprobe-%d-%08x", parents[i],
			 (int)getpid(), tag);
		if (mkdir(dir, 0700) == 0)
			return true;
	}
	return false;
}

/* The refusing layer, as far as the errno tells. */
static const char *layer_of(const char *step, int err)
{
	if (err != EPERM && err != EACCES)
		return NULL;
	if (strcmp(step, "mknod") == 0)
		return "capability, user namespace or device cgroup";
	return err == EPERM ? "device cgroup" : "nodev mount";
}

/* One node: made, opened, removed.  True when the open got past the
 * device cgroup. */
static bool try_node(const char *dir, const struct node *n, json_object *item)
{
	char path[128], dev[32];
	const char *step = "mknod";
	int err = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, n->name);
	hp_devno_text(makedev(n->major, n->minor), dev, sizeof(dev));
	hp_add_str(item, "node", dev);
	hp_add_str(item, "type", n->type == S_IFBLK ? "block" : "char");
	if (mknod(path, n->type | 0600, makedev(n->major, n->minor)) < 0) {
		err = errno;
	} else {
		step = "open";
		err = hp_try_open(path, O_RDONLY | O_NONBLOCK);
		unlink(path);
	}
	hp_add_str(item, "step", step);
	json_object_object_add(item, "errno", hp_errno_json(err));
	hp_add_str(item, "layer", layer_of(step, err));
	err = err == ENXIO || err == ENODEV ? 0 : err;
	hp_add_str(item, "result", err ? "denied" : "allowed");
	return err == 0;
}

int probe_devices_mknod_open(json_object *data)
{
	json_object *list = json_object_new_array();
	bool allowed = false;
	char dir[64];

	if (!make_dir(dir, sizeof(dir))) {
		json_object_put(list);
		hp_skip(data, "no directory to make nodes in: %s",
			strerrorname_np(errno));
		return 0;
	}
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		json_object *item = json_object_new_object();

		json_object_array_add(list, item);
		allowed |= try_node(dir, &nodes[i], item);
	}
	rmdir(dir);
	hp_add_str(data, "outcome", allowed ? "allowed" : "denied");
	hp_add_str(data, "dir", dir);
	json_object_object_add(data, "nodes", list);
	return 0;
}
