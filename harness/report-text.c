/* The text report: a table a person reads in a terminal or a CI log. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "report-group.h"
#include "report-impl.h"

/* Long expectations overflow their column rather than widen it. */
#define EXPECTED_MAX 30
/* The width of "STATUS", wider than every status word. */
#define STATUS_WIDTH 6

/* The escaped cells of the table, one row per result. */
struct table {
	char **cell; /* n rows of 3: id, expected, observed */
	size_t n;
	size_t width[3];
};

static const char *const colours[] = {
	[HP_PASS] = "\033[32m",
	[HP_FAIL] = "\033[31m",
	[HP_ERROR] = "\033[1;31m",
	[HP_SKIP] = "\033[33m",
};

static void table_free(struct table *t)
{
	size_t i;

	for (i = 0; t->cell && i < 3 * t->n; i++)
		free(t->cell[i]);
	free(t->cell);
}

static void table_widen(struct table *t, size_t col, const char *s)
{
	size_t w = hp_text_width(s);

	if (w > t->width[col])
		t->width[col] = w;
}

static int table_fill(struct table *t, const struct hp_report *r)
{
	const struct hp_result *res;
	size_t i;

	t->n = r->n;
	t->cell = calloc(3 * r->n + 1, sizeof(*t->cell));
	if (!t->cell)
		return -ENOMEM;
	t->width[0] = strlen("CHECK");
	t->width[1] = strlen("EXPECTED");
	for (i = 0; i < r->n; i++) {
		res = &r->results[i];
		t->cell[3 * i] = hp_escape(res->id, 0);
		t->cell[3 * i + 1] = hp_escape(res->expected, 0);
		t->cell[3 * i + 2] = hp_escape(res->observed, 0);
		if (!t->cell[3 * i] || !t->cell[3 * i + 1] ||
		    !t->cell[3 * i + 2])
			return -ENOMEM;
		table_widen(t, 0, t->cell[3 * i]);
		table_widen(t, 1, t->cell[3 * i + 1]);
	}
	if (t->width[1] > EXPECTED_MAX)
		t->width[1] = EXPECTED_MAX;
	return 0;
}

/* Print s and pad it to width columns, then the column gap.  A cell
 * wider than its column ends the line, and the next column starts below
 * at indent, so that the columns after it stay aligned. */
static void put_cell(FILE *out, const char *s, size_t width, size_t indent)
{
	size_t w = hp_text_width(s);

	fputs(s, out);
	if (w > width)
		fprintf(out, "\n%*s", (int)indent, "");
	else
		fprintf(out, "%*s", (int)(width - w) + 2, "");
}

static void put_status(FILE *out, enum hp_status s, bool colour)
{
	const char *name = hp_status_name(s);

	if (colour)
		fprintf(out, "%s%s\033[0m", colours[s], name);
	else
		fputs(name, out);
	fprintf(out, "%*s", (int)(STATUS_WIDTH - strlen(name)) + 2, "");
}

static void put_row(FILE *out, const struct hp_report *r, const struct table *t,
		    size_t i, bool colour)
{
	size_t indent = t->width[0] + STATUS_WIDTH + t->width[1] + 6;

	put_cell(out, t->cell[3 * i], t->width[0], 0);
	put_status(out, r->results[i].status, colour);
	put_cell(out, t->cell[3 * i + 1], t->width[1], indent);
	fprintf(out, "%s\n", t->cell[3 * i + 2]);
}

static void put_heading(FILE *out, const struct table *t)
{
	put_cell(out, "CHECK", t->width[0], 0);
	put_cell(out, "STATUS", STATUS_WIDTH, 0);
	put_cell(out, "EXPECTED", t->width[1], 0);
	fputs("OBSERVED\n", out);
}

static void put_table(FILE *out, const struct hp_report *r,
		      const struct table *t, bool colour)
{
	put_heading(out, t);
	for (size_t i = 0; i < t->n; i++)
		put_row(out, r, t, i, colour);
}

/* --group-by control: under each control, the checks that evidence it;
 * a control passes only when all of them pass. */
static int put_grouped(FILE *out, const struct hp_report *r,
		       const struct table *t, bool colour)
{
	struct hp_groups g;
	size_t i, j;

	if (hp_groups_make(r, &g) < 0)
		return -ENOMEM;
	put_heading(out, t);
	for (i = 0; i < g.n; i++) {
		fprintf(out, "\n%s: %s%s%s\n",
			g.v[i].control ? g.v[i].control : "(no control)",
			colour ? colours[g.v[i].status] : "",
			hp_status_name(g.v[i].status), colour ? "\033[0m" : "");
		for (j = 0; j < g.v[i].n; j++)
			put_row(out, r, t, g.v[i].idx[j], colour);
	}
	hp_groups_free(&g);
	return 0;
}

/* Where the stream came from, as far as its header says. */
static int put_head(FILE *out, const struct hp_report *r)
{
	const char *kernel = hp_report_header(r, "kernel");
	const char *machine = hp_report_header(r, "machine");
	const char *set = hp_report_header(r, "probe_set");
	char *k = hp_escape(kernel ? kernel : "unknown", 0);
	char *m = hp_escape(machine ? machine : "unknown", 0);
	char *p = hp_escape(set ? set : "unknown", 0);
	char *name = hp_escape(r->stream_name ? r->stream_name : "-", 0);
	int ret = k && m && p && name ? 0 : -ENOMEM;

	if (ret == 0)
		fprintf(out, "stream %s: kernel %s (%s), probe set %s\n\n",
			name, k, m, p);
	free(k);
	free(m);
	free(p);
	free(name);
	return ret;
}

/* Whether a spec was compared, and how many of its claims failed. */
static int put_spec(FILE *out, const struct hp_report *r)
{
	char *name;
	size_t i, n = 0;

	if (!r->spec_name)
		return 0;
	name = hp_escape(r->spec_name, 0);
	if (!name)
		return -ENOMEM;
	for (i = 0; i < r->n; i++)
		n += r->results[i].kind == HP_KIND_SPEC;
	if (n)
		fprintf(out,
			"\nspec %s: the container does not meet %zu of its "
			"claims (spec:*)\n",
			name, n);
	else
		fprintf(out,
			"\nspec %s: the container meets every claim "
			"compared\n",
			name);
	free(name);
	return 0;
}

static int put_verdict(FILE *out, const struct hp_report *r)
{
	char *profile = hp_escape(r->profile, 0);

	if (!profile || put_spec(out, r) < 0) {
		free(profile);
		return -ENOMEM;
	}
	fprintf(out,
		"\n%s: %s (%zu checks: %zu pass, %zu fail, %zu error, "
		"%zu skip)\n",
		profile, hp_report_verdict(r), r->n, r->count[HP_PASS],
		r->count[HP_FAIL], r->count[HP_ERROR], r->count[HP_SKIP]);
	free(profile);
	return 0;
}

int hp_report_text(const struct hp_report *r, FILE *out, bool colour)
{
	struct table t = { 0 };
	int ret;

	ret = table_fill(&t, r);
	if (ret == 0)
		ret = put_head(out, r);
	if (ret == 0 && r->by_control)
		ret = put_grouped(out, r, &t, colour);
	else if (ret == 0)
		put_table(out, r, &t, colour);
	if (ret == 0)
		ret = put_verdict(out, r);
	table_free(&t);
	return ret;
}
