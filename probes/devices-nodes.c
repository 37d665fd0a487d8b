/* devices.nodes (attempt): the device nodes visible under /dev.  Each
 * node is classed by its device number: the ones every container gets
 * (null, zero, tty, ptys ...), sensitive ones (every block device,
 * /dev/mem, /dev/kmem, /dev/port, /dev/kmsg, /dev/fuse, GPUs), and
 * others.  Only sensitive nodes are opened, read-only and non-blocking,
 * and closed at once: nothing is read or written.  Others (a watchdog
 * starts counting when opened) are only listed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "fsprobe.h"
#include "probe.h"

#define MAX_NODES 1024
#define MAX_DEPTH 4

/* Character devices by major and minor; minor -1 means any. */
struct devno {
	unsigned major;
	int minor;
};

static const struct devno standard[] = {
	{ 1, 3 },    { 1, 5 },	  { 1, 7 },    { 1, 8 },
	{ 1, 9 },    { 5, 0 },	  { 5, 1 },    { 5, 2 },
	{ 136, -1 }, { 137, -1 }, { 138, -1 }, { 139, -1 },
	{ 140, -1 }, { 141, -1 }, { 142, -1 }, { 143, -1 },
};

static const struct devno sensitive[] = {
	{ 1, 1 },    /* mem */
	{ 1, 2 },    /* kmem */
	{ 1, 4 },    /* port */
	{ 1, 11 },   /* kmsg */
	{ 10, 229 }, /* fuse */
	{ 226, -1 }, /* DRM (/dev/dri) */
	{ 195, -1 }, /* nvidia */
};

static bool in(const struct devno *set, size_t n, dev_t dev)
{
	for (size_t i = 0; i < n; i++)
		if (set[i].major == major(dev) &&
		    (set[i].minor < 0 || (unsigned)set[i].minor == minor(dev)))
			return true;
	return false;
}

static const char *node_class(const char *path, const struct stat *st)
{
	if (S_ISBLK(st->st_mode))
		return "sensitive";
	if (in(standard, sizeof(standard) / sizeof(standard[0]), st->st_rdev))
		return "standard";
	if (in(sensitive, sizeof(sensitive) / sizeof(sensitive[0]),
	       st->st_rdev) ||
	    strncmp(path, "/dev/nvidia", 11) == 0)
		return "sensitive";
	return "other";
}

/* The walk's state: nftw passes no argument to its callback. */
static struct {
	json_object *nodes;
	size_t count;
	bool other, opened;
} walk;

static void add_node(const char *path, const struct stat *st)
{
	json_object *item = json_object_new_object();
	const char *cls = node_class(path, st);
	char dev[32];
	int err;

	hp_devno_text(st->st_rdev, dev, sizeof(dev));
	hp_add_str(item, "path", path);
	hp_add_str(item, "type", S_ISBLK(st->st_mode) ? "block" : "char");
	hp_add_str(item, "devno", dev);
	hp_add_str(item, "class", cls);
	walk.other |= strcmp(cls, "standard") != 0;
	if (strcmp(cls, "sensitive") == 0) {
		err = hp_try_open(path, O_RDONLY | O_NONBLOCK);
		hp_add_str(item, "open", err ? "denied" : "allowed");
		json_object_object_add(item, "errno", hp_errno_json(err));
		walk.opened |= err == 0;
	}
	json_object_array_add(walk.nodes, item);
}

static int visit(const char *path, const struct stat *st, int flag,
		 struct FTW *ftw)
{
	if (flag == FTW_D && ftw->level >= MAX_DEPTH)
		return FTW_SKIP_SUBTREE;
	if (flag != FTW_F || !(S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)))
		return FTW_CONTINUE;
	if (++walk.count > MAX_NODES)
		return FTW_STOP;
	add_node(path, st);
	return FTW_CONTINUE;
}

int probe_devices_nodes(json_object *data)
{
	int rc;

	walk.nodes = json_object_new_array();
	rc = nftw("/dev", visit, 16, FTW_PHYS | FTW_ACTIONRETVAL);
	if (rc < 0 && errno == ENOENT) {
		json_object_put(walk.nodes);
		hp_skip(data, "there is no /dev");
		return 0;
	}
	hp_add_str(data, "outcome",
		   walk.opened	? "openable"
		   : walk.other ? "visible"
				: "none");
	json_object_object_add(data, "nodes", walk.nodes);
	json_object_object_add(data, "truncated",
			       json_object_new_boolean(walk.count > MAX_NODES));
	return 0;
}
