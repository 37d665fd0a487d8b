/* The mount table a mounts.writable record holds, for diff and the spec
 * comparison. */
#ifndef HARDPROBE_MOUNTTABLE_H
#define HARDPROBE_MOUNTTABLE_H

#include <json-c/json.h>
#include <libmount.h>

/* The "mountinfo" lines of a mounts.writable record's data, parsed by
 * libmount; NULL when there are none or they do not parse.  Free with
 * mnt_unref_table(). */
struct libmnt_table *hp_mount_table(json_object *data);

/* "rw" or "ro" for the topmost mount on target (writable only when both
 * the mount and its file system are), or NULL when nothing is mounted
 * there. */
const char *hp_mount_mode(struct libmnt_table *tb, const char *target);

#endif
