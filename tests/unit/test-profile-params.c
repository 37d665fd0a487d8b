/* Tests of the profile additions: controls on check lines, parameters
 * and --set, every error reported (lint), and writing a resolved profile
 * back (show) so that it loads to the same expectations. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "../../harness/controls.h"
#include "unit.h"

static const struct hp_expect *find(const struct hp_profile *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->expects[i].check, id) == 0)
			return &p->expects[i];
	return NULL;
}

/* Every error message, one a line, for the lint tests. */
struct errors {
	char text[4096];
	int n;
};

static void collect(void *ctx, const char *msg)
{
	struct errors *e = ctx;
	size_t used = strlen(e->text);

	snprintf(e->text + used, sizeof(e->text) - used, "%s\n", msg);
	e->n++;
}

static int load_sets(const char *spec, const char *const *sets, size_t nsets,
		     struct hp_profile *p, struct errors *errs)
{
	struct hp_load_opts o = { .cases_dir = CASES_DIR,
				  .sets = sets,
				  .nsets = nsets,
				  .on_error = collect,
				  .ctx = errs };
	char err[1024];

	memset(errs, 0, sizeof(*errs));
	return hp_profile_load_opts(spec, &o, p, err, sizeof(err));
}

/* Loading tests/data/profiles/NAME.profile fails with exactly one error,
 * "PROFILE_DIR/want". */
static void bad(const char *name, const char *want)
{
	struct hp_profile p;
	struct errors errs;
	char path[512], full[1024];

	snprintf(path, sizeof(path), "%s/%s.profile", PROFILE_DIR, name);
	ck_assert_int_eq(load_sets(path, NULL, 0, &p, &errs), -1);
	snprintf(full, sizeof(full), "%s/%s\n", PROFILE_DIR, want);
	ck_assert_str_eq(errs.text, full);
	ck_assert_int_eq(errs.n, 1);
	ck_assert_ptr_null(p.expects);
}

START_TEST(test_controls)
{
	struct hp_profile p;
	struct errors errs;
	const struct hp_expect *e;

	ck_assert_int_eq(load_sets(PROFILE_DIR "/params.profile", NULL, 0, &p,
				   &errs),
			 0);
	e = find(&p, "mounts.writable");
	ck_assert_uint_eq(e->ncontrols, 2);
	ck_assert_str_eq(e->controls[0], "hardprobe:read-only-root");
	ck_assert_str_eq(e->controls[1], "CIS-Docker:5.12");
	/* the controls word is not an argument of the check */
	ck_assert_uint_eq(e->nargs, 5);
	ck_assert_uint_eq(find(&p, "nnp.flag")->ncontrols, 1);
	ck_assert_uint_eq(find(&p, "caps.raise")->ncontrols, 0);
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_control_ids)
{
	static const struct {
		const char *id;
		int ok;
	} cases[] = {
		{ "CIS-Docker:5.12", 1 },
		{ "PSS:restricted/capabilities", 1 },
		{ "NIST-800-190:4.4.3", 1 },
		{ "hardprobe:read-only-root", 1 },
		{ "5.12", 0 },
		{ ":x", 0 },
		{ "CIS:", 0 },
		{ "CIS_Docker:5", 0 },
		{ "CIS:5_1", 0 },
		{ "CIS:a:b", 0 },
		{ "CIS:5 1", 0 },
		{ "-x:1", 0 },
	};
	char *t;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(hp_control_ok(cases[i].id) == cases[i].ok, "%s",
			      cases[i].id);
	t = hp_control_token("PSS:restricted/capabilities");
	ck_assert_str_eq(t, "PSS_restricted_capabilities");
	free(t);
	t = hp_control_token("CIS-Docker:5.12");
	ck_assert_str_eq(t, "CIS-Docker_5.12");
	free(t);
}
END_TEST

