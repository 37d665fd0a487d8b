/* The text summary: a row per run, then the runs per profile and the
 * checks that failed, then one line with the totals. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "summary.h"

static const char *verdict_name(enum hp_run_verdict v)
{
	static const char *const names[] = {
		[HP_RUN_PASS] = "pass",
		[HP_RUN_FAIL] = "fail",
		[HP_RUN_NONE] = "no-report",
	};

	return names[v];
}

/* Print s escaped (it may come from a directory name or a container),
 * padded to width code points. */
static int cell(FILE *out, const char *s, size_t width)
{
	char *e = hp_escape(s, 0);
	size_t w;

	if (!e)
		return -ENOMEM;
	w = hp_text_width(e);
	fprintf(out, "%s%*s", e, (int)(width > w ? width - w : 0), "");
	free(e);
	return 0;
}

static size_t name_width(const struct hp_summary *s)
{
	size_t width = 3; /* "RUN" */

	for (size_t i = 0; i < s->n; i++) {
		char *e = hp_escape(s->runs[i].name, 0);
		size_t w = e ? hp_text_width(e) : 0;

		if (w > width)
			width = w;
		free(e);
	}
	return width;
}

/* The ids of the failed and errored checks, comma separated. */
static int failing(FILE *out, const struct hp_summary_run *r)
{
	const char *sep = "";
	int ret = 0;

	for (size_t i = 0; ret == 0 && i < r->n; i++) {
		if (r->checks[i].status != HP_FAIL &&
		    r->checks[i].status != HP_ERROR)
			continue;
		fputs(sep, out);
		ret = cell(out, r->checks[i].id, 0);
		sep = ",";
	}
	if (!*sep)
		fputc('-', out);
	return ret;
}

static int run_row(FILE *out, const struct hp_summary_run *r, size_t width)
{
	int ret = cell(out, r->name, width + 2);

	if (ret == 0)
		ret = cell(out, r->profile ? r->profile : "-", 12);
	if (ret < 0)
		return ret;
	fprintf(out, "%-10s %4zu %4zu %5zu %4zu  ", verdict_name(r->verdict),
		r->count[HP_PASS], r->count[HP_FAIL], r->count[HP_ERROR],
		r->count[HP_SKIP]);
	ret = failing(out, r);
	fputc('\n', out);
	return ret;
}

static int runs_table(const struct hp_summary *s, FILE *out)
{
	size_t width = name_width(s);
	int ret = 0;

	fprintf(out, "%-*s  %-12s%-10s %4s %4s %5s %4s  %s\n", (int)width,
		"RUN", "PROFILE", "VERDICT", "PASS", "FAIL", "ERROR", "SKIP",
		"FAILING");
	for (size_t i = 0; ret == 0 && i < s->n; i++)
		ret = run_row(out, &s->runs[i], width);
	return ret;
}

static int profiles_table(const struct hp_summary *s, FILE *out)
{
	struct hp_summary_count *v;
	long n = hp_summary_by_profile(s, &v);
	int ret = n < 0 ? (int)n : 0;

	if (n > 0)
		fprintf(out, "\n%-20s %6s %6s %6s %9s\n", "PROFILE", "RUNS",
			"PASS", "FAIL", "NO-REPORT");
	for (long i = 0; ret == 0 && i < n; i++) {
		ret = cell(out, v[i].key, 21);
		fprintf(out, "%6zu %6zu %6zu %9zu\n", v[i].runs, v[i].pass,
			v[i].fail, v[i].error);
	}
	free(v);
	return ret;
}

static int checks_table(const struct hp_summary *s, FILE *out)
{
	struct hp_summary_count *v;
	long n = hp_summary_by_check(s, &v);
	int ret = n < 0 ? (int)n : 0;

	if (n > 0)
		fprintf(out, "\n%-30s %6s %6s %6s\n", "FAILING CHECK", "RUNS",
			"FAIL", "ERROR");
	for (long i = 0; ret == 0 && i < n; i++) {
		ret = cell(out, v[i].key, 31);
		fprintf(out, "%6zu %6zu %6zu\n", v[i].runs, v[i].fail,
			v[i].error);
	}
	free(v);
	return ret;
}

int hp_summary_text(const struct hp_summary *s, FILE *out)
{
	size_t pass = hp_summary_passed(s), none = 0;
	int ret = runs_table(s, out);

	for (size_t i = 0; i < s->n; i++)
		none += s->runs[i].verdict == HP_RUN_NONE;

	if (ret == 0)
		ret = profiles_table(s, out);
	if (ret == 0)
		ret = checks_table(s, out);
	if (ret < 0)
		return ret;
	/* A run without a report fails the summary, and is counted apart,
	 * as the runs table and the json summary show it. */
	fprintf(out, "\nsummary: %s (%zu runs: %zu pass, %zu fail",
		pass == s->n ? "pass" : "fail", s->n, pass, s->n - pass - none);
	if (none > 0)
		fprintf(out, ", %zu no report", none);
	fputs(")\n", out);
	return ferror(out) ? -EIO : 0;
}
