/* What the summary tables add up: runs per profile, and per check the
 * runs in which it failed or errored. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

/* The entry for key in v[0..*n), appended when missing; NULL when out of
 * memory.  *cap grows as needed. */
static struct hp_summary_count *entry(struct hp_summary_count **v, size_t *n,
				      size_t *cap, const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].key, key) == 0)
			return &(*v)[i];
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		void *p = reallocarray(*v, c, sizeof(**v));

		if (!p)
			return NULL;
		*v = p;
		*cap = c;
	}
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].key = key;
	return &(*v)[(*n)++];
}

long hp_summary_by_profile(const struct hp_summary *s,
			   struct hp_summary_count **out)
{
	size_t n = 0, cap = 0;
	struct hp_summary_count *e;

	*out = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct hp_summary_run *r = &s->runs[i];

		e = entry(out, &n, &cap, r->profile ? r->profile : "-");
		if (!e) {
			free(*out);
			return -ENOMEM;
		}
		e->runs++;
		e->pass += r->verdict == HP_RUN_PASS;
		e->fail += r->verdict == HP_RUN_FAIL;
		e->error += r->verdict == HP_RUN_NONE;
	}
	return (long)n;
}

/* Count run r's failed and errored checks into the table. */
static int count_run(const struct hp_summary_run *r,
		     struct hp_summary_count **v, size_t *n, size_t *cap)
{
	for (size_t j = 0; j < r->n; j++) {
		const struct hp_summary_check *c = &r->checks[j];
		struct hp_summary_count *e;

		if (c->status != HP_FAIL && c->status != HP_ERROR)
			continue;
		e = entry(v, n, cap, c->id);
		if (!e)
			return -ENOMEM;
		e->runs++;
		e->fail += c->status == HP_FAIL;
		e->error += c->status == HP_ERROR;
	}
	return 0;
}

static int by_runs(const void *a, const void *b)
{
	const struct hp_summary_count *x = a, *y = b;

	if (x->runs != y->runs)
		return x->runs < y->runs ? 1 : -1;
	return strcmp(x->key, y->key);
}

long hp_summary_by_check(const struct hp_summary *s,
			 struct hp_summary_count **out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	for (size_t i = 0; i < s->n; i++) {
		if (count_run(&s->runs[i], out, &n, &cap) < 0) {
			free(*out);
			*out = NULL;
			return -ENOMEM;
		}
	}
	/* The check that failed most often first: where to look. */
	if (n > 1)
		qsort(*out, n, sizeof(**out), by_runs);
	return (long)n;
}
