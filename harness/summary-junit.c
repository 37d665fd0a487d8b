/* The junit summary: one testsuite per run, one testcase per check, so a
 * CI system shows each run of a fleet as its own suite. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <libxml/xmlwriter.h>

#include "escape.h"
#include "summary.h"

/* XML cannot hold control characters or invalid UTF-8: escape first. */
static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *s = hp_escape(value, 0);
	int ret;

	if (!s)
		return -ENOMEM;
	ret = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST s);
	free(s);
	return ret < 0 ? -EIO : 0;
}

static int attr_count(xmlTextWriterPtr w, const char *name, size_t n)
{
	return xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%zu", n) < 0
		       ? -EIO
		       : 0;
}

static int start(xmlTextWriterPtr w, const char *name)
{
	return xmlTextWriterStartElement(w, BAD_CAST name) < 0 ? -EIO : 0;
}

static int end(xmlTextWriterPtr w)
{
	return xmlTextWriterEndElement(w) < 0 ? -EIO : 0;
}

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
	ret = start(w, tags[c->status]);
	if (ret == 0)
		ret = attr(w, "message", c->message);
	return ret ? ret : end(w);
}

static int testcase(xmlTextWriterPtr w, const struct hp_summary_run *r,
		    const struct hp_summary_check *c)
{
	int ret = start(w, "testcase");

	if (ret == 0)
		ret = attr(w, "classname", r->name);
	if (ret == 0)
		ret = attr(w, "name", c->id);
	if (ret == 0)
		ret = outcome(w, c);
	return ret ? ret : end(w);
}

static int counts(xmlTextWriterPtr w, size_t tests, const size_t count[4])
{
	int ret = attr_count(w, "tests", tests);

	if (ret == 0)
		ret = attr_count(w, "failures", count[HP_FAIL]);
	if (ret == 0)
		ret = attr_count(w, "errors", count[HP_ERROR]);
	if (ret == 0)
		ret = attr_count(w, "skipped", count[HP_SKIP]);
	return ret;
}

/* The profile the run was judged against, as a suite property. */
static int profile(xmlTextWriterPtr w, const char *name)
{
	int ret = start(w, "properties");

	if (ret == 0)
		ret = start(w, "property");
	if (ret == 0)
		ret = attr(w, "name", "profile");
	if (ret == 0)
		ret = attr(w, "value", name);
	if (ret == 0)
		ret = end(w);
	return ret ? ret : end(w);
}

static int testsuite(xmlTextWriterPtr w, const struct hp_summary_run *r)
{
	int ret = start(w, "testsuite");

	if (ret == 0)
		ret = attr(w, "name", r->name);
	if (ret == 0)
		ret = counts(w, r->n, r->count);
	if (ret == 0)
		ret = profile(w, r->profile ? r->profile : "-");
	for (size_t i = 0; ret == 0 && i < r->n; i++)
		ret = testcase(w, r, &r->checks[i]);
	return ret ? ret : end(w);
}

static int document(xmlTextWriterPtr w, const struct hp_summary *s)
{
	size_t total[4] = { 0 }, tests = 0;
	int ret;

	for (size_t i = 0; i < s->n; i++) {
		tests += s->runs[i].n;
		for (int st = HP_PASS; st <= HP_SKIP; st++)
			total[st] += s->runs[i].count[st];
	}
	ret = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = start(w, "testsuites");
	if (ret == 0)
		ret = attr(w, "name", "hardprobe summary");
	if (ret == 0)
		ret = counts(w, tests, total);
	for (size_t i = 0; ret == 0 && i < s->n; i++)
		ret = testsuite(w, &s->runs[i]);
	if (ret == 0 && xmlTextWriterEndDocument(w) < 0)
		ret = -EIO;
	return ret;
}

int hp_summary_junit(const struct hp_summary *s, FILE *out)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	int ret = w ? 0 : -ENOMEM;

	if (ret == 0)
		ret = xmlTextWriterSetIndent(w, 1) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = document(w, s);
	if (w)
		xmlFreeTextWriter(w); /* flushes into buf */
	if (ret == 0 &&
	    fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf),
		   out) != (size_t)xmlBufferLength(buf))
		ret = -EIO;
	if (buf)
		xmlBufferFree(buf);
	return ret;
}
