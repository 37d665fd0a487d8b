/* run-probes --then-wait: after the record stream, wait to be stopped.
 * Harmless: it only blocks three signals and waits for one of them. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>

#include "wait.h"

int hp_wait_for_stop(void)
{
	sigset_t set;
	int sig, ret;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	ret = sigprocmask(SIG_BLOCK, &set, NULL);
	if (ret < 0)
		return -errno;
	ret = sigwait(&set, &sig);
	return ret > 0 ? -ret : 0;
}
