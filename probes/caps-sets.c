/* caps.sets (fact): the five capability sets of this process, decoded by
 * libcap, and the raw Cap* lines of /proc/self/status.  It only reads,
 * so it changes nothing. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>

#include <sys/capability.h>

#include "probe.h"

static void free_caps(cap_t *caps)
{
	if (*caps)
		cap_free(*caps);
}

static json_object *flag_set(cap_t caps, cap_flag_t flag, int last)
{
	json_object *arr = json_object_new_array();
	cap_flag_value_t v;

	for (int cap = 0; cap <= last; cap++)
		if (cap_get_flag(caps, (cap_value_t)cap, flag, &v) == 0 &&
		    v == CAP_SET)
			json_object_array_add(arr, hp_cap_name_json(cap));
	return arr;
}

/* bounding when ambient is false, else ambient. */
static json_object *per_cap_set(bool ambient, int last)
{
	json_object *arr = json_object_new_array();
	int in;

	for (int cap = 0; cap <= last; cap++) {
		in = ambient ? cap_get_ambient((cap_value_t)cap)
			     : cap_get_bound((cap_value_t)cap);
		if (in > 0)
			json_object_array_add(arr, hp_cap_name_json(cap));
	}
	return arr;
}

static json_object *status_values(void)
{
	static const char *const keys[] = { "CapInh", "CapPrm", "CapEff",
					    "CapBnd", "CapAmb" };
	json_object *obj = json_object_new_object();
	char line[128];

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		hp_add_str(obj, keys[i],
			   hp_status_line("/proc/self/status", keys[i], line,
					  sizeof(line)) == 0
				   ? hp_status_value(line)
				   : NULL);
	return obj;
}

int probe_caps_sets(json_object *data)
{
	cap_t caps __attribute__((cleanup(free_caps))) = cap_get_proc();
	int err = errno, last = hp_cap_last();

	if (!caps) {
		hp_skip(data, "cannot read capabilities: %s",
			strerrorname_np(err));
		return 0;
	}
	hp_add_str(data, "outcome", "observed");
	json_object_object_add(data, "cap_last_cap", json_object_new_int(last));
	json_object_object_add(data, "effective",
			       flag_set(caps, CAP_EFFECTIVE, last));
	json_object_object_add(data, "permitted",
			       flag_set(caps, CAP_PERMITTED, last));
	json_object_object_add(data, "inheritable",
			       flag_set(caps, CAP_INHERITABLE, last));
	json_object_object_add(data, "bounding", per_cap_set(false, last));
	json_object_object_add(data, "ambient", per_cap_set(true, last));
	json_object_object_add(data, "status", status_values());
	return 0;
}
