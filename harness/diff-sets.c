/* Set comparisons of a diff: capabilities in each set, and mounts by
 * their mount point and whether they are writable. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libmount.h>

#include "diff.h"
#include "mounttable.h"

static const char *const cap_sets[] = { "effective", "permitted", "inheritable",
					"bounding", "ambient" };

static bool has_string(json_object *arr, const char *s)
{
	size_t i, n = json_object_array_length(arr);

	for (i = 0; i < n; i++)
		if (strcmp(json_object_get_string(
				   json_object_array_get_idx(arr, i)),
			   s) == 0)
			return true;
	return false;
}

/* The strings of from that to lacks, as one change of set: gained
 * capabilities are weaker, lost ones stronger. */
static int only_in(json_object *from, json_object *to, const char *set,
		   bool gained, struct hp_diff *d)
{
	size_t i, n = json_object_array_length(from);
	char *buf = NULL;
	const char *cap;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int ret;

	if (!f)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		cap = json_object_get_string(
			json_object_array_get_idx(from, i));
		if (!has_string(to, cap))
			fprintf(f, "%s%s", ftell(f) > 0 ? ", " : "", cap);
	}
	ret = fclose(f) == 0 ? 0 : -ENOMEM;
	if (ret == 0 && *buf)
		ret = hp_diff_add(d, "caps", set, gained ? "" : buf,
				  gained ? buf : "",
				  gained ? HP_WEAKER : HP_STRONGER);
	free(buf);
	return ret;
}

static json_object *array(json_object *data, const char *key)
{
	json_object *v = NULL;

	if (!data || !json_object_object_get_ex(data, key, &v) ||
	    !json_object_is_type(v, json_type_array))
		return NULL;
	return v;
}

int hp_diff_caps(json_object *a, json_object *b, struct hp_diff *d)
{
	json_object *sa, *sb;
	size_t i;
	int ret = 0;

	for (i = 0; i < sizeof(cap_sets) / sizeof(cap_sets[0]) && !ret; i++) {
		sa = array(a, cap_sets[i]);
		sb = array(b, cap_sets[i]);
		if (!sa || !sb)
			continue;
		ret = only_in(sb, sa, cap_sets[i], true, d);
		if (ret == 0)
			ret = only_in(sa, sb, cap_sets[i], false, d);
	}
	return ret;
}

/* One mount point, was mode to now: added, removed, or remounted.  A
 * writable mount that went away is only "changed": it may have been a
 * volume (stronger) or a mask over a /proc file (weaker). */
static int mount_change(const char *target, const char *was, const char *now,
			struct hp_diff *d)
{
	enum hp_direction dir = HP_CHANGED;

	if (was && now && strcmp(was, now) == 0)
		return 0;
	if (!was || (now && strcmp(now, "rw") == 0))
		dir = HP_WEAKER; /* a new mount, or one made writable */
	else if (!now && strcmp(was, "ro") == 0)
		dir = HP_WEAKER; /* what it covered is no longer read-only */
	else if (now)
		dir = HP_STRONGER; /* made read-only */
	return hp_diff_add(d, "mount", target, was, now, dir);
}

/* Every mount point of from compared with to: when from is the new
 * table, each of its mounts; else only those that to lacks. */
static int walk(struct libmnt_table *from, struct libmnt_table *to,
		bool from_is_new, struct hp_diff *d)
{
	struct libmnt_iter *it = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	const char *t;
	int ret = it ? 0 : -ENOMEM;

	while (ret == 0 && mnt_table_next_fs(from, it, &fs) == 0) {
		t = mnt_fs_get_target(fs);
		if (!t ||
		    mnt_table_find_target(from, t, MNT_ITER_BACKWARD) != fs)
			continue; /* covered by a later mount on t */
		if (from_is_new)
			ret = mount_change(t, hp_mount_mode(to, t),
					   hp_mount_mode(from, t), d);
		else if (!hp_mount_mode(to, t))
			ret = mount_change(t, hp_mount_mode(from, t), NULL, d);
	}
	mnt_free_iter(it);
	return ret;
}

int hp_diff_mounts(json_object *a, json_object *b, struct hp_diff *d)
{
	struct libmnt_table *ta = hp_mount_table(a), *tb = hp_mount_table(b);
	int ret = 0;

	if (ta && tb)
		ret = walk(tb, ta, true, d);
	if (ta && tb && ret == 0)
		ret = walk(ta, tb, false, d);
	mnt_unref_table(ta);
	mnt_unref_table(tb);
	return ret;
}
