/* Tests of the file-system and kernel-interface checks' judges: each
 * both ways, and malformed records that must give error, never pass.
 * One row: check, expectation, record data, status and observed text. */
#include <string.h>

#include "unit.h"

#define P(path, state, shape) \
	"{\"path\":\"" path "\",\"state\":\"" state "\",\"shape\":" shape "}"
#define OPEN(path, result, err) \
	"{\"path\":\"" path "\",\"result\":\"" result "\",\"errno\":" err "}"
#define MI(root, target, type) \
	"\"1 0 0:1 " root " " target " rw - " type " src rw\""
#define MOUNTS(lines) "{\"outcome\":\"observed\",\"mountinfo\":[" lines "]}"

static const struct row rows[] = {
	/* proc.masked-paths */
	{ "proc.masked-paths", "masked",
	  "{\"outcome\":\"masked\",\"paths\":[" P(
		  "/proc/keys", "masked",
		  "\"dev-null\"") "," P("/proc/acpi", "masked",
					"\"empty-"
					"tmpfs\"") "," P("/proc/kcore",
							 "absent", "null") "]}",
	  HP_PASS,
	  "masked (/proc/keys masked dev-null, /proc/acpi masked "
	  "empty-tmpfs, /proc/kcore absent)" },
	{ "proc.masked-paths", "masked",
	  "{\"outcome\":\"unmasked\",\"paths\":[" P(
		  "/proc/keys", "readable",
		  "null") "," P("/proc/acpi", "masked", "\"denied\"") "]}",
	  HP_FAIL, "unmasked (/proc/keys readable)" },
	{ "proc.masked-paths", "masked /proc/acpi",
	  "{\"outcome\":\"unmasked\",\"paths\":[" P(
		  "/proc/keys", "readable",
		  "null") "," P("/proc/acpi", "masked", "\"denied\"") "]}",
	  HP_PASS, "masked (/proc/acpi masked denied)" },
	{ "proc.masked-paths", "masked /proc/nope",
	  "{\"outcome\":\"masked\",\"paths\":[" P("/proc/keys", "masked",
						  "\"dev-null\"") "]}",
	  HP_ERROR, "/proc/nope was not probed" },
	{ "proc.masked-paths", "masked",
	  "{\"outcome\":\"masked\",\"paths\":[" P("/proc/keys", "readable",
						  "null") "]}",
	  HP_ERROR, "malformed record: outcome disagrees with the paths" },
	{ "proc.masked-paths", "masked",
	  "{\"outcome\":\"masked\",\"paths\":[" P("/proc/keys", "hidden",
						  "null") "]}",
	  HP_ERROR, "malformed record: unknown state 'hidden' for /proc/keys" },
	{ "proc.masked-paths", "masked",
	  "{\"outcome\":\"masked\",\"paths\":[]}", HP_ERROR,
	  "malformed record: no paths" },
	/* proc.readonly-paths */
	{ "proc.readonly-paths", "read-only",
	  "{\"outcome\":\"read-only\",\"paths\":[{\"path\":\"/proc/sys\","
	  "\"state\":\"read-only\",\"errno\":\"EROFS\"},{\"path\":"
	  "\"/proc/sysrq-trigger\",\"state\":\"absent\",\"errno\":"
	  "\"ENOENT\"}]}",
	  HP_PASS,
	  "read-only (/proc/sys read-only EROFS, /proc/sysrq-trigger absent "
	  "ENOENT)" },
	{ "proc.readonly-paths", "read-only",
	  "{\"outcome\":\"writable\",\"paths\":[{\"path\":\"/proc/sys\","
	  "\"state\":\"writable\",\"errno\":null},{\"path\":\"/sys\","
	  "\"state\":\"denied\",\"errno\":\"EACCES\"}]}",
	  HP_FAIL, "writable (/proc/sys writable)" },
	{ "proc.readonly-paths", "read-only",
	  "{\"outcome\":\"read-only\",\"paths\":[{\"path\":\"/proc/sys\"}]}",
	  HP_ERROR, "malformed record: 'state' missing or not a string" },
	/* kernel.core-pattern */
	{ "kernel.core-pattern", "denied",
	  "{\"outcome\":\"denied\",\"paths\":[" OPEN(
		  "/proc/sys/kernel/core_pattern", "denied", "\"EROFS\"") "]}",
	  HP_PASS, "denied (/proc/sys/kernel/core_pattern denied EROFS)" },
	{ "kernel.core-pattern", "denied",
	  "{\"outcome\":\"allowed\",\"paths\":[" OPEN(
		  "/proc/sys/kernel/core_pattern", "allowed", "null") "]}",
	  HP_FAIL, "allowed (/proc/sys/kernel/core_pattern allowed)" },
	{ "kernel.core-pattern", "allowed",
	  "{\"outcome\":\"allowed\",\"paths\":[" OPEN(
		  "/proc/sys/kernel/core_pattern", "allowed", "null") "]}",
	  HP_PASS, "allowed (/proc/sys/kernel/core_pattern allowed)" },
	{ "kernel.core-pattern", "denied",
	  "{\"outcome\":\"denied\",\"paths\":[" OPEN(
		  "/proc/sys/kernel/core_pattern", "allowed", "null") "]}",
	  HP_ERROR, "malformed record: outcome disagrees with the paths" },
	/* kernel.sysrq */
	{ "kernel.sysrq", "denied",
	  "{\"outcome\":\"denied\",\"paths\":[" OPEN(
		  "/proc/sysrq-trigger", "absent",
		  "\"ENOENT\"") "," OPEN("/proc/sys/kernel/sysrq", "denied",
					 "\"EROFS\"") "]}",
	  HP_PASS,
	  "denied (/proc/sysrq-trigger absent ENOENT, /proc/sys/kernel/sysrq "
	  "denied EROFS)" },
	{ "kernel.sysrq", "denied",
	  "{\"outcome\":\"allowed\",\"paths\":[" OPEN(
		  "/proc/sysrq-trigger", "allowed",
		  "null") "," OPEN("/proc/sys/kernel/sysrq", "allowed",
				   "null") "]}",
	  HP_FAIL,
	  "allowed (/proc/sysrq-trigger allowed, /proc/sys/kernel/sysrq "
	  "allowed)" },
	{ "kernel.sysrq", "denied", "{\"outcome\":\"maybe\",\"paths\":[]}",
	  HP_ERROR, "malformed record: unknown outcome 'maybe'" },
	/* cgroup.writable */
	{ "cgroup.writable", "read-only",
	  "{\"outcome\":\"read-only\",\"mounts\":[],\"mount\":{\"reached\":"
	  "\"none\",\"errno\":\"EPERM\",\"cgroup_procs\":null}}",
	  HP_PASS, "read-only (new cgroup2 mount refused (EPERM))" },
	{ "cgroup.writable", "read-only",
	  "{\"outcome\":\"read-only\",\"mounts\":[" OPEN(
		  "/sys/fs/cgroup/cgroup.procs", "denied",
		  "\"EROFS\"") "],\"mount\":null}",
	  HP_PASS, "read-only (/sys/fs/cgroup/cgroup.procs denied EROFS)" },
	{ "cgroup.writable", "read-only",
	  "{\"outcome\":\"writable\",\"mounts\":[],\"mount\":{\"reached\":"
	  "\"mount\",\"errno\":null,\"cgroup_procs\":" OPEN("/tmp/cgroup.procs",
							    "allowed",
							    "null") "}}",
	  HP_FAIL, "writable (new cgroup2 mount: /tmp/cgroup.procs allowed)" },
	{ "cgroup.writable", "read-only",
	  "{\"outcome\":\"writable\",\"mounts\":[" OPEN(
		  "/sys/fs/cgroup/cgroup.procs", "allowed", "null") "]}",
	  HP_FAIL, "writable (/sys/fs/cgroup/cgroup.procs allowed)" },
	{ "cgroup.writable", "read-only",
	  "{\"outcome\":\"read-only\",\"mounts\":[]}", HP_ERROR,
	  "malformed record: nothing was tried" },
	{ "cgroup.writable", "read-only",
	  "{\"outcome\":\"read-only\",\"mounts\":[" OPEN(
		  "/sys/fs/cgroup/cgroup.procs", "allowed", "null") "]}",
	  HP_ERROR, "malformed record: outcome disagrees with the attempts" },
	/* cgroup.release-agent */
	{ "cgroup.release-agent", "denied",
	  "{\"outcome\":\"denied\",\"release_agents\":[],\"mount\":{"
	  "\"reached\":\"none\",\"errno\":\"EPERM\",\"release_agent\":null}}",
	  HP_PASS, "denied (new cgroup v1 mount refused (EPERM))" },
	{ "cgroup.release-agent", "denied",
	  "{\"outcome\":\"allowed\",\"release_agents\":[],\"mount\":{"
	  "\"reached\":\"mount\",\"errno\":null,\"release_agent\":" OPEN(
		  "/tmp/release_agent", "allowed", "null") "}}",
	  HP_FAIL,
	  "allowed (new cgroup v1 mount: /tmp/release_agent allowed)" },
	{ "cgroup.release-agent", "denied",
	  "{\"outcome\":\"allowed\",\"release_agents\":[],\"mount\":{"
	  "\"reached\":\"mount\",\"errno\":null,\"release_agent\":" OPEN(
		  "/tmp/release_agent", "denied", "\"EACCES\"") "}}",
	  HP_FAIL, "allowed (cgroup v1 mounted)" },
	{ "cgroup.release-agent", "denied",
	  "{\"outcome\":\"allowed\",\"release_agents\":[" OPEN(
		  "/sys/fs/cgroup/memory/release_agent", "allowed",
		  "null") "],\"mount\":{\"reached\":\"unshare\",\"errno\":"
			  "\"EPERM\"}}",
	  HP_FAIL, "allowed (/sys/fs/cgroup/memory/release_agent allowed)" },
	{ "cgroup.release-agent", "denied",
	  "{\"outcome\":\"denied\",\"release_agents\":[]}", HP_ERROR,
	  "malformed record: 'mount' missing or not an object" },
	/* devices.nodes */
	{ "devices.nodes", "none",
	  "{\"outcome\":\"none\",\"nodes\":[{\"path\":\"/dev/null\","
	  "\"class\":\"standard\"},{\"path\":\"/dev/zero\",\"class\":"
	  "\"standard\"}]}",
	  HP_PASS, "none (2 standard nodes)" },
	{ "devices.nodes", "none",
	  "{\"outcome\":\"openable\",\"nodes\":[{\"path\":\"/dev/sda\","
	  "\"class\":\"sensitive\",\"open\":\"allowed\"},{\"path\":"
	  "\"/dev/watchdog\",\"class\":\"other\"}]}",
	  HP_FAIL, "opened: /dev/sda" },
	{ "devices.nodes", "none",
	  "{\"outcome\":\"visible\",\"nodes\":[{\"path\":\"/dev/sda\","
	  "\"class\":\"sensitive\",\"open\":\"denied\"}]}",
	  HP_FAIL, "visible: /dev/sda sensitive" },
	{ "devices.nodes", "unopenable",
	  "{\"outcome\":\"visible\",\"nodes\":[{\"path\":\"/dev/sda\","
	  "\"class\":\"sensitive\",\"open\":\"denied\"}]}",
	  HP_PASS, "visible: /dev/sda sensitive" },
	{ "devices.nodes", "none",
	  "{\"outcome\":\"none\",\"nodes\":[{\"path\":\"/dev/sda\","
	  "\"class\":\"sensitive\",\"open\":\"denied\"}]}",
	  HP_ERROR, "malformed record: outcome disagrees with the nodes" },
	{ "devices.nodes", "none",
	  "{\"outcome\":\"none\",\"nodes\":[{\"path\":\"/dev/sda\"}]}",
	  HP_ERROR, "malformed record: 'class' missing or not a string" },
	/* devices.mknod-open */
	{ "devices.mknod-open", "denied",
	  "{\"outcome\":\"denied\",\"nodes\":[{\"node\":\"8:0\",\"result\":"
	  "\"denied\",\"errno\":\"EPERM\"}]}",
	  HP_PASS, "denied (8:0 denied EPERM)" },
	{ "devices.mknod-open", "denied",
	  "{\"outcome\":\"allowed\",\"nodes\":[{\"node\":\"8:0\",\"result\":"
	  "\"allowed\",\"errno\":\"ENXIO\"}]}",
	  HP_FAIL, "allowed (8:0 allowed ENXIO)" },
	{ "devices.mknod-open", "denied",
	  "{\"outcome\":\"denied\",\"nodes\":[{\"node\":\"8:0\",\"result\":"
	  "\"open\"}]}",
	  HP_ERROR, "malformed record: unknown result 'open' for 8:0" },
	/* fs.suid-files */
	{ "fs.suid-files", "only /hardprobe/*",
	  "{\"outcome\":\"found\",\"files\":[{\"path\":"
	  "\"/hardprobe/suid-helper\",\"mode\":\"4755\",\"uid\":0,"
	  "\"nosuid\":false},{\"path\":\"/mnt/su\",\"mode\":\"4755\","
	  "\"uid\":0,\"nosuid\":true}]}",
	  HP_PASS,
	  "only listed: /hardprobe/suid-helper, /mnt/su (nosuid mount)" },
	{ "fs.suid-files", "only /hardprobe/suid-helper",
	  "{\"outcome\":\"found\",\"files\":[{\"path\":\"/usr/bin/su\","
	  "\"mode\":\"4755\",\"uid\":0,\"nosuid\":false}],"
	  "\"truncated\":true}",
	  HP_FAIL, "unlisted: /usr/bin/su 4755 uid 0; walk cut short" },
	{ "fs.suid-files", "only", "{\"outcome\":\"none\",\"files\":[]}",
	  HP_PASS, "none" },
	{ "fs.suid-files", "only",
	  "{\"outcome\":\"none\",\"files\":[{\"path\":\"/x\"}]}", HP_ERROR,
	  "malformed record: outcome disagrees with the files" },
	/* fs.host-mounts */
	{ "fs.host-mounts", "none",
	  MOUNTS(MI("/", "/", "overlay") "," MI("/", "/proc", "proc") "," MI(
		  "/null", "/proc/keys",
		  "tmpfs") "," MI("/data/vol", "/data",
				  "ext4") "," MI("/null", "/dev/null",
						 "devtmpfs")),
	  HP_PASS, "none of 5 mounts" },
	{ "fs.host-mounts", "none",
	  MOUNTS(MI("/", "/", "overlay") "," MI(
		  "/etc", "/host-etc", "ext4") "," MI("/", "/host",
						      "xfs") "," MI("/", "/hp",
								    "proc")),
	  HP_FAIL,
	  "host mounts: /host-etc (ext4 /etc: a sensitive host path), /host "
	  "(xfs /: a sensitive host path), /hp (proc /: a proc or sysfs "
	  "outside /proc and /sys)" },
	{ "fs.host-mounts", "none /host*",
	  MOUNTS(MI("/var/lib", "/host-lib", "ext4") "," MI("/", "/dev",
							    "devtmpfs")),
	  HP_FAIL, "host mounts: /dev (devtmpfs /: the host's devices)" },
	{ "fs.host-mounts", "none",
	  MOUNTS(MI("/docker.sock", "/var/run/docker.sock", "tmpfs")), HP_FAIL,
	  "host mounts: /var/run/docker.sock (tmpfs /docker.sock: a "
	  "socket)" },
	{ "fs.host-mounts", "none",
	  "{\"outcome\":\"observed\",\"mountinfo\":[]}", HP_ERROR,
	  "malformed record: 'mountinfo' is empty" },
	/* fs.mount-propagation */
	{ "fs.mount-propagation", "private",
	  "{\"outcome\":\"observed\",\"mountinfo\":[\"1 0 0:1 / / rw "
	  "master:3 - overlay o rw\"]}",
	  HP_PASS, "no shared mount (1 receive from the host)" },
	{ "fs.mount-propagation", "private",
	  "{\"outcome\":\"observed\",\"mountinfo\":[\"1 0 0:1 / / rw "
	  "shared:7 master:1 - overlay o rw\"]}",
	  HP_FAIL, "shared: / shared:7 master:1" },
	{ "fs.mount-propagation", "private",
	  "{\"outcome\":\"observed\",\"mountinfo\":[\"junk\"]}", HP_ERROR,
	  "malformed record: 'mountinfo' line 1 is not a mountinfo line" },
	/* fs.tmp-noexec */
	{ "fs.tmp-noexec", "noexec",
	  "{\"outcome\":\"noexec\",\"paths\":[{\"path\":\"/tmp\",\"result\":"
	  "\"noexec\"},{\"path\":\"/dev/shm\",\"result\":\"absent\"}]}",
	  HP_PASS, "noexec (/tmp noexec, /dev/shm absent)" },
	{ "fs.tmp-noexec", "noexec",
	  "{\"outcome\":\"exec\",\"paths\":[{\"path\":\"/tmp\",\"result\":"
	  "\"exec\"},{\"path\":\"/dev/shm\",\"result\":\"noexec\"}]}",
	  HP_FAIL, "exec (/tmp exec)" },
	{ "fs.tmp-noexec", "noexec /dev/shm",
	  "{\"outcome\":\"exec\",\"paths\":[{\"path\":\"/tmp\",\"result\":"
	  "\"exec\"},{\"path\":\"/dev/shm\",\"result\":\"noexec\"}]}",
	  HP_PASS, "noexec (/dev/shm noexec)" },
	/* fs.leaked-fds */
	{ "fs.leaked-fds", "none", "{\"outcome\":\"none\",\"fds\":[]}", HP_PASS,
	  "none inherited" },
	{ "fs.leaked-fds", "none",
	  "{\"outcome\":\"none\",\"fds\":[{\"fd\":5,\"target\":\"pipe:[7]\","
	  "\"type\":\"pipe\",\"inside\":null}]}",
	  HP_PASS, "none outside the root (fd 5 pipe:[7] (pipe))" },
	{ "fs.leaked-fds", "none",
	  "{\"outcome\":\"leaked\",\"fds\":[{\"fd\":3,\"target\":\"/\","
	  "\"type\":\"dir\",\"inside\":false}]}",
	  HP_FAIL, "leaked: fd 3 / (dir, outside the root)" },
	{ "fs.leaked-fds", "none",
	  "{\"outcome\":\"none\",\"fds\":[{\"fd\":3,\"target\":\"/\","
	  "\"type\":\"dir\",\"inside\":false}]}",
	  HP_ERROR, "malformed record: outcome disagrees with the fds" },
	{ "fs.leaked-fds", "none",
	  "{\"outcome\":\"none\",\"fds\":[{\"target\":\"/\"}]}", HP_ERROR,
	  "malformed record: 'fd' missing or not an int" },
};

