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

START_TEST(test_table)
{
	static const char *const ids[] = {
		"userns.host-root",
		"userns.map-root",
		"fs.etc-passwd-write",
		"fs.rootfs-write",
		"mounts.writable",
		"caps.sets",
		"caps.raise",
		"nnp.flag",
		"nnp.setuid-escalation",
		"seccomp.mode",
		"seccomp.dangerous-syscalls",
		"user.identity",
	};

	ck_assert_uint_eq(hp_nchecks, 12);
	for (size_t i = 0; i < hp_nchecks; i++) {
		ck_assert_str_eq(hp_checks[i].id, ids[i]);
		ck_assert_ptr_eq(hp_check_find(ids[i]), &hp_checks[i]);
		ck_assert_uint_gt(strlen(hp_checks[i].description), 10);
	}
	ck_assert_ptr_null(hp_check_find("nnp"));
	ck_assert_str_eq(hp_status_name(HP_PASS), "pass");
	ck_assert_str_eq(hp_status_name(HP_FAIL), "fail");
	ck_assert_str_eq(hp_status_name(HP_ERROR), "error");
	ck_assert_str_eq(hp_status_name(HP_SKIP), "skip");
}
END_TEST

/* The sample stream passes hardened: every check passes. */
START_TEST(test_hardened_passes)
{
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;

	load_stream(DATA_DIR "/stream-hardened.jsonl", &s);
	load_profile("hardened", &p);
	ck_assert_int_eq(hp_judge(&p, &s, "sample", &r), 0);
	for (size_t i = 0; i < r.n; i++)
		ck_assert_msg(r.results[i].status == HP_PASS, "%s: %s",
			      r.results[i].id, r.results[i].observed);
	ck_assert_uint_eq(r.n, 11);
	ck_assert_uint_eq(r.count[HP_PASS], 11);
	ck_assert_int_eq(r.pass, 1);
	ck_assert_str_eq(r.profile, "hardened");
	ck_assert_str_eq(r.stream_name, "sample");
	ck_assert_ptr_eq(r.header, s.header);
	ck_assert_str_eq(r.results[0].id, "userns.host-root");
	ck_assert_str_eq(r.results[0].observed,
			 "uid 0 -> host 100000, range 65536");
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

/* web adds non-root and a single capability: the root sample fails. */
START_TEST(test_web_fails)
{
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;

	load_stream(DATA_DIR "/stream-hardened.jsonl", &s);
	load_profile("web", &p);
	ck_assert_int_eq(hp_judge(&p, &s, "sample", &r), 0);
	ck_assert_uint_eq(r.n, 12);
	ck_assert_uint_eq(r.count[HP_FAIL], 2);
	ck_assert_int_eq(r.pass, 0);
	ck_assert_str_eq(r.results[5].id, "caps.sets");
	ck_assert_str_eq(r.results[5].observed,
			 "extra: cap_chown, cap_kill, cap_setgid, cap_setuid");
	ck_assert_str_eq(r.results[5].expected, "only cap_net_bind_service");
	ck_assert_str_eq(r.results[11].observed, "root (uid 0, euid 0, gid 0)");
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

	ck_assert_int_eq(read_text("{\"type\":\"header\",\"format\":1}\n"
				   "{\"type\":\"trailer\",\"records\":0}\n",
				   &s, err, sizeof(err)),
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

/* The rule every check follows: without a record, error. */
START_TEST(test_no_record_each_check)
{
	static const char *const args[] = {
		"unmapped", "denied", "denied", "denied", "only",    "only",
		"denied",   "set",    "denied", "filter", "blocked", "non-root",
	};

	for (size_t i = 0; i < hp_nchecks; i++) {
		struct hp_expect e = { .check = (char *)hp_checks[i].id,
				       .args = (char **)&args[i],
				       .nargs = 1 };
		struct hp_result r = { .status = HP_PASS };

		hp_checks[i].judge(&e, NULL, &r);
		ck_assert_int_eq(r.status, HP_ERROR);
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
	tcase_add_test(tc, test_skip);
	tcase_add_test(tc, test_no_record_each_check);
	tcase_add_test(tc, test_unvalidated_expectation);
	suite_add_tcase(s, tc);
	return s;
}
