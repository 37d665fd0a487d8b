/* cap.sys-ptrace (attempt): fork a grandchild that makes itself
 * non-dumpable and waits, then PTRACE_SEIZE it.  Same uid, but a
 * non-dumpable process may only be traced with CAP_SYS_PTRACE.  Seizing
 * does not stop the grandchild; it is killed right after, and nothing but
 * the probe's own process is ever traced. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static void target(int ready)
{
	char c = 'r';

	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (write(ready, &c, 1) != 1)
		_exit(1);
	pause();
	_exit(0);
}

static int attempt(void)
{
	int pipefd[2], err = 0;
	pid_t pid;
	char c;

	if (pipe(pipefd) < 0)
		return HP_CAP_NO_SETUP;
	pid = fork();
	if (pid < 0)
		return HP_CAP_NO_SETUP;
	if (pid == 0)
		target(pipefd[1]);
	if (read(pipefd[0], &c, 1) != 1)
		err = HP_CAP_NO_SETUP;
	else if (ptrace(PTRACE_SEIZE, pid, NULL, NULL) < 0)
		err = errno;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_SYS_PTRACE,
	.also = -1,
	.action = "seize a non-dumpable child process of the probe",
	.attempt = attempt,
	.setup = "a pipe and a child process",
};

int probe_cap_sys_ptrace(json_object *data)
{
	return hp_cap_probe(data, &action);
}
