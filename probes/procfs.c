/* Reading /proc files verbatim: lines, and single status lines. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe.h"

static void close_file(FILE **f)
{
	if (*f)
		fclose(*f);
}

static void free_line(char **line)
{
	free(*line);
}

static void chomp(char *line, ssize_t n)
{
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
}

int hp_read_lines(const char *path, json_object **lines)
{
	FILE *f __attribute__((cleanup(close_file))) = fopen(path, "re");
	char *line __attribute__((cleanup(free_line))) = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f)
		return -errno;
	*lines = json_object_new_array();
	while ((n = getline(&line, &cap, f)) >= 0) {
		chomp(line, n);
		json_object_array_add(*lines, json_object_new_string(line));
	}
	if (ferror(f)) {
		json_object_put(*lines);
		*lines = NULL;
		return -EIO;
	}
	return 0;
}

int hp_status_line(const char *status_path, const char *key, char *buf,
		   size_t len)
{
	FILE *f __attribute__((cleanup(close_file))) = fopen(status_path, "re");
	char *line __attribute__((cleanup(free_line))) = NULL;
	size_t cap = 0, klen = strlen(key);
	ssize_t n;

	if (!f)
		return -errno;
	while ((n = getline(&line, &cap, f)) >= 0) {
		if (strncmp(line, key, klen) != 0 || line[klen] != ':')
			continue;
		chomp(line, n);
		snprintf(buf, len, "%s", line);
		return 0;
	}
	return ferror(f) ? -EIO : -ENOENT;
}

const char *hp_status_value(const char *line)
{
	const char *colon = strchr(line, ':');

	if (!colon)
		return line + strlen(line);
	return colon + 1 + strspn(colon + 1, " \t");
}

int hp_seccomp_mode(void)
{
	char line[128];
	int rc;

	rc = hp_status_line("/proc/self/status", "Seccomp", line, sizeof(line));
	if (rc < 0)
		return rc;
	return atoi(hp_status_value(line));
}
