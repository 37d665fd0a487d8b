/* exec.first-process: the exec'd process's records against pid 1's, and
 * the rule that judges the check unasked on a stream from an exec. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

/* pid 1 as a hardened container's: no_new_privs, a filter, root. */
#define PID1                                                                \
	"\"pid1\":{\"CapInh\":\"0000000000000000\","                        \
	"\"CapPrm\":\"00000000000004eb\",\"CapEff\":\"00000000000004eb\","  \
	"\"CapBnd\":\"00000000000004eb\",\"CapAmb\":\"0000000000000000\","  \
	"\"NoNewPrivs\":\"1\",\"Seccomp\":\"2\",\"Seccomp_filters\":\"1\"," \
	"\"Uid\":\"0\\t0\\t0\\t0\",\"Gid\":\"0\\t0\\t0\\t0\","              \
	"\"Groups\":\"\"},\"label_source\":\"/proc/1/attr/current\""

#define REC(seq, id, data)                                            \
	"{\"type\":\"record\",\"seq\":" #seq ",\"probe\":\"" id "\"," \
	"\"status\":\"ok\",\"data\":" data "}\n"

#define CAPS(inh)                                                           \
	REC(1, "caps.sets",                                                 \
	    "{\"outcome\":\"observed\",\"status\":{\"CapInh\":\"" inh "\"," \
	    "\"CapPrm\":\"00000000000004eb\",\"CapEff\":"                   \
	    "\"00000000000004eb\",\"CapBnd\":\"00000000000004eb\","         \
	    "\"CapAmb\":\"0000000000000000\"}}")
#define NNP(v) \
	REC(2, "nnp.flag", "{\"outcome\":\"set\",\"no_new_privs\":" v "}")
#define REST_BASE                                                           \
	REC(3, "seccomp.mode",                                              \
	    "{\"outcome\":\"filter\",\"mode\":2,\"filters\":1}")            \
	REC(4, "user.identity",                                             \
	    "{\"outcome\":\"root\",\"uid\":0,\"euid\":0,\"gid\":0,"         \
	    "\"egid\":0,\"groups\":[],\"status_lines\":[\"Uid:\\t0\\t0\\t0" \
	    "\\t0\",\"Gid:\\t0\\t0\\t0\\t0\",\"Groups:\\t\"]}")
#define REST                                                              \
	REST_BASE                                                         \
	REC(5, "lsm.apparmor", "{\"outcome\":\"skip\",\"reason\":\"-\"}") \
	REC(6, "lsm.selinux", "{\"outcome\":\"skip\",\"reason\":\"-\"}")
#define FIRST                        \
	REC(7, "exec.first-process", \
	    "{\"outcome\":\"observed\",\"label\":null," PID1 "}")
#define HEADER "{\"type\":\"header\",\"format\":2}\n"

/* Judge stream text against a profile made of lines; the report. */
static struct hp_report judge_text(const char *text, const char *lines)
{
	char path[] = "/tmp/hp-unit-exec-XXXXXX", err[256];
	struct hp_report r;
	struct hp_profile p;
	struct hp_stream s;
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "description \"unit\"\n%s\n", lines);
	fclose(f);
	ck_assert_msg(hp_profile_load(path, NULL, &p, err, sizeof(err)) == 0,
		      "%s", err);
	unlink(path);
	ck_assert_msg(read_sealed(text, &s, err, sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(hp_judge(&p, &s, "s.jsonl", &r), 0);
	hp_stream_free(&s);
	hp_profile_free(&p);
	return r;
}

static const struct hp_result *find(const struct hp_report *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->results[i].id, id) == 0)
			return &r->results[i];
	return NULL;
}

/* Judged although the profile does not name it, and passes. */
START_TEST(test_same_is_judged_unasked)
{
	struct hp_report r =
		judge_text(HEADER CAPS("0000000000000000") NNP("1") REST FIRST,
			   "nnp.flag set");
	const struct hp_result *res = find(&r, "exec.first-process");

	ck_assert_ptr_nonnull(res);
	ck_assert_int_eq(res->status, HP_PASS);
	ck_assert_int_eq(r.pass, 1);
	hp_report_free(&r);
}
END_TEST

START_TEST(test_nnp_dropped_is_named)
{
	struct hp_report r =
		judge_text(HEADER CAPS("0000000000000000") NNP("0") REST FIRST,
			   "user.identity root");
	const struct hp_result *res = find(&r, "exec.first-process");

	ck_assert_ptr_nonnull(res);
	ck_assert_int_eq(res->status, HP_FAIL);
	ck_assert_str_eq(res->observed,
			 "differs: NoNewPrivs '0' (first process: '1')");
	ck_assert_int_eq(r.pass, 0);
	hp_report_free(&r);
}
END_TEST