START_TEST(test_params_defaults)
{
	struct hp_profile p;
	struct errors errs;
	const struct hp_expect *e;

	ck_assert_int_eq(load_sets(PROFILE_DIR "/params.profile", NULL, 0, &p,
				   &errs),
			 0);
	e = find(&p, "mounts.writable");
	ck_assert_str_eq(e->args[2], "/var/lib/db");
	ck_assert_str_eq(e->args[3], "/var/lib/db/*");
	/* a value with a blank stays one argument */
	ck_assert_str_eq(e->args[4], "/var/log/my db");
	ck_assert_str_eq(e->raw[3], "${data_dir}/*");
	ck_assert_uint_eq(p.nparams, 2);
	ck_assert_str_eq(p.params[1].name, "log_dir");
	ck_assert_int_eq(p.params[1].line, 4);
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_params_set)
{
	static const char *const sets[] = { "data_dir=/x", "data_dir=/y y" };
	struct hp_profile p;
	struct errors errs;

	ck_assert_int_eq(load_sets(PROFILE_DIR "/params.profile", sets, 2, &p,
				   &errs),
			 0);
	/* the last --set wins */
	ck_assert_str_eq(find(&p, "mounts.writable")->args[2], "/y y");
	ck_assert_str_eq(find(&p, "mounts.writable")->args[3], "/y y/*");
	ck_assert_str_eq(find(&p, "mounts.writable")->args[4],
			 "/var/log/my db");
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_params_set_errors)
{
	static const char *const unknown[] = { "nope=1" };
	static const char *const malformed[] = { "data_dir" };
	static const char *const relative[] = { "data_dir=rel" };
	struct hp_profile p;
	struct errors errs;

	ck_assert_int_eq(load_sets(PROFILE_DIR "/params.profile", unknown, 1,
				   &p, &errs),
			 -1);
	ck_assert_str_eq(errs.text, PROFILE_DIR
			 "/params.profile: --set 'nope=1': no such parameter "
			 "(the profile has: data_dir, log_dir)\n");
	ck_assert_int_eq(load_sets(PROFILE_DIR "/params.profile", malformed, 1,
				   &p, &errs),
			 -1);
	ck_assert_str_eq(errs.text,
			 PROFILE_DIR "/params.profile: --set "
				     "'data_dir': want NAME=VALUE\n");
	/* a value the check refuses: the line that uses it is named */
	ck_assert_int_eq(load_sets(PROFILE_DIR "/params.profile", relative, 1,
				   &p, &errs),
			 -1);
	ck_assert_str_eq(errs.text,
			 PROFILE_DIR "/params.profile:5: mounts.writable: "
				     "pattern 'rel' is not an absolute path "
				     "(parameters expanded)\n");
}
END_TEST

/* A child's declaration gives the parent's lines a new default. */
START_TEST(test_params_inherited)
{
	static const char *const sets[] = { "extra=/z", "log_dir=/l" };
	struct hp_profile p;
	struct errors errs;

	ck_assert_int_eq(load_sets(PROFILE_DIR "/params-child.profile", sets, 2,
				   &p, &errs),
			 0);
	ck_assert_str_eq(find(&p, "mounts.writable")->args[2], "/srv/pg");
	ck_assert_str_eq(find(&p, "mounts.writable")->args[4], "/l");
	ck_assert_uint_eq(p.nparams, 3);
	ck_assert_str_eq(p.params[0].value, "/srv/pg");
	ck_assert(strstr(p.params[0].file, "params-child.profile"));
	ck_assert_str_eq(p.extends, "params");
	hp_profile_free(&p);
}
END_TEST

START_TEST(test_control_errors)
{
	bad("bad-controls-late", "bad-controls-late.profile:1: nnp.flag: "
				 "controls= must be the last word");
	bad("bad-controls-id", "bad-controls-id.profile:1: nnp.flag: bad "
			       "control id '5.25' (want FRAMEWORK:ID, such as "
			       "CIS-Docker:5.12)");
	bad("bad-controls-dup", "bad-controls-dup.profile:1: nnp.flag: "
				"control 'CIS-Docker:5.25' listed twice");
	bad("bad-controls-empty", "bad-controls-empty.profile:1: nnp.flag: "
				  "controls= needs ids separated by one "
				  "comma");
	bad("bad-controls-off", "bad-controls-off.profile:1: nnp.flag: a "
				"check that is off evidences no control");
	bad("bad-controls-only", "bad-controls-only.profile:1: nnp.flag: "
				 "missing expectation");
}
END_TEST

START_TEST(test_param_errors)
{
	bad("bad-param-unknown",
	    "bad-param-unknown.profile:2: mounts.writable: unknown parameter "
	    "'dri' (declare it first, with param dri=DEFAULT)");
	bad("bad-param-late",
	    "bad-param-late.profile:1: mounts.writable: unknown parameter "
	    "'dir' (declare it first, with param dir=DEFAULT)");
	bad("bad-param-name", "bad-param-name.profile:1: bad parameter name "
			      "'9dir' (want letters, digits and '_', not "
			      "starting with a digit)");
	bad("bad-param-twice", "bad-param-twice.profile:2: parameter 'dir' "
			       "declared twice (first on line 1)");
	bad("bad-param-syntax", "bad-param-syntax.profile:1: param takes one "
				"NAME=DEFAULT word");
	bad("bad-param-unterminated",
	    "bad-param-unterminated.profile:2: mounts.writable: unterminated "
	    "'${' in '${dir'");
	bad("bad-param-value",
	    "bad-param-value.profile:2: mounts.writable: pattern 'relative' "
	    "is not an absolute path (parameters expanded)");
}
END_TEST

