/* caps.raise (attempt): try to add each capability this process is not
 * permitted to its effective, inheritable and ambient sets.  It runs in
 * the probe's own child, which exits right after: a raised capability is
 * never used and dies with that process. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>

#include <sys/capability.h>

#include "probe.h"

/* The sets tried, in the order of the "errors" object. */
enum { SET_EFFECTIVE, SET_INHERITABLE, SET_AMBIENT, N_SETS };

static const char *const set_names[N_SETS] = { "effective", "inheritable",
					       "ambient" };

struct attempt {
	json_object *raised;
	int first_errno[N_SETS];
};

/* Add cap to one flag of the current sets; 0 or errno. */
static int raise_flag(cap_value_t cap, cap_flag_t flag)
{
	cap_t caps = cap_get_proc();
	int err = 0;

	if (!caps)
		return errno;
	if (cap_set_flag(caps, flag, 1, &cap, CAP_SET) < 0 ||
	    cap_set_proc(caps) < 0)
		err = errno;
	cap_free(caps);
	return err;
}

static int raise_in(cap_value_t cap, int set)
{
	if (set == SET_EFFECTIVE)
		return raise_flag(cap, CAP_EFFECTIVE);
	if (set == SET_INHERITABLE)
		return raise_flag(cap, CAP_INHERITABLE);
	return cap_set_ambient(cap, CAP_SET) < 0 ? errno : 0;
}

static void try_cap(int cap, struct attempt *a)
{
	for (int set = 0; set < N_SETS; set++) {
		int err = raise_in((cap_value_t)cap, set);

		if (err && !a->first_errno[set])
			a->first_errno[set] = err;
		if (err)
			continue;
		json_object *r = json_object_new_object();

		json_object_object_add(r, "cap", hp_cap_name_json(cap));
		hp_add_str(r, "set", set_names[set]);
		json_object_array_add(a->raised, r);
	}
}

/* The capabilities up to last that are not in the permitted set. */
static int candidates(int last, json_object *list, int *caps, int *n)
{
	cap_t now = cap_get_proc();
	cap_flag_value_t v;

	if (!now)
		return -errno;
	*n = 0;
	for (int cap = 0; cap <= last; cap++) {
		if (cap_get_flag(now, (cap_value_t)cap, CAP_PERMITTED, &v) ||
		    v == CAP_SET)
			continue;
		caps[(*n)++] = cap;
		json_object_array_add(list, hp_cap_name_json(cap));
	}
	cap_free(now);
	return 0;
}

static json_object *errors_object(const struct attempt *a)
{
	json_object *errors = json_object_new_object();

	for (int set = 0; set < N_SETS; set++)
		json_object_object_add(errors, set_names[set],
				       hp_errno_json(a->first_errno[set]));
	return errors;
}

int probe_caps_raise(json_object *data)
{
	int last = hp_cap_last(), n = 0, rc;
	json_object *list = json_object_new_array();
	struct attempt a = { .raised = json_object_new_array() };
	int caps[last >= 0 ? last + 1 : 1];

	rc = last < 0 ? -ENOSYS : candidates(last, list, caps, &n);
	json_object_object_add(data, "candidates", list);
	if (rc < 0) {
		hp_skip(data, "cannot read capabilities: %s",
			strerrorname_np(-rc));
	} else if (n == 0) {
		hp_skip(data, "the process holds every capability");
	} else {
		for (int i = 0; i < n; i++)
			try_cap(caps[i], &a);
		hp_add_str(data, "outcome",
			   json_object_array_length(a.raised) ? "allowed"
							      : "denied");
	}
	json_object_object_add(data, "raised", a.raised);
	json_object_object_add(data, "errors", errors_object(&a));
	return 0;
}
