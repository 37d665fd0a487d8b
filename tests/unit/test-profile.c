/* Tests of harness/profile.c: the format, inheritance, off, and every
 * error with its FILE:LINE. */
#define _GNU_SOURCE
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

/* More files than the loader follows in one extends chain (16). */
#define HP_DEEP_CHAIN 17

static const struct hp_expect *find(const struct hp_profile *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->expects[i].check, id) == 0)
			return &p->expects[i];
	return NULL;
}

static void load_ok(const char *spec, const char *cases, struct hp_profile *p)
{
	char err[512];

	ck_assert_msg(hp_profile_load(spec, cases, p, err, sizeof(err)) == 0,
		      "%s", err);
}

/* Loading tests/data/profiles/NAME.profile fails with
 * "THAT-PATH:why". */
static void bad(const char *name, const char *want)
{
	struct hp_profile p;
	char err[512], path[512], full[1024];

	snprintf(path, sizeof(path), "%s/%s.profile", PROFILE_DIR, name);
	ck_assert_int_eq(hp_profile_load(path, CASES_DIR, &p, err, sizeof(err)),
			 -1);
	snprintf(full, sizeof(full), "%s/%s", PROFILE_DIR, want);
	ck_assert_str_eq(err, full);
	ck_assert_ptr_null(p.expects);
	ck_assert_ptr_null(p.name);
}

START_TEST(test_parent)
{
	struct hp_profile p;
	const struct hp_expect *e;

	load_ok(PROFILE_DIR "/parent.profile", NULL, &p);
	ck_assert_str_eq(p.name, "parent");
	ck_assert_str_eq(p.description, "parent");
	ck_assert_str_eq(p.path, PROFILE_DIR "/parent.profile");
	ck_assert_uint_eq(p.n, 4);
	/* catalog order, not file order */
	ck_assert_str_eq(p.expects[0].check, "caps.raise");
	ck_assert_str_eq(p.expects[1].check, "nnp.flag");
	ck_assert_str_eq(p.expects[2].check, "seccomp.mode");
	ck_assert_str_eq(p.expects[3].check, "user.identity");
	e = find(&p, "user.identity");
	ck_assert_uint_eq(e->nargs, 1);
	ck_assert_str_eq(e->args[0], "root");
	ck_assert_int_eq(e->line, 5);
	ck_assert_str_eq(e->file, PROFILE_DIR "/parent.profile");
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_inheritance)
{
	struct hp_profile p;
	const struct hp_expect *e;

	load_ok(PROFILE_DIR "/child.profile", NULL, &p);
	ck_assert_str_eq(p.name, "child");
	ck_assert_str_eq(p.description, "child, with # inside quotes");
	ck_assert_uint_eq(p.n, 5);
	e = find(&p, "user.identity");
	ck_assert_str_eq(e->args[0], "non-root");
	ck_assert_str_eq(e->file, PROFILE_DIR "/child.profile");
	ck_assert_int_eq(e->line, 4);
	e = find(&p, "seccomp.mode");
	ck_assert(e->off);
	ck_assert_str_eq(e->reason, "the test runtime has no seccomp");
	ck_assert_str_eq(e->args[0], "off");
	e = find(&p, "nnp.flag");
	ck_assert(!e->off);
	ck_assert_str_eq(e->file, PROFILE_DIR "/parent.profile");
	ck_assert_ptr_nonnull(find(&p, "fs.etc-passwd-write"));
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_two_levels)
{
	struct hp_profile p;

	load_ok(PROFILE_DIR "/grandchild.profile", NULL, &p);
	ck_assert_ptr_null(p.description);
	ck_assert_str_eq(find(&p, "nnp.flag")->args[0], "clear");
	ck_assert_str_eq(find(&p, "user.identity")->args[0], "non-root");
	ck_assert(find(&p, "seccomp.mode")->off);
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_builtin_by_name)
{
	struct hp_profile p;

	load_ok("web", CASES_DIR, &p);
	ck_assert_str_eq(p.name, "web");
	ck_assert_str_eq(p.path, CASES_DIR "/web.profile");
	ck_assert_str_eq(find(&p, "caps.sets")->args[0], "only");
	ck_assert_str_eq(find(&p, "caps.sets")->args[1],
			 "CAP_NET_BIND_SERVICE");
	ck_assert_str_eq(find(&p, "caps.sets")->controls[0],
			 "hardprobe:capabilities");
	ck_assert_str_eq(find(&p, "user.identity")->args[0], "non-root");
	ck_assert_str_eq(find(&p, "userns.host-root")->args[1],
			 "min-range=65536");
	hp_profile_free(&p);
}
END_TEST

