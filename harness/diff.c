/* The change list of a diff, and the checks that flipped. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

int hp_diff_add(struct hp_diff *d, const char *what, const char *subject,
		const char *was, const char *now, enum hp_direction dir)
{
	struct hp_change *v = reallocarray(d->v, d->n + 1, sizeof(*v));
	struct hp_change *c;

	if (!v)
		return -ENOMEM;
	d->v = v;
	c = &v[d->n];
	c->what = strdup(what);
	c->subject = strdup(subject);
	c->was = strdup(was ? was : "");
	c->now = strdup(now ? now : "");
	c->dir = dir;
	d->n++;
	if (!c->what || !c->subject || !c->was || !c->now)
		return -ENOMEM;
	if (dir == HP_WEAKER)
		d->weaker++;
	return 0;
}

/* How bad a status is: a check that moves up this scale got weaker. */
static int rank(enum hp_status s)
{
	switch (s) {
	case HP_PASS:
		return 0;
	case HP_SKIP:
		return 1;
	default:
		return 2;
	}
}

static const struct hp_result *find(const struct hp_report *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->results[i].id, id) == 0)
			return &r->results[i];
	return NULL;
}

static enum hp_direction direction(int from, int to)
{
	if (to > from)
		return HP_WEAKER;
	return to < from ? HP_STRONGER : HP_CHANGED;
}

int hp_diff_checks(const struct hp_report *a, const struct hp_report *b,
		   struct hp_diff *d)
{
	const struct hp_result *ra, *rb;
	int ret = 0;

	for (size_t i = 0; i < b->n && ret == 0; i++) {
		rb = &b->results[i];
		ra = find(a, rb->id);
		if (!ra)
			ret = hp_diff_add(d, "check", rb->id, NULL,
					  hp_status_name(rb->status),
					  direction(0, rank(rb->status)));
		else if (ra->status != rb->status)
			ret = hp_diff_add(d, "check", rb->id,
					  hp_status_name(ra->status),
					  hp_status_name(rb->status),
					  direction(rank(ra->status),
						    rank(rb->status)));
	}
	for (size_t i = 0; i < a->n && ret == 0; i++)
		if (!find(b, a->results[i].id))
			ret = hp_diff_add(d, "check", a->results[i].id,
					  hp_status_name(a->results[i].status),
					  NULL, HP_CHANGED);
	return ret;
}

void hp_diff_free(struct hp_diff *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].what);
		free(d->v[i].subject);
		free(d->v[i].was);
		free(d->v[i].now);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

const char *hp_direction_name(enum hp_direction dir)
{
	static const char *const names[] = { "weaker", "stronger", "changed" };

	return names[dir];
}
