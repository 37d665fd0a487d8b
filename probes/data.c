/* Small helpers for filling a probe's data object. */
#include <stdarg.h>
#include <stdio.h>

#include "probe.h"

void hp_add_str(json_object *obj, const char *key, const char *value)
{
	json_object_object_add(obj, key,
			       value ? json_object_new_string(value) : NULL);
}

void hp_skip(json_object *data, const char *fmt, ...)
{
	char reason[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	hp_add_str(data, "outcome", "skip");
	hp_add_str(data, "reason", reason);
}
