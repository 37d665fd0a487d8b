/* Spec claims about devices: the nodes of linux.devices against what
 * devices.nodes found in /dev, and the device cgroup rules of
 * linux.resources.devices against what devices.mknod-open could open. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff-impl.h"

/* A device: 'c' or 'b', and its numbers. */
struct dev {
	char type;
	long major, minor;
};

/* The probes write "char"/"block" and "MAJOR:MINOR". */
static bool seen_dev(json_object *node, const char *devkey, struct dev *out)
{
	const char *type = hp_sd_str(node, "type");

	out->type = strcmp(type, "block") == 0 ? 'b' : 'c';
	return sscanf(hp_sd_str(node, devkey), "%ld:%ld", &out->major,
		      &out->minor) == 2;
}

/* A number member of a spec item; -1 (any) when absent. */
static long number(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return -1;
	return (long)json_object_get_int64(v);
}

static bool spec_lists(json_object *spec, const char *path,
		       const struct dev *dv)
{
	json_object *item;
	size_t i;

	for (i = 0; i < json_object_array_length(spec); i++) {
		item = json_object_array_get_idx(spec, i);
		if (strcmp(hp_sd_str(item, "path"), path) == 0 ||
		    (hp_sd_str(item, "type")[0] == dv->type &&
		     number(item, "major") == dv->major &&
		     number(item, "minor") == dv->minor))
			return true;
	}
	return false;
}

/* The "nodes" array of probe's record, its data in *data; NULL when
 * there is no record or no array. */
static json_object *observed_nodes(struct hp_sd *d, const char *probe,
				   json_object **data)
{
	json_object *nodes;

	*data = hp_sd_observed(d, probe);
	if (!*data || !json_object_object_get_ex(*data, "nodes", &nodes) ||
	    !json_object_is_type(nodes, json_type_array))
		return NULL;
	return nodes;
}

/* linux.devices: no node in /dev beyond the runtime's standard ones
 * (null, zero, full, random, urandom, tty, console, ptmx, ptys) and the
 * spec's. */
void hp_sd_devices(struct hp_sd *d)
{
	json_object *spec = hp_sd_claim(d, "linux.devices", json_type_array);
	json_object *data, *nodes = observed_nodes(d, "devices.nodes", &data);
	json_object *n;
	char *extra = NULL, one[512], has[4096];
	struct dev dv;
	size_t i;

	if (!spec || !nodes)
		return;
	for (i = 0; i < json_object_array_length(nodes); i++) {
		n = json_object_array_get_idx(nodes, i);
		if (strcmp(hp_sd_str(n, "class"), "standard") == 0 ||
		    !seen_dev(n, "devno", &dv) ||
		    spec_lists(spec, hp_sd_str(n, "path"), &dv))
			continue;
		snprintf(one, sizeof(one), "%s (%c %ld:%ld)",
			 hp_sd_str(n, "path"), dv.type, dv.major, dv.minor);
		if (!hp_sd_append(d, &extra, one))
			return;
	}
	if (!extra)
		return;
	snprintf(has, sizeof(has), "other device nodes: %s", extra);
	hp_sd_add(d, "linux.devices",
		  "no device node beyond the standard ones and its own", has,
		  spec, "devices.nodes", data);
	free(extra);
}

static bool rule_matches(json_object *rule, const struct dev *dv, char access)
{
	const char *type = hp_sd_str(rule, "type");
	const char *acc = hp_sd_str(rule, "access");
	long major = number(rule, "major"), minor = number(rule, "minor");

	return (!*type || *type == 'a' || *type == dv->type) &&
	       (major < 0 || major == dv->major) &&
	       (minor < 0 || minor == dv->minor) &&
	       (!*acc || strchr(acc, access));
}

/* The rules in order, the last that matches deciding, as the runtimes
 * apply them; a device no rule names is allowed. */
static bool rules_allow(json_object *rules, const struct dev *dv, char access)
{
	json_object *rule, *allow;
	bool ok = true;
	size_t i;

	for (i = 0; i < json_object_array_length(rules); i++) {
		rule = json_object_array_get_idx(rules, i);
		if (rule_matches(rule, dv, access) &&
		    json_object_object_get_ex(rule, "allow", &allow))
			ok = json_object_get_boolean(allow);
	}
	return ok;
}

/* linux.resources.devices: a node devices.mknod-open could open must be
 * one the rules allow reading.  (Runtimes add "mknod any device" to
 * every rule list, so only the open is compared.) */
void hp_sd_device_rules(struct hp_sd *d)
{
	json_object *spec =
		hp_sd_claim(d, "linux.resources.devices", json_type_array);
	json_object *data,
		*nodes = observed_nodes(d, "devices.mknod-open", &data);
	json_object *n;
	char *opened = NULL, one[64], has[1024];
	struct dev dv;
	size_t i;

	if (!spec || !nodes)
		return;
	for (i = 0; i < json_object_array_length(nodes); i++) {
		n = json_object_array_get_idx(nodes, i);
		if (strcmp(hp_sd_str(n, "result"), "allowed") != 0 ||
		    !seen_dev(n, "node", &dv) || rules_allow(spec, &dv, 'r'))
			continue;
		snprintf(one, sizeof(one), "%c %ld:%ld", dv.type, dv.major,
			 dv.minor);
		if (!hp_sd_append(d, &opened, one))
			return;
	}
	if (!opened)
		return;
	snprintf(has, sizeof(has), "nodes its rules refuse opened: %s", opened);
	hp_sd_add(d, "linux.resources.devices",
		  "device cgroup rules that refuse reading these nodes", has,
		  spec, "devices.mknod-open", data);
	free(opened);
}
