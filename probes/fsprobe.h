/* Helpers shared by the file-system and kernel-interface probes: open
 * attempts that never read or write, and the mount table by line. */
#ifndef HARDPROBE_FSPROBE_H
#define HARDPROBE_FSPROBE_H

#include <stdbool.h>
#include <sys/types.h>

#include <json-c/json.h>

/* Open path with flags (O_CLOEXEC | O_NOCTTY added) and close it again
 * at once, reading and writing nothing.  Returns 0 or the errno. */
int hp_try_open(const char *path, int flags);

/*
 * An open-for-writing attempt on path as a JSON item:
 * {"path":path,"result":"allowed"|"denied"|"absent","errno":...}.
 * *allowed becomes true when the open succeeded (it is never cleared).
 */
json_object *hp_write_attempt(const char *path, bool *allowed);

/* An existing directory to mount over in a private mount namespace:
 * /tmp, else /. */
const char *hp_mount_scratch(void);

/*
 * Move this process into a new mount namespace, make every mount in it
 * private (nothing propagates back), and mount fstype with opts on
 * target.  Returns 0 or the errno; *reached names the last step that
 * worked ("none", "unshare", "mount").  Call only in a probe process:
 * the namespace dies with it.
 */
int hp_private_mount(const char *fstype, const char *opts, const char *target,
		     const char **reached);

/* One mount from /proc/self/mountinfo, octal escapes undone. */
struct hp_mnt {
	char *target;
	char *fstype;
	char *vfs_opts;
	char *sb_opts;
};

/*
 * Call fn for each mount of /proc/self/mountinfo, in order, until fn
 * returns non-zero.  Returns 0, fn's non-zero value, or -errno.
 */
int hp_walk_mounts(int (*fn)(const struct hp_mnt *m, void *arg), void *arg);

/* Fill a fact probe's data with the raw mount table: outcome "observed"
 * and "mountinfo" (its lines), or a skip when it cannot be read. */
int hp_mountinfo_fact(json_object *data);

/* Whether word is one of the comma-separated options of opts. */
bool hp_has_option(const char *opts, const char *word);

/* "8:0" for a device number. */
void hp_devno_text(dev_t dev, char *buf, size_t len);

/* Note the file descriptors above 2 that run-probes inherited.  Call
 * first thing in main, before anything opens a file. */
void hp_note_inherited_fds(void);

/* The inherited descriptors noted, as a new JSON array of
 * {"fd","target","type","dev","ino"}. */
json_object *hp_inherited_fds(void);

#endif
