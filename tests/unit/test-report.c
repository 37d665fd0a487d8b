/* Unit tests of the report writers (text, json, junit) and of escaping. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <json-c/json.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../harness/escape.h"
#include "../../harness/report.h"
#include "suites.h"

#define HOSTILE "\033]0;pwned\007\033[2J<b>&amp;\"q'\xff\xe2\x80\xae"

static struct hp_result results[4];
static struct hp_report report;

static void result(size_t i, const char *id, enum hp_status st, const char *exp,
		   const char *obs, const char *evidence)
{
	results[i].id = (char *)id;
	results[i].status = st;
	results[i].expected = (char *)exp;
	results[i].observed = (char *)obs;
	results[i].evidence = evidence ? json_tokener_parse(evidence) : NULL;
	report.count[st]++;
}

/* Four checks, one of each status, and the verdict fail. */
static void setup(void)
{
	memset(&report, 0, sizeof(report));
	report.profile = "hardened";
	report.stream_name = "saved.jsonl";
	report.header = json_tokener_parse(
		"{\"type\":\"header\",\"format\":2,\"probe_set\":\"1\","
		"\"tool\":\"0.1.0\",\"kernel\":\"6.1.0-test\","
		"\"machine\":\"x86_64\"}");
	result(0, "fs.etc-passwd-write", HP_PASS, "denied", "denied (EROFS)",
	       "{\"outcome\":\"denied\",\"errno\":\"EROFS\"}");
	result(1, "caps.sets", HP_FAIL, "only cap_net_bind_service",
	       "cap_chown cap_kill", "{\"outcome\":\"observed\"}");
	result(2, "seccomp.mode", HP_ERROR, "filter",
	       "probe error: signal SIGSYS", "{\"kind\":\"signal\"}");
	result(3, "caps.raise", HP_SKIP, "denied",
	       "skip: no capability to raise", NULL);
	report.results = results;
	report.n = 4;
	report.pass = 0;
}

static void teardown(void)
{
	size_t i;

	for (i = 0; i < report.n; i++)
		json_object_put(results[i].evidence);
	json_object_put(report.header);
}

/* Run a writer into memory; the caller frees the text. */
static char *render(enum hp_format fmt, bool colour)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(hp_report_write(&report, fmt, f, colour), 0);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_uint_eq(strlen(buf), len);
	return buf;
}

START_TEST(test_format_parse)
{
	ck_assert_int_eq(hp_format_parse("text"), HP_FMT_TEXT);
	ck_assert_int_eq(hp_format_parse("json"), HP_FMT_JSON);
	ck_assert_int_eq(hp_format_parse("junit"), HP_FMT_JUNIT);
	ck_assert_int_eq(hp_format_parse("xml"), -1);
	ck_assert_int_eq(hp_format_parse(""), -1);
}
END_TEST

START_TEST(test_text_plain)
{
	static const char want[] =
		"stream saved.jsonl: kernel 6.1.0-test (x86_64), probe set 1\n"
		"\n"
		"CHECK                STATUS  EXPECTED                   "
		"OBSERVED\n"
		"fs.etc-passwd-write  pass    denied                     "
		"denied (EROFS)\n"
		"caps.sets            fail    only cap_net_bind_service  "
		"cap_chown cap_kill\n"
		"seccomp.mode         error   filter                     "
		"probe error: signal SIGSYS\n"
		"caps.raise           skip    denied                     "
		"skip: no capability to raise\n"
		"\n"
		"hardened: fail (4 checks: 1 pass, 1 fail, 1 error, 1 skip)\n";
	char *got = render(HP_FMT_TEXT, false);

	ck_assert_str_eq(got, want);
	free(got);
}
END_TEST

START_TEST(test_text_pass_line)
{
	char *got, *last;

	report.n = 1;
	report.count[HP_FAIL] = report.count[HP_ERROR] = 0;
	report.count[HP_SKIP] = 0;
	report.pass = 1;
	got = render(HP_FMT_TEXT, false);
	last = strrchr(got, '\n');
	*last = '\0';
	last = strrchr(got, '\n') + 1;
	ck_assert_str_eq(last, "hardened: pass (1 checks: 1 pass, 0 fail, "
			       "0 error, 0 skip)");
	free(got);
	report.n = 4;
}
END_TEST

/* An expectation wider than its column ends its line; the observed text
 * follows below, still in the OBSERVED column. */
START_TEST(test_text_long_expected)
{
	static const char long_exp[] = "only cap_chown, cap_dac_override, "
				       "cap_fowner";
	char *got, *line, *next;

	results[1].expected = (char *)long_exp;
	got = render(HP_FMT_TEXT, false);
	line = strstr(got, "caps.sets");
	ck_assert_ptr_nonnull(line);
	next = strchr(line, '\n') + 1;
	ck_assert_int_eq(strncmp(line, "caps.sets            fail    only cap_",
				 37),
			 0);
	ck_assert_ptr_eq(strstr(line, long_exp) + strlen(long_exp), next - 1);
	ck_assert_int_eq(strspn(next, " "),
			 strstr(got, "OBSERVED") - strstr(got, "CHECK"));
	ck_assert_int_eq(strncmp(next + strspn(next, " "),
				 "cap_chown cap_kill\n", 19),
			 0);
	free(got);
}
END_TEST

