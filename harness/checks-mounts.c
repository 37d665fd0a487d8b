/* mounts.writable: which mount points are mounted read-write, read from
 * the probe's raw mountinfo lines with libmount. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libmount/libmount.h>

#include "checks-fsiface.h"

int hp_parse_mounts_writable(const struct hp_expect *e, char *err,
			     size_t errlen)
{
	return hp_parse_only_patterns(e, err, errlen);
}

/* The mountinfo lines joined, one a line; NULL when a line is not a
 * string or holds a newline (it would count as two). */
static char *join_lines(json_object *lines, struct hp_result *res)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	for (size_t i = 0; f && i < json_object_array_length(lines); i++) {
		json_object *l = json_object_array_get_idx(lines, i);

		if (json_object_is_type(l, json_type_string) &&
		    !strchr(json_object_get_string(l), '\n')) {
			fprintf(f, "%s\n", json_object_get_string(l));
			continue;
		}
		hp_set_observed(res, HP_ERROR,
				"malformed record: 'mountinfo' "
				"line %zu is not a one-line string",
				i + 1);
		fclose(f);
		free(buf);
		return NULL;
	}
	if (f)
		fclose(f);
	return buf;
}

static int note_bad_line(struct libmnt_table *tb, const char *name, int line)
{
	int *first = mnt_table_get_userdata(tb);

	(void)name;
	if (*first == 0)
		*first = line;
	return 1;
}

/* Parse the text as mountinfo; every line must give one entry. */
static struct libmnt_table *parse_table(char *text, size_t nlines,
					struct hp_result *res)
{
	struct libmnt_table *tb = mnt_new_table();
	FILE *f = fmemopen(text, strlen(text), "r");
	int bad = 0, rc = -ENOMEM;

	if (tb && f) {
		mnt_table_set_userdata(tb, &bad);
		mnt_table_set_parser_errcb(tb, note_bad_line);
		rc = mnt_table_parse_stream(tb, f, "mountinfo");
	}
	if (f)
		fclose(f);
	if (rc == 0 && !bad && (size_t)mnt_table_get_nents(tb) == nlines)
		return tb;
	if (rc != -ENOMEM)
		hp_set_observed(res, HP_ERROR,
				"malformed record: 'mountinfo' "
				"line %d is not a mountinfo line",
				bad ? bad : 1);
	mnt_unref_table(tb);
	return NULL;
}

/* Writable when both the mount and its file system are read-write. */
static bool writable(struct libmnt_fs *fs)
{
	const char *vfs = mnt_fs_get_vfs_options(fs);
	const char *sb = mnt_fs_get_fs_options(fs);

	return vfs && mnt_optstr_get_option(vfs, "rw", NULL, NULL) == 0 &&
	       !(sb && mnt_optstr_get_option(sb, "ro", NULL, NULL) == 0);
}

static int collect(const struct hp_expect *e, struct libmnt_table *tb,
		   char **extra, size_t *nwritable)
{
	struct libmnt_iter *it = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	int rc = it ? 0 : -ENOMEM;

	while (rc == 0 && mnt_table_next_fs(tb, it, &fs) == 0) {
		const char *target = mnt_fs_get_target(fs);

		if (!target || !mnt_fs_get_root(fs)) {
			rc = -EINVAL;
		} else if (writable(fs)) {
			++*nwritable;
			if (!hp_pattern_listed(e, target))
				rc = hp_list_add(extra, target);
		}
	}
	mnt_free_iter(it);
	return rc;
}

static void judge_table(const struct hp_expect *e, struct libmnt_table *tb,
			struct hp_result *res)
{
	char *extra = NULL;
	size_t n = 0;
	int rc = collect(e, tb, &extra, &n);

	if (rc == -EINVAL)
		hp_set_observed(res, HP_ERROR,
				"malformed record: 'mountinfo' "
				"is not in mountinfo format");
	else if (rc == 0 && extra)
		hp_set_observed(res, HP_FAIL, "writable: %s", extra);
	else if (rc == 0)
		hp_set_observed(res, HP_PASS,
				"%zu writable mount%s, all listed", n,
				n == 1 ? "" : "s");
	free(extra);
}

struct libmnt_table *hp_mountinfo_table(json_object *data,
					struct hp_result *res)
{
	struct libmnt_table *tb = NULL;
	json_object *lines;
	char *text;

	if (!(lines = hp_field(data, "mountinfo", json_type_array, res)) ||
	    !(text = join_lines(lines, res)))
		return NULL;
	if (json_object_array_length(lines) == 0)
		hp_set_observed(res, HP_ERROR,
				"malformed record: 'mountinfo' is empty");
	else
		tb = parse_table(text, json_object_array_length(lines), res);
	free(text);
	return tb;
}

void hp_judge_mounts_writable(const struct hp_expect *e,
			      const struct hp_record *rec,
			      struct hp_result *res)
{
	static const char *const words[] = { "observed", NULL };
	struct libmnt_table *tb;
	json_object *d;

	hp_set_expected_args(res, e, "only", "nothing writable");
	d = hp_judge_begin(rec, res);
	if (!d || hp_outcome(d, words, res) < 0 ||
	    !(tb = hp_mountinfo_table(d, res)))
		return;
	judge_table(e, tb, res);
	mnt_unref_table(tb);
}
