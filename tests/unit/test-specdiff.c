/* Tests of harness/specdiff*.c: each claim of an OCI spec against
 * records recorded from real containers (ctr 1.6 and runc 1.1 on a
 * 6.x kernel, trimmed to the fields the comparison reads). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../harness/specdiff.h"
#include "unit.h"

#define HEADER                                                            \
	"{\"type\":\"header\",\"format\":2,\"probe_set\":\"1\",\"tool\":" \
	"\"0.1.0\",\"kernel\":\"6.1.0\",\"machine\":\"x86_64\"}\n"
#define REC(seq, probe, data)                                            \
	"{\"type\":\"record\",\"seq\":" #seq ",\"probe\":\"" probe "\"," \
	"\"status\":\"ok\",\"duration_ms\":0,\"data\":" data "}\n"

/* The hardened container under ctr (user namespace, read-only root). */
#define USERNS_HARD                                                        \
	REC(1, "userns.host-root",                                         \
	    "{\"outcome\":\"unmapped\",\"uid_map\":[\"         0     "     \
	    "100000      65536\"],\"gid_map\":[\"         0     100000   " \
	    "   65536\"]}")
#define USERNS_HOST                                                       \
	REC(1, "userns.host-root",                                        \
	    "{\"outcome\":\"mapped\",\"uid_map\":[\"         0          " \
	    "0 4294967295\"],\"gid_map\":[\"         0          0 "       \
	    "4294967295\"]}")
#define ROOT_RO                                                   \
	REC(2, "fs.rootfs-write",                                 \
	    "{\"outcome\":\"denied\",\"paths\":[{\"path\":\"/\"," \
	    "\"result\":\"denied\",\"errno\":\"EROFS\"}]}")
#define ROOT_RW                                                    \
	REC(2, "fs.rootfs-write",                                  \
	    "{\"outcome\":\"allowed\",\"paths\":[{\"path\":\"/\"," \
	    "\"result\":\"allowed\",\"errno\":null}]}")
#define MOUNTS(root)                                                          \
	REC(3, "mounts.writable",                                             \
	    "{\"outcome\":\"observed\",\"mountinfo\":[\"73 50 0:40 / / " root \
	    ",relatime - overlay overlay rw\",\"74 73 0:43 / /proc "          \
	    "rw,nosuid,nodev,noexec,relatime - proc proc rw\",\"79 73 "       \
	    "0:47 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs "      \
	    "ro\"]}")
#define CAPS(inh)                                                       \
	REC(4, "caps.sets",                                             \
	    "{\"outcome\":\"observed\",\"effective\":[\"cap_chown\","   \
	    "\"cap_kill\"],\"permitted\":[\"cap_chown\",\"cap_kill\"]," \
	    "\"inheritable\":[" inh "],\"bounding\":[\"cap_chown\","    \
	    "\"cap_kill\"],\"ambient\":[]}")
