/* Tests of each check's judge: pass and fail, and malformed data that
 * must give error, never pass.  One row: check, expectation, record data,
 * the status and the observed text wanted. */
#include <string.h>

#include "unit.h"

#define MAP(u, g) "\"uid_map\":[" u "],\"gid_map\":[" g "]"
#define SUB "\"         0     100000      65536\""
#define MI(opts, target, sb) \
	"\"1 0 0:1 / " target " " opts " - tmpfs tmpfs " sb "\""

static const struct row rows[] = {
	/* userns.host-root */
	{ "userns.host-root", "unmapped min-range=65536",
	  "{\"outcome\":\"unmapped\"," MAP(SUB, SUB) "}", HP_PASS,
	  "uid 0 -> host 100000, range 65536" },
	{ "userns.host-root", "unmapped",
	  "{\"outcome\":\"mapped\"," MAP("\"0 0 4294967295\"",
					 "\"0 0 4294967295\"") "}",
	  HP_FAIL, "host root mapped (uid 0 -> 0)" },
	{ "userns.host-root", "unmapped",
	  "{\"outcome\":\"mapped\"," MAP(SUB, "\"0 100000 1\",\"1 0 1\"") "}",
	  HP_FAIL, "host root mapped (gid 1 -> 0)" },
	{ "userns.host-root", "unmapped min-range=65536",
	  "{\"outcome\":\"unmapped\"," MAP("\"0 100000 1000\"",
					   "\"0 100000 1000\"") "}",
	  HP_FAIL, "uid 0 -> host 100000, range 1000" },
	{ "userns.host-root", "unmapped",
	  "{\"outcome\":\"unmapped\"," MAP("\"0 1000 1\"", "\"0 2000 5\"") "}",
	  HP_PASS, "uid 0 -> host 1000, range 1; gid 0 -> host 2000, range 5" },
	{ "userns.host-root", "unmapped",
	  "{\"outcome\":\"unmapped\"," MAP("\"0 0 65536\"", SUB) "}", HP_ERROR,
	  "malformed record: outcome 'unmapped' disagrees with the maps" },
	{ "userns.host-root", "unmapped",
	  "{\"outcome\":\"unmapped\"," MAP("\"0 x 1\"", SUB) "}", HP_ERROR,
	  "malformed record: 'uid_map' line 1 is not 'ID HOST-ID LENGTH'" },
	{ "userns.host-root", "unmapped",
	  "{\"outcome\":\"unmapped\",\"uid_map\":[" SUB "]}", HP_ERROR,
	  "malformed record: 'gid_map' missing or not an array" },
	/* userns.map-root */
	{ "userns.map-root", "denied",
	  "{\"outcome\":\"denied\",\"reached\":\"none\","
	  "\"errors\":{\"unshare\":\"EPERM\"}}",
	  HP_PASS, "denied (unshare: EPERM)" },
	{ "userns.map-root", "denied",
	  "{\"outcome\":\"allowed\",\"reached\":\"use\",\"errors\":{}}",
	  HP_FAIL, "allowed (reached use)" },
	{ "userns.map-root", "allowed",
	  "{\"outcome\":\"allowed\",\"reached\":\"map\"}", HP_PASS,
	  "allowed (reached map)" },
	{ "userns.map-root", "denied", "{\"outcome\":\"denied\"}", HP_ERROR,
	  "malformed record: 'reached' missing or not a string" },
	{ "userns.map-root", "denied",
	  "{\"outcome\":\"denied\",\"reached\":\"far\"}", HP_ERROR,
	  "malformed record: unknown stage 'far' in 'reached'" },
	{ "userns.map-root", "denied",
	  "{\"outcome\":\"maybe\",\"reached\":\"none\"}", HP_ERROR,
	  "malformed record: unknown outcome 'maybe'" },
	/* fs.etc-passwd-write */
	{ "fs.etc-passwd-write", "denied",
	  "{\"outcome\":\"denied\",\"errno\":\"EROFS\","
	  "\"layer\":\"read-only mount\"}",
	  HP_PASS, "denied (EROFS, read-only mount)" },
	{ "fs.etc-passwd-write", "denied",
	  "{\"outcome\":\"allowed\",\"errno\":null,\"layer\":null}", HP_FAIL,
	  "allowed (open for writing succeeded)" },
	{ "fs.etc-passwd-write", "denied",
	  "{\"outcome\":\"absent\",\"errno\":\"ENOENT\"}", HP_ERROR,
	  "/etc/passwd is absent: nothing to test" },
	{ "fs.etc-passwd-write", "denied",
	  "{\"outcome\":\"denied\",\"errno\":13}", HP_ERROR,
	  "malformed record: 'errno' is not a string" },
	/* fs.rootfs-write */
	{ "fs.rootfs-write", "denied",
	  "{\"outcome\":\"denied\",\"paths\":[{\"path\":\"/\","
	  "\"result\":\"denied\",\"errno\":\"EROFS\"},{\"path\":\"/bin\","
	  "\"result\":\"absent\",\"errno\":null}]}",
	  HP_PASS, "denied (/ EROFS, /bin absent)" },
	{ "fs.rootfs-write", "denied",
	  "{\"outcome\":\"allowed\",\"paths\":[{\"path\":\"/\","
	  "\"result\":\"denied\",\"errno\":\"EACCES\"},{\"path\":\"/usr\","
	  "\"result\":\"allowed\",\"errno\":null}]}",
	  HP_FAIL, "allowed (/usr allowed)" },
	{ "fs.rootfs-write", "denied",
	  "{\"outcome\":\"denied\",\"paths\":[{\"path\":\"/\","
	  "\"result\":\"allowed\"}]}",
	  HP_ERROR, "malformed record: outcome disagrees with the paths" },
	{ "fs.rootfs-write", "denied", "{\"outcome\":\"denied\",\"paths\":[]}",
	  HP_ERROR, "malformed record: no paths" },
	{ "fs.rootfs-write", "denied",
	  "{\"outcome\":\"denied\",\"paths\":[{\"path\":\"/\"}]}", HP_ERROR,
	  "malformed record: 'result' missing or not a string" },
	/* mounts.writable */
	{ "mounts.writable", "only /dev /dev/*",
	  "{\"outcome\":\"observed\",\"mountinfo\":[" MI(
		  "ro,relatime", "/",
		  "rw") "," MI("rw,nosuid", "/dev",
			       "rw") "," MI("rw", "/dev/shm",
					    "rw") "," MI("rw", "/data",
							 "ro") "]}",
	  HP_PASS, "2 writable mounts, all listed" },
	{ "mounts.writable", "only /dev /dev/*",
	  "{\"outcome\":\"observed\",\"mountinfo\":[" MI(
		  "rw,relatime", "/",
		  "rw") "," MI("rw", "/dev/pts/x",
			       "rw") "," MI("rw", "/my\\\\040data", "rw") "]}",
	  HP_FAIL, "writable: /, /dev/pts/x, /my data" },
	{ "mounts.writable", "only",
	  "{\"outcome\":\"observed\",\"mountinfo\":[" MI("ro", "/", "rw") "]}",
	  HP_PASS, "0 writable mounts, all listed" },
	{ "mounts.writable", "only /",
	  "{\"outcome\":\"observed\",\"mountinfo\":[" MI("rw", "/",
							 "rw") ",\"garbage\"]}",
	  HP_ERROR,
	  "malformed record: 'mountinfo' line 2 is not a mountinfo "
	  "line" },
	{ "mounts.writable", "only /",
	  "{\"outcome\":\"observed\",\"mountinfo\":[\"/dev/sda1 / ext4 rw 0 "
	  "0\"]}",
	  HP_ERROR,
	  "malformed record: 'mountinfo' is not in mountinfo "
	  "format" },
	{ "mounts.writable", "only /",
	  "{\"outcome\":\"observed\",\"mountinfo\":[]}", HP_ERROR,
	  "malformed record: 'mountinfo' is empty" },
	{ "mounts.writable", "only /",
	  "{\"outcome\":\"observed\",\"mountinfo\":[7]}", HP_ERROR,
	  "malformed record: 'mountinfo' line 1 is not a one-line string" },
	/* caps.sets */
	{ "caps.sets", "only CAP_NET_BIND_SERVICE",
	  "{\"outcome\":\"observed\",\"effective\":[],\"permitted\":[],"
	  "\"inheritable\":[],\"bounding\":[\"cap_net_bind_service\"],"
	  "\"ambient\":[]}",
	  HP_PASS, "holds cap_net_bind_service" },
	{ "caps.sets", "only",
	  "{\"outcome\":\"observed\",\"effective\":[],\"permitted\":[],"
	  "\"inheritable\":[],\"bounding\":[],\"ambient\":[]}",
	  HP_PASS, "holds no capabilities" },
	{ "caps.sets", "only cap_chown",
	  "{\"outcome\":\"observed\",\"effective\":[\"cap_chown\"],"
	  "\"permitted\":[],\"inheritable\":[\"cap_sys_admin\"],"
	  "\"bounding\":[\"cap_net_raw\"],\"ambient\":[\"40\"]}",
	  HP_FAIL,
	  "extra: cap_net_raw, cap_sys_admin, cap_checkpoint_restore" },
	{ "caps.sets", "only",
	  "{\"outcome\":\"observed\",\"effective\":[\"cap_bogus\"],"
	  "\"permitted\":[],\"inheritable\":[],\"bounding\":[],\"ambient\":[]}",
	  HP_ERROR,
	  "malformed record: 'effective' holds an unknown "
	  "capability 'cap_bogus'" },
	{ "caps.sets", "only",
	  "{\"outcome\":\"observed\",\"effective\":[],\"permitted\":[],"
	  "\"inheritable\":[],\"bounding\":[]}",
	  HP_ERROR, "malformed record: 'ambient' missing or not an array" },
	/* caps.raise */
	{ "caps.raise", "denied",
	  "{\"outcome\":\"denied\",\"raised\":[],\"errors\":{\"effective\":"
	  "\"EPERM\",\"inheritable\":\"EPERM\",\"ambient\":\"EPERM\"}}",
	  HP_PASS,
	  "denied (effective EPERM, inheritable EPERM, ambient "
	  "EPERM)" },
	{ "caps.raise", "denied",
	  "{\"outcome\":\"allowed\",\"raised\":[{\"cap\":\"cap_sys_admin\","
	  "\"set\":\"inheritable\"}],\"errors\":{}}",
	  HP_FAIL, "allowed (cap_sys_admin to inheritable)" },
	{ "caps.raise", "denied", "{\"outcome\":\"allowed\",\"raised\":[]}",
	  HP_ERROR, "malformed record: outcome disagrees with 'raised'" },
	{ "caps.raise", "denied",
	  "{\"outcome\":\"allowed\",\"raised\":[{\"set\":\"ambient\"}]}",
	  HP_ERROR, "malformed record: 'cap' missing or not a string" },
	/* nnp.flag */
	{ "nnp.flag", "set", "{\"outcome\":\"set\",\"no_new_privs\":1}",
	  HP_PASS, "set (NoNewPrivs 1)" },
	{ "nnp.flag", "set", "{\"outcome\":\"clear\",\"no_new_privs\":0}",
	  HP_FAIL, "clear (NoNewPrivs 0)" },
	{ "nnp.flag", "clear", "{\"outcome\":\"clear\",\"no_new_privs\":0}",
	  HP_PASS, "clear (NoNewPrivs 0)" },
	{ "nnp.flag", "set", "{\"outcome\":\"set\",\"no_new_privs\":0}",
	  HP_ERROR,
	  "malformed record: outcome 'set' disagrees with "
	  "no_new_privs 0" },
	{ "nnp.flag", "set", "{\"outcome\":\"set\",\"no_new_privs\":\"1\"}",
	  HP_ERROR, "malformed record: 'no_new_privs' missing or not an int" },
	/* nnp.setuid-escalation */
	{ "nnp.setuid-escalation", "denied",
	  "{\"outcome\":\"denied\",\"helper_output\":\"ruid=65534 "
	  "euid=65534\\n\",\"layer\":\"no_new_privs\"}",
	  HP_PASS, "denied (helper euid 65534, no_new_privs)" },
	{ "nnp.setuid-escalation", "denied",
	  "{\"outcome\":\"allowed\",\"helper_output\":\"ruid=65534 euid=0\","
	  "\"layer\":null}",
	  HP_FAIL, "allowed (helper euid 0)" },
	{ "nnp.setuid-escalation", "denied",
	  "{\"outcome\":\"denied\",\"helper_output\":null,"
	  "\"layer\":\"nosuid mount\"}",
	  HP_PASS, "denied (helper gave no output, nosuid mount)" },
	{ "nnp.setuid-escalation", "denied",
	  "{\"outcome\":\"denied\",\"helper_output\":\"ruid=65534 euid=0\"}",
	  HP_ERROR,
	  "malformed record: outcome 'denied' disagrees with "
	  "'helper_output'" },
	{ "nnp.setuid-escalation", "denied",
	  "{\"outcome\":\"denied\",\"helper_output\":\"hello\"}", HP_ERROR,
	  "malformed record: 'helper_output' is not 'ruid=N euid=N'" },
	/* seccomp.mode */
	{ "seccomp.mode", "filter",
	  "{\"outcome\":\"filter\",\"mode\":2,\"filters\":3}", HP_PASS,
	  "filter (3 filters)" },
	{ "seccomp.mode", "filter", "{\"outcome\":\"disabled\",\"mode\":0}",
	  HP_FAIL, "disabled" },
	{ "seccomp.mode", "filter", "{\"outcome\":\"filter\",\"mode\":0}",
	  HP_ERROR,
	  "malformed record: outcome 'filter' disagrees with "
	  "mode 0" },
	{ "seccomp.mode", "filter", "{\"outcome\":\"filter\"}", HP_ERROR,
	  "malformed record: 'mode' missing or not an int" },
	/* seccomp.dangerous-syscalls */
	{ "seccomp.dangerous-syscalls", "blocked",
	  "{\"outcome\":\"denied\",\"calls\":[{\"name\":\"unshare\","
	  "\"result\":\"blocked\",\"layer\":\"seccomp\"},{\"name\":"
	  "\"bpf\",\"result\":\"absent\"}]}",
	  HP_PASS, "2 calls blocked or absent (seccomp: 1; absent: 1)" },
	{ "seccomp.dangerous-syscalls", "blocked",
	  "{\"outcome\":\"allowed\",\"calls\":[{\"name\":\"unshare\","
	  "\"result\":\"reachable\"},{\"name\":\"mount\",\"result\":"
	  "\"blocked\"},{\"name\":\"bpf\",\"result\":\"reachable\"}]}",
	  HP_FAIL, "reachable: unshare, bpf" },
	{ "seccomp.dangerous-syscalls", "blocked mount",
	  "{\"outcome\":\"allowed\",\"calls\":[{\"name\":\"unshare\","
	  "\"result\":\"reachable\"},{\"name\":\"mount\",\"result\":"
	  "\"blocked\",\"layer\":\"seccomp\"}]}",
	  HP_PASS, "1 call blocked or absent (seccomp: 1)" },
	{ "seccomp.dangerous-syscalls", "blocked unshare mount",
	  "{\"outcome\":\"allowed\",\"calls\":[{\"name\":\"unshare\","
	  "\"result\":\"reachable\"},{\"name\":\"mount\",\"result\":"
	  "\"blocked\"}]}",
	  HP_FAIL, "reachable: unshare" },
	{ "seccomp.dangerous-syscalls", "blocked kexec_load",
	  "{\"outcome\":\"denied\",\"calls\":[{\"name\":\"mount\","
	  "\"result\":\"blocked\"}]}",
	  HP_ERROR, "kexec_load was not probed" },
	{ "seccomp.dangerous-syscalls", "blocked",
	  "{\"outcome\":\"denied\",\"calls\":[{\"name\":\"mount\","
	  "\"result\":\"reachable\"}]}",
	  HP_ERROR, "malformed record: outcome disagrees with the calls" },
	{ "seccomp.dangerous-syscalls", "blocked",
	  "{\"outcome\":\"denied\",\"calls\":[{\"name\":\"mount\","
	  "\"result\":\"maybe\"}]}",
	  HP_ERROR, "malformed record: unknown result 'maybe' for mount" },
	{ "seccomp.dangerous-syscalls", "blocked",
	  "{\"outcome\":\"denied\",\"calls\":[]}", HP_ERROR,
	  "malformed record: no calls" },
	/* user.identity */
	{ "user.identity", "non-root",
	  "{\"outcome\":\"non-root\",\"uid\":65534,\"euid\":65534,"
	  "\"gid\":65534}",
	  HP_PASS, "non-root (uid 65534, euid 65534, gid 65534)" },
	{ "user.identity", "non-root",
	  "{\"outcome\":\"non-root\",\"uid\":1000,\"euid\":0,\"gid\":0}",
	  HP_FAIL, "root (uid 1000, euid 0, gid 0)" },
	{ "user.identity", "root",
	  "{\"outcome\":\"root\",\"uid\":0,\"euid\":0,\"gid\":0}", HP_PASS,
	  "root (uid 0, euid 0, gid 0)" },
	{ "user.identity", "non-root",
	  "{\"outcome\":\"non-root\",\"uid\":1000,\"gid\":0}", HP_ERROR,
	  "malformed record: 'euid' missing or not an int" },
};

