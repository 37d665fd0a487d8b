/* Grouping a report's checks by control.  A control is met only when
 * every check that evidences it passed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report-group.h"

enum hp_status hp_status_worse(enum hp_status a, enum hp_status b)
{
	static const int rank[] = {
		[HP_PASS] = 0,
		[HP_SKIP] = 1,
		[HP_FAIL] = 2,
		[HP_ERROR] = 3,
	};

	return rank[a] >= rank[b] ? a : b;
}

static struct hp_group *find(struct hp_groups *g, const char *control)
{
	for (size_t i = 0; i < g->n; i++)
		if (control ? g->v[i].control &&
				      strcmp(g->v[i].control, control) == 0
			    : !g->v[i].control)
			return &g->v[i];
	return NULL;
}

static int add(struct hp_groups *g, const char *control, size_t i,
	       enum hp_status st)
{
	struct hp_group *grp = find(g, control);
	size_t *idx;

	if (!grp) {
		grp = reallocarray(g->v, g->n + 1, sizeof(*grp));
		if (!grp)
			return -ENOMEM;
		g->v = grp;
		grp = &g->v[g->n++];
		memset(grp, 0, sizeof(*grp));
		grp->control = control;
		grp->status = HP_PASS;
	}
	idx = reallocarray(grp->idx, grp->n + 1, sizeof(*idx));
	if (!idx)
		return -ENOMEM;
	grp->idx = idx;
	grp->idx[grp->n++] = i;
	grp->status = hp_status_worse(grp->status, st);
	return 0;
}

static int by_control(const void *a, const void *b)
{
	const struct hp_group *x = a, *y = b;

	if (!x->control || !y->control)
		return !x->control - !y->control;
	return strcmp(x->control, y->control);
}

int hp_groups_make(const struct hp_report *r, struct hp_groups *g)
{
	int rc = 0;

	memset(g, 0, sizeof(*g));
	for (size_t i = 0; rc == 0 && i < r->n; i++) {
		const struct hp_result *res = &r->results[i];

		for (size_t j = 0; rc == 0 && j < res->ncontrols; j++)
			rc = add(g, res->controls[j], i, res->status);
		if (rc == 0 && res->ncontrols == 0)
			rc = add(g, NULL, i, res->status);
	}
	if (rc < 0)
		hp_groups_free(g);
	else if (g->n)
		qsort(g->v, g->n, sizeof(*g->v), by_control);
	return rc;
}

void hp_groups_free(struct hp_groups *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].idx);
	free(g->v);
	memset(g, 0, sizeof(*g));
}