START_TEST(test_text_colour)
{
	char *got = render(HP_FMT_TEXT, true);

	ck_assert_ptr_nonnull(strstr(got, "\033[32mpass\033[0m"));
	ck_assert_ptr_nonnull(strstr(got, "\033[31mfail\033[0m"));
	ck_assert_ptr_nonnull(strstr(got, "\033[33mskip\033[0m"));
	/* Colour does not shift the columns that follow. */
	ck_assert_ptr_nonnull(strstr(got, "\033[0m    denied "));
	ck_assert_ptr_nonnull(strstr(got, "\033[0m   filter "));
	free(got);
}
END_TEST

START_TEST(test_text_hostile)
{
	char *got;

	results[1].observed = HOSTILE;
	results[2].id = "seccomp\n.mode";
	got = render(HP_FMT_TEXT, false);
	ck_assert_ptr_null(strchr(got, '\033'));
	ck_assert_ptr_null(strchr(got, '\007'));
	ck_assert_ptr_nonnull(strstr(got, "\\x1b]0;pwned\\x07\\x1b[2J<b>&amp;"
					  "\"q'\\xff\\u202e\n"));
	ck_assert_ptr_nonnull(strstr(got, "seccomp\\n.mode       error"));
	free(got);
}
END_TEST

START_TEST(test_json_fields)
{
	char *got = render(HP_FMT_JSON, false);
	json_object *o = json_tokener_parse(got), *v, *c;

	ck_assert_ptr_nonnull(o);
	ck_assert(json_object_object_get_ex(o, "tool", &v));
	ck_assert_str_eq(json_object_get_string(v), "hardprobe");
	ck_assert(json_object_object_get_ex(o, "version", &v));
	ck_assert_str_eq(json_object_get_string(v), HARDPROBE_VERSION);
	ck_assert(json_object_object_get_ex(o, "profile", &v));
	ck_assert_str_eq(json_object_get_string(v), "hardened");
	ck_assert(json_object_object_get_ex(o, "verdict", &v));
	ck_assert_str_eq(json_object_get_string(v), "fail");
	ck_assert(json_object_object_get_ex(o, "summary", &v));
	ck_assert_str_eq(json_object_to_json_string(v),
			 "{ \"pass\": 1, \"fail\": 1, \"error\": 1, "
			 "\"skip\": 1 }");
	ck_assert(json_object_object_get_ex(o, "stream", &v));
	ck_assert(json_object_object_get_ex(v, "kernel", &c));
	ck_assert_str_eq(json_object_get_string(c), "6.1.0-test");
	ck_assert(json_object_object_get_ex(v, "probe_set", &c));
	ck_assert_str_eq(json_object_get_string(c), "1");
	json_object_put(o);
	free(got);
}
END_TEST

START_TEST(test_json_checks)
{
	char *got = render(HP_FMT_JSON, false);
	json_object *o = json_tokener_parse(got), *a, *c, *v;

	ck_assert(json_object_object_get_ex(o, "checks", &a));
	ck_assert_uint_eq(json_object_array_length(a), 4);
	c = json_object_array_get_idx(a, 1);
	ck_assert(json_object_object_get_ex(c, "id", &v));
	ck_assert_str_eq(json_object_get_string(v), "caps.sets");
	ck_assert(json_object_object_get_ex(c, "status", &v));
	ck_assert_str_eq(json_object_get_string(v), "fail");
	ck_assert(json_object_object_get_ex(c, "expected", &v));
	ck_assert_str_eq(json_object_get_string(v),
			 "only cap_net_bind_service");
	ck_assert(json_object_object_get_ex(c, "observed", &v));
	ck_assert_str_eq(json_object_get_string(v), "cap_chown cap_kill");
	ck_assert(json_object_object_get_ex(c, "evidence", &v));
	ck_assert_str_eq(json_object_to_json_string(v),
			 "{ \"outcome\": \"observed\" }");
	c = json_object_array_get_idx(a, 3);
	ck_assert(json_object_object_get_ex(c, "evidence", &v));
	ck_assert_ptr_null(v);
	json_object_put(o);
	free(got);
}
END_TEST

START_TEST(test_json_hostile)
{
	const char *hostile = "\033[2J<b>&\"q'\\";
	char *got;
	json_object *o, *v;

	results[0].observed = (char *)hostile;
	got = render(HP_FMT_JSON, false);
	ck_assert_ptr_null(strchr(got, '\033'));
	o = json_tokener_parse(got);
	ck_assert_ptr_nonnull(o);
	v = json_object_array_get_idx(json_object_object_get(o, "checks"), 0);
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(v, "observed")),
			 hostile);
	json_object_put(o);
	free(got);
}
END_TEST

/* Parse the junit text; fails the test unless it is well formed. */
static xmlDocPtr junit_parse(const char *text)
{
	xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "junit.xml",
				      NULL, XML_PARSE_NONET);

	ck_assert_msg(doc != NULL, "junit output is not well formed");
	return doc;
}