#define NNP(v) \
	REC(5, "nnp.flag", "{\"outcome\":\"set\",\"no_new_privs\":" #v "}")
#define SECCOMP(m) \
	REC(6, "seccomp.mode", "{\"outcome\":\"filter\",\"mode\":" #m "}")
/* powercap is absent on this kernel: not a disagreement. */
#define MASKED(keys)                                                       \
	REC(7, "proc.masked-paths",                                        \
	    "{\"outcome\":\"masked\",\"paths\":[{\"path\":\"/proc/keys\"," \
	    "\"state\":\"" keys "\"},{\"path\":\"/proc/kcore\",\"state\":" \
	    "\"absent\"},{\"path\":\"/sys/devices/virtual/powercap\","     \
	    "\"state\":\"absent\"}]}")
#define READONLY(ro)                                                   \
	REC(8, "proc.readonly-paths",                                  \
	    "{\"outcome\":\"read-only\",\"paths\":[{\"path\":"         \
	    "\"/proc/sys\",\"read_only_mount\":" ro ",\"state\":"      \
	    "\"denied\"},{\"path\":\"/proc/sysrq-trigger\",\"state\":" \
	    "\"absent\"}]}")
#define NODES(extra)                                             \
	REC(9, "devices.nodes",                                  \
	    "{\"outcome\":\"none\",\"nodes\":[{\"path\":"        \
	    "\"/dev/null\",\"type\":\"char\",\"devno\":\"1:3\"," \
	    "\"class\":\"standard\"}" extra "]}")
#define MKNOD(res)                                                   \
	REC(10, "devices.mknod-open",                                \
	    "{\"outcome\":\"" res "\",\"nodes\":[{\"node\":\"8:0\"," \
	    "\"type\":\"block\",\"result\":\"" res "\"}]}")

#define HARD_STREAM                                                        \
	HEADER USERNS_HARD ROOT_RO MOUNTS("ro") CAPS("") NNP(1) SECCOMP(2) \
		MASKED("masked") READONLY("true") NODES("") MKNOD("denied")

/* What ctr 1.6 stored for the hardened container, trimmed. */
static const char hard_spec[] =
	"{\"root\":{\"readonly\":true},\"process\":{\"noNewPrivileges\":"
	"true,\"user\":{\"uid\":0},\"capabilities\":{\"bounding\":["
	"\"CAP_CHOWN\",\"CAP_KILL\"],\"effective\":[\"CAP_CHOWN\","
	"\"CAP_KILL\"],\"permitted\":[\"CAP_CHOWN\",\"CAP_KILL\"]}},"
	"\"linux\":{\"uidMappings\":[{\"containerID\":0,\"hostID\":100000,"
	"\"size\":65536}],\"gidMappings\":[{\"containerID\":0,\"hostID\":"
	"100000,\"size\":65536}],\"maskedPaths\":[\"/proc/keys\","
	"\"/proc/kcore\",\"/sys/devices/virtual/powercap\"],"
	"\"readonlyPaths\":[\"/proc/sys\",\"/proc/sysrq-trigger\"],"
	"\"seccomp\":{\"defaultAction\":\"SCMP_ACT_ERRNO\"},\"devices\":[],"
	"\"resources\":{\"devices\":[{\"allow\":false,\"access\":\"rwm\"},"
	"{\"allow\":true,\"type\":\"c\",\"major\":1,\"minor\":3,"
	"\"access\":\"rwm\"}]}},\"mounts\":[{\"destination\":\"/proc\"},"
	"{\"destination\":\"/sys\",\"options\":[\"nosuid\",\"ro\"]}]}";

/* The records of text numbered 1, 2, ... as a stream wants them, so
 * that a test can pick any of the records above. */
static char *renumber(const char *text)
{
	char *copy = strdup(text), *line, *save = NULL, *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	json_object *o;
	int seq = 0;

	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		o = json_tokener_parse(line);
		ck_assert_ptr_nonnull(o);
		if (seq++ > 0)
			json_object_object_add(o, "seq",
					       json_object_new_int(seq - 1));
		fprintf(f, "%s\n", json_object_to_json_string(o));
		json_object_put(o);
	}
	fclose(f);
	free(copy);
	return out;
}

/* Compare spec_text with the stream text; the report and the return. */
static int compare(const char *spec_text, const char *stream,
		   struct hp_report *r, char *err, size_t errlen)
{
	json_object *spec = json_tokener_parse(spec_text);
	char *text = renumber(stream);
	struct hp_stream s;
	int rc;

	ck_assert_ptr_nonnull(spec);
	ck_assert_msg(read_sealed(text, &s, err, errlen) == 0, "%s", err);
	free(text);
	memset(r, 0, sizeof(*r));
	r->pass = 1;
	rc = hp_specdiff(spec, "config.json", &s, r, err, errlen);
	json_object_put(spec);
	hp_stream_free(&s);
	return rc;
}

/* The ids of r's spec findings, blank-separated, in order. */
static char *ids(const struct hp_report *r)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	for (size_t i = 0; i < r->n; i++) {
		ck_assert_int_eq(r->results[i].kind, HP_KIND_SPEC);
		ck_assert_int_eq(r->results[i].status, HP_FAIL);
		fprintf(f, "%s%s", i ? " " : "", r->results[i].id);
	}
	fclose(f);
	return out;
}