START_TEST(test_row)
{
	assert_row(&rows[_i], true);
}
END_TEST

START_TEST(test_expected_text)
{
	static const struct {
		const char *id, *expect, *text;
	} cases[] = {
		{ "userns.host-root", "unmapped min-range=65536",
		  "unmapped, range >= 65536" },
		{ "userns.host-root", "unmapped", "unmapped" },
		{ "mounts.writable", "only /dev /tmp", "only /dev /tmp" },
		{ "mounts.writable", "only", "nothing writable" },
		{ "caps.sets", "only CAP_KILL cap_chown",
		  "only cap_chown, cap_kill" },
		{ "caps.sets", "only", "only no capabilities" },
		{ "seccomp.dangerous-syscalls", "blocked",
		  "blocked (all probed)" },
		{ "seccomp.dangerous-syscalls", "blocked mount bpf",
		  "blocked: mount bpf" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hp_result r = judge_record(cases[i].id, cases[i].expect,
						  "\"status\":\"error\","
						  "\"error\":{}");

		ck_assert_str_eq(r.expected, cases[i].text);
		ck_assert_str_eq(r.observed, "probe failed (unknown)");
		result_free(&r);
	}
}
END_TEST

Suite *checks_suite(void)
{
	Suite *s = suite_create("checks");
	TCase *tc = tcase_create("checks");

	tcase_add_loop_test(tc, test_row, 0, sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, test_expected_text);
	suite_add_tcase(s, tc);
	return s;
}
