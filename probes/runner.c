/* Run one probe in its own child: whatever the probe does (crash, hang,
 * change its identity or namespaces) cannot touch run-probes itself. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runner.h"

static void on_sigchld(int sig)
{
	(void)sig;
}

int hp_runner_init(void)
{
	struct sigaction sa = { .sa_handler = on_sigchld };
	sigset_t set;

	/* Orphans of a killed probe come back to us, to be reaped. */
	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGCHLD, &sa, NULL) < 0)
		return -errno;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -errno;
	return 0;
}

static int write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The probe child: fresh signal state, own process group (so that a
 * timeout kills its helpers too), stdout on the pipe. */
static void __attribute__((noreturn))
child_main(const struct hp_probe *p, int out)
{
	json_object *data;
	sigset_t none;
	int rc;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGCHLD, SIG_DFL);
	setpgid(0, 0);
	if (dup2(out, STDOUT_FILENO) < 0)
		_exit(127);
	data = json_object_new_object();
	rc = p->run(data);
	if (rc < 0) {
		fprintf(stderr, "hardprobe: run probe '%s': %s\n", p->id,
			strerror(-rc));
		_exit(1);
	}
	const char *s = json_object_to_json_string_ext(
		data, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	_exit(write_all(STDOUT_FILENO, s, strlen(s)) < 0 ? 1 : 0);
}

static long ms_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000 +
	       (b->tv_nsec - a->tv_nsec) / 1000000;
}

/* Time left until deadline in *left; false when it has passed. */
static bool time_left(const struct timespec *deadline, struct timespec *left)
{
	struct timespec now;
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = (deadline->tv_sec - now.tv_sec) * 1000000000LL +
	     (deadline->tv_nsec - now.tv_nsec);
	if (ns <= 0)
		return false;
	left->tv_sec = ns / 1000000000LL;
	left->tv_nsec = ns % 1000000000LL;
	return true;
}

/* Read what is available; sets *eof at end of file, c->overflow past
 * the cap. */
static int read_some(int fd, struct hp_capture *c, bool *eof)
{
	char buf[65536];
	ssize_t n;

	n = read(fd, buf, sizeof(buf));
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -errno;
	if (n == 0) {
		*eof = true;
		return 0;
	}
	if (c->len + (size_t)n > HP_OUTPUT_CAP) {
		c->overflow = true;
		return 0;
	}
	char *grown = realloc(c->out, c->len + (size_t)n + 1);

	if (!grown)
		return -ENOMEM;
	memcpy(grown + c->len, buf, (size_t)n);
	c->out = grown;
	c->len += (size_t)n;
	c->out[c->len] = '\0';
	return 0;
}

struct watch {
	int fd;
	pid_t pid;
	bool eof;
	bool reaped;
	struct timespec deadline;
};

/* One wait for output, exit or deadline.  Returns 1 to go on, 0 when
 * done, -1 when the child must be killed (timeout, overflow, error). */
static int watch_step(struct watch *w, struct hp_capture *c)
{
	struct pollfd pfd = { .fd = w->eof ? -1 : w->fd, .events = POLLIN };
	struct timespec left;
	sigset_t none;

	if (!time_left(&w->deadline, &left)) {
		c->timed_out = true;
		return -1;
	}
	sigemptyset(&none);
	if (ppoll(&pfd, 1, &left, &none) < 0 && errno != EINTR)
		return -1;
	if (pfd.revents && read_some(w->fd, c, &w->eof) < 0)
		return -1;
	if (c->overflow)
		return -1;
	if (!w->reaped && waitpid(w->pid, &c->wstatus, WNOHANG) == w->pid)
		w->reaped = true;
	return w->eof && w->reaped ? 0 : 1;
}

static void watch_child(struct watch *w, struct hp_capture *c)
{
	int step;

	while ((step = watch_step(w, c)) > 0)
		;
	if (step < 0) {
		kill(-w->pid, SIGKILL);
		if (!w->reaped)
			kill(w->pid, SIGKILL);
	}
	while (!w->reaped && waitpid(w->pid, &c->wstatus, 0) < 0)
		if (errno != EINTR)
			break;
	/* The child's own children were killed with it and are ours now
	 * (we are a subreaper, or pid 1): reap them. */
	while (step < 0 && (waitpid(-w->pid, NULL, 0) > 0 || errno == EINTR))
		;
}

static void set_deadline(struct timespec *deadline,
			 const struct timespec *start, long timeout_ms)
{
	long long ns = start->tv_nsec + (timeout_ms % 1000) * 1000000LL;

	deadline->tv_sec =
		start->tv_sec + timeout_ms / 1000 + ns / 1000000000LL;
	deadline->tv_nsec = ns % 1000000000LL;
}

int hp_capture_probe(const struct hp_probe *p, long timeout_ms,
		     struct hp_capture *c)
{
	struct watch w = { 0 };
	struct timespec start, end;
	int fds[2];

	*c = (struct hp_capture){ .timeout_ms = timeout_ms };
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	fflush(NULL);
	clock_gettime(CLOCK_MONOTONIC, &start);
	w.pid = fork();
	if (w.pid < 0) {
		int err = errno;

		close(fds[0]);
		close(fds[1]);
		return -err;
	}
	if (w.pid == 0)
		child_main(p, fds[1]);
	close(fds[1]);
	setpgid(w.pid, w.pid);
	w.fd = fds[0];
	set_deadline(&w.deadline, &start, timeout_ms);
	watch_child(&w, c);
	close(fds[0]);
	clock_gettime(CLOCK_MONOTONIC, &end);
	c->duration_ms = ms_between(&start, &end);
	return 0;
}
