/* Tests of the capability checks: the cap.* action checks both ways and
 * when their records are malformed, caps.sets with empty inheritable and
 * ambient sets, and user.identity's primary-group option. */
#include <string.h>

#include "unit.h"

#include "../../harness/tokens.h"

#define CAP(outcome, err, sig, layer)                                      \
	"{\"outcome\":\"" outcome "\",\"capability\":\"cap_sys_admin\","   \
	"\"also_granted_by\":null,\"action\":\"mount\",\"errno\":" err "," \
	"\"signal\":" sig ",\"held\":false,\"seccomp_mode\":2,"            \
	"\"layer\":" layer "}"
#define SETS(inh, amb)                                                 \
	"{\"outcome\":\"observed\",\"effective\":[],\"permitted\":[]," \
	"\"inheritable\":[" inh "],\"bounding\":[\"cap_chown\"],"      \
	"\"ambient\":[" amb "]}"
#define ID(gid, groups)                                                     \
	"{\"outcome\":\"non-root\",\"uid\":1000,\"euid\":1000,\"gid\":" gid \
	",\"groups\":[" groups "]}"

static const struct row rows[] = {
	{ "cap.sys-admin", "denied",
	  CAP("denied", "\"EPERM\"", "null", "\"seccomp or capability\""),
	  HP_PASS, "denied (cap_sys_admin: EPERM, seccomp or capability)" },
	{ "cap.sys-admin", "denied",
	  CAP("denied", "null", "\"SIGSYS\"", "\"seccomp\""), HP_PASS,
	  "denied (cap_sys_admin: SIGSYS, seccomp)" },
	{ "cap.sys-admin", "denied", CAP("allowed", "null", "null", "null"),
	  HP_FAIL, "allowed (cap_sys_admin: the action succeeded)" },
	{ "cap.sys-admin", "denied",
	  CAP("allowed", "\"EINVAL\"", "null", "null"), HP_FAIL,
	  "allowed (cap_sys_admin: EINVAL after the capability check)" },
	{ "cap.sys-admin", "allowed", CAP("allowed", "null", "null", "null"),
	  HP_PASS, "allowed (cap_sys_admin: the action succeeded)" },
	{ "cap.sys-admin", "allowed",
	  CAP("denied", "\"EPERM\"", "null", "\"capability\""), HP_FAIL,
	  "denied (cap_sys_admin: EPERM, capability)" },
	{ "cap.sys-admin", "denied",
	  "{\"outcome\":\"skip\",\"reason\":\"not in this kernel\"}", HP_SKIP,
	  "not in this kernel" },
	{ "cap.sys-module", "denied",
	  "{\"outcome\":\"absent\",\"capability\":\"cap_sys_module\","
	  "\"reason\":\"no modules\"}",
	  HP_PASS, "absent (cap_sys_module: no modules)" },
	{ "cap.sys-module", "allowed",
	  "{\"outcome\":\"absent\",\"capability\":\"cap_sys_module\","
	  "\"reason\":\"no modules\"}",
	  HP_FAIL, "absent (cap_sys_module: no modules)" },
	{ "cap.sys-admin", "denied", CAP("denied", "null", "null", "null"),
	  HP_ERROR, "malformed record: denied without an errno or a signal" },
	{ "cap.sys-admin", "denied",
	  CAP("allowed", "null", "\"SIGSYS\"", "null"), HP_ERROR,
	  "malformed record: allowed, but killed by SIGSYS" },
	{ "cap.sys-admin", "denied", CAP("denied", "1", "null", "null"),
	  HP_ERROR, "malformed record: 'errno' is not a string" },
	{ "cap.sys-admin", "denied", "{\"outcome\":\"denied\"}", HP_ERROR,
	  "malformed record: 'capability' missing or not a string" },
	{ "cap.sys-admin", "denied", CAP("maybe", "null", "null", "null"),
	  HP_ERROR, "malformed record: unknown outcome 'maybe'" },
	/* caps.sets with sets that must be empty */
	{ "caps.sets", "only CAP_CHOWN inheritable=none ambient=none",
	  SETS("", ""), HP_PASS, "holds cap_chown" },
	{ "caps.sets", "only CAP_CHOWN inheritable=none ambient=none",
	  SETS("\"cap_chown\"", ""), HP_FAIL,
	  "inheritable not empty: cap_chown" },
	{ "caps.sets", "only CAP_CHOWN", SETS("\"cap_chown\"", ""), HP_PASS,
	  "holds cap_chown" },
	{ "caps.sets", "only CAP_CHOWN ambient=none",
	  SETS("\"cap_chown\"", "\"cap_chown\""), HP_FAIL,
	  "ambient not empty: cap_chown" },
	{ "caps.sets", "only inheritable=none",
	  SETS("\"cap_kill\",\"cap_chown\"", ""), HP_FAIL,
	  "extra: cap_chown, cap_kill; inheritable not empty: cap_chown, "
	  "cap_kill" },
	/* user.identity with the primary group option */
	{ "user.identity", "non-root primary-group=in-groups",
	  ID("1000", "10,1000"), HP_PASS,
	  "non-root (uid 1000, euid 1000, gid 1000)" },
	{ "user.identity", "non-root primary-group=in-groups", ID("1000", "10"),
	  HP_FAIL,
	  "non-root (uid 1000, euid 1000, gid 1000); primary group not in the "
	  "supplementary groups" },
	{ "user.identity", "non-root", ID("1000", "10"), HP_PASS,
	  "non-root (uid 1000, euid 1000, gid 1000)" },
	{ "user.identity", "non-root primary-group=in-groups",
	  ID("1000", "\"10\""), HP_ERROR,
	  "malformed record: 'groups' holds a value that is not an int" },
	{ "user.identity", "non-root primary-group=in-groups",
	  "{\"outcome\":\"non-root\",\"uid\":1,\"euid\":1,\"gid\":1}", HP_ERROR,
	  "malformed record: 'groups' missing or not an array" },
};

