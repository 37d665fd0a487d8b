/* Tests of harness/judge.c: the table, the report, whole-profile judging
 * and the cases every check shares (no record, probe error, skip). */
#include <stdio.h>
#include <string.h>

#include "unit.h"

static void load_stream(const char *path, struct hp_stream *s)
{
	FILE *f = fopen(path, "r");
	char err[256];

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(hp_stream_read(f, path, s, err, sizeof(err)) == 0, "%s",
		      err);
	fclose(f);
}

static void load_profile(const char *spec, struct hp_profile *p)
{
	char err[512];

	ck_assert_msg(hp_profile_load(spec, CASES_DIR, p, err, sizeof(err)) ==
			      0,
		      "%s", err);
}

/* The table: ids findable, and one check for each record of a real run of
 * every probe. */
START_TEST(test_table)
{
	struct hp_stream s;

	load_stream(DATA_DIR "/stream-hardened.jsonl", &s);
	ck_assert_uint_eq(hp_nchecks, s.n);
	for (size_t i = 0; i < hp_nchecks; i++) {
		ck_assert_msg(hp_check_find(s.records[i].probe) != NULL,
			      "%s has no check", s.records[i].probe);
		ck_assert_ptr_eq(hp_check_find(hp_checks[i].id), &hp_checks[i]);
		ck_assert_uint_gt(strlen(hp_checks[i].description), 10);
		ck_assert_ptr_nonnull(hp_checks[i].parse);
		ck_assert_ptr_nonnull(hp_checks[i].judge);
	}
	hp_stream_free(&s);
	ck_assert_ptr_null(hp_check_find("nnp"));
	ck_assert_ptr_null(hp_check_find(""));
	ck_assert_str_eq(hp_status_name(HP_PASS), "pass");
	ck_assert_str_eq(hp_status_name(HP_FAIL), "fail");
	ck_assert_str_eq(hp_status_name(HP_ERROR), "error");
	ck_assert_str_eq(hp_status_name(HP_SKIP), "skip");
}
END_TEST

/* The sample is a real run under the hardened flags (user namespace,
 * read-only root, hardened seccomp, capabilities dropped): it passes
 * hardened but for the escalation probe, whose helper lost its
 * set-user-id bit to the user namespace's chown. */
START_TEST(test_hardened_passes)
{
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;

	load_stream(DATA_DIR "/stream-hardened.jsonl", &s);
	load_profile("hardened", &p);
	ck_assert_int_eq(hp_judge(&p, &s, "sample", &r), 0);
	for (size_t i = 0; i < r.n; i++) {
		enum hp_status want = HP_PASS;

		if (strcmp(r.results[i].id, "nnp.setuid-escalation") == 0)
			want = HP_SKIP;
		ck_assert_msg(r.results[i].status == want, "%s: %s",
			      r.results[i].id, r.results[i].observed);
	}
	ck_assert_uint_eq(r.n, p.n);
	ck_assert_uint_eq(r.count[HP_PASS], r.n - 1);
	ck_assert_int_eq(r.pass, 1);
	ck_assert_str_eq(r.profile, "hardened");
	ck_assert_str_eq(r.stream_name, "sample");
	ck_assert_ptr_eq(r.header, s.header);
	ck_assert_str_eq(r.results[0].id, "userns.host-root");
	ck_assert_str_eq(r.results[0].observed,
			 "uid 0 -> host 100000, range 65536");
	ck_assert_str_eq(r.results[2].id, "fs.etc-passwd-write");
	hp_stream_free(&s);
	/* the report keeps its own references */
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(r.results[2].evidence,
							"errno")),
			 "EROFS");
	hp_report_free(&r);
	hp_profile_free(&p);
}
END_TEST

static const struct hp_result *find_result(const struct hp_report *r,
					   const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->results[i].id, id) == 0)
			return &r->results[i];
	ck_abort_msg("no result for %s", id);
	return NULL;
}

/* web adds non-root and a single capability: the root sample, which
 * keeps hardened's few capabilities, fails on exactly those. */
