/* What a summary reads: saved streams, evidence directories, and
 * directories that hold them. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stream.h"
#include "summary.h"

/* Report a bad input and return -EINVAL, so that it is never skipped. */
static __attribute__((format(printf, 1, 2))) int bad_input(const char *fmt, ...)
{
	va_list ap;

	fputs("hardprobe: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -EINVAL;
}

/* Judge the stream in f.  A malformed stream is bad input (-EINVAL) for
 * a saved stream; in an evidence directory (in_run) it is a run that
 * left nothing to judge, and counts as failed. */
static int judge(struct hp_summary *s, const struct hp_summary_load *o, FILE *f,
		 const char *path, const char *name, bool in_run)
{
	struct hp_stream st;
	struct hp_report r;
	char err[1024];
	int ret;

	if (hp_stream_read(f, path, &st, err, sizeof(err)) < 0) {
		if (in_run)
			return hp_summary_add_none(s, name, err);
		return bad_input("%s", err);
	}
	ret = hp_judge(o->profile, &st, path, &r);
	if (ret == 0 && o->fail_on_skip)
		hp_report_skips_fail(&r);
	if (ret == 0)
		ret = hp_summary_add_report(s, name, &r);
	hp_report_free(&r); /* zeroed when hp_judge() failed: still safe */
	hp_stream_free(&st);
	return ret;
}

static int load_stream(struct hp_summary *s, const struct hp_summary_load *o,
		       const char *path)
{
	FILE *f = stdin;
	int ret;

	if (strcmp(path, "-") != 0)
		f = fopen(path, "re");
	if (!f)
		return bad_input("open stream '%s': %s", path, strerror(errno));
	ret = judge(s, o, f, f == stdin ? "<stdin>" : path, path, false);
	if (f != stdin)
		fclose(f);
	return ret;
}

/* The last component of path, without trailing slashes: a run's name. */
static char *base_name(const char *path)
{
	size_t len = strlen(path);
	const char *b;

	while (len > 1 && path[len - 1] == '/')
		len--;
	b = memrchr(path, '/', len);
	b = b && b + 1 < path + len ? b + 1 : path;
	return strndup(b, len - (size_t)(b - path));
}

/* An evidence directory judged again: its stream against the profile. */
static int rejudge_run(struct hp_summary *s, const struct hp_summary_load *o,
		       int dfd, const char *path, const char *name)
{
	int fd = openat(dfd, "stream.jsonl", O_RDONLY | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "re") : NULL;
	char *spath = NULL;
	int ret;

	if (!f) {
		if (fd >= 0)
			close(fd);
		return hp_summary_add_none(s, name, "no stream.jsonl");
	}
	if (asprintf(&spath, "%s/stream.jsonl", path) < 0)
		spath = NULL;
	ret = spath ? judge(s, o, f, spath, name, true) : -ENOMEM;
	free(spath);
	fclose(f);
	return ret;
}

/* json-c's parser on a whole file, from a directory descriptor. */
static json_object *read_json(int dfd, const char *file, int *err)
{
	int fd = openat(dfd, file, O_RDONLY | O_CLOEXEC);
	json_object *o;

	*err = fd < 0 ? errno : 0;
	if (fd < 0)
		return NULL;
	o = json_object_from_fd(fd);
	*err = o ? 0 : EBADMSG;
	close(fd);
	return o;
}

/* An evidence directory as run judged it: its report.json.  A run that
 * kept none (its container did not run, or its stream was malformed)
 * counts as failed. */
static int report_run(struct hp_summary *s, int dfd, const char *path,
		      const char *name)
{
	char err[512];
	int e, ret;
	json_object *rep = read_json(dfd, "report.json", &e);

	if (!rep && e == ENOENT)
		return hp_summary_add_none(s, name,
					   "no report.json: see ctr.log");
	if (!rep)
		return bad_input("read report '%s/report.json': %s", path,
				 e == EBADMSG ? "not valid JSON" : strerror(e));
	ret = hp_summary_add_json(s, name, rep, err, sizeof(err));
	json_object_put(rep);
	if (ret == -EINVAL)
		fprintf(stderr, "hardprobe: read report '%s/report.json': %s\n",
			path, err);
	return ret;
}

static int load_run(struct hp_summary *s, const struct hp_summary_load *o,
		    int dfd, const char *path)
{
	char *name = base_name(path);
	int ret;

	if (!name)
		return -ENOMEM;
	if (o->rejudge)
		ret = rejudge_run(s, o, dfd, path, name);
	else
		ret = report_run(s, dfd, path, name);
	free(name);
	return ret;
}

/* An evidence directory holds the stream or the report of a run. */
static bool is_run(int dfd)
{
	return faccessat(dfd, "stream.jsonl", F_OK, 0) == 0 ||
	       faccessat(dfd, "report.json", F_OK, 0) == 0;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

/* One entry of a directory of runs: an evidence directory or a saved
 * stream; anything else (a README, say) is not a run.  1 when it was
 * one, 0 when not, or -errno. */
static int load_entry(struct hp_summary *s, const struct hp_summary_load *o,
		      int dfd, const char *dir, const char *ent)
{
	int sub = openat(dfd, ent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char *path;
	int ret = 0;

	if (sub < 0 && !has_suffix(ent, ".jsonl"))
		return 0;
	if (asprintf(&path, "%s/%s", dir, ent) < 0) {
		if (sub >= 0)
			close(sub);
		return -ENOMEM;
	}
	if (sub < 0)
		ret = load_stream(s, o, path);
	else if (is_run(sub))
		ret = load_run(s, o, sub, path);
	else
		ret = -ENOENT;
	if (sub >= 0)
		close(sub);
	free(path);
	return ret == -ENOENT ? 0 : ret < 0 ? ret : 1;
}

static int skip_hidden(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Every run in the directory dir, in name order.  A bad one does not stop
 * the others: all are read, and -EINVAL says one was bad. */
static int load_dir(struct hp_summary *s, const struct hp_summary_load *o,
		    int dfd, const char *dir)
{
	struct dirent **ents;
	int n = scandirat(dfd, ".", &ents, skip_hidden, alphasort);
	int ret = 0, found = 0, r;

	if (n < 0)
		return bad_input("read directory '%s': %s", dir,
				 strerror(errno));
	for (int i = 0; i < n; i++) {
		r = ret == -ENOMEM
			    ? 0
			    : load_entry(s, o, dfd, dir, ents[i]->d_name);
		found += r > 0 || r == -EINVAL;
		if (r < 0 && ret != -ENOMEM)
			ret = r;
		free(ents[i]);
	}
	free(ents);
	if (ret == 0 && !found)
		return bad_input("read directory '%s': %s", dir,
				 "no evidence directories or *.jsonl streams");
	return ret;
}

int hp_summary_load(struct hp_summary *s, const struct hp_summary_load *o,
		    const char *path)
{
	int dfd, ret;

	if (strcmp(path, "-") == 0)
		return load_stream(s, o, path);
	dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 && errno == ENOTDIR)
		return load_stream(s, o, path);
	if (dfd < 0)
		return bad_input("open '%s': %s", path, strerror(errno));
	if (is_run(dfd))
		ret = load_run(s, o, dfd, path);
	else
		ret = load_dir(s, o, dfd, path);
	close(dfd);
	return ret;
}
