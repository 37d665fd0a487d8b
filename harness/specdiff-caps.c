/* Spec claims about capabilities: process.capabilities, set by set,
 * against the sets caps.sets read. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "specdiff-impl.h"

static const char *const sets[] = { "bounding", "effective", "permitted",
				    "inheritable", "ambient" };

/* The spec writes CAP_CHOWN, libcap cap_chown. */
static bool listed(json_object *spec, const char *name)
{
	size_t i, n = spec ? json_object_array_length(spec) : 0;

	for (i = 0; i < n; i++)
		if (strcasecmp(json_object_get_string(
				       json_object_array_get_idx(spec, i)),
			       name) == 0)
			return true;
	return false;
}

/* The capabilities of the observed set that the spec's set lacks. */
static char *beyond(struct hp_sd *d, json_object *spec, json_object *seen)
{
	size_t i, n = json_object_array_length(seen);
	const char *name;
	char *extra = NULL;

	for (i = 0; i < n; i++) {
		name = json_object_get_string(
			json_object_array_get_idx(seen, i));
		if (!listed(spec, name) && !hp_sd_append(d, &extra, name))
			break;
	}
	return extra;
}

static void one_set(struct hp_sd *d, const char *set, json_object *data)
{
	char path[64], asks[1024], has[1024], *extra = NULL, *want = NULL;
	json_object *spec, *seen;

	snprintf(path, sizeof(path), "process.capabilities.%s", set);
	spec = hp_sd_strings(d, path);
	if (d->rc || !json_object_object_get_ex(data, set, &seen) ||
	    !json_object_is_type(seen, json_type_array))
		return;
	extra = beyond(d, spec, seen);
	want = extra ? hp_sd_join(d, spec, "none") : NULL;
	if (want) {
		snprintf(asks, sizeof(asks), "%s capabilities: %s", set, want);
		snprintf(has, sizeof(has), "%s capabilities beyond them: %s",
			 set, extra);
		hp_sd_add(d, path, asks, has, spec, "caps.sets", data);
	}
	free(extra);
	free(want);
}

/*
 * Each set the container holds must lie within the spec's.  Once
 * process.capabilities is there, a set it leaves out is an empty set, as
 * the runtime grants none.  Fewer capabilities than the spec's is no
 * disagreement: the kernel clears the effective and permitted sets when
 * a non-root user's program starts.
 */
void hp_sd_caps(struct hp_sd *d)
{
	json_object *caps =
		hp_sd_claim(d, "process.capabilities", json_type_object);
	json_object *data = hp_sd_observed(d, "caps.sets");
	size_t i;

	for (i = 0; caps && data && i < sizeof(sets) / sizeof(sets[0]); i++)
		one_set(d, sets[i], data);
}