START_TEST(test_row)
{
	assert_row(&rows[_i], true);
}
END_TEST

/* Expectations that the parse functions must refuse, with why. */
START_TEST(test_parse_errors)
{
	static const struct {
		const char *id, *args[3], *msg;
		size_t n;
	} cases[] = {
		{ "proc.masked-paths",
		  { "hidden" },
		  "unknown expectation 'hidden' (want masked)",
		  1 },
		{ "proc.masked-paths",
		  { "masked", "keys" },
		  "'keys' is not an absolute path",
		  2 },
		{ "devices.nodes",
		  { "some" },
		  "unknown expectation 'some' (want none or unopenable)",
		  1 },
		{ "fs.suid-files",
		  { "none" },
		  "unknown expectation 'none' (want only)",
		  1 },
		{ "fs.suid-files",
		  { "only", "bin/su" },
		  "pattern 'bin/su' is not an absolute path",
		  2 },
		{ "fs.leaked-fds",
		  { "none", "/x" },
		  "'none' takes no arguments",
		  2 },
		{ "cgroup.writable",
		  { "open" },
		  "unknown expectation 'open' (want read-only or writable)",
		  1 },
	};
	char err[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hp_expect e = { .args = (char **)cases[i].args,
				       .nargs = cases[i].n };

		err[0] = '\0';
		ck_assert_int_eq(
			hp_check_find(cases[i].id)->parse(&e, err, sizeof(err)),
			-1);
		ck_assert_str_eq(err, cases[i].msg);
	}
}
END_TEST

Suite *checks_fs_suite(void)
{
	Suite *s = suite_create("checks-fs");
	TCase *tc = tcase_create("checks-fs");

	tcase_add_loop_test(tc, test_row, 0, sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, test_parse_errors);
	suite_add_tcase(s, tc);
	return s;
}
