/* limits.oom-score-adj (attempt): can the process lower its OOM score
 * adjustment below the value it started with, making the kernel's OOM
 * killer pick host processes before it?  A throw-away child writes its
 * start value minus one to its own /proc/self/oom_score_adj and, when that
 * worked, writes the start value back at once.  The value belongs to the
 * child alone (fork copies it), so nothing outlives the child. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

#define ADJ_PATH "/proc/self/oom_score_adj"

static int write_adj(int value)
{
	char buf[16];
	int fd = open(ADJ_PATH, O_WRONLY | O_CLOEXEC), err = 0;
	int n = snprintf(buf, sizeof(buf), "%d", value);

	if (fd < 0)
		return errno;
	if (write(fd, buf, (size_t)n) != n)
		err = errno ? errno : EIO;
	close(fd);
	return err;
}

/* Exit status: 0 when lowering worked, else the errno. */
static int try_lower(void *arg)
{
	int start = *(int *)arg, err = write_adj(start - 1);

	if (!err)
		write_adj(start);
	return err;
}

int probe_limits_oom_score_adj(json_object *data)
{
	char line[32];
	int start, status, err;

	if (hp_read_line(ADJ_PATH, line, sizeof(line)) < 0) {
		hp_skip(data, "cannot read " ADJ_PATH);
		return 0;
	}
	start = atoi(line);
	if (start <= -1000) {
		hp_skip(data, "oom_score_adj is already -1000, the lowest");
		return 0;
	}
	status = hp_in_child(try_lower, &start);
	if (status < 0 || !WIFEXITED(status))
		return status < 0 ? status : -ECHILD;
	err = WEXITSTATUS(status);
	hp_add_str(data, "outcome", err ? "denied" : "allowed");
	json_object_object_add(data, "start", json_object_new_int(start));
	json_object_object_add(data, "tried", json_object_new_int(start - 1));
	json_object_object_add(data, "errno", hp_errno_json(err));
	return 0;
}
