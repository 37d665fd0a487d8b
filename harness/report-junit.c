/* The junit report: JUnit XML as Jenkins and GitLab read it, one testcase
 * per check. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "escape.h"
#include "report-impl.h"
#include "xmlout.h"

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

/* The message of a failure or error: both sides, as the table shows. */
static int fail_message(xmlTextWriterPtr w, const struct hp_result *res)
{
	char *msg;
	int ret;

	if (asprintf(&msg, "expected %s, observed %s",
		     res->expected ? res->expected : "-",
		     res->observed ? res->observed : "-") < 0)
		return -ENOMEM;
	ret = hp_xml_attr(w, "message", msg);
	free(msg);
	if (ret == 0)
		ret = hp_xml_attr(w, "type", hp_status_name(res->status));
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
	ret = hp_xml_start(w, tags[res->status]);
	if (ret == 0 && res->status == HP_SKIP)
		ret = hp_xml_attr(w, "message", res->observed);
	else if (ret == 0)
		ret = fail_message(w, res);
	return ret ? ret : hp_xml_end(w);
}

/* A spec disagreement's class is SUITE.spec, apart from the checks. */
static int testcase(xmlTextWriterPtr w, const char *suite,
		    const struct hp_result *res)
{
	int ret = hp_xml_start(w, "testcase");
	char *cls = NULL;

	if (asprintf(&cls, "%s%s", suite,
		     res->kind == HP_KIND_SPEC ? ".spec" : "") < 0)
		return -ENOMEM;
	if (ret == 0)
		ret = hp_xml_attr(w, "classname", cls);
	free(cls);
	if (ret == 0)
		ret = hp_xml_attr(w, "name", res->id);
	if (ret == 0)
		ret = outcome(w, res);
	return ret ? ret : hp_xml_end(w);
}

/* Where the stream came from, for a reader of the CI results. */
static int properties(xmlTextWriterPtr w, const struct hp_report *r)
{
	static const char *const keys[] = { "kernel", "machine", "probe_set" };
	int ret = hp_xml_start(w, "properties");
	size_t i;

	for (i = 0; ret == 0 && i < sizeof(keys) / sizeof(keys[0]); i++) {
		ret = hp_xml_start(w, "property");
		if (ret == 0)
			ret = hp_xml_attr(w, "name", keys[i]);
		if (ret == 0)
			ret = hp_xml_attr(w, "value",
					  hp_report_header(r, keys[i]));
		if (ret == 0)
			ret = hp_xml_end(w);
	}
	return ret ? ret : hp_xml_end(w);
}

static int testsuite(xmlTextWriterPtr w, const struct hp_report *r,
		     const char *suite)
{
	int ret = hp_xml_start(w, "testsuite");
	size_t i;

	if (ret == 0)
		ret = hp_xml_attr(w, "name", suite);
	if (ret == 0)
		ret = hp_junit_counts(w, r->n, r->count);
	if (ret == 0)
		ret = properties(w, r);
	for (i = 0; ret == 0 && i < r->n; i++)
		ret = testcase(w, suite, &r->results[i]);
	return ret ? ret : hp_xml_end(w);
}

static int document(xmlTextWriterPtr w, const void *arg)
{
	const struct hp_report *r = arg;
	char *suite;
	int ret;

	if (asprintf(&suite, "hardprobe.%s", r->profile) < 0)
		return -ENOMEM;
	ret = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ? -EIO : 0;
	if (ret == 0)
		ret = hp_xml_start(w, "testsuites");
	if (ret == 0)
		ret = hp_xml_attr(w, "name", "hardprobe");
	if (ret == 0)
		ret = hp_junit_counts(w, r->n, r->count);
	if (ret == 0)
		ret = testsuite(w, r, suite);
	if (ret == 0 && xmlTextWriterEndDocument(w) < 0)
		ret = -EIO;
	free(suite);
	return ret;
}

int hp_report_junit(const struct hp_report *r, FILE *out)
{
	return hp_xml_write(out, document, r);
}