START_TEST(test_inheritable_cap_is_named)
{
	struct hp_report r =
		judge_text(HEADER CAPS("0000000000000020") NNP("1") REST FIRST,
			   "exec.first-process same");
	const struct hp_result *res = find(&r, "exec.first-process");
	json_object *differs = NULL;

	ck_assert_ptr_nonnull(res);
	ck_assert_int_eq(res->status, HP_FAIL);
	ck_assert_str_eq(res->observed,
			 "differs: CapInh: the exec'd process adds cap_kill");
	ck_assert(
		json_object_object_get_ex(res->evidence, "differs", &differs));
	ck_assert_str_eq(json_object_to_json_string(differs), "[ \"CapInh\" ]");
	hp_report_free(&r);
}
END_TEST

/* As pid 1 the probe skips: not judged unasked, a skip when named. */
START_TEST(test_pid1_skip)
{
	const char *text = HEADER CAPS("0000000000000000") NNP("1") REST REC(
		7, "exec.first-process",
		"{\"outcome\":\"skip\",\"reason\":\"run-probes is pid 1\"}");
	struct hp_report r = judge_text(text, "nnp.flag set");

	ck_assert_ptr_null(find(&r, "exec.first-process"));
	hp_report_free(&r);
	r = judge_text(text, "exec.first-process same");
	ck_assert_int_eq(find(&r, "exec.first-process")->status, HP_SKIP);
	hp_report_free(&r);
}
END_TEST

/* Switched off, it is not judged even when pid 1 differs. */
START_TEST(test_off)
{
	struct hp_report r =
		judge_text(HEADER CAPS("0000000000000000") NNP("0") REST FIRST,
			   "exec.first-process off \"known\"");

	ck_assert_ptr_null(find(&r, "exec.first-process"));
	hp_report_free(&r);
}
END_TEST

/* Nothing to compare with is an error naming the record at fault. */
START_TEST(test_missing_record_errors)
{
	struct hp_report r =
		judge_text(HEADER
			   "{\"type\":\"record\",\"seq\":1,\"probe\":"
			   "\"caps.sets\",\"status\":\"error\",\"error\":{"
			   "\"kind\":\"exit\",\"signal\":null,\"exit_code\":1,"
			   "\"detail\":\"exited with status 1\"}}\n" NNP("1")
				   REST FIRST,
			   "nnp.flag set");
	const struct hp_result *res = find(&r, "exec.first-process");

	ck_assert_int_eq(res->status, HP_ERROR);
	ck_assert_str_eq(res->observed, "cannot compare with the first "
					"process: an error record for "
					"caps.sets");
	hp_report_free(&r);
}
END_TEST

/* The record alone has nothing to compare with. */
START_TEST(test_record_alone_errors)
{
	struct hp_result r =
		judge_data("exec.first-process", "same",
			   "{\"outcome\":\"observed\",\"label\":null," PID1
			   "}");

	ck_assert_int_eq(r.status, HP_ERROR);
	result_free(&r);
}
END_TEST

#define AA_STREAM(lbl)                                                   \
	HEADER CAPS("0000000000000000") NNP("1") REST_BASE REC(          \
		5, "lsm.apparmor",                                       \
		"{\"outcome\":\"confined\",\"label\":\"hp\","            \
		"\"mode\":\"enforce\"}")                                 \
		REC(6, "lsm.selinux",                                    \
		    "{\"outcome\":\"skip\",\"reason\":\"-\"}")           \
			REC(7, "exec.first-process",                     \
			    "{\"outcome\":\"observed\",\"label\":\"" lbl \
			    "\"," PID1 "}")

/* AppArmor's label, split by lsm.apparmor, is put together again. */
START_TEST(test_label)
{
	struct hp_report r =
		judge_text(AA_STREAM("hp (enforce)"), "nnp.flag set");

	ck_assert_int_eq(find(&r, "exec.first-process")->status, HP_PASS);
	hp_report_free(&r);
	r = judge_text(AA_STREAM("hp (complain)"), "nnp.flag set");
	ck_assert_str_eq(find(&r, "exec.first-process")->observed,
			 "differs: label 'hp (enforce)' (first process: "
			 "'hp (complain)')");
	hp_report_free(&r);
}
END_TEST

Suite *exec_suite(void)
{
	Suite *s = suite_create("exec");
	TCase *tc = tcase_create("exec");

	tcase_add_test(tc, test_same_is_judged_unasked);
	tcase_add_test(tc, test_nnp_dropped_is_named);
	tcase_add_test(tc, test_inheritable_cap_is_named);
	tcase_add_test(tc, test_pid1_skip);
	tcase_add_test(tc, test_off);
	tcase_add_test(tc, test_missing_record_errors);
	tcase_add_test(tc, test_record_alone_errors);
	tcase_add_test(tc, test_label);
	suite_add_tcase(s, tc);
	return s;
}
