/* The evidence directory of a run, and whole-file writes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "results.h"

/* mkdir -p: each missing component in turn. */
static int make_dirs(char *path)
{
	char *p = path;

	if (!*path)
		return -ENOENT;
	for (;;) {
		p = strchr(p + 1, '/');
		if (p)
			*p = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			return -errno;
		if (!p)
			return 0;
		*p = '/';
	}
}

int hp_evidence_create(const char *results_dir, const char *id,
		       struct hp_evidence *ev)
{
	char stamp[sizeof("YYYYmmddTHHMMSSZ")];
	time_t now = time(NULL);
	struct tm tm;
	int ret;

	ev->dfd = -1;
	ev->path = strdup(results_dir);
	if (!ev->path || !gmtime_r(&now, &tm))
		return -ENOMEM;
	ret = make_dirs(ev->path);
	if (ret < 0)
		return ret;
	free(ev->path);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	if (asprintf(&ev->path, "%s/%s-%s", results_dir, stamp, id) < 0) {
		ev->path = NULL;
		return -ENOMEM;
	}
	if (mkdir(ev->path, 0755) < 0)
		return -errno;
	ev->dfd = open(ev->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return ev->dfd < 0 ? -errno : 0;
}

/* The temporary name of NAME: hidden, so a reader never takes it for the
 * real file. */
static int tmp_name(char *buf, size_t size, const char *name)
{
	int n = snprintf(buf, size, ".%s.tmp", name);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int hp_evidence_open(const struct hp_evidence *ev, const char *name)
{
	char tmp[256];
	int fd, ret = tmp_name(tmp, sizeof(tmp), name);

	if (ret < 0)
		return ret;
	fd = openat(ev->dfd, tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	return fd < 0 ? -errno : fd;
}

int hp_evidence_commit(const struct hp_evidence *ev, const char *name)
{
	char tmp[256];
	int ret = tmp_name(tmp, sizeof(tmp), name);

	if (ret == 0 && renameat(ev->dfd, tmp, ev->dfd, name) < 0)
		ret = -errno;
	return ret;
}

int hp_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int hp_evidence_write(const struct hp_evidence *ev, const char *name,
		      const void *buf, size_t len)
{
	int fd = hp_evidence_open(ev, name), ret;

	if (fd < 0)
		return fd;
	ret = hp_write_all(fd, buf, len);
	if (close(fd) < 0 && ret == 0)
		ret = -errno;
	return ret ? ret : hp_evidence_commit(ev, name);
}

void hp_evidence_close(struct hp_evidence *ev)
{
	if (ev->dfd >= 0)
		close(ev->dfd);
	ev->dfd = -1;
	free(ev->path);
	ev->path = NULL;
}

/* Write into a new temporary file beside path, then rename it over. */
static int replace_file(const char *path, const void *buf, size_t len)
{
	char *tmp;
	int fd, ret;

	if (asprintf(&tmp, "%s.%ld.tmp", path, (long)getpid()) < 0)
		return -ENOMEM;
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	ret = fd < 0 ? -errno : hp_write_all(fd, buf, len);
	if (fd >= 0 && close(fd) < 0 && ret == 0)
		ret = -errno;
	if (ret == 0 && rename(tmp, path) < 0)
		ret = -errno;
	if (ret < 0 && fd >= 0)
		unlink(tmp);
	free(tmp);
	return ret;
}

int hp_write_file(const char *path, const void *buf, size_t len)
{
	struct stat st;
	int fd, ret;

	if (stat(path, &st) < 0 || S_ISREG(st.st_mode))
		return replace_file(path, buf, len);
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = hp_write_all(fd, buf, len);
	if (close(fd) < 0 && ret == 0)
		ret = -errno;
	return ret;
}
