/* The container's command when the profile names net.egress targets: the
 * image's entry point with an --egress option for each.  Without targets
 * the image's own command runs, and net.egress reports skip. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

/* The image's entry point (image/build-image.sh); naming it is how ctr
 * run takes arguments for it. */
#define PROBES_PATH "/hardprobe/run-probes"

static const struct hp_expect *egress_line(const struct hp_profile *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->expects[i].check, "net.egress") &&
		    !p->expects[i].off && p->expects[i].nargs > 1)
			return &p->expects[i];
	return NULL;
}

int hp_run_probe_args(const struct hp_profile *p, struct hp_run_opts *o)
{
	const struct hp_expect *e = egress_line(p);
	char **args;
	size_t n = 0;

	o->probe_args = NULL;
	if (!e)
		return 0;
	args = calloc(2 * (e->nargs - 1) + 2, sizeof(*args));
	if (!args)
		return -ENOMEM;
	args[n++] = PROBES_PATH;
	for (size_t i = 1; i < e->nargs; i++) {
		args[n++] = "--egress";
		args[n++] = e->args[i];
	}
	o->probe_args = args;
	return 0;
}
