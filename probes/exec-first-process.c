/* exec.first-process (fact): the credentials and confinement of the
 * container's first process (pid 1), for the harness to compare with the
 * exec'd process that runs the probes.  A process started later in the
 * container (ctr task exec, kubectl exec) gets them from the exec request,
 * not from pid 1, and runtimes have shipped exec paths that lost
 * no_new_privs or gained capabilities.  It only reads /proc. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

static const char *const fields[] = {
	"CapInh", "CapPrm",	"CapEff",  "CapBnd",
	"CapAmb", "NoNewPrivs", "Seccomp", "Seccomp_filters",
	"Uid",	  "Gid",	"Groups",  NULL,
};

/* The fields' values from pid 1's status, as an object (null for a field
 * the kernel does not write); -errno when the file cannot be read. */
static int read_status(json_object **out)
{
	const char *path = "/proc/1/status";
	char line[512];
	int rc = hp_status_line(path, "Name", line, sizeof(line));

	if (rc < 0)
		return rc;
	*out = json_object_new_object();
	for (size_t i = 0; fields[i]; i++)
		hp_add_str(*out, fields[i],
			   hp_status_line(path, fields[i], line,
					  sizeof(line)) == 0
				   ? hp_status_value(line)
				   : NULL);
	return 0;
}

/* pid 1's security module label, read as lsm.apparmor and lsm.selinux
 * read their own: the module's file, else the shared one. */
static void add_label(json_object *data)
{
	const char *source = "/proc/1/attr/apparmor/current";
	char label[512];
	int rc = hp_read_line(source, label, sizeof(label));

	if (rc == -ENOENT) {
		source = "/proc/1/attr/current";
		rc = hp_read_line(source, label, sizeof(label));
	}
	hp_add_str(data, "label", rc == 0 ? label : NULL);
	hp_add_str(data, "label_source", source);
	json_object_object_add(data, "label_errno", hp_errno_json(-rc));
}

/* Whether pid 1 is in this process's cgroups.  With the host's pid
 * namespace (or a pod's shared one) pid 1 is another container's process
 * or the host's init, and comparing with it would mean nothing. */
static int same_cgroup(void)
{
	json_object *self = NULL, *pid1 = NULL;
	int rc = hp_read_lines("/proc/self/cgroup", &self);

	if (rc == 0)
		rc = hp_read_lines("/proc/1/cgroup", &pid1);
	if (rc == 0)
		rc = json_object_equal(self, pid1);
	json_object_put(self);
	json_object_put(pid1);
	return rc;
}

int probe_exec_first_process(json_object *data)
{
	json_object *pid1;
	int rc;

	/* The probe is a child of run-probes. */
	if (getppid() == 1) {
		hp_skip(data, "run-probes is pid 1, the first process itself: "
			      "no exec to compare (see hardprobe exec)");
		return 0;
	}
	rc = same_cgroup();
	if (rc <= 0) {
		hp_skip(data, "%s",
			rc < 0 ? "cannot read /proc/1/cgroup"
			       : "pid 1 is in another cgroup: not "
				 "this container's first process");
		return 0;
	}
	rc = read_status(&pid1);
	if (rc < 0) {
		hp_skip(data, "cannot read /proc/1/status: %s",
			strerrorname_np(-rc));
		return 0;
	}
	hp_add_str(data, "outcome", "observed");
	json_object_object_add(data, "pid1", pid1);
	add_label(data);
	return 0;
}
