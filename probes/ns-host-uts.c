/* ns.host-uts (fact): does the container share the host's UTS namespace?
 * A new UTS namespace starts with a copy of the host name, so the name
 * alone proves nothing; the sound evidence is the namespace link's inode,
 * which the kernel fixes for the initial namespace.  The host and domain
 * names are reported for a profile that names the expected host name.
 * It only reads. */
#define _GNU_SOURCE
#include <sys/utsname.h>

#include "probe-host.h"
#include "probe.h"

int probe_ns_host_uts(json_object *data)
{
	struct utsname u;
	bool initial = hp_ns_add(data, "uts");

	if (uname(&u) < 0) {
		hp_skip(data, "uname failed");
		return 0;
	}
	hp_add_str(data, "outcome", initial ? "host" : "isolated");
	hp_add_str(data, "hostname", u.nodename);
	hp_add_str(data, "domainname", u.domainname);
	return 0;
}
