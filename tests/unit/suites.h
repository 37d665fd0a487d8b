/* The Check suites of the unit tests, one constructor per module; main.c
 * runs them all.  Add a line for each new suite. */
#ifndef HARDPROBE_TEST_SUITES_H
#define HARDPROBE_TEST_SUITES_H

#include <check.h>

Suite *tokens_suite(void);
Suite *stream_suite(void);
Suite *diff_suite(void);
Suite *profile_suite(void);
Suite *profile_params_suite(void);
Suite *formats_suite(void);
Suite *judge_suite(void);
Suite *checks_suite(void);
Suite *checks_fs_suite(void);
Suite *checks_host_suite(void);
Suite *capchecks_suite(void);
Suite *report_suite(void);
Suite *corpus_suite(void);
Suite *hostile_text_suite(void);
Suite *summary_suite(void);
Suite *seccomp_suite(void);
Suite *specdiff_suite(void);
Suite *docs_suite(void);
Suite *exec_suite(void);
Suite *evidence_suite(void);

#endif
