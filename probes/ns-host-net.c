/* ns.host-net (fact): does the container share the host's network
 * namespace?  A network interface backed by a device (a NIC:
 * /sys/class/net/X/device) or a bridge lives on the host, never in a
 * container's own namespace, which holds lo and virtual ends such as a
 * veth.  Abstract unix sockets (/proc/net/unix, per network namespace)
 * are listed as well: host daemons' names show up there.  It only reads
 * /proc and /sys. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "probe-host.h"
#include "probe.h"

#define MAX_SOCKETS 16

static bool has_entry(const char *ifname, const char *entry)
{
	char path[128];

	snprintf(path, sizeof(path), "/sys/class/net/%s/%s", ifname, entry);
	return access(path, F_OK) == 0;
}

struct nets {
	json_object *all, *hardware, *bridges;
};

static void add_interface(struct nets *n, const char *name)
{
	json_object_array_add(n->all, json_object_new_string(name));
	if (!strcmp(name, "lo"))
		return;
	if (has_entry(name, "device"))
		json_object_array_add(n->hardware,
				      json_object_new_string(name));
	if (has_entry(name, "bridge"))
		json_object_array_add(n->bridges, json_object_new_string(name));
}

/* Interface names: the text before ':' on the lines after the two
 * header lines of /proc/net/dev. */
static int read_interfaces(struct nets *n)
{
	FILE *f = fopen("/proc/net/dev", "re");
	char line[512], name[64];
	int lineno = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (++lineno > 2 && sscanf(line, " %63[^:]:", name) == 1)
			add_interface(n, name);
	fclose(f);
	return 0;
}

/* Abstract socket names (path column starting with '@'), the first few. */
static int read_abstract(json_object *list)
{
	FILE *f = fopen("/proc/net/unix", "re");
	char line[1024], path[512];
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%*s %*s %*s %*s %*s %*s %*s %511s", path) ==
			    1 &&
		    path[0] == '@' && n++ < MAX_SOCKETS)
			json_object_array_add(list,
					      json_object_new_string(path));
	fclose(f);
	return n;
}

int probe_ns_host_net(json_object *data)
{
	struct nets n = { json_object_new_array(), json_object_new_array(),
			  json_object_new_array() };
	json_object *abstract = json_object_new_array();
	int count = read_abstract(abstract);
	bool host;

	json_object_object_add(data, "interfaces", n.all);
	json_object_object_add(data, "hardware", n.hardware);
	json_object_object_add(data, "bridges", n.bridges);
	json_object_object_add(data, "abstract_sockets", abstract);
	hp_add_int_or_null(data, "abstract_count", count >= 0, count);
	json_object_object_add(data, "sysfs_net",
			       json_object_new_boolean(
				       access("/sys/class/net", R_OK) == 0));
	if (read_interfaces(&n) < 0) {
		hp_skip(data, "cannot read /proc/net/dev");
		return 0;
	}
	host = json_object_array_length(n.hardware) ||
	       json_object_array_length(n.bridges);
	hp_add_str(data, "outcome", host ? "host" : "isolated");
	return 0;
}
