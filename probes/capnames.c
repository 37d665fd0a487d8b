/* What the kernel's capability numbers are called, and how many there
 * are, shared by the capability probes. */
#include <stdio.h>
#include <stdlib.h>

#include <sys/capability.h>

#include "probe.h"

int hp_cap_last(void)
{
	FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	int last = -1;

	if (f) {
		if (fscanf(f, "%d", &last) != 1)
			last = -1;
		fclose(f);
	}
	if (last < 0)
		last = (int)cap_max_bits() - 1;
	return last;
}

json_object *hp_cap_name_json(int cap)
{
	char *name = cap_to_name((cap_value_t)cap);
	json_object *s = json_object_new_string(name ? name : "?");

	cap_free(name);
	return s;
}