/* Every built-in profile loads, and each line of it is a known check. */
START_TEST(test_all_builtins)
{
	static const char *const names[] = {
		"baseline",	  "restricted",
		"hardened",	  "web",
		"pss-baseline",	  "pss-restricted",
		"cis-docker",	  "database",
		"ci-build",	  "containerd-default",
		"docker-default",
	};
	struct hp_profile p;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		load_ok(names[i], CASES_DIR, &p);
		ck_assert_ptr_nonnull(p.description);
		ck_assert_uint_gt(p.n, 0);
		hp_profile_free(&p);
	}
	load_ok("hardened", CASES_DIR, &p);
	ck_assert_uint_ge(p.n, 11);
	ck_assert_ptr_nonnull(find(&p, "seccomp.dangerous-syscalls"));
	ck_assert_ptr_null(find(&p, "user.identity"));
	hp_profile_free(&p);
	load_ok("restricted", CASES_DIR, &p);
	ck_assert_str_eq(find(&p, "caps.sets")->args[1],
			 "CAP_NET_BIND_SERVICE");
	hp_profile_free(&p);
}
END_TEST

/* extends finds a built-in profile in cases_dir when none is beside. */
/* Whether the comment block that opens the file at path holds a line
 * starting with "# " word. */
static bool header_has(const char *path, const char *word)
{
	char line[512], want[128];
	bool found = false;
	FILE *f = fopen(path, "re");

	ck_assert_msg(f != NULL, "open %s", path);
	snprintf(want, sizeof(want), "# %s", word);
	while (!found && fgets(line, sizeof(line), f) && line[0] == '#')
		found = strncmp(line, want, strlen(want)) == 0;
	fclose(f);
	return found;
}

/* Every built-in profile says at its top where it comes from and what
 * hardprobe cannot see of it from inside the container. */
START_TEST(test_builtin_headers)
{
	glob_t g;

	ck_assert_int_eq(glob(CASES_DIR "/*.profile", 0, NULL, &g), 0);
	ck_assert_uint_ge(g.gl_pathc, 11);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		ck_assert_msg(header_has(g.gl_pathv[i], "Source: "),
			      "%s: no '# Source: ' in its opening comment",
			      g.gl_pathv[i]);
		ck_assert_msg(header_has(g.gl_pathv[i], "What it cannot see "
							"from inside: "),
			      "%s: no '# What it cannot see from inside: ' "
			      "in its opening comment",
			      g.gl_pathv[i]);
	}
	globfree(&g);
}
END_TEST

START_TEST(test_extends_from_cases)
{
	struct hp_profile p;
	char err[512];
	char path[] = "/tmp/hardprobe-unit-XXXXXX";
	FILE *f;
	int fd = mkstemp(path);
	size_t n;

	load_ok("hardened", CASES_DIR, &p);
	n = p.n;
	hp_profile_free(&p);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	fputs("extends hardened\nuser.identity non-root\n", f);
	fclose(f);
	ck_assert_int_eq(hp_profile_load(path, CASES_DIR, &p, err, sizeof(err)),
			 0);
	ck_assert_uint_eq(p.n, n + 1);
	hp_profile_free(&p);
	remove(path);
}
END_TEST

