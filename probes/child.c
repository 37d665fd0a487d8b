/* Run a step in a throw-away child, so that a signal, a changed identity
 * or a changed namespace stays with that child. */
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"

int hp_in_child(int (*fn)(void *arg), void *arg)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0)
		_exit(fn(arg));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return status;
}
