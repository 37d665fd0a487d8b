/* nnp.flag (fact): the no_new_privs flag, from prctl and from the status
 * files of this process and of pid 1.  It only reads, so it changes
 * nothing. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>

#include "probe.h"

int probe_nnp_flag(json_object *data)
{
	char line[128], pid1[128];
	int flag, err, rc, pid1_rc;

	flag = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	err = errno;
	rc = hp_status_line("/proc/self/status", "NoNewPrivs", line,
			    sizeof(line));
	pid1_rc = hp_status_line("/proc/1/status", "NoNewPrivs", pid1,
				 sizeof(pid1));
	if (flag < 0 && rc == 0)
		flag = hp_status_value(line)[0] == '1';
	if (flag < 0) {
		hp_skip(data, "neither prctl nor /proc/self/status tell: %s",
			strerrorname_np(err));
		return 0;
	}
	hp_add_str(data, "outcome", flag ? "set" : "clear");
	json_object_object_add(data, "no_new_privs", json_object_new_int(flag));
	hp_add_str(data, "status_line", rc == 0 ? line : NULL);
	hp_add_str(data, "pid1_line", pid1_rc == 0 ? pid1 : NULL);
	return 0;
}
