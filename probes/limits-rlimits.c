/* limits.rlimits (fact): the soft and hard resource limits on open files,
 * processes and core dumps, from getrlimit.  It only reads. */
#define _GNU_SOURCE
#include <sys/resource.h>

#include "probe-host.h"
#include "probe.h"

static json_object *limit_json(rlim_t v)
{
	if (v == RLIM_INFINITY)
		return json_object_new_string("unlimited");
	return json_object_new_int64((int64_t)v);
}

int probe_limits_rlimits(json_object *data)
{
	static const struct {
		const char *name;
		int resource;
	} limits[] = { { "nofile", RLIMIT_NOFILE },
		       { "nproc", RLIMIT_NPROC },
		       { "core", RLIMIT_CORE } };
	json_object *all = json_object_new_object();
	struct rlimit rl;

	for (size_t i = 0; i < sizeof(limits) / sizeof(*limits); i++) {
		json_object *l = json_object_new_object();

		if (getrlimit(limits[i].resource, &rl) == 0) {
			json_object_object_add(l, "soft",
					       limit_json(rl.rlim_cur));
			json_object_object_add(l, "hard",
					       limit_json(rl.rlim_max));
		}
		json_object_object_add(all, limits[i].name, l);
	}
	hp_add_str(data, "outcome", "observed");
	json_object_object_add(data, "rlimits", all);
	return 0;
}
