/* Tests of the seccomp judges beyond the rows of test-checks.c: the layer
 * of each blocked call (seccomp, capability, killed, inconclusive), call
 * variants, and the 32-bit entry, each both ways. */
#include <string.h>

#include "unit.h"

#define DS "seccomp.dangerous-syscalls"
#define IA "seccomp.ia32-entry"
#define CALL(name, result, rest) \
	"{\"name\":\"" name "\",\"result\":\"" result "\"" rest "}"
#define CALLS(outcome, calls) \
	"{\"outcome\":\"" outcome "\",\"seccomp_mode\":2,\"calls\":[" calls "]}"
#define BLOCKED(name, layer) \
	CALL(name, "blocked", ",\"errno\":\"EPERM\",\"layer\":\"" layer "\"")
#define KILLED(name)                                  \
	CALL(name, "blocked",                         \
	     ",\"errno\":null,\"signal\":\"SIGSYS\"," \
	     "\"layer\":\"seccomp\"")
#define VSOCK ",\"variant\":\"AF_VSOCK\""
#define ALG ",\"variant\":\"AF_ALG\""

static const struct row rows[] = {
	/* no filter: the kernel's own capability check blocks, and passes */
	{ DS, "blocked", CALLS("denied", BLOCKED("reboot", "capability")),
	  HP_PASS, "1 call blocked or absent (capability: 1)" },
	/* a filter and a capability checked first: blocked, layer unknown */
	{ DS, "blocked",
	  CALLS("denied",
		BLOCKED("reboot", "seccomp or capability") "," BLOCKED(
			"mount",
			"seccomp") "," BLOCKED("acct",
					       "seccomp or capability")),
	  HP_PASS,
	  "3 calls blocked or absent (seccomp: 1; layer inconclusive: "
	  "reboot, acct)" },
	/* a filter that kills: blocked, and counted apart */
	{ DS, "blocked",
	  CALLS("denied",
		KILLED("bpf") "," BLOCKED("mount", "seccomp") "," CALL(
			"kexec_load", "absent",
			",\"layer\":"
			"\"kernel\"")),
	  HP_PASS,
	  "3 calls blocked or absent (seccomp: 2, killed by SIGSYS: 1; "
	  "absent: 1)" },
	/* killed by another signal: blocked, layer unknown */
	{ DS, "blocked",
	  CALLS("denied", CALL("bpf", "blocked",
			       ",\"signal\":\"SIGKILL\",\"layer\":null")),
	  HP_PASS, "1 call blocked or absent (layer inconclusive: bpf)" },
	/* variants are named in the reachable list */
	{ DS, "blocked",
	  CALLS("allowed", CALL("socket", "reachable",
				VSOCK) "," CALL("socket", "blocked",
						ALG ",\"layer\":\"seccomp\"")),
	  HP_FAIL, "reachable: socket(AF_VSOCK)" },
	/* a profile may ask about one variant, or about every one */
	{ DS, "blocked socket(AF_ALG)",
	  CALLS("allowed", CALL("socket", "reachable",
				VSOCK) "," CALL("socket", "blocked",
						ALG ",\"layer\":\"seccomp\"")),
	  HP_PASS, "1 call blocked or absent (seccomp: 1)" },
	{ DS, "blocked socket",
	  CALLS("allowed", CALL("socket", "reachable",
				VSOCK) "," CALL("socket", "reachable", ALG)),
	  HP_FAIL, "reachable: socket(AF_VSOCK), socket(AF_ALG)" },
	{ DS, "blocked socket(AF_PACKET)",
	  CALLS("allowed", CALL("socket", "reachable", VSOCK)), HP_ERROR,
	  "socket(AF_PACKET) was not probed" },
	/* the 32-bit entry */
	{ IA, "blocked",
	  "{\"outcome\":\"denied\",\"errno\":null,\"signal\":\"SIGSYS\","
	  "\"layer\":\"seccomp\"}",
	  HP_PASS, "blocked (SIGSYS, seccomp)" },
	{ IA, "blocked",
	  "{\"outcome\":\"denied\",\"errno\":\"ENOSYS\",\"signal\":null,"
	  "\"layer\":\"seccomp or kernel\"}",
	  HP_PASS, "blocked (ENOSYS, seccomp or kernel)" },
	{ IA, "blocked",
	  "{\"outcome\":\"denied\",\"errno\":null,\"signal\":\"SIGKILL\","
	  "\"layer\":null}",
	  HP_PASS, "blocked (SIGKILL, layer inconclusive)" },
	{ IA, "blocked",
	  "{\"outcome\":\"absent\",\"errno\":null,\"signal\":\"SIGSEGV\","
	  "\"layer\":\"kernel\"}",
	  HP_PASS, "absent (SIGSEGV: no ia32 emulation)" },
	{ IA, "blocked",
	  "{\"outcome\":\"allowed\",\"errno\":null,\"signal\":null,"
	  "\"layer\":null}",
	  HP_FAIL, "allowed (the i386 getpid returned the pid)" },
	{ IA, "allowed", "{\"outcome\":\"allowed\"}", HP_PASS,
	  "allowed (the i386 getpid returned the pid)" },
	{ IA, "allowed",
	  "{\"outcome\":\"denied\",\"errno\":\"EPERM\",\"layer\":"
	  "\"seccomp\"}",
	  HP_FAIL, "blocked (EPERM, seccomp)" },
	{ IA, "blocked", "{\"outcome\":\"denied\",\"errno\":null}", HP_ERROR,
	  "malformed record: outcome 'denied' without an errno or a "
	  "signal" },
	{ IA, "blocked", "{\"outcome\":\"maybe\"}", HP_ERROR,
	  "malformed record: unknown outcome 'maybe'" },
	{ IA, "blocked",
	  "{\"outcome\":\"skip\",\"reason\":\"no 32-bit x86 system call "
	  "gate on this architecture\"}",
	  HP_SKIP, "no 32-bit x86 system call gate on this architecture" },
};

START_TEST(test_row)
{
	assert_row(&rows[_i], false);
}
END_TEST

static int parse(const char *id, const char *const *args, size_t n)
{
	struct hp_expect e = { .check = (char *)id,
			       .args = (char **)args,
			       .nargs = n };
	char err[256];

	return hp_check_find(id)->parse(&e, err, sizeof(err));
}

START_TEST(test_parse)
{
	static const char *const good[] = { "blocked", "socket(AF_VSOCK)",
					    "clone", "_sysctl" };
	static const char *const bad[][2] = {
		{ "blocked", "socket(af_vsock)" }, { "blocked", "socket(" },
		{ "blocked", "socket()" },	   { "blocked", "(AF_ALG)" },
		{ "blocked", "socket(AF_ALG)x" },
	};
	static const char *const ia32[][1] = { { "blocked" },
					       { "allowed" },
					       { "denied" } };

	ck_assert_int_eq(parse(DS, good, 4), 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(parse(DS, bad[i], 2) == -1, "%s accepted",
			      bad[i][1]);
	ck_assert_int_eq(parse(IA, ia32[0], 1), 0);
	ck_assert_int_eq(parse(IA, ia32[1], 1), 0);
	ck_assert_int_eq(parse(IA, ia32[2], 1), -1);
}
END_TEST

Suite *seccomp_suite(void)
{
	Suite *s = suite_create("seccomp");
	TCase *tc = tcase_create("judges");

	tcase_add_loop_test(tc, test_row, 0, sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, test_parse);
	suite_add_tcase(s, tc);
	return s;
}