START_TEST(test_missing_file)
{
	struct hp_profile p;
	char err[512];

	ck_assert_int_eq(hp_profile_load("nope", CASES_DIR, &p, err,
					 sizeof(err)),
			 -1);
	ck_assert_str_eq(err, "nope: open '" CASES_DIR "/nope.profile': No "
			      "such file or directory ('hardprobe profiles' "
			      "lists the built-in ones)");
	ck_assert_int_eq(hp_profile_load("/nonexistent/x.profile", CASES_DIR,
					 &p, err, sizeof(err)),
			 -1);
	ck_assert_str_eq(err, "/nonexistent/x.profile: open "
			      "'/nonexistent/x.profile': No such file or "
			      "directory");
}
END_TEST

START_TEST(test_errors)
{
	bad("bad-check", "bad-check.profile:3: unknown check 'nnp.flags'");
	bad("bad-word", "bad-word.profile:1: fs.rootfs-write: unknown "
			"expectation 'maybe' (want denied or allowed)");
	bad("bad-cap", "bad-cap.profile:2: caps.sets: unknown capability "
		       "'CAP_NOPE' (want a name like CAP_NET_BIND_SERVICE)");
	bad("bad-range", "bad-range.profile:2: userns.host-root: bad argument "
			 "'min-range=abc' (want min-range=N, N from 1 to "
			 "4294967295)");
	bad("bad-off", "bad-off.profile:2: caps.raise: off needs one quoted "
		       "reason");
	bad("bad-dup", "bad-dup.profile:3: nnp.flag: second line for this "
		       "check (first on line 1)");
	bad("bad-extends-late", "bad-extends-late.profile:2: extends must "
				"come before any check line");
	bad("bad-extends-twice", "bad-extends-twice.profile:2: second extends "
				 "(a profile extends at most one other)");
	bad("bad-quote", "bad-quote.profile:1: unterminated quote");
}
END_TEST

/* The line errors test_errors leaves out: one fixture each. */
START_TEST(test_more_errors)
{
	bad("bad-description", "bad-description.profile:1: description "
			       "takes one quoted text");
	bad("bad-description-twice",
	    "bad-description-twice.profile:2: second description");
	bad("bad-extends-empty", "bad-extends-empty.profile:2: extends takes "
				 "one profile name");
	bad("bad-expectation-missing", "bad-expectation-missing.profile:2: "
				       "caps.raise: missing expectation");
}
END_TEST

/* A chain of profiles longer than the loader follows: d0 extends d1 ...
 * extends d17, written to a temporary directory. */
START_TEST(test_too_deep)
{
	char dir[] = "/tmp/hp-unit-deep.XXXXXX", path[128], err[512];
	struct hp_profile p;
	FILE *f;
	int i;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (i = 0; i <= HP_DEEP_CHAIN; i++) {
		snprintf(path, sizeof(path), "%s/d%d.profile", dir, i);
		f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		if (i < HP_DEEP_CHAIN)
			fprintf(f, "extends d%d\n", i + 1);
		fputs("nnp.flag set\n", f);
		fclose(f);
	}
	snprintf(path, sizeof(path), "%s/d0.profile", dir);
	ck_assert_int_eq(hp_profile_load(path, NULL, &p, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, ".profile:1: extends 'd") &&
			      strstr(err, "': more than 16 levels"),
		      "%s", err);
	ck_assert_ptr_null(p.expects);
	for (i = 0; i <= HP_DEEP_CHAIN; i++) {
		snprintf(path, sizeof(path), "%s/d%d.profile", dir, i);
		remove(path);
	}
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_extends_errors)
{
	bad("bad-extends-missing",
	    "bad-extends-missing.profile:2: extends 'no-such-parent': "
	    "open '" CASES_DIR "/no-such-parent.profile': "
	    "No such file or directory");
	/* an error in a parent names the parent's file and line */
	bad("bad-parent-error", "bad-word.profile:1: fs.rootfs-write: unknown "
				"expectation 'maybe' (want denied or "
				"allowed)");
}
END_TEST

