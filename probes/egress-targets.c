/* The targets of net.egress: numeric HOST:PORT pairs given to run-probes
 * with --egress, parsed once before any probe runs.  No name is resolved:
 * a DNS query would itself be traffic the container may not be allowed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe-host.h"

static struct hp_egress_target targets[HP_EGRESS_MAX];
static size_t ntargets;

/* The port after the address: 1 to 65535, digits only. */
static int parse_port(const char *s, in_port_t *port)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > 65535)
		return -1;
	*port = htons((in_port_t)v);
	return 0;
}

/* "[v6]:PORT" into t. */
static int parse_v6(const char *s, struct hp_egress_target *t)
{
	struct sockaddr_in6 *a = (struct sockaddr_in6 *)&t->addr;
	const char *close = strchr(s, ']');
	char host[INET6_ADDRSTRLEN];
	size_t n = close ? (size_t)(close - s - 1) : 0;

	if (!close || close[1] != ':' || n == 0 || n >= sizeof(host))
		return -1;
	memcpy(host, s + 1, n);
	host[n] = '\0';
	a->sin6_family = AF_INET6;
	t->len = sizeof(*a);
	if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1)
		return -1;
	return parse_port(close + 2, &a->sin6_port);
}

/* "a.b.c.d:PORT" into t. */
static int parse_v4(const char *s, struct hp_egress_target *t)
{
	struct sockaddr_in *a = (struct sockaddr_in *)&t->addr;
	const char *colon = strrchr(s, ':');
	char host[INET_ADDRSTRLEN];
	size_t n = colon ? (size_t)(colon - s) : 0;

	if (!colon || n == 0 || n >= sizeof(host))
		return -1;
	memcpy(host, s, n);
	host[n] = '\0';
	a->sin_family = AF_INET;
	t->len = sizeof(*a);
	if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
		return -1;
	return parse_port(colon + 1, &a->sin_port);
}

int hp_egress_add(const char *text)
{
	struct hp_egress_target t = { .text = text };
	int rc = text[0] == '[' ? parse_v6(text, &t) : parse_v4(text, &t);

	if (rc < 0) {
		fprintf(stderr,
			"hardprobe: bad egress target '%s' (want a numeric "
			"ADDRESS:PORT, such as 127.0.0.1:80 or [::1]:80)\n",
			text);
		return -1;
	}
	for (size_t i = 0; i < ntargets; i++)
		if (strcmp(targets[i].text, text) == 0) {
			fprintf(stderr,
				"hardprobe: egress target '%s' given twice\n",
				text);
			return -1;
		}
	if (ntargets == HP_EGRESS_MAX) {
		fprintf(stderr,
			"hardprobe: too many egress targets (at most %d)\n",
			HP_EGRESS_MAX);
		return -1;
	}
	targets[ntargets++] = t;
	return 0;
}

const struct hp_egress_target *hp_egress_targets(size_t *n)
{
	*n = ntargets;
	return targets;
}
