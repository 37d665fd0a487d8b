/* Waiting for the stream's reader before run-probes exits. */
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "drain.h"

#define POLL_MS 2

int hp_drain_stdout(int timeout_ms)
{
	const struct timespec pause = { .tv_nsec = POLL_MS * 1000000L };
	struct stat st;
	int unread;

	if (fstat(STDOUT_FILENO, &st) < 0)
		return -errno;
	if (!S_ISFIFO(st.st_mode))
		return 0;
	/* FIONREAD on either end of a pipe counts the bytes in it. */
	for (int waited = 0; waited <= timeout_ms; waited += POLL_MS) {
		if (ioctl(STDOUT_FILENO, FIONREAD, &unread) < 0)
			return -errno;
		if (unread == 0)
			return 0;
		nanosleep(&pause, NULL);
	}
	return -ETIMEDOUT;
}
