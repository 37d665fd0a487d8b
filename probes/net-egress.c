/* net.egress (attempt): can the container open a TCP connection to each
 * target run-probes was given?  Every connect() starts at once, non-
 * blocking, and the probe waits for all of them together, at most
 * EGRESS_TIMEOUT_MS.  A connection that opens is closed at once and
 * nothing is sent, so the server sees a connection end without a request;
 * with no target given, the probe touches the network not at all. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

#define EGRESS_TIMEOUT_MS 1500

/* One connection attempt. */
struct attempt {
	int fd;		  /* -1 once settled */
	int err;	  /* 0: connected */
	const char *step; /* "socket" or "connect" */
	bool timed_out;
};

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void settle(struct attempt *a, int err)
{
	close(a->fd);
	a->fd = -1;
	a->err = err;
}

static void start(const struct hp_egress_target *t, struct attempt *a)
{
	a->step = "socket";
	a->fd = socket(t->addr.ss_family,
		       SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (a->fd < 0) {
		a->err = errno;
		return;
	}
	a->step = "connect";
	if (connect(a->fd, (const struct sockaddr *)&t->addr, t->len) == 0)
		settle(a, 0);
	else if (errno != EINPROGRESS)
		settle(a, errno);
}

/* The outcome of a connect() that poll() says has ended. */
static void finish(struct attempt *a)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(a->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		err = errno;
	settle(a, err);
}

/* Wait for every pending attempt, until the deadline. */
static void wait_all(struct attempt *at, size_t n)
{
	long deadline = now_ms() + EGRESS_TIMEOUT_MS, left;
	struct pollfd pfd[HP_EGRESS_MAX];
	size_t pending;

	for (;;) {
		pending = 0;
		for (size_t i = 0; i < n; i++) {
			pfd[i] = (struct pollfd){ .fd = at[i].fd,
						  .events = POLLOUT };
			pending += at[i].fd >= 0;
		}
		left = deadline - now_ms();
		if (!pending || left <= 0)
			break;
		if (poll(pfd, n, (int)left) < 0 && errno != EINTR)
			break;
		for (size_t i = 0; i < n; i++)
			if (at[i].fd >= 0 && pfd[i].revents)
				finish(&at[i]);
	}
	for (size_t i = 0; i < n; i++)
		if (at[i].fd >= 0) {
			at[i].timed_out = true;
			settle(&at[i], 0);
		}
}

static const char *result_word(const struct attempt *a)
{
	if (a->timed_out || a->err == ETIMEDOUT)
		return "timeout";
	if (a->err == 0)
		return "reachable";
	return a->err == ECONNREFUSED ? "refused" : "unreachable";
}

static json_object *target_json(const struct hp_egress_target *t,
				const struct attempt *a)
{
	json_object *o = json_object_new_object();

	hp_add_str(o, "target", t->text);
	hp_add_str(o, "result", result_word(a));
	hp_add_str(o, "step", a->step);
	json_object_object_add(o, "errno", hp_errno_json(a->err));
	return o;
}

int probe_net_egress(json_object *data)
{
	struct attempt at[HP_EGRESS_MAX];
	json_object *list = json_object_new_array();
	size_t n, reachable = 0;
	const struct hp_egress_target *t = hp_egress_targets(&n);

	if (n == 0) {
		json_object_put(list);
		hp_skip(data, "no targets");
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		at[i] = (struct attempt){ .fd = -1 };
		start(&t[i], &at[i]);
	}
	wait_all(at, n);
	for (size_t i = 0; i < n; i++) {
		json_object_array_add(list, target_json(&t[i], &at[i]));
		reachable += !strcmp(result_word(&at[i]), "reachable");
	}
	hp_add_str(data, "outcome", reachable ? "reachable" : "unreachable");
	json_object_object_add(data, "targets", list);
	json_object_object_add(data, "reachable_count",
			       json_object_new_int((int)reachable));
	json_object_object_add(data, "timeout_ms",
			       json_object_new_int(EGRESS_TIMEOUT_MS));
	return 0;
}
