/* The junit summary: one testsuite per run, one testcase per check, so a
 * CI system shows each run of a fleet as its own suite. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "summary.h"
#include "xmlout.h"

static int outcome(xmlTextWriterPtr w, const struct hp_summary_check *c)
{
	static const char *const tags[] = {
		[HP_FAIL] = "failure",
		[HP_ERROR] = "error",
		[HP_SKIP] = "skipped",
	};
	int ret;

	if (c->status == HP_PASS)
		return 0;
	ret = hp_xml_start(w, tags[c->status]);
	if (ret == 0)
		ret = hp_xml_attr(w, "message", c->message);
	return ret ? ret : hp_xml_end(w);
}

static int testcase(xmlTextWriterPtr w, const struct hp_summary_run *r,
		    const struct hp_summary_check *c)
{
	int ret = hp_xml_start(w, "testcase");

	if (ret == 0)
		ret = hp_xml_attr(w, "classname", r->name);
	if (ret == 0)
		ret = hp_xml_attr(w, "name", c->id);
	if (ret == 0)
		ret = outcome(w, c);
	return ret ? ret : hp_xml_end(w);
}

/* The profile the run was judged against, as a suite property. */
static int profile(xmlTextWriterPtr w, const char *name)
{
	int ret = hp_xml_start(w, "properties");

	if (ret == 0)
		ret = hp_xml_start(w, "property");
	if (ret == 0)
		ret = hp_xml_attr(w, "name", "profile");
	if (ret == 0)
		ret = hp_xml_attr(w, "value", name);
	if (ret == 0)
		ret = hp_xml_end(w);
	return ret ? ret : hp_xml_end(w);
}

static int testsuite(xmlTextWriterPtr w, const struct hp_summary_run *r)
{
	int ret = hp_xml_start(w, "testsuite");

	if (ret == 0)
		ret = hp_xml_attr(w, "name", r->name);
	if (ret == 0)
		ret = hp_junit_counts(w, r->n, r->count);
	if (ret == 0)
		ret = profile(w, r->profile ? r->profile : "-");
	for (size_t i = 0; ret == 0 && i < r->n; i++)
		ret = testcase(w, r, &r->checks[i]);
	return ret ? ret : hp_xml_end(w);
}

static int document(xmlTextWriterPtr w, const void *arg)
{
	const struct hp_summary *s = arg;
	size_t total[4] = { 0 }, tests = 0;
	int ret;

	for (size_t i = 0; i < s->n; i++) {
		tests += s->runs[i].n;
		for (int st = HP_PASS; st <= HP_SKIP; st++)
			total[st] += s->runs[i].count[st];
	}
	ret = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = hp_xml_start(w, "testsuites");
	if (ret == 0)
		ret = hp_xml_attr(w, "name", "hardprobe summary");
	if (ret == 0)
		ret = hp_junit_counts(w, tests, total);
	for (size_t i = 0; ret == 0 && i < s->n; i++)
		ret = testsuite(w, &s->runs[i]);
	if (ret == 0 && xmlTextWriterEndDocument(w) < 0)
		ret = -EIO;
	return ret;
}

int hp_summary_junit(const struct hp_summary *s, FILE *out)
{
	return hp_xml_write(out, document, s);
}