/* lint: one file, five errors, each with its line; err holds the
 * first. */
START_TEST(test_every_error)
{
	struct hp_profile p;
	struct errors errs;
	char first[1024];
	struct hp_load_opts o = { .on_error = collect, .ctx = &errs };

	memset(&errs, 0, sizeof(errs));
	ck_assert_int_eq(hp_profile_load_opts(PROFILE_DIR "/bad-many.profile",
					      &o, &p, first, sizeof(first)),
			 -1);
	ck_assert_int_eq(errs.n, 5);
	ck_assert_str_eq(
		errs.text, PROFILE_DIR
		"/bad-many.profile:2: unknown check 'nnp.flags'\n" PROFILE_DIR
		"/bad-many.profile:3: fs.rootfs-write: unknown "
		"expectation 'maybe' (want denied or allowed)\n" PROFILE_DIR
		"/bad-many.profile:4: caps.raise: bad control id "
		"'bad' (want FRAMEWORK:ID, such as "
		"CIS-Docker:5.12)\n" PROFILE_DIR
		"/bad-many.profile:6: seccomp.mode: second line "
		"for this check (first on line 5)\n" PROFILE_DIR
		"/bad-many.profile:7: unterminated quote\n");
	ck_assert_str_eq(first, PROFILE_DIR "/bad-many.profile:2: unknown "
					    "check 'nnp.flags'");
}
END_TEST

/* A profile with a missing parent still has its own lines checked. */
START_TEST(test_errors_past_extends)
{
	struct hp_profile p;
	struct errors errs;
	char path[] = "/tmp/hardprobe-unit-XXXXXX";
	FILE *f;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	fputs("extends no-such-parent\nnnp.flag maybe\n", f);
	fclose(f);
	ck_assert_int_eq(load_sets(path, NULL, 0, &p, &errs), -1);
	ck_assert_int_eq(errs.n, 2);
	ck_assert(strstr(errs.text, ":1: extends 'no-such-parent': open"));
	ck_assert(strstr(errs.text, ":2: nnp.flag: unknown expectation"));
	remove(path);
}
END_TEST

static const char *const builtins[] = {
	"baseline",
	"restricted",
	"pss-baseline",
	"pss-restricted",
	"cis-docker",
	"hardened",
	"web",
	"database",
	"containerd-default",
	"docker-default",
	"ci-build",
};

static void same_expect(const struct hp_expect *a, const struct hp_expect *b)
{
	ck_assert_str_eq(a->check, b->check);
	ck_assert_int_eq(a->off, b->off);
	ck_assert_uint_eq(a->nargs, b->nargs);
	for (size_t i = 0; i < a->nargs; i++)
		ck_assert_str_eq(a->args[i], b->args[i]);
	if (a->off)
		ck_assert_str_eq(a->reason, b->reason);
	ck_assert_uint_eq(a->ncontrols, b->ncontrols);
	for (size_t i = 0; i < a->ncontrols; i++)
		ck_assert_str_eq(a->controls[i], b->controls[i]);
}

/* The text hp_profile_write() gives, without its first (comment) line. */
static char *shown(const struct hp_profile *p)
{
	char *buf = NULL, *body;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(hp_profile_write(p, f), 0);
	fclose(f);
	body = strdup(strchr(buf, '\n') + 1);
	free(buf);
	return body;
}

static void round_trip(const char *spec, const char *const *sets, size_t nsets)
{
	struct hp_profile a, b;
	struct errors errs;
	char path[] = "/tmp/hardprobe-show-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	char *ta, *tb;

	ck_assert_msg(load_sets(spec, sets, nsets, &a, &errs) == 0, "%s",
		      errs.text);
	ck_assert_int_eq(hp_profile_write(&a, f), 0);
	fclose(f);
	ck_assert_msg(load_sets(path, NULL, 0, &b, &errs) == 0, "%s: %s", spec,
		      errs.text);
	ck_assert_ptr_null(b.extends);
	ck_assert_str_eq(a.description ? a.description : "-",
			 b.description ? b.description : "-");
	ck_assert_uint_eq(a.n, b.n);
	for (size_t i = 0; i < a.n; i++)
		same_expect(&a.expects[i], &b.expects[i]);
	ta = shown(&a);
	tb = shown(&b);
	ck_assert_str_eq(ta, tb);
	free(ta);
	free(tb);
	hp_profile_free(&a);
	hp_profile_free(&b);
	remove(path);
}