static void assert_findings(const char *spec, const char *stream,
			    const char *want)
{
	struct hp_report r;
	char err[512], *got;

	ck_assert_int_eq(compare(spec, stream, &r, err, sizeof(err)), 0);
	got = ids(&r);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(r.pass, !*want);
	ck_assert_uint_eq(r.count[HP_FAIL], r.n);
	ck_assert_str_eq(r.spec_name, "config.json");
	free(got);
	hp_report_free(&r);
}

START_TEST(test_hardened_agrees)
{
	assert_findings(hard_spec, HARD_STREAM, "");
}
END_TEST

/* Absent keys are no claim: an empty spec agrees with a default
 * container. */
START_TEST(test_absent_is_no_claim)
{
	assert_findings("{}",
			HEADER USERNS_HOST ROOT_RW MOUNTS("rw") CAPS(
				"\"cap_kill\"") NNP(0) SECCOMP(0)
				MASKED("readable") READONLY("false") NODES(
					",{\"path\":\"/dev/sda\","
					"\"type\":\"block\",\"devno\":"
					"\"8:0\",\"class\":"
					"\"sensitive\"}") MKNOD("allowed"),
			"");
}
END_TEST

/* Every claim broken at once, each named once, in a fixed order. */
START_TEST(test_every_claim_broken)
{
	assert_findings(hard_spec,
			HEADER USERNS_HOST ROOT_RW MOUNTS("rw") CAPS(
				"\"cap_kill\"") NNP(0) SECCOMP(0)
				MASKED("readable") READONLY("false") NODES(
					",{\"path\":\"/dev/sda\",\"type\":"
					"\"block\",\"devno\":\"8:0\",\"class\":"
					"\"sensitive\"}") MKNOD("allowed"),
			"spec:root.readonly spec:process.noNewPrivileges "
			"spec:linux.seccomp spec:linux.uidMappings "
			"spec:linux.gidMappings "
			"spec:process.capabilities.inheritable "
			"spec:linux.maskedPaths spec:linux.readonlyPaths "
			"spec:linux.devices spec:linux.resources.devices");
}
END_TEST

/* The root is writable by its mount alone (a non-root user cannot make
 * the file), and the text says both sides. */
START_TEST(test_root_mount_rw)
{
	struct hp_report r;
	char err[512];

	ck_assert_int_eq(compare("{\"root\":{\"readonly\":true}}",
				 HEADER ROOT_RO MOUNTS("rw"), &r, err,
				 sizeof(err)),
			 0);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.results[0].expected,
			 "the spec asks for a read-only root");
	ck_assert_str_eq(r.results[0].observed,
			 "the container has a writable root (/ is mounted rw)");
	ck_assert_ptr_nonnull(r.results[0].evidence);
	ck_assert_str_eq(r.results[0].controls[0], HP_SPEC_CONTROL);
	hp_report_free(&r);
}
END_TEST

/* Once process.capabilities is given, a set it leaves out is empty. */
START_TEST(test_caps_missing_set_is_empty)
{
	assert_findings("{\"process\":{\"capabilities\":{\"bounding\":["
			"\"CAP_CHOWN\",\"CAP_KILL\"]}}}",
			HEADER CAPS("\"cap_kill\""),
			"spec:process.capabilities.effective "
			"spec:process.capabilities.permitted "
			"spec:process.capabilities.inheritable");
}
END_TEST

/* Fewer capabilities than the spec's (a non-root user's cleared sets)
 * is no disagreement. */
