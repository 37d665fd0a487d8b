/* nnp.exec-path (fact): does this process have the same no_new_privs,
 * seccomp and capability settings as the container's pid 1?  A process
 * started later in the container (ctr task exec, kubectl exec, docker
 * exec) gets its settings from the exec request, and runtimes have
 * shipped exec paths that dropped no_new_privs or capabilities pid 1 had.
 * When run-probes is pid 1 the two agree by construction; run it through
 * an exec to test that path.  It only reads /proc. */
#define _GNU_SOURCE
#include <string.h>

#include "probe-host.h"
#include "probe.h"

static const char *const fields[] = { "NoNewPrivs", "Seccomp", "CapInh",
				      "CapPrm",	    "CapEff",  "CapBnd",
				      "CapAmb",	    NULL };

/* The fields' values from one status file, as an object. */
static json_object *read_fields(const char *status)
{
	json_object *o = json_object_new_object();
	char line[256];

	for (size_t i = 0; fields[i]; i++)
		hp_add_str(o, fields[i],
			   hp_status_line(status, fields[i], line,
					  sizeof(line)) == 0
				   ? hp_status_value(line)
				   : NULL);
	return o;
}

/* A field's text, or "-" for a field the file lacked. */
static const char *text(json_object *o, const char *key)
{
	const char *s = json_object_get_string(json_object_object_get(o, key));

	return s ? s : "-";
}

int probe_nnp_exec_path(json_object *data)
{
	json_object *self = read_fields("/proc/self/status");
	json_object *pid1 = read_fields("/proc/1/status");
	json_object *differs = json_object_new_array();

	if (!json_object_object_get(pid1, "CapEff")) {
		json_object_put(self);
		json_object_put(pid1);
		json_object_put(differs);
		hp_skip(data, "cannot read /proc/1/status");
		return 0;
	}
	for (size_t i = 0; fields[i]; i++)
		if (strcmp(text(self, fields[i]), text(pid1, fields[i])))
			json_object_array_add(differs, json_object_new_string(
							       fields[i]));
	hp_add_str(data, "outcome",
		   json_object_array_length(differs) ? "differs" : "same");
	json_object_object_add(data, "self", self);
	json_object_object_add(data, "pid1", pid1);
	json_object_object_add(data, "differs", differs);
	return 0;
}