START_TEST(test_show_round_trip)
{
	static const char *const sets[] = { "data_dir=/a \"q\" \\ #b" };

	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		round_trip(builtins[i], NULL, 0);
	round_trip(PROFILE_DIR "/params-child.profile", NULL, 0);
	round_trip(PROFILE_DIR "/params.profile", sets, 1);
	round_trip(PROFILE_DIR "/child.profile", NULL, 0);
}
END_TEST

/* The aliases are the pss-* profiles under their old names. */
START_TEST(test_aliases)
{
	static const char *const pairs[][2] = {
		{ "baseline", "pss-baseline" },
		{ "restricted", "pss-restricted" },
	};
	struct hp_profile a, b;
	struct errors errs;

	for (size_t i = 0; i < 2; i++) {
		ck_assert_int_eq(load_sets(pairs[i][0], NULL, 0, &a, &errs), 0);
		ck_assert_int_eq(load_sets(pairs[i][1], NULL, 0, &b, &errs), 0);
		ck_assert_str_eq(a.extends, pairs[i][1]);
		ck_assert_uint_eq(a.n, b.n);
		for (size_t j = 0; j < a.n; j++)
			same_expect(&a.expects[j], &b.expects[j]);
		hp_profile_free(&a);
		hp_profile_free(&b);
	}
}
END_TEST

/* The catalog's control tokens, from cases/hardprobe-controls.json. */
static json_object *catalog_ids(void)
{
	json_object *cat =
		json_object_from_file(CASES_DIR "/hardprobe-controls.json");
	json_object *ids = json_object_new_object(), *groups, *g, *cs;

	ck_assert_ptr_nonnull(cat);
	ck_assert(json_object_object_get_ex(cat, "catalog", &g));
	ck_assert(json_object_object_get_ex(g, "groups", &groups));
	for (size_t i = 0; i < json_object_array_length(groups); i++) {
		g = json_object_array_get_idx(groups, i);
		ck_assert(json_object_object_get_ex(g, "controls", &cs));
		for (size_t j = 0; j < json_object_array_length(cs); j++) {
			json_object *c = json_object_array_get_idx(cs, j), *id;

			ck_assert(json_object_object_get_ex(c, "id", &id));
			json_object_object_add(ids, json_object_get_string(id),
					       NULL);
		}
	}
	json_object_put(cat);
	return ids;
}

/* Every control a built-in profile names is in the catalog. */
START_TEST(test_catalog_complete)
{
	json_object *ids = catalog_ids();
	struct hp_profile p;
	struct errors errs;
	size_t named = 0;

	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		ck_assert_int_eq(load_sets(builtins[i], NULL, 0, &p, &errs), 0);
		ck_assert_ptr_nonnull(p.description);
		for (size_t j = 0; j < p.n; j++)
			for (size_t k = 0; k < p.expects[j].ncontrols; k++) {
				char *t = hp_control_token(
					p.expects[j].controls[k]);

				ck_assert_msg(json_object_object_get_ex(ids, t,
									NULL),
					      "%s: %s not in the catalog",
					      builtins[i], t);
				free(t);
				named++;
			}
		hp_profile_free(&p);
	}
	ck_assert_uint_gt(named, 50);
	json_object_put(ids);
}
END_TEST

Suite *profile_params_suite(void)
{
	Suite *s = suite_create("profile-params");
	TCase *tc = tcase_create("profile-params");

	tcase_add_test(tc, test_controls);
	tcase_add_test(tc, test_control_ids);
	tcase_add_test(tc, test_params_defaults);
	tcase_add_test(tc, test_params_set);
	tcase_add_test(tc, test_params_set_errors);
	tcase_add_test(tc, test_params_inherited);
	tcase_add_test(tc, test_control_errors);
	tcase_add_test(tc, test_param_errors);
	tcase_add_test(tc, test_every_error);
	tcase_add_test(tc, test_errors_past_extends);
	tcase_add_test(tc, test_show_round_trip);
	tcase_add_test(tc, test_aliases);
	tcase_add_test(tc, test_catalog_complete);
	suite_add_tcase(s, tc);
	return s;
}