static void ck_prop(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);

	ck_assert_msg(v != NULL, "no attribute %s", name);
	ck_assert_str_eq((const char *)v, want);
	xmlFree(v);
}

/* The n-th element child of parent. */
static xmlNodePtr child(xmlNodePtr parent, const char *name, int n)
{
	xmlNodePtr c;

	for (c = xmlFirstElementChild(parent); c; c = xmlNextElementSibling(c))
		if (xmlStrcmp(c->name, BAD_CAST name) == 0 && n-- == 0)
			return c;
	ck_abort_msg("no element %s", name);
	return NULL;
}

START_TEST(test_junit_counts)
{
	char *got = render(HP_FMT_JUNIT, false);
	xmlDocPtr doc = junit_parse(got);
	xmlNodePtr root = xmlDocGetRootElement(doc), suite, c;

	ck_assert_str_eq((const char *)root->name, "testsuites");
	suite = child(root, "testsuite", 0);
	ck_prop(suite, "name", "hardprobe.hardened");
	ck_prop(suite, "tests", "4");
	ck_prop(suite, "failures", "1");
	ck_prop(suite, "errors", "1");
	ck_prop(suite, "skipped", "1");
	ck_prop(root, "tests", "4");
	c = child(suite, "testcase", 0);
	ck_prop(c, "classname", "hardprobe.hardened");
	ck_prop(c, "name", "fs.etc-passwd-write");
	ck_assert_ptr_null(xmlFirstElementChild(c));
	c = child(child(suite, "testcase", 1), "failure", 0);
	ck_prop(c, "message",
		"expected only cap_net_bind_service, observed "
		"cap_chown cap_kill");
	child(child(suite, "testcase", 2), "error", 0);
	c = child(child(suite, "testcase", 3), "skipped", 0);
	ck_prop(c, "message", "skip: no capability to raise");
	xmlFreeDoc(doc);
	free(got);
}
END_TEST

START_TEST(test_junit_hostile)
{
	char *got;
	xmlDocPtr doc;
	xmlNodePtr c;

	results[1].observed = HOSTILE;
	results[1].id = "caps.sets\"><x>";
	json_object_put(results[1].evidence);
	results[1].evidence = json_object_new_string(HOSTILE);
	got = render(HP_FMT_JUNIT, false);
	ck_assert_ptr_null(strchr(got, '\033'));
	doc = junit_parse(got);
	c = child(child(xmlDocGetRootElement(doc), "testsuite", 0), "testcase",
		  1);
	ck_prop(c, "name", "caps.sets\"><x>");
	ck_prop(child(c, "failure", 0), "message",
		"expected only cap_net_bind_service, observed "
		"\\x1b]0;pwned\\x07\\x1b[2J<b>&amp;\"q'\\xff\\u202e");
	xmlFreeDoc(doc);
	free(got);
}
END_TEST

START_TEST(test_escape)
{
	static const struct {
		const char *in, *out;
		int flags;
	} cases[] = {
		{ "plain text", "plain text", 0 },
		{ "caf\xc3\xa9 \xe2\x9c\x93", "caf\xc3\xa9 \xe2\x9c\x93", 0 },
		{ "a\tb\nc\rd", "a\\tb\\nc\\rd", 0 },
		{ "a\tb\nc\\", "a\tb\nc\\", HP_ESC_LAYOUT },
		{ "\033[31m", "\\x1b[31m", HP_ESC_LAYOUT },
		{ "back\\slash", "back\\\\slash", 0 },
		{ "\x7f\xc2\x9b", "\\x7f\\u009b", 0 },
		{ "\xc0\xaf\xed\xa0\x80", "\\xc0\\xaf\\xed\\xa0\\x80", 0 },
		{ "trunc\xe2\x80", "trunc\\xe2\\x80", 0 },
		{ "\xe2\x80\xae\xe2\x81\xa6", "\\u202e\\u2066", 0 },
		{ "\xf0\x9f\x94\x92", "\xf0\x9f\x94\x92", 0 },
		{ "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80", 0 },
	};
	size_t i;
	char *s;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = hp_escape(cases[i].in, cases[i].flags);
		ck_assert_str_eq(s, cases[i].out);
		free(s);
	}
	s = hp_escape(NULL, 0);
	ck_assert_str_eq(s, "");
	free(s);
	ck_assert_uint_eq(hp_text_width("caf\xc3\xa9"), 4);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("writers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_format_parse);
	tcase_add_test(tc, test_text_plain);
	tcase_add_test(tc, test_text_pass_line);
	tcase_add_test(tc, test_text_long_expected);
	tcase_add_test(tc, test_text_colour);
	tcase_add_test(tc, test_text_hostile);
	tcase_add_test(tc, test_json_fields);
	tcase_add_test(tc, test_json_checks);
	tcase_add_test(tc, test_json_hostile);
	tcase_add_test(tc, test_junit_counts);
	tcase_add_test(tc, test_junit_hostile);
	tcase_add_test(tc, test_escape);
	suite_add_tcase(s, tc);
	return s;
}
