/* Mount tables from mounts.writable records, through libmount. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#include "mounttable.h"

struct libmnt_table *hp_mount_table(json_object *data)
{
	json_object *lines = NULL;
	struct libmnt_table *tb;
	char *text = NULL;
	size_t len = 0, i;
	FILE *f;

	if (!data || !json_object_object_get_ex(data, "mountinfo", &lines) ||
	    !json_object_is_type(lines, json_type_array) ||
	    !(f = open_memstream(&text, &len)))
		return NULL;
	for (i = 0; i < json_object_array_length(lines); i++)
		fprintf(f, "%s\n",
			json_object_get_string(
				json_object_array_get_idx(lines, i)));
	fclose(f);
	f = fmemopen(text, len, "r");
	tb = f ? mnt_new_table() : NULL;
	if (tb && mnt_table_parse_stream(tb, f, "mountinfo") < 0) {
		mnt_unref_table(tb);
		tb = NULL;
	}
	if (f)
		fclose(f);
	free(text);
	return tb;
}

const char *hp_mount_mode(struct libmnt_table *tb, const char *target)
{
	struct libmnt_fs *fs =
		mnt_table_find_target(tb, target, MNT_ITER_BACKWARD);
	const char *vfs, *sb;

	if (!fs)
		return NULL;
	vfs = mnt_fs_get_vfs_options(fs);
	sb = mnt_fs_get_fs_options(fs);
	return vfs && mnt_optstr_get_option(vfs, "rw", NULL, NULL) == 0 &&
			       !(sb && mnt_optstr_get_option(sb, "ro", NULL,
							     NULL) == 0)
		       ? "rw"
		       : "ro";
}