START_TEST(test_cycles)
{
	bad("self", "self.profile:1: extends 'self' makes a cycle");
	bad("cycle-a", "cycle-b.profile:2: extends 'cycle-a' makes a cycle");
}
END_TEST

START_TEST(test_check_arguments)
{
	static const struct {
		const char *id, *args[4];
		size_t n;
		int ok;
	} cases[] = {
		{ "caps.sets", { "only" }, 1, 1 },
		{ "caps.sets", { "only", "cap_kill", "Cap_Chown" }, 3, 1 },
		{ "caps.sets", { "only", "KILL" }, 2, 0 },
		{ "caps.sets", { "only", "12" }, 2, 0 },
		{ "caps.sets", { "all" }, 1, 0 },
		{ "userns.host-root", { "unmapped" }, 1, 1 },
		{ "userns.host-root", { "unmapped", "min-range=0" }, 2, 0 },
		{ "userns.host-root", { "unmapped", "min-range=-5" }, 2, 0 },
		{ "userns.host-root", { "unmapped", "x", "y" }, 3, 0 },
		{ "userns.host-root", { "mapped" }, 1, 0 },
		{ "mounts.writable", { "only" }, 1, 1 },
		{ "mounts.writable", { "only", "/dev/*" }, 2, 1 },
		{ "mounts.writable", { "only", "dev" }, 2, 0 },
		{ "seccomp.mode", { "strict" }, 1, 1 },
		{ "seccomp.mode", { "filter", "x" }, 2, 0 },
		{ "seccomp.dangerous-syscalls",
		  { "blocked", "kexec_load" },
		  2,
		  1 },
		{ "seccomp.dangerous-syscalls", { "blocked", "Mount!" }, 2, 0 },
		{ "seccomp.dangerous-syscalls", { "reachable" }, 1, 0 },
		{ "nnp.flag", { "set", "extra" }, 2, 0 },
		{ "user.identity", { "root" }, 1, 1 },
	};
	char err[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hp_expect e = { .check = (char *)cases[i].id,
				       .args = (char **)cases[i].args,
				       .nargs = cases[i].n };
		int rc =
			hp_check_find(cases[i].id)->parse(&e, err, sizeof(err));

		ck_assert_msg((rc == 0) == cases[i].ok, "case %zu", i);
	}
}
END_TEST

/* The reason a parse function gives, which the loader puts after
 * FILE:LINE. */
START_TEST(test_parse_messages)
{
	char *mode[] = { "maybe" }, *flag[] = { "set", "now" };
	struct hp_expect e = { .check = "seccomp.mode",
			       .args = mode,
			       .nargs = 1 };
	char err[256];

	ck_assert_int_eq(
		hp_check_find("seccomp.mode")->parse(&e, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "unknown expectation 'maybe' (want disabled, "
			      "strict or filter)");
	e = (struct hp_expect){ .check = "nnp.flag", .args = flag, .nargs = 2 };
	ck_assert_int_eq(hp_check_find("nnp.flag")->parse(&e, err, sizeof(err)),
			 -1);
	ck_assert_str_eq(err, "'set' takes no arguments");
}
END_TEST

Suite *profile_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("profile");

	tcase_add_test(tc, test_parent);
	tcase_add_test(tc, test_inheritance);
	tcase_add_test(tc, test_two_levels);
	tcase_add_test(tc, test_builtin_by_name);
	tcase_add_test(tc, test_all_builtins);
	tcase_add_test(tc, test_builtin_headers);
	tcase_add_test(tc, test_extends_from_cases);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_more_errors);
	tcase_add_test(tc, test_too_deep);
	tcase_add_test(tc, test_extends_errors);
	tcase_add_test(tc, test_cycles);
	tcase_add_test(tc, test_check_arguments);
	tcase_add_test(tc, test_parse_messages);
	suite_add_tcase(s, tc);
	return s;
}
