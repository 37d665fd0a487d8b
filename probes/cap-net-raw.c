/* cap.net-raw (attempt): open a raw IPv4 socket and close it.  Nothing is
 * sent or bound.  Ping sockets (SOCK_DGRAM, IPPROTO_ICMP) are not used:
 * net.ipv4.ping_group_range lets them open without the capability. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	int fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);

	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_NET_RAW,
	.also = -1,
	.action = "open (and close) a raw IPv4 socket",
	.attempt = attempt,
};

int probe_cap_net_raw(json_object *data)
{
	return hp_cap_probe(data, &action);
}
