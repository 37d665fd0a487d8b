/* fs.etc-passwd-write (attempt): open /etc/passwd for appending and close
 * it again.  Not one byte is written and O_APPEND cannot truncate, so the
 * file is the same whether or not the open is allowed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "probe.h"

#define PASSWD "/etc/passwd"

/* Which defence an errno points to. */
static const char *layer_of(int err)
{
	switch (err) {
	case EROFS:
		return "read-only mount";
	case EACCES:
		return "permissions";
	case EPERM:
		return "seccomp or LSM";
	default:
		return NULL;
	}
}

int probe_fs_etc_passwd_write(json_object *data)
{
	int fd, err = 0;

	fd = open(PASSWD, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (fd < 0)
		err = errno;
	else
		close(fd);
	hp_add_str(data, "outcome",
		   err == ENOENT ? "absent"
		   : err	 ? "denied"
				 : "allowed");
	hp_add_str(data, "path", PASSWD);
	json_object_object_add(data, "errno", hp_errno_json(err));
	hp_add_str(data, "layer", layer_of(err));
	return 0;
}
