/* Tests of the TAP 14 and OSCAL writers, of the text and junit reports,
 * and of the reports grouped by control, each compared with a file in
 * tests/data/expected.  Set HARDPROBE_WRITE_EXPECTED=1 to write those
 * files from the writers instead (then read the difference before
 * keeping it). */
#define _GNU_SOURCE
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <json-c/json.h>

#include "../../harness/report.h"
#include "unit.h"

#define EXPECTED_DIR DATA_DIR "/expected"
#define HOSTILE "\033]0;pwned\007 # not a directive\n\xff\xe2\x80\xae\\"

static struct hp_result results[5];
static struct hp_report report;
static char *ctl_a[] = { "CIS-Docker:5.12", "hardprobe:read-only-root" };
static char *ctl_b[] = { "CIS-Docker:5.3" };
static char *ctl_c[] = { "CIS-Docker:5.21" };

static void result(size_t i, const char *id, enum hp_status st, const char *obs,
		   char **controls, size_t n)
{
	results[i].id = (char *)id;
	results[i].status = st;
	results[i].expected = "denied";
	results[i].observed = (char *)obs;
	results[i].evidence = json_tokener_parse("{\"outcome\":\"x\"}");
	results[i].controls = controls;
	results[i].ncontrols = n;
	report.count[st]++;
}

/* One check of each status, one without a control, hostile text. */
static void setup(void)
{
	memset(&report, 0, sizeof(report));
	report.profile = "cis-docker";
	report.stream_name = "saved.jsonl";
	report.header = json_tokener_parse(
		"{\"type\":\"header\",\"kernel\":\"6.1.0-test\","
		"\"machine\":\"x86_64\",\"probe_set\":\"1\"}");
	result(0, "fs.rootfs-write", HP_PASS, "denied (EROFS)", ctl_a, 2);
	result(1, "caps.sets", HP_FAIL, "extra: cap_net_raw " HOSTILE, ctl_b,
	       1);
	result(2, "seccomp.mode", HP_ERROR, "probe error: signal SIGSYS", ctl_c,
	       1);
	result(3, "fs.etc-passwd-write", HP_SKIP, "no /etc/passwd " HOSTILE,
	       ctl_a, 1);
	result(4, "nnp.flag", HP_PASS, "set", NULL, 0);
	report.results = results;
	report.n = 5;
	report.pass = 0;
}

static void teardown(void)
{
	for (size_t i = 0; i < report.n; i++)
		json_object_put(results[i].evidence);
	json_object_put(report.header);
}

static char *render(enum hp_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(hp_report_write(&report, fmt, f, false), 0);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

static char *slurp(const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = fopen(path, "re"), *m = open_memstream(&buf, &len);
	int c;

	ck_assert_msg(f != NULL, "open %s", path);
	while ((c = fgetc(f)) != EOF)
		fputc(c, m);
	fclose(f);
	fclose(m);
	return buf;
}

/* Compare text with the expected file name (or write it). */
static void expect_file(const char *name, const char *text)
{
	char *path, *want;

	ck_assert_int_ne(asprintf(&path, "%s/%s", EXPECTED_DIR, name), -1);
	if (getenv("HARDPROBE_WRITE_EXPECTED")) {
		FILE *f = fopen(path, "we");

		ck_assert_ptr_nonnull(f);
		fputs(text, f);
		fclose(f);
	}
	want = slurp(path);
	if (strcmp(text, want) != 0) {
		size_t at = 0;

		while (text[at] && text[at] == want[at])
			at++;
		ck_abort_msg("%s differs at byte %zu: got '%.40s', want "
			     "'%.40s'",
			     name, at, text + at, want + at);
	}
	free(want);
	free(path);
}

START_TEST(test_format_names)
{
	ck_assert_int_eq(hp_format_parse("tap"), HP_FMT_TAP);
	ck_assert_int_eq(hp_format_parse("oscal"), HP_FMT_OSCAL);
	ck_assert_int_eq(hp_format_parse("TAP"), -1);
}
END_TEST

START_TEST(test_tap)
{
	char *tap = render(HP_FMT_TAP);

	ck_assert(strncmp(tap, "TAP version 14\n1..5\n", 20) == 0);
	/* no raw control character and no unescaped directive reaches it */
	ck_assert_ptr_null(strchr(tap, '\033'));
	ck_assert_ptr_null(strstr(tap, "\xe2\x80\xae"));
	expect_file("report.tap", tap);
	free(tap);
}
END_TEST

START_TEST(test_text_by_control)
{
	char *text;

	report.by_control = 1;
	text = render(HP_FMT_TEXT);
	expect_file("report-by-control.txt", text);
	free(text);
}
END_TEST

START_TEST(test_json_by_control)
{
	char *text;
	json_object *o, *groups, *g;

	report.by_control = 1;
	text = render(HP_FMT_JSON);
	o = json_tokener_parse(text);
	ck_assert(json_object_object_get_ex(o, "by_control", &groups));
	ck_assert_uint_eq(json_object_array_length(groups), 5);
	g = json_object_array_get_idx(groups, 0);
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(g, "control")),
			 "CIS-Docker:5.12");
	/* a pass and a skip: the control is not met */
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(g, "status")),
			 "skip");
	expect_file("report-by-control.json", text);
	json_object_put(o);
	free(text);
}
END_TEST

