/* The file descriptors run-probes inherited from whoever started it (the
 * runtime), noted before run-probes opens anything of its own, so that
 * fs.leaked-fds can tell them apart from its own. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsprobe.h"
#include "probe.h"

#define MAX_FD 1024
#define MAX_NOTED 64

struct noted {
	int fd;
	bool stat_ok;
	struct stat st;
	char target[512];
};

static struct noted noted[MAX_NOTED];
static size_t n_noted;

/* fcntl and readlink open nothing, so the scan adds no descriptor. */
void hp_note_inherited_fds(void)
{
	for (int fd = 3; fd < MAX_FD && n_noted < MAX_NOTED; fd++) {
		struct noted *n = &noted[n_noted];
		char link[64];
		ssize_t len;

		if (fcntl(fd, F_GETFD) < 0)
			continue;
		n->fd = fd;
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		len = readlink(link, n->target, sizeof(n->target) - 1);
		n->target[len < 0 ? 0 : len] = '\0';
		n->stat_ok = fstat(fd, &n->st) == 0;
		n_noted++;
	}
}

static const char *type_of(const struct noted *n)
{
	if (!n->stat_ok)
		return "unknown";
	if (S_ISDIR(n->st.st_mode))
		return "dir";
	if (S_ISREG(n->st.st_mode))
		return "file";
	if (S_ISFIFO(n->st.st_mode))
		return "pipe";
	if (S_ISSOCK(n->st.st_mode))
		return "socket";
	return S_ISCHR(n->st.st_mode) ? "char" : "other";
}

static json_object *noted_json(const struct noted *n)
{
	json_object *item = json_object_new_object();
	char dev[32];

	hp_devno_text(n->st.st_dev, dev, sizeof(dev));
	json_object_object_add(item, "fd", json_object_new_int(n->fd));
	hp_add_str(item, "target", n->target);
	hp_add_str(item, "type", type_of(n));
	hp_add_str(item, "dev", n->stat_ok ? dev : NULL);
	json_object_object_add(item, "ino",
			       n->stat_ok ? json_object_new_int64(
						    (int64_t)n->st.st_ino)
					  : NULL);
	return item;
}

json_object *hp_inherited_fds(void)
{
	json_object *list = json_object_new_array();

	for (size_t i = 0; i < n_noted; i++)
		json_object_array_add(list, noted_json(&noted[i]));
	return list;
}
