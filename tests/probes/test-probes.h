/* Probes that misbehave on purpose, to test that the runner and the
 * harness turn every kind of misbehaviour into an error and never into a
 * pass.  Built only into build/run-probes-test (the test image), never
 * into the shipped run-probes. */
#ifndef HARDPROBE_TEST_PROBES_H
#define HARDPROBE_TEST_PROBES_H

#include <json-c/json.h>

int probe_test_segfault(json_object *data);
int probe_test_hang(json_object *data);
int probe_test_sigsys(json_object *data);
int probe_test_malformed(json_object *data);
int probe_test_oversized(json_object *data);
int probe_test_forge(json_object *data);
int probe_test_early_exit(json_object *data);

/* The catalog lines, appended to hp_catalog by probes/catalog.c. */
#define HP_TEST_PROBES                                                        \
	{ "test.segfault", probe_test_segfault, "test: dies of SIGSEGV",      \
	  false },                                                            \
		{ "test.hang", probe_test_hang,                               \
		  "test: never ends (nor does its child)", false },           \
		{ "test.sigsys", probe_test_sigsys,                           \
		  "test: killed by its own seccomp filter (SIGSYS)", false }, \
		{ "test.malformed", probe_test_malformed,                     \
		  "test: prints text that is not JSON", false },              \
		{ "test.oversized", probe_test_oversized,                     \
		  "test: prints more than the output cap", false },           \
		{ "test.forge", probe_test_forge,                             \
		  "test: prints a record in another probe's name", false },   \
		{ "test.early-exit", probe_test_early_exit,                   \
		  "test: exits 0 before writing anything", false },

#endif