/* The report as most people first see it: by check, no colour. */
START_TEST(test_text_expected)
{
	char *text = render(HP_FMT_TEXT);

	ck_assert_ptr_null(strchr(text, '\033'));
	expect_file("report.txt", text);
	free(text);
}
END_TEST

START_TEST(test_junit_expected)
{
	char *text = render(HP_FMT_JUNIT);

	ck_assert_ptr_null(strchr(text, '\033'));
	expect_file("report.junit.xml", text);
	free(text);
}
END_TEST

/* uuids become UUID-1, UUID-2... in order of first appearance (so that
 * references stay visible) and timestamps TIME. */
struct norm {
	regex_t uuid, time;
	char *seen[64];
	size_t n;
};

static const char *uuid_name(struct norm *z, const char *u)
{
	static char name[32];
	size_t i;

	for (i = 0; i < z->n && strcmp(z->seen[i], u) != 0; i++)
		;
	if (i == z->n) {
		ck_assert_uint_lt(z->n, 64);
		z->seen[z->n++] = strdup(u);
	}
	snprintf(name, sizeof(name), "UUID-%zu", i + 1);
	return name;
}

static json_object *normalize(struct norm *z, json_object *v)
{
	const char *s;

	if (json_object_is_type(v, json_type_object)) {
		json_object_object_foreach(v, key, val)
		{
			json_object_object_add(v, key,
					       normalize(z,
							 json_object_get(val)));
		}
	} else if (json_object_is_type(v, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(v); i++)
			json_object_array_put_idx(
				v, i,
				normalize(z, json_object_get(
						     json_object_array_get_idx(
							     v, i))));
	} else if (json_object_is_type(v, json_type_string)) {
		s = json_object_get_string(v);
		if (regexec(&z->uuid, s + (s[0] == '#'), 0, NULL, 0) == 0) {
			char ref[40];

			/* "#UUID" is a reference within the document */
			snprintf(ref, sizeof(ref), "%s%s",
				 s[0] == '#' ? "#" : "",
				 uuid_name(z, s + (s[0] == '#')));
			json_object_put(v);
			return json_object_new_string(ref);
		}
		if (regexec(&z->time, s, 0, NULL, 0) == 0) {
			json_object_put(v);
			return json_object_new_string("TIME");
		}
	}
	return v;
}

START_TEST(test_oscal)
{
	char *text = render(HP_FMT_OSCAL), *again = render(HP_FMT_OSCAL);
	struct norm z = { .n = 0 };
	json_object *doc = json_tokener_parse(text);
	const char *out;

	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(regcomp(&z.uuid,
				 "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-"
				 "[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
				 REG_EXTENDED | REG_NOSUB),
			 0);
	ck_assert_int_eq(regcomp(&z.time,
				 "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:"
				 "[0-9]{2}:[0-9]{2}Z$",
				 REG_EXTENDED | REG_NOSUB),
			 0);
	/* random uuids: two reports of the same run differ */
	ck_assert_str_ne(text, again);
	doc = normalize(&z, doc);
	/* 5 observations, 4 findings, 2 resources and the document and
	 * result */
	ck_assert_uint_eq(z.n, 13);
	out = json_object_to_json_string_ext(
		doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
			     JSON_C_TO_STRING_NOSLASHESCAPE);
	expect_file("report.oscal.json", out);
	json_object_put(doc);
	for (size_t i = 0; i < z.n; i++)
		free(z.seen[i]);
	regfree(&z.uuid);
	regfree(&z.time);
	free(text);
	free(again);
}
END_TEST

Suite *formats_suite(void)
{
	Suite *s = suite_create("formats");
	TCase *tc = tcase_create("formats");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_format_names);
	tcase_add_test(tc, test_tap);
	tcase_add_test(tc, test_text_by_control);
	tcase_add_test(tc, test_json_by_control);
	tcase_add_test(tc, test_oscal);
	tcase_add_test(tc, test_text_expected);
	tcase_add_test(tc, test_junit_expected);
	suite_add_tcase(s, tc);
	return s;
}
