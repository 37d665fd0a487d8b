/* Tests of harness/diff*.c: each kind of change found, with the right
 * direction, and the text and json a person or a program reads. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../harness/diff.h"
#include "unit.h"

/* The change about subject, which must be there. */
static const struct hp_change *change(const struct hp_diff *d, const char *what,
				      const char *subject)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].what, what) &&
		    !strcmp(d->v[i].subject, subject))
			return &d->v[i];
	ck_abort_msg("no %s change of '%s'", what, subject);
	return NULL;
}

static void assert_change(const struct hp_diff *d, const char *what,
			  const char *subject, const char *was, const char *now,
			  enum hp_direction dir)
{
	const struct hp_change *c = change(d, what, subject);

	ck_assert_str_eq(c->was, was);
	ck_assert_str_eq(c->now, now);
	ck_assert_str_eq(hp_direction_name(c->dir), hp_direction_name(dir));
}

static struct hp_result res(const char *id, enum hp_status st)
{
	struct hp_result r = { .id = (char *)id, .status = st };

	return r;
}

START_TEST(test_checks_flip)
{
	struct hp_result a[] = { res("fs.rootfs-write", HP_PASS),
				 res("caps.sets", HP_FAIL),
				 res("nnp.flag", HP_SKIP),
				 res("user.identity", HP_PASS) };
	struct hp_result b[] = { res("fs.rootfs-write", HP_FAIL),
				 res("caps.sets", HP_PASS),
				 res("nnp.flag", HP_ERROR),
				 res("user.identity", HP_PASS) };
	struct hp_report ra = { .results = a, .n = 4 };
	struct hp_report rb = { .results = b, .n = 4 };
	struct hp_diff d = { 0 };

	ck_assert_int_eq(hp_diff_checks(&ra, &rb, &d), 0);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_uint_eq(d.weaker, 2);
	assert_change(&d, "check", "fs.rootfs-write", "pass", "fail",
		      HP_WEAKER);
	assert_change(&d, "check", "caps.sets", "fail", "pass", HP_STRONGER);
	assert_change(&d, "check", "nnp.flag", "skip", "error", HP_WEAKER);
	hp_diff_free(&d);
	ck_assert_int_eq(hp_diff_checks(&ra, &ra, &d), 0);
	ck_assert_uint_eq(d.n, 0);
}
END_TEST

START_TEST(test_caps_per_set)
{
	json_object *a = json_tokener_parse(
		"{\"effective\":[\"cap_chown\",\"cap_kill\"],"
		"\"bounding\":[\"cap_chown\",\"cap_kill\"],\"ambient\":[]}");
	json_object *b = json_tokener_parse(
		"{\"effective\":[\"cap_chown\"],"
		"\"bounding\":[\"cap_chown\",\"cap_sys_admin\",\"cap_bpf\"],"
		"\"ambient\":[]}");
	struct hp_diff d = { 0 };

	ck_assert_int_eq(hp_diff_caps(a, b, &d), 0);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_uint_eq(d.weaker, 1);
	assert_change(&d, "caps", "effective", "cap_kill", "", HP_STRONGER);
	ck_assert_str_eq(d.v[1].subject, "bounding");
	ck_assert_str_eq(d.v[1].now, "cap_sys_admin, cap_bpf");
	ck_assert_int_eq(d.v[1].dir, HP_WEAKER);
	ck_assert_str_eq(d.v[2].was, "cap_kill");
	hp_diff_free(&d);
	json_object_put(a);
	json_object_put(b);
}
END_TEST

#define MI(id, mp, opts, sb) \
	"\"" #id " 1 0:" #id " / " mp " " opts " - tmpfs tmpfs " sb "\""

/* Two mount tables: "/" became writable, /tmp read-only, /data appeared,
 * /proc/bus (read-only) and /etc/hosts went away, /sys stayed. */
// clang-format off
static const char mounts_old[] = "{\"mountinfo\":["
	MI(20, "/", "ro,relatime", "rw") ","
	MI(21, "/tmp", "rw,nosuid", "rw") ","
	MI(22, "/proc/bus", "ro", "ro") ","
	MI(23, "/etc/hosts", "rw", "rw") ","
	MI(24, "/sys", "rw", "ro") "]}";
static const char mounts_new[] = "{\"mountinfo\":["
	MI(30, "/", "rw,relatime", "rw") ","
	MI(31, "/tmp", "ro,nosuid", "rw") ","
	MI(32, "/data", "rw", "rw") ","
	MI(34, "/sys", "rw", "ro") "]}";
// clang-format on

START_TEST(test_mounts)
{
	json_object *a = json_tokener_parse(mounts_old);
	json_object *b = json_tokener_parse(mounts_new);
	struct hp_diff d = { 0 };

	ck_assert_int_eq(hp_diff_mounts(a, b, &d), 0);
	ck_assert_uint_eq(d.n, 5);
	assert_change(&d, "mount", "/", "ro", "rw", HP_WEAKER);
	assert_change(&d, "mount", "/tmp", "rw", "ro", HP_STRONGER);
	assert_change(&d, "mount", "/data", "", "rw", HP_WEAKER);
	assert_change(&d, "mount", "/proc/bus", "ro", "", HP_WEAKER);
	assert_change(&d, "mount", "/etc/hosts", "rw", "", HP_CHANGED);
	ck_assert_uint_eq(d.weaker, 3);
	hp_diff_free(&d);
	json_object_put(a);
	json_object_put(b);
}
END_TEST

#define HDR "{\"type\":\"header\",\"format\":2}\n"
#define REC(seq, probe, data)                                            \
	"{\"type\":\"record\",\"seq\":" #seq ",\"probe\":\"" probe "\"," \
	"\"status\":\"ok\",\"data\":" data "}\n"
