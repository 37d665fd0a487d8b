/* The checks of a report grouped by the controls they evidence, for the
 * text, json and OSCAL reports. */
#ifndef HARDPROBE_REPORT_GROUP_H
#define HARDPROBE_REPORT_GROUP_H

#include <stddef.h>

#include "judge.h"

struct hp_group {
	const char *control;   /* NULL: the checks that name no control */
	enum hp_status status; /* the worst status of its checks */
	size_t *idx;	       /* indices into the report's results */
	size_t n;
};

struct hp_groups {
	struct hp_group *v; /* by control id; the NULL group last */
	size_t n;
};

/* Group r's results; a check with two controls is in both groups.
 * Returns 0 or -ENOMEM. */
int hp_groups_make(const struct hp_report *r, struct hp_groups *g);

void hp_groups_free(struct hp_groups *g);

/* The worse of two statuses: pass, then skip, fail, error. */
enum hp_status hp_status_worse(enum hp_status a, enum hp_status b);

#endif
