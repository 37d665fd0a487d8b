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

static void set_deadline(struct timespec *deadline,
			 const struct timespec *start, long timeout_ms)
{
	long long ns = start->tv_nsec + (timeout_ms % 1000) * 1000000LL;

	deadline->tv_sec =
		start->tv_sec + timeout_ms / 1000 + ns / 1000000000LL;
	deadline->tv_nsec = ns % 1000000000LL;
}

int hp_job_start(struct hp_job *j, const struct hp_probe *p, long timeout_ms)
{
	int fds[2];

	*j = (struct hp_job){ .probe = p, .fd = -1 };
	j->c.timeout_ms = timeout_ms;
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	fflush(NULL);
	clock_gettime(CLOCK_MONOTONIC, &j->start);
	j->pid = fork();
	if (j->pid < 0) {
		int err = errno;

		close(fds[0]);
		close(fds[1]);
		return -err;
	}
	if (j->pid == 0)
		child_main(p, fds[1]);
	close(fds[1]);
	setpgid(j->pid, j->pid);
	j->fd = fds[0];
	j->running = true;
	set_deadline(&j->deadline, &j->start, timeout_ms);
	return 0;
}

/* The job is over: kill its process group when told to, reap the child
 * (and, after a kill, the group's orphans, which come back to us as
 * subreaper or pid 1), and note how long it took. */
static void job_finish(struct hp_job *j, bool kill_it)
{
	struct timespec end;

	if (kill_it) {
		kill(-j->pid, SIGKILL);
		if (!j->reaped)
			kill(j->pid, SIGKILL);
	}
	while (!j->reaped && waitpid(j->pid, &j->c.wstatus, 0) < 0)
		if (errno != EINTR)
			break;
	while (kill_it && (waitpid(-j->pid, NULL, 0) > 0 || errno == EINTR))
		;
	close(j->fd);
	j->fd = -1;
	clock_gettime(CLOCK_MONOTONIC, &end);
	j->c.duration_ms = ms_between(&j->start, &end);
	j->running = false;
	j->done = true;
}

/* The earliest deadline of the running jobs, as time left in *left;
 * false when one has passed (and is then finished as timed out). */
static bool nearest_deadline(struct hp_job *jobs, size_t n,
			     struct timespec *left)
{
	struct timespec t;
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (!jobs[i].running)
			continue;
		if (!time_left(&jobs[i].deadline, &t)) {
			jobs[i].c.timed_out = true;
			job_finish(&jobs[i], true);
			return false;
		}
		if (!any || t.tv_sec < left->tv_sec ||
		    (t.tv_sec == left->tv_sec && t.tv_nsec < left->tv_nsec))
			*left = t;
		any = true;
	}
	return any;
}

/* After a wake-up: read what job j printed, reap it when it exited. */
static void job_step(struct hp_job *j, short revents)
{
	if (revents && read_some(j->fd, &j->c, &j->eof) < 0) {
		job_finish(j, true);
		return;
	}
	if (j->c.overflow) {
		job_finish(j, true);
		return;
	}
	if (!j->reaped && waitpid(j->pid, &j->c.wstatus, WNOHANG) == j->pid)
		j->reaped = true;
	if (j->eof && j->reaped)
		job_finish(j, false);
}

void hp_jobs_wait(struct hp_job *jobs, size_t n)
{
	struct pollfd pfd[n];
	struct timespec left;
	sigset_t none;

	if (!nearest_deadline(jobs, n, &left))
		return;
	for (size_t i = 0; i < n; i++) {
		bool watch = jobs[i].running && !jobs[i].eof;

		pfd[i] = (struct pollfd){ .fd = watch ? jobs[i].fd : -1,
					  .events = POLLIN };
	}
	sigemptyset(&none);
	/* SIGCHLD is blocked but while waiting here: a child's exit ends
	 * the wait (EINTR), even one that came before it. */
	if (ppoll(pfd, n, &left, &none) < 0 && errno != EINTR) {
		for (size_t i = 0; i < n; i++)
			if (jobs[i].running)
				job_finish(&jobs[i], true);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (jobs[i].running)
			job_step(&jobs[i], pfd[i].revents);
}