START_TEST(test_web_fails)
{
	static const char *const failing[] = {
		"caps.sets",	    "user.identity", "cap.chown",
		"cap.dac-override", "cap.setuid",
	};
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;
	const struct hp_result *res;

	load_stream(DATA_DIR "/stream-hardened.jsonl", &s);
	load_profile("web", &p);
	ck_assert_int_eq(hp_judge(&p, &s, "sample", &r), 0);
	ck_assert_uint_eq(r.count[HP_FAIL], 5);
	ck_assert_uint_eq(r.count[HP_ERROR], 0);
	ck_assert_int_eq(r.pass, 0);
	for (size_t i = 0; i < 5; i++)
		ck_assert_int_eq(find_result(&r, failing[i])->status, HP_FAIL);
	res = find_result(&r, "caps.sets");
	ck_assert_str_eq(res->observed,
			 "extra: cap_chown, cap_dac_override, cap_fowner, "
			 "cap_kill, cap_setgid, cap_setuid");
	ck_assert_str_eq(res->expected, "only cap_net_bind_service; "
					"inheritable empty; ambient empty");
	res = find_result(&r, "user.identity");
	ck_assert_str_eq(res->observed, "root (uid 0, euid 0, gid 0)");
	res = find_result(&r, "cap.chown");
	ck_assert_str_eq(res->observed,
			 "allowed (cap_chown: the action succeeded)");
	hp_report_free(&r);
	hp_stream_free(&s);
	hp_profile_free(&p);
}
END_TEST

/* Off checks are left out; missing records are errors, never passes. */
START_TEST(test_off_and_missing)
{
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;
	char err[256];

	ck_assert_int_eq(read_sealed("{\"type\":\"header\",\"format\":2}\n", &s,
				     err, sizeof(err)),
			 0);
	ck_assert_int_eq(hp_profile_load(PROFILE_DIR "/child.profile", NULL, &p,
					 err, sizeof(err)),
			 0);
	ck_assert_int_eq(hp_judge(&p, &s, "empty", &r), 0);
	ck_assert_uint_eq(r.n, 4);
	ck_assert_uint_eq(r.count[HP_ERROR], 4);
	ck_assert_int_eq(r.pass, 0);
	for (size_t i = 0; i < r.n; i++) {
		ck_assert_str_ne(r.results[i].id, "seccomp.mode");
		ck_assert_str_eq(r.results[i].observed,
				 "no record for this probe");
		ck_assert_ptr_null(r.results[i].evidence);
	}
	hp_report_free(&r);
	hp_stream_free(&s);
	hp_profile_free(&p);
}
END_TEST

/* An error in any record makes the verdict fail: a probe the profile does
 * not name, or switches off, still becomes an error result naming it. */
START_TEST(test_stray_errors)
{
	static const char text[] =
		"{\"type\":\"header\",\"format\":2}\n"
		"{\"type\":\"record\",\"seq\":1,\"probe\":\"test.crash\","
		"\"status\":\"error\",\"error\":{\"kind\":\"signal\","
		"\"signal\":\"SIGSEGV\"}}\n"
		"{\"type\":\"record\",\"seq\":2,\"probe\":\"seccomp.mode\","
		"\"status\":\"error\",\"error\":{\"kind\":\"timeout\"}}\n"
		"{\"type\":\"record\",\"seq\":3,\"probe\":\"nnp.flag\","
		"\"status\":\"error\",\"error\":{\"kind\":\"no-output\"}}\n"
		"{\"type\":\"record\",\"seq\":4,\"probe\":\"test.fine\","
		"\"status\":\"ok\",\"data\":{\"outcome\":\"x\"}}\n";
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;
	char err[256];

	ck_assert_int_eq(read_sealed(text, &s, err, sizeof(err)), 0);
	ck_assert_int_eq(hp_profile_load(PROFILE_DIR "/child.profile", NULL, &p,
					 err, sizeof(err)),
			 0);
	ck_assert_int_eq(hp_judge(&p, &s, "stray", &r), 0);
	/* 4 judged by the profile, then test.crash and the off seccomp.mode;
	 * nnp.flag is judged once; test.fine adds nothing */
	ck_assert_uint_eq(r.n, 6);
	ck_assert_uint_eq(r.count[HP_ERROR], 6);
	ck_assert_int_eq(r.pass, 0);
	ck_assert_str_eq(r.results[4].id, "test.crash");
	ck_assert_str_eq(r.results[4].observed, "probe killed by SIGSEGV");
	ck_assert_str_eq(r.results[4].expected,
			 "no probe error (not judged by the profile)");
	ck_assert_ptr_nonnull(
		json_object_object_get(r.results[4].evidence, "kind"));
	ck_assert_str_eq(r.results[5].id, "seccomp.mode");
	ck_assert_str_eq(r.results[5].observed, "probe timed out");
	hp_report_free(&r);
	hp_stream_free(&s);
	hp_profile_free(&p);
}
END_TEST

