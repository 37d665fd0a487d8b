/* Child processes for ctr: posix_spawn with an argv, a deadline, and its
 * stderr kept to tell the user what went wrong. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ctr.h"

/* A chatty ctr (or container) cannot make us hold more than this. */
#define CAPTURE_MAX (1 << 20)
/* How long ctr may take to stop after SIGTERM before SIGKILL. */
#define TERM_GRACE_MS 5000

extern char **environ;

/* The signals that stop waiting for ctr, and the one that came. */
#define NSTOP 3
static const int stop_signals[NSTOP] = { SIGINT, SIGTERM, SIGHUP };
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

char **hp_ctr_argv(const struct hp_ctr *c, char *const *args)
{
	size_t n = 0, i;
	char **argv;

	while (args[n])
		n++;
	argv = calloc(n + 6, sizeof(*argv));
	if (!argv)
		return NULL;
	argv[0] = (char *)c->program;
	if (c->runc_root) {
		argv[1] = "--root";
		argv[2] = (char *)c->runc_root;
		for (i = 0; i < n; i++)
			argv[3 + i] = args[i];
		return argv;
	}
	argv[1] = "-a";
	argv[2] = (char *)c->address;
	argv[3] = "-n";
	argv[4] = (char *)c->ns;
	for (i = 0; i < n; i++)
		argv[5 + i] = args[i];
	return argv;
}

static int spawn(const struct hp_ctr *c, char *const *args, int out_fd,
		 int err_fd, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	char **argv = hp_ctr_argv(c, args);
	int ret;

	if (!argv)
		return -ENOMEM;
	ret = posix_spawn_file_actions_init(&fa);
	if (ret == 0) {
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY,
						 0);
		posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
		posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
		ret = posix_spawnp(pid, c->program, &fa, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&fa);
	}
	free(argv);
	return -ret;
}

static void catch_stop_signals(struct sigaction *old)
{
	struct sigaction sa = { .sa_handler = on_stop_signal };
	size_t i;

	/* No SA_RESTART: the signal must cut the poll() short. */
	stop_signal = 0;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &sa, &old[i]);
}

static void restore_signals(const struct sigaction *old)
{
	size_t i;

	for (i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &old[i], NULL);
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000;
}

/* Wait up to ms milliseconds for pid; 1 when it ended, 0 when not yet
 * (or, when stoppable, a stop signal came). */
static int wait_for(pid_t pid, int pidfd, int ms, bool stoppable, int *status)
{
	struct pollfd p = { .fd = pidfd, .events = POLLIN };
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	long end = now_ms() + ms, left;
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR) {
			*status = 255 << 8; /* lost: count it as a failure */
			return 1;
		}
		left = end - now_ms();
		if (left <= 0 || (stoppable && stop_signal))
			return 0;
		if (pidfd >= 0)
			poll(&p, 1, (int)left);
		else /* no pidfd before Linux 5.3: look again soon */
			nanosleep(&tick, NULL);
	}
}

static void wait_deadline(pid_t pid, int timeout_s, struct hp_ctr_call *call)
{
	int pidfd = pidfd_open(pid, 0);

	if (!wait_for(pid, pidfd, timeout_s * 1000, true, &call->status)) {
		call->interrupted = stop_signal;
		call->timed_out = !stop_signal;
		kill(pid, SIGTERM);
		if (!wait_for(pid, pidfd, TERM_GRACE_MS, false,
			      &call->status)) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &call->status, 0) < 0 &&
			       errno == EINTR)
				;
		}
	}
	if (pidfd >= 0)
		close(pidfd);
}

/* The text written to the memory file fd, up to CAPTURE_MAX bytes. */
static char *slurp(int fd)
{
	off_t size = lseek(fd, 0, SEEK_END);
	size_t len = size < 0		  ? 0
		     : size > CAPTURE_MAX ? CAPTURE_MAX
					  : (size_t)size;
	char *buf = malloc(len + 1);
	ssize_t n;

	if (!buf)
		return NULL;
	n = pread(fd, buf, len, 0);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

int hp_ctr_call(const struct hp_ctr *c, char *const *args,
		struct hp_ctr_call *call)
{
	int err_fd = memfd_create("ctr-stderr", MFD_CLOEXEC);
	int out_fd = call->out_fd;
	struct sigaction old[NSTOP];
	pid_t pid;
	int ret;

	call->timed_out = false;
	call->interrupted = 0;
	call->out = call->err = NULL;
	if (out_fd < 0)
		out_fd = memfd_create("ctr-stdout", MFD_CLOEXEC);
	ret = err_fd < 0 || out_fd < 0 ? -errno : 0;
	if (ret == 0)
		ret = spawn(c, args, out_fd, err_fd, &pid);
	if (ret == 0) {
		catch_stop_signals(old);
		wait_deadline(pid, c->timeout_s, call);
		restore_signals(old);
		call->err = slurp(err_fd);
		if (call->out_fd < 0)
			call->out = slurp(out_fd);
	}
	if (err_fd >= 0)
		close(err_fd);
	if (call->out_fd < 0 && out_fd >= 0)
		close(out_fd);
	return ret;
}

void hp_ctr_call_free(struct hp_ctr_call *call)
{
	free(call->out);
	free(call->err);
	call->out = call->err = NULL;
}

bool hp_ctr_ok(const struct hp_ctr_call *call)
{
	return !call->timed_out && !call->interrupted &&
	       WIFEXITED(call->status) && WEXITSTATUS(call->status) == 0;
}

/* How ctr ended, when it said nothing. */
static char *how_it_ended(const struct hp_ctr_call *call)
{
	char *s = NULL;
	int n;

	if (call->timed_out)
		n = asprintf(&s, "ctr did not finish in time and was killed");
	else if (call->interrupted)
		n = asprintf(&s, "interrupted by signal %d, ctr killed",
			     call->interrupted);
	else if (WIFSIGNALED(call->status))
		n = asprintf(&s, "ctr was killed by signal %d",
			     WTERMSIG(call->status));
	else
		n = asprintf(&s, "ctr exited with status %d",
			     WEXITSTATUS(call->status));
	return n < 0 ? NULL : s;
}

char *hp_ctr_said(const struct hp_ctr_call *call)
{
	const char *s = call->err ? call->err : "", *end, *start;

	end = s + strlen(s);
	while (end > s && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	if (end == s)
		return how_it_ended(call);
	start = end;
	while (start > s && start[-1] != '\n')
		start--;
	return strndup(start, (size_t)(end - start));
}
