/* Replays the fuzzing corpora (tests/fuzz/corpus-*), crashes found by
 * `make fuzz` included, through the stream and profile parsers under the
 * sanitizers: each input is either accepted or rejected with a reason. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../harness/report.h"
#include "unit.h"

#define FUZZ_DIR HARDPROBE_SRCDIR "/tests/fuzz"

/* Call fn on every regular file of dir; returns how many there were. */
static size_t each_file(const char *dir, void (*fn)(const char *path))
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	char *path;

	ck_assert_msg(d != NULL, "open directory '%s': %s", dir,
		      strerror(errno));
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		ck_assert_int_ne(asprintf(&path, "%s/%s", dir, e->d_name), -1);
		fn(path);
		free(path);
		n++;
	}
	closedir(d);
	return n;
}

static void render_all(const struct hp_report *r)
{
	FILE *devnull = fopen("/dev/null", "w");
	int fmt;

	ck_assert_ptr_nonnull(devnull);
	for (fmt = 0;
	     hp_report_write(r, (enum hp_format)fmt, devnull, true) != -EINVAL;
	     fmt++)
		;
	ck_assert_int_ge(fmt, 3);
	fclose(devnull);
}

static void replay_stream(const char *path)
{
	FILE *f = fopen(path, "r");
	struct hp_profile p;
	struct hp_stream s;
	struct hp_report r;
	char err[512] = "";

	ck_assert_ptr_nonnull(f);
	if (hp_stream_read(f, path, &s, err, sizeof(err)) == 0) {
		ck_assert_int_eq(hp_profile_load("hardened", CASES_DIR, &p, err,
						 sizeof(err)),
				 0);
		ck_assert_int_eq(hp_judge(&p, &s, path, &r), 0);
		render_all(&r);
		hp_report_free(&r);
		hp_profile_free(&p);
		hp_stream_free(&s);
	} else {
		/* "PATH:LINE: why" */
		ck_assert_msg(strncmp(err, path, strlen(path)) == 0 &&
				      err[strlen(path)] == ':',
			      "%s: rejected without saying where: '%s'", path,
			      err);
	}
	fclose(f);
}

static void replay_profile(const char *path)
{
	struct hp_profile p;
	char err[1024] = "";

	if (hp_profile_load(path, CASES_DIR, &p, err, sizeof(err)) == 0)
		hp_profile_free(&p);
	else
		ck_assert_msg(err[0] && strchr(err, ':'),
			      "%s: rejected without saying where: '%s'", path,
			      err);
}

START_TEST(test_stream_corpus)
{
	ck_assert_uint_ge(each_file(FUZZ_DIR "/corpus-stream", replay_stream),
			  5);
}
END_TEST

START_TEST(test_profile_corpus)
{
	ck_assert_uint_ge(each_file(FUZZ_DIR "/corpus-profile", replay_profile),
			  5);
}
END_TEST

Suite *corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_stream_corpus);
	tcase_add_test(tc, test_profile_corpus);
	suite_add_tcase(s, tc);
	return s;
}