/* Records that are ok and not named by the profile change nothing. */
START_TEST(test_stray_ok_ignored)
{
	static const char text[] =
		"{\"type\":\"header\",\"format\":2}\n"
		"{\"type\":\"record\",\"seq\":1,\"probe\":\"test.fine\","
		"\"status\":\"ok\",\"data\":{\"outcome\":\"x\"}}\n";
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;
	char err[256];

	ck_assert_int_eq(read_sealed(text, &s, err, sizeof(err)), 0);
	ck_assert_int_eq(hp_profile_load(PROFILE_DIR "/child.profile", NULL, &p,
					 err, sizeof(err)),
			 0);
	ck_assert_int_eq(hp_judge(&p, &s, "stray", &r), 0);
	ck_assert_uint_eq(r.n, 4);
	hp_report_free(&r);
	hp_stream_free(&s);
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_probe_errors)
{
	static const struct {
		const char *error, *observed;
	} cases[] = {
		{ "{\"kind\":\"signal\",\"signal\":\"SIGSYS\"}",
		  "probe killed by SIGSYS" },
		{ "{\"kind\":\"timeout\",\"signal\":null}", "probe timed out" },
		{ "{\"kind\":\"exit\",\"exit_code\":3}",
		  "probe exited with status 3" },
		{ "{\"kind\":\"no-output\"}", "probe wrote no record" },
		{ "{\"kind\":\"bad-output\",\"detail\":\"not JSON\"}",
		  "probe failed (bad-output): not JSON" },
	};
	char rec[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hp_result r;

		snprintf(rec, sizeof(rec), "\"status\":\"error\",\"error\":%s",
			 cases[i].error);
		r = judge_record("nnp.flag", "set", rec);
		ck_assert_int_eq(r.status, HP_ERROR);
		ck_assert_str_eq(r.observed, cases[i].observed);
		ck_assert_str_eq(r.expected, "set");
		ck_assert_ptr_nonnull(
			json_object_object_get(r.evidence, "kind"));
		result_free(&r);
	}
}
END_TEST

START_TEST(test_skip)
{
	struct hp_result r = judge_data(
		"caps.raise", "denied",
		"{\"outcome\":\"skip\",\"reason\":\"holds every capability\"}");

	ck_assert_int_eq(r.status, HP_SKIP);
	ck_assert_str_eq(r.observed, "holds every capability");
	result_free(&r);
	r = judge_data("nnp.setuid-escalation", "denied",
		       "{\"outcome\":\"skip\"}");
	ck_assert_int_eq(r.status, HP_SKIP);
	ck_assert_str_eq(r.observed, "skipped");
	result_free(&r);
}
END_TEST

/* --fail-on-skip: skips become failures, and a passing report fails. */
START_TEST(test_skips_fail)
{
	struct hp_result res[3] = { { .status = HP_PASS },
				    { .status = HP_SKIP },
				    { .status = HP_SKIP } };
	struct hp_report r = { .results = res, .n = 3, .pass = 1 };

	r.count[HP_PASS] = 1;
	r.count[HP_SKIP] = 2;
	hp_report_skips_fail(&r);
	ck_assert_int_eq(res[0].status, HP_PASS);
	ck_assert_int_eq(res[1].status, HP_FAIL);
	ck_assert_int_eq(res[2].status, HP_FAIL);
	ck_assert_uint_eq(r.count[HP_FAIL], 2);
	ck_assert_uint_eq(r.count[HP_SKIP], 0);
	ck_assert_int_eq(r.pass, 0);
	res[1].status = HP_PASS;
	r = (struct hp_report){ .results = res, .n = 1, .pass = 1 };
	r.count[HP_PASS] = 1;
	hp_report_skips_fail(&r);
	ck_assert_int_eq(r.pass, 1);
	ck_assert_uint_eq(r.count[HP_FAIL], 0);
}
END_TEST

