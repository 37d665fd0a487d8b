/* The runs of a summary: add them from a judged report, from a kept
 * report.json, or as runs that left no report. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summary.h"

/* A new zeroed run at the end of s, or NULL. */
static struct hp_summary_run *new_run(struct hp_summary *s, const char *name)
{
	struct hp_summary_run *r;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		void *p = reallocarray(s->runs, cap, sizeof(*s->runs));

		if (!p)
			return NULL;
		s->runs = p;
		s->cap = cap;
	}
	r = &s->runs[s->n];
	memset(r, 0, sizeof(*r));
	r->name = strdup(name);
	if (!r->name)
		return NULL;
	s->n++;
	return r;
}

static char *message(enum hp_status st, const char *expected,
		     const char *observed)
{
	char *m;

	if (st == HP_SKIP || !expected)
		return strdup(observed ? observed : "-");
	if (asprintf(&m, "expected %s, observed %s", expected,
		     observed ? observed : "-") < 0)
		return NULL;
	return m;
}

static int add_check(struct hp_summary_run *r, const char *id,
		     enum hp_status st, const char *expected,
		     const char *observed)
{
	struct hp_summary_check *c = &r->checks[r->n];

	c->id = strdup(id);
	c->status = st;
	c->message = message(st, expected, observed);
	r->n++;
	r->count[st]++;
	return c->id && c->message ? 0 : -ENOMEM;
}

int hp_summary_add_report(struct hp_summary *s, const char *name,
			  const struct hp_report *rep)
{
	struct hp_summary_run *r = new_run(s, name);
	int ret = 0;

	if (!r)
		return -ENOMEM;
	r->profile = strdup(rep->profile);
	r->verdict = rep->pass ? HP_RUN_PASS : HP_RUN_FAIL;
	r->checks = calloc(rep->n ? rep->n : 1, sizeof(*r->checks));
	if (!r->profile || !r->checks)
		return -ENOMEM;
	for (size_t i = 0; ret == 0 && i < rep->n; i++) {
		const struct hp_result *res = &rep->results[i];

		ret = add_check(r, res->id, res->status, res->expected,
				res->observed);
	}
	return ret;
}

int hp_summary_add_none(struct hp_summary *s, const char *name, const char *why)
{
	struct hp_summary_run *r = new_run(s, name);

	if (!r)
		return -ENOMEM;
	r->verdict = HP_RUN_NONE;
	r->checks = calloc(1, sizeof(*r->checks));
	if (!r->checks)
		return -ENOMEM;
	return add_check(r, "report", HP_ERROR, NULL, why);
}

int hp_summary_status(const struct hp_summary *s)
{
	return hp_summary_passed(s) == s->n ? HP_EXIT_PASS : HP_EXIT_FAIL;
}

size_t hp_summary_passed(const struct hp_summary *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		n += s->runs[i].verdict == HP_RUN_PASS;
	return n;
}

static int by_name(const void *a, const void *b)
{
	const struct hp_summary_run *x = a, *y = b;

	return strcmp(x->name, y->name);
}

void hp_summary_sort(struct hp_summary *s)
{
	if (s->n > 1)
		qsort(s->runs, s->n, sizeof(*s->runs), by_name);
}

static void run_free(struct hp_summary_run *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->checks[i].id);
		free(r->checks[i].message);
	}
	free(r->checks);
	free(r->name);
	free(r->profile);
}

void hp_summary_free(struct hp_summary *s)
{
	for (size_t i = 0; i < s->n; i++)
		run_free(&s->runs[i]);
	free(s->runs);
	memset(s, 0, sizeof(*s));
}

int hp_summary_format_check(const char *cmd, enum hp_format fmt)
{
	if (fmt == HP_FMT_TEXT || fmt == HP_FMT_JSON || fmt == HP_FMT_JUNIT)
		return -1;
	return hp_usage_error(cmd,
			      "format '%s' has no summary form (want text, "
			      "json or junit)",
			      fmt == HP_FMT_TAP ? "tap" : "oscal");
}

int hp_summary_write(const struct hp_summary *s, enum hp_format fmt, FILE *out)
{
	switch (fmt) {
	case HP_FMT_TEXT:
		return hp_summary_text(s, out);
	case HP_FMT_JSON:
		return hp_summary_json(s, out);
	case HP_FMT_JUNIT:
		return hp_summary_junit(s, out);
	default:
		return -ENOTSUP;
	}
}
