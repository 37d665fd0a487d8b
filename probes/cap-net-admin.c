/* cap.net-admin (attempt): ask the kernel to delete a route whose
 * destination has no address family (SIOCDELRT).  The kernel checks
 * CAP_NET_ADMIN first and then rejects the family with EAFNOSUPPORT, before
 * looking at any routing table, so no route is touched either way. */
#define _GNU_SOURCE
#include <errno.h>
#include <net/route.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	struct rtentry rt;
	int fd, err = 0;

	memset(&rt, 0, sizeof(rt));
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return HP_CAP_NO_SETUP;
	if (ioctl(fd, SIOCDELRT, &rt) < 0)
		err = errno;
	close(fd);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_NET_ADMIN,
	.also = -1,
	.action = "delete a route with no address family (SIOCDELRT)",
	.attempt = attempt,
	.granted = { EAFNOSUPPORT },
	.setup = "an IPv4 socket",
};

int probe_cap_net_admin(json_object *data)
{
	return hp_cap_probe(data, &action);
}
