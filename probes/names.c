/* Names for errno values and signals, as the stream spells them. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "probe.h"

json_object *hp_errno_json(int err)
{
	const char *name;
	char buf[32];

	if (err == 0)
		return NULL;
	name = strerrorname_np(err);
	if (!name) {
		snprintf(buf, sizeof(buf), "E%d", err);
		name = buf;
	}
	return json_object_new_string(name);
}

const char *hp_signal_name(int sig, char *buf, size_t len)
{
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, len, "SIG%s", abbrev);
	else
		snprintf(buf, len, "SIG%d", sig);
	return buf;
}