#define CALL(name, variant, result)                                           \
	"{\"name\":\"" name "\",\"variant\":" variant ",\"result\":\"" result \
	"\"}"

static void read_stream(const char *text, struct hp_stream *s)
{
	char err[256];

	ck_assert_msg(read_sealed(text, s, err, sizeof(err)) == 0, "%s", err);
}

/* A run, then the same workload gone weaker: root, no filter, unshare of
 * a user namespace reachable; bpf got blocked; test.probe vanished. */
// clang-format off
static const char stream_old[] = HDR
	REC(1, "user.identity", "{\"outcome\":\"non-root\",\"uid\":65534}")
	REC(2, "seccomp.mode", "{\"outcome\":\"filter\"}")
	REC(3, "nnp.flag", "{\"outcome\":\"set\"}")
	REC(4, "seccomp.dangerous-syscalls",
		"{\"outcome\":\"denied\",\"calls\":["
		CALL("unshare", "\"CLONE_NEWNS\"", "blocked") ","
		CALL("unshare", "\"CLONE_NEWUSER\"", "blocked") ","
		CALL("bpf", "null", "reachable") "]}")
	REC(5, "test.probe", "{\"outcome\":\"x\"}");
static const char stream_new[] = HDR
	REC(1, "user.identity", "{\"outcome\":\"root\",\"uid\":0}")
	REC(2, "seccomp.mode", "{\"outcome\":\"disabled\"}")
	REC(3, "nnp.flag", "{\"outcome\":\"set\"}")
	REC(4, "seccomp.dangerous-syscalls",
		"{\"outcome\":\"allowed\",\"calls\":["
		CALL("unshare", "\"CLONE_NEWNS\"", "blocked") ","
		CALL("unshare", "\"CLONE_NEWUSER\"", "reachable") ","
		CALL("bpf", "null", "blocked") "]}");
// clang-format on

START_TEST(test_streams)
{
	struct hp_stream a, b;
	struct hp_diff d = { 0 };

	read_stream(stream_old, &a);
	read_stream(stream_new, &b);
	ck_assert_int_eq(hp_diff_streams(&a, &b, &d), 0);
	assert_change(&d, "probe", "test.probe", "ok", "", HP_WEAKER);
	assert_change(&d, "fact", "user", "non-root", "root", HP_WEAKER);
	assert_change(&d, "fact", "uid", "65534", "0", HP_WEAKER);
	assert_change(&d, "fact", "seccomp mode", "filter", "disabled",
		      HP_WEAKER);
	assert_change(&d, "syscall", "unshare (CLONE_NEWUSER)", "blocked",
		      "reachable", HP_WEAKER);
	assert_change(&d, "syscall", "bpf", "reachable", "blocked",
		      HP_STRONGER);
	ck_assert_uint_eq(d.n, 6);
	ck_assert_uint_eq(d.weaker, 5);
	hp_diff_free(&d);
	ck_assert_int_eq(hp_diff_streams(&b, &a, &d), 0);
	assert_change(&d, "fact", "user", "root", "non-root", HP_STRONGER);
	ck_assert_uint_eq(d.weaker, 1); /* only bpf became reachable */
	hp_diff_free(&d);
	hp_stream_free(&a);
	hp_stream_free(&b);
}
END_TEST

/* The diff of a with itself, and of two streams without the probes. */
START_TEST(test_nothing_changed)
{
	struct hp_stream a, b;
	struct hp_diff d = { 0 };

	read_stream(HDR REC(1, "nnp.flag", "{\"outcome\":\"set\"}"), &a);
	read_stream(HDR, &b);
	ck_assert_int_eq(hp_diff_streams(&a, &a, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(hp_diff_streams(&b, &b, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	hp_stream_free(&a);
	hp_stream_free(&b);
}
END_TEST

static char *written(const struct hp_diff *d, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(json ? hp_diff_write_json(d, "a", "b", "web", f)
			      : hp_diff_write_text(d, "a", "b", "web", f),
			 0);
	fclose(f);
	return buf;
}

START_TEST(test_write)
{
	struct hp_diff d = { 0 };
	char *text;
	json_object *o, *c, *v;

	ck_assert_int_eq(hp_diff_add(&d, "check", "caps.sets", "pass", "fail",
				     HP_WEAKER),
			 0);
	ck_assert_int_eq(hp_diff_add(&d, "mount", "/x\ny", "rw", "",
				     HP_CHANGED),
			 0);
	text = written(&d, false);
	ck_assert_str_eq(text, "--- a\n+++ b\nprofile: web\n"
			       "weaker    check    caps.sets: pass -> fail\n"
			       "changed   mount    /x\\ny: removed rw\n"
			       "2 changes, 1 weaker\n");
	free(text);
	text = written(&d, true);
	o = json_tokener_parse(text);
	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(json_object_get_int(
				 json_object_object_get(o, "weaker")),
			 1);
	c = json_object_array_get_idx(json_object_object_get(o, "changes"), 1);
	ck_assert(json_object_object_get_ex(c, "new", &v));
	ck_assert_ptr_null(v); /* removed: nothing now */
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(c, "old")),
			 "rw");
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(c, "direction")),
			 "changed");
	json_object_put(o);
	free(text);
	hp_diff_free(&d);
}
END_TEST

Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");

	tcase_add_test(tc, test_checks_flip);
	tcase_add_test(tc, test_caps_per_set);
	tcase_add_test(tc, test_mounts);
	tcase_add_test(tc, test_streams);
	tcase_add_test(tc, test_nothing_changed);
	tcase_add_test(tc, test_write);
	suite_add_tcase(s, tc);
	return s;
}
