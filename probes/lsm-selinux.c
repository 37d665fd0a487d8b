/* lsm.selinux (fact): this process's SELinux context from
 * /proc/self/attr/current and whether SELinux enforces.  A context of an
 * unconfined type (unconfined_t, spc_t: the "super privileged container")
 * is reported as unconfined.  On a kernel without SELinux the probe
 * reports skip and why.  It only reads. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

/* The type: the third field of "user:role:type:level". */
static int context_type(const char *label, char *out, size_t len)
{
	const char *p = strchr(label, ':');

	p = p ? strchr(p + 1, ':') : NULL;
	if (!p || !strchr(p + 1, ':'))
		return -1;
	snprintf(out, len, "%.*s", (int)strcspn(p + 1, ":"), p + 1);
	return 0;
}

static bool unconfined_type(const char *type)
{
	static const char *const types[] = { "unconfined_t", "spc_t",
					     "unconfined_service_t", "kernel_t",
					     NULL };

	for (size_t i = 0; types[i]; i++)
		if (!strcmp(types[i], type))
			return true;
	return false;
}

int probe_lsm_selinux(json_object *data)
{
	char label[512], type[128], enforce[8];
	const char *source;
	int rc = hp_lsm_label("selinux", label, sizeof(label), &source);

	if (rc < 0 || context_type(label, type, sizeof(type)) < 0) {
		hp_skip(data, "SELinux is not active here (%s: %s)", source,
			rc < 0 ? strerrorname_np(-rc)
			       : "not an SELinux context");
		return 0;
	}
	hp_add_str(data, "outcome",
		   unconfined_type(type) ? "unconfined" : "confined");
	hp_add_str(data, "label", label);
	hp_add_str(data, "type", type);
	rc = hp_read_line("/sys/fs/selinux/enforce", enforce, sizeof(enforce));
	hp_add_str(data, "mode",
		   rc < 0 ? NULL
			  : (enforce[0] == '1' ? "enforcing" : "permissive"));
	return 0;
}
