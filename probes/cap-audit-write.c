/* cap.audit-write (attempt): send the kernel's audit socket an AUDIT_USER
 * message with an empty text, and read the acknowledgement.  The kernel
 * checks CAP_AUDIT_WRITE first; it then drops a message with less than
 * two bytes of text (EINVAL, or 0 while auditing is off) without writing
 * an audit record.  Outside the initial user namespace the kernel refuses
 * every audit message (ECONNREFUSED). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int send_empty(int fd)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct nlmsghdr msg = { .nlmsg_len = NLMSG_LENGTH(0),
				.nlmsg_type = AUDIT_USER,
				.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
				.nlmsg_seq = 1 };

	if (sendto(fd, &msg, msg.nlmsg_len, 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) < 0)
		return errno;
	return 0;
}

/* The acknowledgement's error: 0 or a positive errno. */
static int read_ack(int fd)
{
	char buf[512] __attribute__((aligned(4)));
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct nlmsgerr *e = NLMSG_DATA(h);
	ssize_t n = recv(fd, buf, sizeof(buf), 0);

	if (n < 0)
		return errno == EAGAIN ? HP_CAP_NO_SETUP : errno;
	if (!NLMSG_OK(h, (size_t)n) || h->nlmsg_type != NLMSG_ERROR ||
	    h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
		return HP_CAP_NO_SETUP;
	return -e->error;
}

static int attempt(void)
{
	struct timeval wait = { .tv_sec = 2 };
	int fd, err;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);
	if (fd < 0)
		return HP_CAP_NO_SETUP;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
	err = send_empty(fd);
	if (err == 0)
		err = read_ack(fd);
	close(fd);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_AUDIT_WRITE,
	.also = -1,
	.action = "send an empty user message to the audit socket",
	.attempt = attempt,
	.granted = { EINVAL },
	.refused = { ECONNREFUSED },
	.setup = "an audit netlink socket and the kernel's acknowledgement",
};

int probe_cap_audit_write(json_object *data)
{
	return hp_cap_probe(data, &action);
}
