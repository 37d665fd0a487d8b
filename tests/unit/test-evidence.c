/* Tests of harness/results.c and manifest.c: evidence files appear whole
 * or not at all, even when the writer dies half way, and the manifest
 * lists exactly the whole files with their SHA-256 and the run's facts. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-c/json.h>

#include "../../harness/evidence.h"
#include "unit.h"

/* sha256 of "hello\n" */
#define HELLO_SHA256                                                         \
	"sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f" \
	"6be03"
#define HEADER                                                            \
	"{\"type\":\"header\",\"format\":2,\"probe_set\":\"1\",\"tool\":" \
	"\"0.1.0\"}\n"

static char tmp[64];

static void mk_tmp(void)
{
	strcpy(tmp, "/tmp/hp-unit-evidence.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void rm_tmp(void)
{
	char *cmd;

	ck_assert_int_ge(asprintf(&cmd, "rm -rf '%s'", tmp), 0);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static bool exists_in(const struct hp_evidence *ev, const char *name)
{
	return faccessat(ev->dfd, name, F_OK, AT_SYMLINK_NOFOLLOW) == 0;
}

static void new_evidence(struct hp_evidence *ev)
{
	char *results;

	mk_tmp();
	ck_assert_int_ge(asprintf(&results, "%s/results/deeper", tmp), 0);
	ck_assert_int_eq(hp_evidence_create(results, "hp-test", ev), 0);
	ck_assert_ptr_nonnull(strstr(ev->path, "/results/deeper/"));
	ck_assert(strlen(ev->path) > strlen("-hp-test") &&
		  strcmp(ev->path + strlen(ev->path) - strlen("-hp-test"),
			 "-hp-test") == 0);
	free(results);
}

/* A whole write: the file under its name, no temporary left beside. */
START_TEST(test_write_whole)
{
	struct hp_evidence ev;

	new_evidence(&ev);
	ck_assert_int_eq(hp_evidence_write(&ev, "report.txt", "hello\n", 6), 0);
	ck_assert(exists_in(&ev, "report.txt"));
	ck_assert(!exists_in(&ev, ".report.txt.tmp"));
	hp_evidence_close(&ev);
	rm_tmp();
}
END_TEST

/* The writer is killed after half a report: nothing carries the
 * report's name, and the half is hidden under a dot name. */
START_TEST(test_killed_mid_write)
{
	struct hp_evidence ev;
	pid_t pid;
	int st, fd;

	new_evidence(&ev);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		fd = hp_evidence_open(&ev, "report.json");
		if (fd >= 0 && hp_write_all(fd, "{\"verdict\":", 11) == 0)
			raise(SIGKILL);
		_exit(1);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	ck_assert(!exists_in(&ev, "report.json"));
	ck_assert(exists_in(&ev, ".report.json.tmp"));
	hp_evidence_close(&ev);
	rm_tmp();
}
END_TEST

/* An open file not yet committed has no name; commit gives it one. */
START_TEST(test_open_then_commit)
{
	struct hp_evidence ev;
	int fd;

	new_evidence(&ev);
	fd = hp_evidence_open(&ev, "stream.jsonl");
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(hp_write_all(fd, HEADER, strlen(HEADER)), 0);
	ck_assert(!exists_in(&ev, "stream.jsonl"));
	ck_assert_int_eq(close(fd), 0);
	ck_assert_int_eq(hp_evidence_commit(&ev, "stream.jsonl"), 0);
	ck_assert(exists_in(&ev, "stream.jsonl"));
	ck_assert(!exists_in(&ev, ".stream.jsonl.tmp"));
	ck_assert_int_eq(hp_evidence_commit(&ev, "never-opened"), -ENOENT);
	hp_evidence_close(&ev);
	rm_tmp();
}
END_TEST

static json_object *key(json_object *o, const char *k)
{
	json_object *v = NULL;

	ck_assert_msg(json_object_object_get_ex(o, k, &v), "no key %s", k);
	return v;
}

static void assert_rfc3339(json_object *v)
{
	regex_t re;

	ck_assert_int_eq(regcomp(&re,
				 "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:"
				 "[0-9]{2}:[0-9]{2}Z$",
				 REG_EXTENDED | REG_NOSUB),
			 0);
	ck_assert_msg(regexec(&re, json_object_get_string(v), 0, NULL, 0) == 0,
		      "not RFC 3339 UTC: %s", json_object_get_string(v));
	regfree(&re);
}

/* The manifest of a directory with a half written report: the whole
 * files with size and SHA-256, the half one absent, and the facts. */
static json_object *manifest_of(struct hp_evidence *ev)
{
	static char *argv[] = { "run", "--profile", "hardened", "--",
				"--read-only" };
	struct hp_run_opts opts = { .verdict = { .profile = "hardened" } };
	struct hp_manifest m = { .argc = 5, .argv = argv, .opts = &opts };
	struct hp_profile p;
	char err[256], *path;
	json_object *o;
	int fd;

	ck_assert_int_eq(hp_profile_load("hardened", CASES_DIR, &p, err,
					 sizeof(err)),
			 0);
	m.profile = &p;
	m.container_id = "hardprobe-1-abc";
	m.facts = json_tokener_parse("{\"kernel\":{\"release\":\"6.1\"}}");
	hp_utc_now(m.started);
	hp_utc_now(m.ended);
	ck_assert_int_eq(hp_evidence_write(ev, "stream.jsonl", HEADER,
					   strlen(HEADER)),
			 0);
	ck_assert_int_eq(hp_evidence_write(ev, "report.txt", "hello\n", 6), 0);
	fd = hp_evidence_open(ev, "report.json");
	ck_assert_int_eq(hp_write_all(fd, "{", 1), 0);
	close(fd);
	ck_assert_int_eq(hp_manifest_write(ev, &m), 0);
	json_object_put(m.facts);
	hp_profile_free(&p);
	ck_assert_int_ge(asprintf(&path, "%s/manifest.json", ev->path), 0);
	o = json_object_from_file(path);
	free(path);
	ck_assert_ptr_nonnull(o);
	return o;
}

START_TEST(test_manifest_fields)
{
	struct hp_evidence ev;
	json_object *o, *files, *f;

	new_evidence(&ev);
	o = manifest_of(&ev);
	files = key(o, "files");
	ck_assert_uint_eq(json_object_array_length(files), 2);
	f = json_object_array_get_idx(files, 0);
	ck_assert_str_eq(json_object_get_string(key(f, "name")), "report.txt");
	ck_assert_int_eq(json_object_get_int(key(f, "size")), 6);
	ck_assert_str_eq(json_object_get_string(key(f, "sha256")),
			 HELLO_SHA256);
	f = json_object_array_get_idx(files, 1);
	ck_assert_str_eq(json_object_get_string(key(f, "name")),
			 "stream.jsonl");
	ck_assert_str_eq(json_object_get_string(key(key(o, "tool"), "version")),
			 HARDPROBE_VERSION);
	ck_assert_str_eq(json_object_get_string(
				 key(key(o, "probes"), "probe_set")),
			 "1");
	ck_assert_int_eq(json_object_get_int(
				 key(key(o, "probes"), "stream_format")),
			 2);
	ck_assert_str_eq(json_object_get_string(
				 json_object_array_get_idx(key(o, "command"),
							   5)),
			 "--read-only");
	ck_assert(strncmp(json_object_get_string(
				  key(key(o, "profile"), "digest")),
			  "sha256:", 7) == 0);
	ck_assert_str_eq(json_object_get_string(key(key(o, "profile"), "spec")),
			 "hardened");
	ck_assert_str_eq(json_object_get_string(
				 key(key(o, "kernel"), "release")),
			 "6.1");
	assert_rfc3339(key(o, "started"));
	assert_rfc3339(key(o, "ended"));
	json_object_put(o);
	hp_evidence_close(&ev);
	rm_tmp();
}
END_TEST

/* hp_write_file: replaces a file whole, writes a non-file in place, and
 * leaves no temporary behind when it cannot write. */
START_TEST(test_write_file)
{
	char *path, *missing;
	char buf[16] = { 0 };
	FILE *f;

	mk_tmp();
	ck_assert_int_ge(asprintf(&path, "%s/summary.txt", tmp), 0);
	ck_assert_int_ge(asprintf(&missing, "%s/no/such/dir/x", tmp), 0);
	ck_assert_int_eq(hp_write_file(path, "old text\n", 9), 0);
	ck_assert_int_eq(hp_write_file(path, "new\n", 4), 0);
	f = fopen(path, "re");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fread(buf, 1, sizeof(buf) - 1, f), 4);
	fclose(f);
	ck_assert_str_eq(buf, "new\n");
	ck_assert_int_eq(hp_write_file("/dev/null", "x", 1), 0);
	ck_assert_int_eq(hp_write_file(missing, "x", 1), -ENOENT);
	free(path);
	ck_assert_int_ge(asprintf(&path, "ls -A '%s' | grep -qv summary.txt",
				  tmp),
			 0);
	ck_assert_msg(system(path) != 0, "something beside summary.txt");
	free(path);
	free(missing);
	rm_tmp();
}
END_TEST

START_TEST(test_create_errors)
{
	struct hp_evidence ev;

	ck_assert_int_lt(hp_evidence_create("/proc/hardprobe/r", "x", &ev), 0);
	hp_evidence_close(&ev);
	ck_assert_int_eq(hp_evidence_create("", "x", &ev), -ENOENT);
	hp_evidence_close(&ev);
}
END_TEST

Suite *evidence_suite(void)
{
	Suite *s = suite_create("evidence");
	TCase *tc = tcase_create("evidence");

	tcase_add_test(tc, test_write_whole);
	tcase_add_test(tc, test_killed_mid_write);
	tcase_add_test(tc, test_open_then_commit);
	tcase_add_test(tc, test_manifest_fields);
	tcase_add_test(tc, test_write_file);
	tcase_add_test(tc, test_create_errors);
	suite_add_tcase(s, tc);
	return s;
}
