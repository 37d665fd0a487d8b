/* What a run leaves on disk: one evidence directory per run, and files
 * that appear whole or not at all. */
#ifndef HARDPROBE_RESULTS_H
#define HARDPROBE_RESULTS_H

#include <stddef.h>

struct hp_evidence {
	char *path; /* RESULTS/<UTC time>-<id> */
	int dfd;    /* open on path */
};

/*
 * Create results_dir (and its parents) when missing, and in it a new
 * directory named YYYYmmddTHHMMSSZ-ID after the current UTC time.
 * Returns 0, or -errno with ev->path naming what could not be made (the
 * caller frees it with hp_evidence_close).
 */
int hp_evidence_create(const char *results_dir, const char *id,
		       struct hp_evidence *ev);

/* Open a new temporary file for NAME in the directory, for writing; its
 * descriptor, or -errno.  hp_evidence_commit() gives it its name. */
int hp_evidence_open(const struct hp_evidence *ev, const char *name);
int hp_evidence_commit(const struct hp_evidence *ev, const char *name);

/* Write len bytes of buf as NAME (a temporary file, renamed).  0 or
 * -errno. */
int hp_evidence_write(const struct hp_evidence *ev, const char *name,
		      const void *buf, size_t len);

void hp_evidence_close(struct hp_evidence *ev);

/*
 * Write len bytes of buf to path: a temporary file beside it, renamed
 * over it, unless path exists and is not a regular file (a terminal, a
 * pipe, /dev/stdout), which is written in place.  0 or -errno.
 */
int hp_write_file(const char *path, const void *buf, size_t len);

/* Write all of buf to fd, through short writes and EINTR; 0 or -errno. */
int hp_write_all(int fd, const void *buf, size_t len);

#endif