/* Expectations, one of which each check's parser accepts. */
static const char *const sample_args[][2] = {
	{ "denied" },
	{ "unmapped" },
	{ "only" },
	{ "set" },
	{ "filter" },
	{ "blocked" },
	{ "non-root" },
	{ "masked" },
	{ "read-only" },
	{ "none" },
	{ "noexec" },
	{ "observed" },
	{ "private" },
	{ "absent" },
	{ "limited" },
	{ "confined" },
	{ "unavailable" },
	{ "same" },
	{ "isolated" },
	{ "unreachable" },
	{ "require", "perf_event_paranoid>=2" },
	{ "max", "nofile=1024" },
	{ "unreachable", "127.0.0.1:9" },
};
#define NSAMPLES (sizeof(sample_args) / sizeof(sample_args[0]))

/* An expectation for c out of sample_args, or one with nargs 0. */
static struct hp_expect sample_expect(const struct hp_check *c)
{
	char err[256];

	for (size_t i = 0; i < NSAMPLES; i++) {
		struct hp_expect e = {
			.check = (char *)c->id,
			.args = (char **)sample_args[i],
			.nargs = sample_args[i][1] ? 2 : 1,
		};

		if (c->parse(&e, err, sizeof(err)) == 0)
			return e;
	}
	return (struct hp_expect){ .check = (char *)c->id };
}

/* The rule every check follows: without a record, error. */
START_TEST(test_no_record_each_check)
{
	for (size_t i = 0; i < hp_nchecks; i++) {
		struct hp_expect e = sample_expect(&hp_checks[i]);
		struct hp_result r = { .status = HP_PASS };

		ck_assert_msg(e.nargs > 0, "%s: no sample parses", e.check);
		hp_checks[i].judge(&e, NULL, &r);
		ck_assert_msg(r.status == HP_ERROR, "%s", e.check);
		ck_assert_str_eq(r.observed, "no record for this probe");
		ck_assert_ptr_nonnull(r.expected);
		result_free(&r);
	}
}
END_TEST

/* An expectation that skipped the loader's validation is an error. */
START_TEST(test_unvalidated_expectation)
{
	char *caps[] = { "only", "CAP_NOPE" };
	char *range[] = { "unmapped", "min-range=x" };
	struct hp_expect e = { .check = "caps.sets", .args = caps, .nargs = 2 };
	struct hp_result r = { .status = HP_PASS };

	hp_check_find("caps.sets")->judge(&e, NULL, &r);
	ck_assert_int_eq(r.status, HP_ERROR);
	ck_assert_str_eq(r.observed, "bad expectation");
	result_free(&r);
	r = (struct hp_result){ .status = HP_PASS };
	e = (struct hp_expect){ .check = "userns.host-root",
				.args = range,
				.nargs = 2 };
	hp_check_find("userns.host-root")->judge(&e, NULL, &r);
	ck_assert_int_eq(r.status, HP_ERROR);
	ck_assert_str_eq(r.expected, "min-range=x");
	result_free(&r);
}
END_TEST

Suite *judge_suite(void)
{
	Suite *s = suite_create("judge");
	TCase *tc = tcase_create("judge");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_hardened_passes);
	tcase_add_test(tc, test_web_fails);
	tcase_add_test(tc, test_off_and_missing);
	tcase_add_test(tc, test_probe_errors);
	tcase_add_test(tc, test_stray_errors);
	tcase_add_test(tc, test_stray_ok_ignored);
	tcase_add_test(tc, test_skip);
	tcase_add_test(tc, test_skips_fail);
	tcase_add_test(tc, test_no_record_each_check);
	tcase_add_test(tc, test_unvalidated_expectation);
	suite_add_tcase(s, tc);
	return s;
}
