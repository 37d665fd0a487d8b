/* Waiting for the stream's reader before run-probes exits. */
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "drain.h"

/* The shim reads at once; a short pause keeps the exit prompt. */
#define POLL_US 200

int hp_drain_stdout(int timeout_ms)
{
	const struct timespec pause = { .tv_nsec = POLL_US * 1000L };
	struct stat st;
	int unread;

	if (fstat(STDOUT_FILENO, &st) < 0)
		return -errno;
	if (!S_ISFIFO(st.st_mode))
		return 0;
	/* FIONREAD on either end of a pipe counts the bytes in it. */
	for (long waited = 0; waited <= timeout_ms * 1000L; waited += POLL_US) {
		if (ioctl(STDOUT_FILENO, FIONREAD, &unread) < 0)
			return -errno;
		if (unread == 0)
			return 0;
		nanosleep(&pause, NULL);
	}
	return -ETIMEDOUT;
}
