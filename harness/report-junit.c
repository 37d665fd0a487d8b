/* The junit report: JUnit XML as Jenkins and GitLab read it, one testcase
 * per check. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <json-c/json.h>
#include <libxml/xmlwriter.h>

#include "escape.h"
#include "report-impl.h"

/* XML 1.0 cannot hold control characters or invalid UTF-8, not even as
 * character references: escape them before they reach the writer. */
static int attr(xmlTextWriterPtr w, const char *name, const char *value,
		int flags)
{
	char *s = hp_escape(value, flags);
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

/* The evidence, pretty JSON, as the element's text for a CI log. */
static int evidence(xmlTextWriterPtr w, const struct hp_result *res)
{
	const char *json;
	char *s;
	int ret;

	if (!res->evidence)
		return 0;
	json = json_object_to_json_string_ext(
		res->evidence, JSON_C_TO_STRING_PRETTY |
				       JSON_C_TO_STRING_SPACED |
				       JSON_C_TO_STRING_NOSLASHESCAPE);
	s = json ? hp_escape(json, HP_ESC_LAYOUT) : NULL;
	if (!s)
		return -ENOMEM;
	ret = xmlTextWriterWriteString(w, BAD_CAST s);
	free(s);
	return ret < 0 ? -EIO : 0;
}

static int start(xmlTextWriterPtr w, const char *name)
{
	return xmlTextWriterStartElement(w, BAD_CAST name) < 0 ? -EIO : 0;
}

static int end(xmlTextWriterPtr w)
{
	return xmlTextWriterEndElement(w) < 0 ? -EIO : 0;
}

/* The message of a failure or error: both sides, as the table shows. */
static int fail_message(xmlTextWriterPtr w, const struct hp_result *res)
{
	char *msg;
	int ret;

	if (asprintf(&msg, "expected %s, observed %s",
		     res->expected ? res->expected : "-",
		     res->observed ? res->observed : "-") < 0)
		return -ENOMEM;
	ret = attr(w, "message", msg, 0);
	free(msg);
	if (ret == 0)
		ret = attr(w, "type", hp_status_name(res->status), 0);
	if (ret == 0)
		ret = evidence(w, res);
	return ret;
}

/* <failure>, <error> or <skipped> inside a testcase; nothing for pass. */
static int outcome(xmlTextWriterPtr w, const struct hp_result *res)
{
	static const char *const tags[] = {
		[HP_FAIL] = "failure",
		[HP_ERROR] = "error",
		[HP_SKIP] = "skipped",
	};
	int ret;

	if (res->status == HP_PASS)
		return 0;
	ret = start(w, tags[res->status]);
	if (ret == 0 && res->status == HP_SKIP)
		ret = attr(w, "message", res->observed, 0);
	else if (ret == 0)
		ret = fail_message(w, res);
	return ret ? ret : end(w);
}

/* A spec disagreement's class is SUITE.spec, apart from the checks. */
static int testcase(xmlTextWriterPtr w, const char *suite,
		    const struct hp_result *res)
{
	int ret = start(w, "testcase");
	char *cls = NULL;

	if (asprintf(&cls, "%s%s", suite,
		     res->kind == HP_KIND_SPEC ? ".spec" : "") < 0)
		return -ENOMEM;
	if (ret == 0)
		ret = attr(w, "classname", cls, 0);
	free(cls);
	if (ret == 0)
		ret = attr(w, "name", res->id, 0);
	if (ret == 0)
		ret = outcome(w, res);
	return ret ? ret : end(w);
}

/* tests, failures, errors and skipped: on testsuites and testsuite. */
static int counts(xmlTextWriterPtr w, const struct hp_report *r)
{
	int ret = attr_count(w, "tests", r->n);

	if (ret == 0)
		ret = attr_count(w, "failures", r->count[HP_FAIL]);
	if (ret == 0)
		ret = attr_count(w, "errors", r->count[HP_ERROR]);
	if (ret == 0)
		ret = attr_count(w, "skipped", r->count[HP_SKIP]);
	return ret;
}

/* Where the stream came from, for a reader of the CI results. */
static int properties(xmlTextWriterPtr w, const struct hp_report *r)
{
	static const char *const keys[] = { "kernel", "machine", "probe_set" };
	int ret = start(w, "properties");
	size_t i;

	for (i = 0; ret == 0 && i < sizeof(keys) / sizeof(keys[0]); i++) {
		ret = start(w, "property");
		if (ret == 0)
			ret = attr(w, "name", keys[i], 0);
		if (ret == 0)
			ret = attr(w, "value", hp_report_header(r, keys[i]), 0);
		if (ret == 0)
			ret = end(w);
	}
	return ret ? ret : end(w);
}

static int testsuite(xmlTextWriterPtr w, const struct hp_report *r,
		     const char *suite)
{
	int ret = start(w, "testsuite");
	size_t i;

	if (ret == 0)
		ret = attr(w, "name", suite, 0);
	if (ret == 0)
		ret = counts(w, r);
	if (ret == 0)
		ret = properties(w, r);
	for (i = 0; ret == 0 && i < r->n; i++)
		ret = testcase(w, suite, &r->results[i]);
	return ret ? ret : end(w);
}

static int document(xmlTextWriterPtr w, const struct hp_report *r)
{
	char *suite;
	int ret;

	if (asprintf(&suite, "hardprobe.%s", r->profile) < 0)
		return -ENOMEM;
	ret = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = start(w, "testsuites");
	if (ret == 0)
		ret = attr(w, "name", "hardprobe", 0);
	if (ret == 0)
		ret = counts(w, r);
	if (ret == 0)
		ret = testsuite(w, r, suite);
	if (ret == 0 && xmlTextWriterEndDocument(w) < 0)
		ret = -EIO;
	free(suite);
	return ret;
}

int hp_report_junit(const struct hp_report *r, FILE *out)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	int ret = w ? 0 : -ENOMEM;

	if (ret == 0)
		ret = xmlTextWriterSetIndent(w, 1) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = document(w, r);
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
