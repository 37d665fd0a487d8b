/* lsm.apparmor (fact): this process's AppArmor profile and mode, from
 * /proc/self/attr.  "unconfined" is AppArmor's own name for no profile.
 * On a kernel without AppArmor the probe reports skip and why.  It only
 * reads. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "probe-host.h"
#include "probe.h"

/* An SELinux context ("user:role:type:level") in the shared file means
 * the label is not AppArmor's. */
static bool selinux_like(const char *label)
{
	int colons = 0;

	for (const char *p = label; *p; p++)
		colons += *p == ':';
	return colons >= 3 && !strchr(label, ' ');
}

int probe_lsm_apparmor(json_object *data)
{
	char label[512], mode[32] = "";
	const char *source, *open;
	int rc = hp_lsm_label("apparmor", label, sizeof(label), &source);

	if (rc < 0 || selinux_like(label)) {
		hp_skip(data, "AppArmor is not active here (%s: %s)", source,
			rc < 0 ? strerrorname_np(-rc) : "an SELinux label");
		return 0;
	}
	open = strrchr(label, '(');
	if (open && sscanf(open, "(%31[a-z_])", mode) == 1)
		label[open - label - (open > label && open[-1] == ' ')] = '\0';
	hp_add_str(data, "outcome",
		   strcmp(label, "unconfined") ? "confined" : "unconfined");
	hp_add_str(data, "label", label);
	hp_add_str(data, "mode", *mode ? mode : NULL);
	hp_add_str(data, "source", source);
	return 0;
}