START_TEST(test_caps_fewer_agree)
{
	assert_findings("{\"process\":{\"capabilities\":{\"bounding\":["
			"\"CAP_CHOWN\",\"CAP_KILL\",\"CAP_NET_RAW\"],"
			"\"effective\":[\"CAP_CHOWN\",\"CAP_KILL\","
			"\"CAP_SYS_ADMIN\"],\"permitted\":[\"CAP_CHOWN\","
			"\"CAP_KILL\",\"CAP_SYS_ADMIN\"]}}}",
			HEADER CAPS(""), "");
}
END_TEST

/* A path the spec masks that this kernel lacks, or that the probe does
 * not look at, is no disagreement; a readable one is. */
START_TEST(test_masked_absent_paths)
{
	assert_findings("{\"linux\":{\"maskedPaths\":["
			"\"/sys/devices/virtual/powercap\",\"/proc/kcore\","
			"\"/proc/not-probed\"]}}",
			HEADER MASKED("readable"), "");
	assert_findings("{\"linux\":{\"maskedPaths\":[\"/proc/keys\"]}}",
			HEADER MASKED("readable"), "spec:linux.maskedPaths");
}
END_TEST

/* A probe that errored or skipped leaves its claims uncompared. */
START_TEST(test_no_record_no_finding)
{
	assert_findings(hard_spec,
			HEADER REC(1, "nnp.flag",
				   "{\"outcome\":\"skip\",\"reason\":\"x\"}"),
			"");
}
END_TEST

START_TEST(test_mount_missing_or_rw)
{
	assert_findings("{\"mounts\":[{\"destination\":\"/proc\",\"options\":"
			"[\"ro\"]},{\"destination\":\"/dev/shm\"},"
			"{\"destination\":\"/sys\",\"options\":[\"ro\"]}]}",
			HEADER MOUNTS("ro"), "spec:mounts");
}
END_TEST

/* A claim of the wrong type is bad input, named by its key. */
START_TEST(test_wrong_type)
{
	static const char *const bad[][2] = {
		{ "{\"root\":{\"readonly\":\"yes\"}}", "root.readonly" },
		{ "{\"linux\":{\"maskedPaths\":[1]}}", "linux.maskedPaths[0]" },
		{ "{\"linux\":{\"uidMappings\":[{\"hostID\":1}]}}",
		  "linux.uidMappings[0]" },
		{ "{\"process\":{\"capabilities\":[]}}",
		  "process.capabilities" },
	};
	struct hp_report r;
	char err[512];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(compare(bad[i][0], HARD_STREAM, &r, err,
					 sizeof(err)),
				 -EINVAL);
		ck_assert_msg(strstr(err, bad[i][1]) &&
				      strstr(err, "spec 'config.json'"),
			      "%s", err);
		hp_report_free(&r);
	}
}
END_TEST

START_TEST(test_load_errors)
{
	json_object *o = NULL;
	char err[512];

	ck_assert_int_eq(hp_spec_load("/nonexistent/config.json", &o, err,
				      sizeof(err)),
			 -1);
	ck_assert_ptr_nonnull(strstr(err, "read spec '/nonexistent/"));
	ck_assert_ptr_nonnull(strstr(err, "No such file"));
	ck_assert_int_eq(hp_spec_load(PROFILE_DIR "/child.profile", &o, err,
				      sizeof(err)),
			 -1);
	ck_assert_ptr_nonnull(strstr(err, "child.profile"));
}
END_TEST

Suite *specdiff_suite(void)
{
	Suite *s = suite_create("specdiff");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_hardened_agrees);
	tcase_add_test(tc, test_absent_is_no_claim);
	tcase_add_test(tc, test_every_claim_broken);
	tcase_add_test(tc, test_root_mount_rw);
	tcase_add_test(tc, test_caps_missing_set_is_empty);
	tcase_add_test(tc, test_caps_fewer_agree);
	tcase_add_test(tc, test_masked_absent_paths);
	tcase_add_test(tc, test_no_record_no_finding);
	tcase_add_test(tc, test_mount_missing_or_rw);
	tcase_add_test(tc, test_wrong_type);
	tcase_add_test(tc, test_load_errors);
	suite_add_tcase(s, tc);
	return s;
}
