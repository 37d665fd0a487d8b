/* Runs every unit-test suite; the exit status says whether all passed. */
#include <stdlib.h>

#include "unit.h"

int main(void)
{
	SRunner *sr = srunner_create(tokens_suite());
	int failed;

	srunner_add_suite(sr, stream_suite());
	srunner_add_suite(sr, diff_suite());
	srunner_add_suite(sr, profile_suite());
	srunner_add_suite(sr, profile_params_suite());
	srunner_add_suite(sr, formats_suite());
	srunner_add_suite(sr, judge_suite());
	srunner_add_suite(sr, checks_suite());
	srunner_add_suite(sr, checks_fs_suite());
	srunner_add_suite(sr, checks_host_suite());
	srunner_add_suite(sr, capchecks_suite());
	srunner_add_suite(sr, report_suite());
	srunner_add_suite(sr, corpus_suite());
	srunner_add_suite(sr, hostile_text_suite());
	srunner_add_suite(sr, summary_suite());
	srunner_add_suite(sr, seccomp_suite());
	srunner_add_suite(sr, specdiff_suite());
	srunner_add_suite(sr, docs_suite());
	srunner_add_suite(sr, exec_suite());
	srunner_add_suite(sr, evidence_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
