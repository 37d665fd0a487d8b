/* The mount table line by line, for probes that look for mounts of one
 * kind (cgroup hierarchies).  The harness judges the table itself with
 * libmount; this is only enough to find mount points in the probe. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsprobe.h"
#include "probe.h"

/* Undo mountinfo's octal escapes (\040 for a blank) in place. */
static void unescape(char *s)
{
	char *out = s;

	for (; *s; s++, out++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
		    s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*out = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
				      (s[3] - '0'));
			s += 3;
		} else {
			*out = *s;
		}
	}
	*out = '\0';
}

/* Split one line into m (pointers into line); -1 when malformed. */
static int split_line(char *line, struct hp_mnt *m)
{
	char *save = NULL, *field[6], *dash;
	int i;

	dash = strstr(line, " - ");
	if (!dash)
		return -1;
	*dash = '\0';
	field[0] = strtok_r(line, " ", &save);
	for (i = 1; i < 6 && field[i - 1]; i++)
		field[i] = strtok_r(NULL, " ", &save);
	if (!field[5])
		return -1;
	m->target = field[4];
	m->vfs_opts = field[5];
	save = NULL;
	m->fstype = strtok_r(dash + 3, " \n", &save);
	if (!m->fstype || !strtok_r(NULL, " \n", &save))
		return -1;
	m->sb_opts = strtok_r(NULL, " \n", &save);
	unescape(m->target);
	return m->sb_opts ? 0 : -1;
}

int hp_walk_mounts(int (*fn)(const struct hp_mnt *m, void *arg), void *arg)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char *line = NULL;
	size_t cap = 0;
	struct hp_mnt m;
	int rc = 0;

	if (!f)
		return -errno;
	while (rc == 0 && getline(&line, &cap, f) >= 0)
		if (split_line(line, &m) == 0)
			rc = fn(&m, arg);
	free(line);
	fclose(f);
	return rc;
}

bool hp_has_option(const char *opts, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = opts; p; p = strchr(p, ',')) {
		p += *p == ',';
		if (strncmp(p, word, n) == 0 && (p[n] == ',' || !p[n]))
			return true;
	}
	return false;
}

int hp_mountinfo_fact(json_object *data)
{
	json_object *lines;
	int rc = hp_read_lines("/proc/self/mountinfo", &lines);

	if (rc < 0) {
		hp_skip(data, "cannot read /proc/self/mountinfo: %s",
			strerrorname_np(-rc));
		return 0;
	}
	hp_add_str(data, "outcome", "observed");
	json_object_object_add(data, "mountinfo", lines);
	return 0;
}
