/* Tests of harness/summary*.c: runs from reports, report.json and
 * evidence directories, the counts, the exit status, and the three
 * summary formats. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <libxml/parser.h>

#include "../../harness/summary.h"
#include "unit.h"

#define REPORT_PASS                                                      \
	"{\"profile\":\"hardened\",\"verdict\":\"pass\",\"checks\":["    \
	"{\"id\":\"nnp.flag\",\"status\":\"pass\",\"expected\":\"set\"," \
	"\"observed\":\"set\"}]}"
#define REPORT_FAIL                                                      \
	"{\"profile\":\"hardened\",\"verdict\":\"fail\",\"checks\":["    \
	"{\"id\":\"nnp.flag\",\"status\":\"fail\",\"expected\":\"set\"," \
	"\"observed\":\"clear\"},{\"id\":\"caps.raise\",\"status\":"     \
	"\"skip\",\"expected\":\"denied\",\"observed\":\"skip: none\"}]}"

/* Why a run left no report, as a broken run might word it. */
#define HOSTILE_REASON "no report \033]0;x\007\n<b>&amp;\"'"

static char tmp[64];

static void mk_tmp(void)
{
	strcpy(tmp, "/tmp/hp-unit-summary.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void rm_tmp(void)
{
	char *cmd;

	ck_assert_int_ge(asprintf(&cmd, "rm -rf '%s'", tmp), 0);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

/* Write text as tmp/rel, making the directory dir first when given. */
static void put(const char *dir, const char *rel, const char *text)
{
	char *p;
	FILE *f;

	if (dir) {
		ck_assert_int_ge(asprintf(&p, "%s/%s", tmp, dir), 0);
		mkdir(p, 0755);
		free(p);
	}
	ck_assert_int_ge(asprintf(&p, "%s/%s", tmp, rel), 0);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static int add_json(struct hp_summary *s, const char *name, const char *text,
		    char *err, size_t errlen)
{
	json_object *o = json_tokener_parse(text);
	int ret;

	ck_assert_ptr_nonnull(o);
	ret = hp_summary_add_json(s, name, o, err, errlen);
	json_object_put(o);
	return ret;
}

START_TEST(test_json_runs_and_counts)
{
	struct hp_summary s = { .runs = NULL };
	struct hp_summary_count *v;
	char err[256];

	ck_assert_int_eq(add_json(&s, "b-run", REPORT_FAIL, err, 256), 0);
	ck_assert_int_eq(add_json(&s, "a-run", REPORT_PASS, err, 256), 0);
	ck_assert_int_eq(hp_summary_add_none(&s, "c-run", "no report"), 0);
	hp_summary_sort(&s);
	ck_assert_str_eq(s.runs[0].name, "a-run");
	ck_assert_int_eq(s.runs[1].verdict, HP_RUN_FAIL);
	ck_assert_uint_eq(s.runs[1].count[HP_SKIP], 1);
	ck_assert_int_eq(s.runs[2].verdict, HP_RUN_NONE);
	ck_assert_uint_eq(hp_summary_passed(&s), 1);
	ck_assert_int_eq(hp_summary_status(&s), 1);

	ck_assert_int_eq(hp_summary_by_profile(&s, &v), 2);
	ck_assert_str_eq(v[0].key, "hardened");
	ck_assert_uint_eq(v[0].runs, 2);
	ck_assert_uint_eq(v[0].pass, 1);
	ck_assert_str_eq(v[1].key, "-");
	ck_assert_uint_eq(v[1].error, 1);
	free(v);
	/* nnp.flag failed in one run, "report" errored in one; the skip
	 * is not a failing check. */
	ck_assert_int_eq(hp_summary_by_check(&s, &v), 2);
	ck_assert_str_eq(v[0].key, "nnp.flag");
	ck_assert_uint_eq(v[0].fail, 1);
	ck_assert_str_eq(v[1].key, "report");
	ck_assert_uint_eq(v[1].error, 1);
	free(v);
	hp_summary_free(&s);
}
END_TEST

START_TEST(test_all_pass)
{
	struct hp_summary s = { .runs = NULL };
	char err[256];

	ck_assert_int_eq(add_json(&s, "a", REPORT_PASS, err, 256), 0);
	ck_assert_int_eq(add_json(&s, "b", REPORT_PASS, err, 256), 0);
	ck_assert_int_eq(hp_summary_status(&s), 0);
	hp_summary_free(&s);
}
END_TEST

/* A report.json is input: each field is checked, and a verdict that
 * contradicts the checks is refused. */
START_TEST(test_bad_reports)
{
	static const char *const bad[] = {
		"[1]",
		"{\"verdict\":\"pass\",\"checks\":[]}",
		"{\"profile\":\"p\",\"verdict\":\"maybe\",\"checks\":[]}",
		"{\"profile\":\"p\",\"verdict\":\"pass\"}",
		"{\"profile\":\"p\",\"verdict\":\"pass\",\"checks\":[{}]}",
		"{\"profile\":\"p\",\"verdict\":\"pass\",\"checks\":"
		"[{\"id\":\"x\",\"status\":\"great\"}]}",
		"{\"profile\":\"p\",\"verdict\":\"pass\",\"checks\":"
		"[{\"id\":\"x\",\"status\":\"fail\"}]}",
	};
	struct hp_summary s = { .runs = NULL };
	char err[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		ck_assert_int_eq(add_json(&s, "r", bad[i], err, 256), -EINVAL);
		ck_assert_msg(err[0] != '\0', "no message for %s", bad[i]);
	}
	ck_assert_uint_eq(s.n, 0);
	hp_summary_free(&s);
}
END_TEST

/* A profile of one line, written beside the runs: the tests do not
 * depend on what the built-in profiles grow to expect. */
static void load_profile(const char *line, struct hp_profile *p)
{
	char err[512], *path;

	put(NULL, "t.profile", line);
	ck_assert_int_ge(asprintf(&path, "%s/t.profile", tmp), 0);
	ck_assert_msg(hp_profile_load(path, CASES_DIR, p, err, 512) == 0, "%s",
		      err);
	free(path);
}

#define PASSING "description \"t\"\nnnp.flag set\n"
#define FAILING "description \"t\"\nuser.identity non-root\n"

/* A directory of evidence directories: pass, fail, one without a report,
 * a saved stream, and a README that is not a run. */
START_TEST(test_load_dir)
{
	struct hp_summary s = { .runs = NULL };
	struct hp_profile p;
	struct hp_summary_load lo = { .profile = &p };
	char *cmd;

	mk_tmp();
	load_profile(FAILING, &p);
	put("r1", "r1/report.json", REPORT_PASS);
	put("r2", "r2/report.json", REPORT_FAIL);
	put("r3", "r3/stream.jsonl", "");
	put(NULL, "README.md", "not a run\n");
	ck_assert_int_ge(asprintf(&cmd,
				  "cp %s/stream-hardened.jsonl %s/s.jsonl",
				  DATA_DIR, tmp),
			 0);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	ck_assert_int_eq(hp_summary_load(&s, &lo, tmp), 0);
	ck_assert_uint_eq(s.n, 4);
	ck_assert_str_eq(s.runs[0].name, "r1");
	ck_assert_int_eq(s.runs[0].verdict, HP_RUN_PASS);
	ck_assert_int_eq(s.runs[1].verdict, HP_RUN_FAIL);
	ck_assert_int_eq(s.runs[2].verdict, HP_RUN_NONE);
	/* the stream is judged against the profile given, which fails it */
	ck_assert_str_eq(s.runs[3].profile, "t");
	ck_assert_int_eq(s.runs[3].verdict, HP_RUN_FAIL);
	ck_assert_int_eq(hp_summary_status(&s), 1);
	hp_summary_free(&s);
	hp_profile_free(&p);
	rm_tmp();
}
END_TEST

START_TEST(test_rejudge)
{
	struct hp_summary s = { .runs = NULL };
	struct hp_profile p;
	struct hp_summary_load lo = { .profile = &p, .rejudge = true };
	char *cmd, *dir;

	mk_tmp();
	load_profile(PASSING, &p);
	put("ok", "ok/report.json", REPORT_FAIL);
	ck_assert_int_ge(asprintf(&cmd,
				  "cp %s/stream-hardened.jsonl %s/ok/"
				  "stream.jsonl",
				  DATA_DIR, tmp),
			 0);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	put("cut", "cut/stream.jsonl", "{\"type\":\"header\",\"format\":1}\n");
	ck_assert_int_ge(asprintf(&dir, "%s/ok/", tmp), 0);
	/* the stream passes hardened, whatever the kept report said */
	ck_assert_int_eq(hp_summary_load(&s, &lo, dir), 0);
	ck_assert_str_eq(s.runs[0].name, "ok");
	ck_assert_int_eq(s.runs[0].verdict, HP_RUN_PASS);
	/* a malformed stream in a run's directory: the run failed, and
	 * the row says where */
	ck_assert_int_eq(hp_summary_load(&s, &lo, tmp), 0);
	ck_assert_uint_eq(s.n, 3);
	hp_summary_sort(&s);
	ck_assert_str_eq(s.runs[0].name, "cut");
	ck_assert_int_eq(s.runs[0].verdict, HP_RUN_NONE);
	ck_assert_ptr_nonnull(
		strstr(s.runs[0].checks[0].message, "cut/stream.jsonl:1:"));
	free(dir);
	hp_summary_free(&s);
	hp_profile_free(&p);
	rm_tmp();
}
END_TEST

/* Bad input is never skipped: each one is an error, and the good ones
 * beside it are still read. */
START_TEST(test_bad_inputs)
{
	struct hp_summary s = { .runs = NULL };
	struct hp_profile p;
	struct hp_summary_load lo = { .profile = &p };
	char *path;

	mk_tmp();
	ck_assert_int_eq(hp_summary_load(&s, &lo, tmp), -EINVAL); /* empty */
	load_profile(PASSING, &p);
	put("good", "good/report.json", REPORT_PASS);
	put("bad", "bad/report.json", "{\"profile\":");
	ck_assert_int_eq(hp_summary_load(&s, &lo, tmp), -EINVAL);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_int_eq(hp_summary_load(&s, &lo, "/nonexistent/x"), -EINVAL);
	put(NULL, "garbage.jsonl", "not json\n");
	ck_assert_int_ge(asprintf(&path, "%s/garbage.jsonl", tmp), 0);
	ck_assert_int_eq(hp_summary_load(&s, &lo, path), -EINVAL);
	ck_assert_uint_eq(s.n, 1);
	free(path);
	hp_summary_free(&s);
	hp_profile_free(&p);
	rm_tmp();
}
END_TEST

/* Three runs, one of each verdict, with a hostile name and reason. */
static void three_runs(struct hp_summary *s)
{
	char err[256];

	memset(s, 0, sizeof(*s));
	ck_assert_int_eq(add_json(s, "pass-run", REPORT_PASS, err, 256), 0);
	ck_assert_int_eq(add_json(s, "fail\033[2J<x>", REPORT_FAIL, err, 256),
			 0);
	ck_assert_int_eq(hp_summary_add_none(s, "none-run", HOSTILE_REASON), 0);
}

static char *render(const struct hp_summary *s, enum hp_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(hp_summary_write(s, fmt, f), 0);
	fclose(f);
	return buf;
}

START_TEST(test_text)
{
	struct hp_summary s;
	char *t;

	three_runs(&s);
	t = render(&s, HP_FMT_TEXT);
	ck_assert_ptr_nonnull(strstr(t, "pass-run"));
	ck_assert_ptr_nonnull(strstr(t, "fail\\x1b[2J<x>"));
	ck_assert_ptr_null(strchr(t, '\033'));
	ck_assert_ptr_null(strchr(t, '\007'));
	ck_assert_ptr_null(strstr(t, "\n<b>"));
	ck_assert_ptr_nonnull(strstr(t, "no-report"));
	ck_assert_ptr_nonnull(strstr(t, "nnp.flag"));
	ck_assert_ptr_nonnull(strstr(
		t, "summary: fail (3 runs: 1 pass, 1 fail, 1 no report)\n"));
	free(t);
	hp_summary_free(&s);
}
END_TEST

static json_object *get(json_object *o, const char *path)
{
	char *p = strdup(path), *save, *k;

	for (k = strtok_r(p, ".", &save); o && k;
	     k = strtok_r(NULL, ".", &save)) {
		if (json_object_is_type(o, json_type_array))
			o = json_object_array_get_idx(o, (size_t)atoi(k));
		else if (!json_object_object_get_ex(o, k, &o))
			o = NULL;
	}
	free(p);
	ck_assert_msg(o != NULL, "no %s", path);
	return o;
}

START_TEST(test_json)
{
	struct hp_summary s;
	char *t;
	json_object *o;

	three_runs(&s);
	t = render(&s, HP_FMT_JSON);
	o = json_tokener_parse(t);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(json_object_get_string(get(o, "verdict")), "fail");
	ck_assert_int_eq(json_object_get_int(get(o, "summary.runs")), 3);
	ck_assert_int_eq(json_object_get_int(get(o, "summary.no_report")), 1);
	ck_assert_str_eq(json_object_get_string(get(o, "runs.1.name")),
			 "fail\033[2J<x>");
	ck_assert_str_eq(json_object_get_string(
				 get(o, "runs.1.failing.0.message")),
			 "expected set, observed clear");
	ck_assert_str_eq(json_object_get_string(get(o, "checks.0.id")),
			 "nnp.flag");
	ck_assert_int_eq(json_object_get_int(get(o, "profiles.0.runs")), 2);
	json_object_put(o);
	free(t);
	hp_summary_free(&s);
}
END_TEST

START_TEST(test_junit)
{
	struct hp_summary s;
	char *t;
	xmlDocPtr doc;
	xmlNodePtr root;
	xmlChar *v;

	three_runs(&s);
	t = render(&s, HP_FMT_JUNIT);
	doc = xmlReadMemory(t, (int)strlen(t), "s.xml", NULL, XML_PARSE_NONET);
	ck_assert_ptr_nonnull(doc);
	root = xmlDocGetRootElement(doc);
	v = xmlGetProp(root, BAD_CAST "failures");
	ck_assert_str_eq((char *)v, "1");
	xmlFree(v);
	v = xmlGetProp(root, BAD_CAST "errors");
	ck_assert_str_eq((char *)v, "1");
	xmlFree(v);
	ck_assert_ptr_nonnull(strstr(t, "<failure message=\"expected set"));
	ck_assert_ptr_nonnull(strstr(t, "name=\"fail\\x1b[2J&lt;x&gt;\""));
	ck_assert_ptr_null(strchr(t, '\033'));
	ck_assert_ptr_null(strstr(t, "<b>"));
	ck_assert_ptr_nonnull(strstr(t, "&lt;b&gt;&amp;amp;"));
	xmlFreeDoc(doc);
	free(t);
	hp_summary_free(&s);
}
END_TEST

Suite *summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_json_runs_and_counts);
	tcase_add_test(tc, test_all_pass);
	tcase_add_test(tc, test_bad_reports);
	tcase_add_test(tc, test_load_dir);
	tcase_add_test(tc, test_rejudge);
	tcase_add_test(tc, test_bad_inputs);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_junit);
	suite_add_tcase(s, tc);
	return s;
}