START_TEST(test_row)
{
	assert_row(&rows[_i], false);
}
END_TEST

/* The reason a parse function gives for line, or "" when it accepts. */
static void parse(const char *id, const char *line, char *err, size_t len)
{
	struct hp_expect e = { .check = (char *)id };
	struct hp_tokens t;

	ck_assert_int_eq(hp_tokenize(line, &t, err, len), 0);
	e.args = t.v;
	e.nargs = t.n;
	err[0] = '\0';
	hp_check_find(id)->parse(&e, err, len);
	hp_tokens_free(&t);
}

START_TEST(test_parse)
{
	static const struct {
		const char *id, *line, *err;
	} cases[] = {
		{ "cap.bpf", "denied", "" },
		{ "cap.mknod", "allowed", "" },
		{ "cap.mknod", "blocked",
		  "unknown expectation 'blocked' (want denied or allowed)" },
		{ "cap.chown", "denied now", "'denied' takes no arguments" },
		{ "caps.sets", "only CAP_KILL inheritable=none ambient=none",
		  "" },
		{ "caps.sets", "only inheritable=some",
		  "unknown option 'inheritable=some' (want inheritable=none "
		  "or ambient=none)" },
		{ "caps.sets", "only effective=none",
		  "unknown option 'effective=none' (want inheritable=none or "
		  "ambient=none)" },
		{ "user.identity", "non-root primary-group=in-groups", "" },
		{ "user.identity", "root primary-group=in-groups", "" },
		{ "user.identity", "non-root groups",
		  "unknown option 'groups' (want primary-group=in-groups)" },
		{ "user.identity", "nobody primary-group=in-groups",
		  "unknown expectation 'nobody' (want non-root or root)" },
	};
	char err[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		parse(cases[i].id, cases[i].line, err, sizeof(err));
		ck_assert_str_eq(err, cases[i].err);
	}
}
END_TEST

START_TEST(test_expected_text)
{
	struct hp_result r = judge_data("caps.sets",
					"only CAP_KILL inheritable=none "
					"ambient=none",
					SETS("", ""));

	ck_assert_str_eq(r.expected,
			 "only cap_kill; inheritable empty; ambient empty");
	result_free(&r);
	r = judge_data("user.identity", "non-root primary-group=in-groups",
		       ID("1", "1"));
	ck_assert_str_eq(r.expected, "non-root, primary group in the groups");
	result_free(&r);
}
END_TEST

Suite *capchecks_suite(void)
{
	Suite *s = suite_create("capchecks");
	TCase *tc = tcase_create("capchecks");

	tcase_add_loop_test(tc, test_row, 0, sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_expected_text);
	suite_add_tcase(s, tc);
	return s;
}
