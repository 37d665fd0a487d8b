/* cap.setuid (attempt): setresuid to a uid the process does not have, in
 * the throw-away child that exits right after. */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	/* An id next to our own: mapped wherever ours is mapped. */
	uid_t other = geteuid() ^ 1;

	return setresuid(other, other, other) < 0 ? errno : 0;
}

static const struct hp_cap_action action = {
	.cap = CAP_SETUID,
	.also = -1,
	.action = "switch the throw-away child to another uid (setresuid)",
	.attempt = attempt,
};

int probe_cap_setuid(json_object *data)
{
	return hp_cap_probe(data, &action);
}
