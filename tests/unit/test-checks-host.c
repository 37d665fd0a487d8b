/* Tests of the judges of the host-sharing, socket, token, kernel, limit
 * and security module checks, both ways, plus malformed records that must
 * give error; and their expectation parsers.  The records are shaped like
 * what the probes print (recorded on this project's test machines). */
#include <stdio.h>
#include <string.h>

#include "unit.h"

#include "../../harness/judge.h"

#define KT "\"kthreads\":[{\"pid\":2,\"comm\":\"kthreadd\",\"ppid\":0}]"
#define NS(t, n, i) "\"ns_link\":\"" t ":[" n "]\",\"initial_ns\":" i
#define SYSCTLS                                                          \
	"\"sysctls\":{\"kernel.unprivileged_userns_clone\":null,"        \
	"\"user.max_user_namespaces\":96362,"                            \
	"\"kernel.unprivileged_bpf_disabled\":2,"                        \
	"\"kernel.perf_event_paranoid\":2,\"kernel.kptr_restrict\":0,"   \
	"\"kernel.dmesg_restrict\":1,\"vm.unprivileged_userfaultfd\":0," \
	"\"kernel.io_uring_disabled\":0}"
#define LIMIT(o, src, raw, lim)                                        \
	"{\"outcome\":\"" o "\",\"source\":\"" src "\",\"raw\":\"" raw \
	"\",\"limit\":" lim "}"
/* {"aud":["https://kubernetes.default.svc"],"exp":1700000000,...} */
#define TOKEN(exp, expired)                                                  \
	"{\"path\":\"/var/run/secrets/kubernetes.io/serviceaccount/"         \
	"token\",\"readable\":true,\"errno\":null,\"jwt\":true,\"exp\":" exp \
	",\"aud\":[\"https://kubernetes.default.svc\"],"                     \
	"\"iss\":\"k\",\"expired\":" expired "}"
#define EG(t, r, e)                                                        \
	"{\"target\":\"" t "\",\"result\":\"" r "\",\"step\":\"connect\"," \
	"\"errno\":" e "}"
#define STATUS(nnp, eff)                                                  \
	"{\"NoNewPrivs\":\"" nnp "\",\"Seccomp\":\"2\",\"CapInh\":\"0\"," \
	"\"CapPrm\":\"" eff "\",\"CapEff\":\"" eff "\",\"CapBnd\":\"" eff \
	"\",\"CapAmb\":\"0\"}"

static const struct row rows[] = {
	/* ns.host-pid */
	{ "ns.host-pid", "isolated",
	  "{\"outcome\":\"isolated\",\"kthreads\":[],\"kthread_count\":0,"
	  "\"pid1_comm\":\"run-probes\"," NS("pid", "4026532300", "false") "}",
	  HP_PASS, "isolated (0 kernel threads visible; pid 1 is run-probes)" },
	{ "ns.host-pid", "isolated",
	  "{\"outcome\":\"host\"," KT ",\"kthread_count\":61,"
	  "\"pid1_comm\":\"systemd\"," NS("pid", "4026531836", "true") "}",
	  HP_FAIL, "host (61 kernel threads visible; pid 1 is systemd)" },
	{ "ns.host-pid", "host",
	  "{\"outcome\":\"host\"," KT ",\"kthread_count\":61}", HP_PASS,
	  "host (61 kernel threads visible; pid 1 is unknown)" },
	{ "ns.host-pid", "isolated",
	  "{\"outcome\":\"isolated\"," KT ",\"kthread_count\":3}", HP_ERROR,
	  "malformed record: outcome 'isolated' disagrees with "
	  "'kthread_count'" },
	{ "ns.host-pid", "isolated", "{\"outcome\":\"isolated\"}", HP_ERROR,
	  "malformed record: 'kthread_count' missing or not an int" },
	/* ns.host-net */
	{ "ns.host-net", "isolated",
	  "{\"outcome\":\"isolated\",\"interfaces\":[\"lo\",\"eth0\"],"
	  "\"hardware\":[],\"bridges\":[],\"abstract_sockets\":[]}",
	  HP_PASS, "isolated (interfaces: lo, eth0)" },
	{ "ns.host-net", "isolated",
	  "{\"outcome\":\"host\",\"interfaces\":[\"lo\",\"eth0\",\"cni0\"],"
	  "\"hardware\":[\"eth0\"],\"bridges\":[\"cni0\"]}",
	  HP_FAIL, "host (device-backed: eth0; bridges: cni0)" },
	{ "ns.host-net", "isolated",
	  "{\"outcome\":\"isolated\",\"interfaces\":[\"lo\",\"eth0\"],"
	  "\"hardware\":[\"eth0\"],\"bridges\":[]}",
	  HP_ERROR,
	  "malformed record: outcome 'isolated' disagrees with 'hardware' "
	  "and 'bridges'" },
	{ "ns.host-net", "host",
	  "{\"outcome\":\"host\",\"interfaces\":[1],\"hardware\":[\"e\"],"
	  "\"bridges\":[]}",
	  HP_ERROR, "malformed record: 'interfaces' item 1 is not a string" },
	/* ns.host-ipc */
	{ "ns.host-ipc", "isolated",
	  "{\"outcome\":\"isolated\",\"objects\":[],\"object_count\":0," NS(
		  "ipc", "4026532301", "false") "}",
	  HP_PASS,
	  "isolated (not the initial IPC namespace, 0 SysV IPC objects "
	  "made elsewhere)" },
	{ "ns.host-ipc", "isolated",
	  "{\"outcome\":\"shared\",\"objects\":[{\"kind\":\"shm\","
	  "\"key\":\"0x1\",\"id\":3}],\"object_count\":1," NS("ipc",
							      "4026532301",
							      "false") "}",
	  HP_FAIL,
	  "shared (not the initial IPC namespace, 1 SysV IPC objects made "
	  "elsewhere)" },
	{ "ns.host-ipc", "isolated",
	  "{\"outcome\":\"shared\",\"object_count\":0," NS("ipc", "4026531839",
							   "true") "}",
	  HP_FAIL,
	  "shared (the initial IPC namespace, 0 SysV IPC objects made "
	  "elsewhere)" },
	{ "ns.host-ipc", "isolated",
	  "{\"outcome\":\"isolated\",\"object_count\":2}", HP_ERROR,
	  "malformed record: outcome 'isolated' disagrees with "
	  "'object_count' and 'initial_ns'" },
	/* ns.host-uts */
	{ "ns.host-uts", "isolated",
	  "{\"outcome\":\"isolated\"," NS("uts", "4026532302",
					  "false") ",\"hostname\":\"vm\"}",
	  HP_PASS, "isolated (own UTS namespace, hostname 'vm')" },
	{ "ns.host-uts", "isolated",
	  "{\"outcome\":\"host\"," NS("uts", "4026531838",
				      "true") ",\"hostname\":\"vm\"}",
	  HP_FAIL, "host (the initial UTS namespace, hostname 'vm')" },
	{ "ns.host-uts", "isolated hostname=web-1",
	  "{\"outcome\":\"isolated\"," NS("uts", "4026532302",
					  "false") ",\"hostname\":\"vm\"}",
	  HP_FAIL, "isolated (own UTS namespace, hostname 'vm')" },
	{ "ns.host-uts", "isolated hostname=web-1",
	  "{\"outcome\":\"isolated\"," NS("uts", "4026532302",
					  "false") ",\"hostname\":\"web-1\"}",
	  HP_PASS, "isolated (own UTS namespace, hostname 'web-1')" },
	{ "ns.host-uts", "isolated",
	  "{\"outcome\":\"isolated\"," NS("uts", "4026531838",
					  "true") ",\"hostname\":\"vm\"}",
	  HP_ERROR,
	  "malformed record: outcome 'isolated' disagrees with "
	  "'initial_ns'" },
	/* ns.cgroup */
	{ "ns.cgroup", "isolated",
	  "{\"outcome\":\"isolated\"," NS("cgroup", "4026532303",
					  "false") ",\"lines\":[\"0::/\"],"
						   "\"paths\":[]}",
	  HP_PASS, "isolated (every cgroup path is /)" },
	{ "ns.cgroup", "isolated",
	  "{\"outcome\":\"host\"," NS("cgroup", "4026531835",
				      "true") ",\"paths\":[\"/hardprobe/"
					      "c1\"]}",
	  HP_FAIL,
	  "host (initial cgroup namespace; cgroup paths: /hardprobe/c1)" },
	{ "ns.cgroup", "isolated",
	  "{\"outcome\":\"isolated\",\"initial_ns\":false,"
	  "\"paths\":[\"/x\"]}",
	  HP_ERROR,
	  "malformed record: outcome 'isolated' disagrees with 'paths' and "
	  "'initial_ns'" },
	/* ns.time */
	{ "ns.time", "host",
	  "{\"outcome\":\"host\"," NS("time", "4026531834",
				      "true") ",\"offsets_nonzero\":false}",
	  HP_PASS, "host (the initial time namespace, clock offsets zero)" },
	{ "ns.time", "isolated",
	  "{\"outcome\":\"host\"," NS("time", "4026531834", "true") "}",
	  HP_FAIL, "host (the initial time namespace, clock offsets unknown)" },
	{ "ns.time", "isolated",
	  "{\"outcome\":\"isolated\"," NS("time", "4026532304",
					  "false") ",\"offsets_nonzero\":true}",
	  HP_PASS, "isolated (own time namespace, clock offsets set)" },
	{ "ns.time", "isolated", "{\"outcome\":\"isolated\"}", HP_ERROR,
	  "malformed record: 'initial_ns' missing or not a boolean" },
	/* sockets.runtime */
	{ "sockets.runtime", "unreachable",
	  "{\"outcome\":\"unreachable\",\"sockets\":[{\"path\":\"/run/x."
	  "sock\",\"runtime\":null,\"result\":\"refused\",\"errno\":"
	  "\"ECONNREFUSED\"}],\"socket_count\":1,\"reachable_count\":0,"
	  "\"truncated\":false}",
	  HP_PASS, "unreachable (1 sockets found, none accepted)" },
	{ "sockets.runtime", "unreachable",
	  "{\"outcome\":\"reachable\",\"sockets\":[{\"path\":\"/run/"
	  "containerd/containerd.sock\",\"runtime\":\"containerd\","
	  "\"result\":\"reachable\",\"errno\":null},{\"path\":\"/tmp/a\","
	  "\"runtime\":null,\"result\":\"reachable\"}],\"socket_count\":2,"
	  "\"reachable_count\":2,\"truncated\":true}",
	  HP_FAIL,
	  "reachable: 2 of 2 sockets (/run/containerd/containerd.sock "
	  "(containerd), /tmp/a (not a known runtime)); walk cut short" },
	{ "sockets.runtime", "unreachable",
	  "{\"outcome\":\"unreachable\",\"sockets\":[],\"socket_count\":1,"
	  "\"reachable_count\":1}",
	  HP_ERROR,
	  "malformed record: outcome 'unreachable' disagrees with "
	  "'reachable_count'" },
	{ "sockets.runtime", "unreachable",
	  "{\"outcome\":\"unreachable\",\"sockets\":[{\"path\":1}],"
	  "\"socket_count\":1,\"reachable_count\":0}",
	  HP_ERROR, "malformed record: 'path' missing or not a string" },
	/* k8s.service-account-token */
	{ "k8s.service-account-token", "absent",
	  "{\"outcome\":\"absent\",\"tokens\":[]}", HP_PASS, "absent" },
	{ "k8s.service-account-token", "absent",
	  "{\"outcome\":\"present\",\"tokens\":[" TOKEN("1700000000",
							"true") "]}",
	  HP_FAIL,
	  "present: /var/run/secrets/kubernetes.io/serviceaccount/token "
	  "(JWT, audience https://kubernetes.default.svc, expires "
	  "2023-11-14T22:13:20Z, expired)" },
	{ "k8s.service-account-token", "present",
	  "{\"outcome\":\"present\",\"tokens\":[{\"path\":\"/t\","
	  "\"readable\":false,\"jwt\":false}]}",
	  HP_PASS, "present: /t (not readable)" },
	{ "k8s.service-account-token", "absent",
	  "{\"outcome\":\"absent\",\"tokens\":[" TOKEN("1", "true") "]}",
	  HP_ERROR,
	  "malformed record: outcome 'absent' disagrees with 'tokens'" },
	/* kernel.surface */
	{ "kernel.surface",
	  "require unprivileged_bpf_disabled>=1 perf_event_paranoid>=2",
	  "{\"outcome\":\"observed\"," SYSCTLS "}", HP_PASS,
	  "met: unprivileged_bpf_disabled>=1, perf_event_paranoid>=2" },
	{ "kernel.surface",
	  "require kernel.kptr_restrict>=1 io_uring_disabled=2 "
	  "unprivileged_userns_clone=0",
	  "{\"outcome\":\"observed\"," SYSCTLS "}", HP_FAIL,
	  "kernel.kptr_restrict 0 (want >=1), kernel.io_uring_disabled 0 "
	  "(want =2), kernel.unprivileged_userns_clone absent (want =0)" },
	{ "kernel.surface", "require dmesg_restrict!=0",
	  "{\"outcome\":\"observed\"," SYSCTLS "}", HP_PASS,
	  "met: dmesg_restrict!=0" },
	{ "kernel.surface", "require dmesg_restrict!=0",
	  "{\"outcome\":\"observed\"}", HP_ERROR,
	  "malformed record: 'sysctls' missing or not an object" },
	/* limits.pids, limits.memory, limits.cpu, limits.hugetlb */
	{ "limits.pids", "limited",
	  LIMIT("limited", "/sys/fs/cgroup/pids/pids.max", "100", "100"),
	  HP_PASS, "limited (/sys/fs/cgroup/pids/pids.max: 100)" },
	{ "limits.pids", "limited",
	  LIMIT("unlimited", "/sys/fs/cgroup/pids/pids.max", "max", "null"),
	  HP_FAIL, "unlimited (/sys/fs/cgroup/pids/pids.max: max)" },
	{ "limits.pids", "limited max=50",
	  LIMIT("limited", "/sys/fs/cgroup/pids.max", "100", "100"), HP_FAIL,
	  "limited (/sys/fs/cgroup/pids.max: 100)" },
	{ "limits.pids", "limited",
	  LIMIT("limited", "/sys/fs/cgroup/pids.max", "max", "null"), HP_ERROR,
	  "malformed record: outcome 'limited' disagrees with "
	  "'limit'" },
	{ "limits.memory", "limited max=256M",
	  LIMIT("limited", "/sys/fs/cgroup/memory/memory.limit_in_bytes",
		"268435456", "268435456"),
	  HP_PASS,
	  "limited (/sys/fs/cgroup/memory/memory.limit_in_bytes: "
	  "268435456)" },
	{ "limits.memory", "limited max=128M",
	  LIMIT("limited", "/sys/fs/cgroup/memory.max", "268435456",
		"268435456"),
	  HP_FAIL, "limited (/sys/fs/cgroup/memory.max: 268435456)" },
	{ "limits.memory", "limited",
	  LIMIT("unlimited", "/sys/fs/cgroup/memory/memory.limit_in_bytes",
		"9223372036854771712", "null"),
	  HP_FAIL,
	  "unlimited (/sys/fs/cgroup/memory/memory.limit_in_bytes: "
	  "9223372036854771712)" },
	{ "limits.cpu", "limited max=1",
	  LIMIT("limited", "/sys/fs/cgroup/cpu/cpu.cfs_quota_us",
		"50000 100000", "500"),
	  HP_PASS,
	  "limited (/sys/fs/cgroup/cpu/cpu.cfs_quota_us: 50000 "
	  "100000)" },
	{ "limits.cpu", "limited max=0.25",
	  LIMIT("limited", "/sys/fs/cgroup/cpu.max", "50000 100000", "500"),
	  HP_FAIL, "limited (/sys/fs/cgroup/cpu.max: 50000 100000)" },
	{ "limits.cpu", "limited",
	  LIMIT("unlimited", "/sys/fs/cgroup/cpu.max", "-1 100000", "null"),
	  HP_FAIL, "unlimited (/sys/fs/cgroup/cpu.max: -1 100000)" },
	{ "limits.hugetlb", "limited",
	  "{\"outcome\":\"limited\",\"sizes\":{\"2MB\":" LIMIT(
		  "limited", "/sys/fs/cgroup/hugetlb.2MB.max", "0", "0") "}}",
	  HP_PASS, "limited (1 huge page sizes)" },
	{ "limits.hugetlb", "limited",
	  "{\"outcome\":\"unlimited\",\"sizes\":{\"2MB\":{},\"1GB\":{}}}",
	  HP_FAIL, "unlimited (2 huge page sizes)" },
	{ "limits.hugetlb", "limited",
	  "{\"outcome\":\"skip\",\"reason\":\"no hugetlb cgroup files\"}",
	  HP_SKIP, "no hugetlb cgroup files" },
	/* limits.rlimits */
	{ "limits.rlimits", "max nofile=1024 core=0",
	  "{\"outcome\":\"observed\",\"rlimits\":{\"nofile\":{\"soft\":1024,"
	  "\"hard\":1024},\"nproc\":{},\"core\":{\"soft\":0,\"hard\":0}}}",
	  HP_PASS, "within: nofile 1024, core 0" },
	{ "limits.rlimits", "max nofile=1024 core=0",
	  "{\"outcome\":\"observed\",\"rlimits\":{\"nofile\":{\"soft\":1024,"
	  "\"hard\":1048576},\"core\":{\"soft\":0,\"hard\":\"unlimited\"}}}",
	  HP_FAIL,
	  "nofile hard 1048576 (want <= 1024), core hard unlimited (want "
	  "<= 0)" },
	{ "limits.rlimits", "max nproc=10", "{\"outcome\":\"observed\"}",
	  HP_ERROR, "malformed record: 'rlimits' missing or not an object" },
	/* limits.oom-score-adj */
	{ "limits.oom-score-adj", "denied",
	  "{\"outcome\":\"denied\",\"start\":0,\"tried\":-1,"
	  "\"errno\":\"EACCES\"}",
	  HP_PASS, "denied (from 0 to -1: EACCES)" },
	{ "limits.oom-score-adj", "denied",
	  "{\"outcome\":\"allowed\",\"start\":500,\"tried\":499,"
	  "\"errno\":null}",
	  HP_FAIL, "allowed (from 500 to 499)" },
	{ "limits.oom-score-adj", "denied",
	  "{\"outcome\":\"denied\",\"start\":0,\"errno\":null}", HP_ERROR,
	  "malformed record: outcome 'denied' disagrees with 'errno'" },
	/* lsm.apparmor, lsm.selinux, lsm.landlock */
	{ "lsm.apparmor", "confined",
	  "{\"outcome\":\"confined\",\"label\":\"cri-containerd.apparmor.d\","
	  "\"mode\":\"enforce\",\"source\":\"/proc/self/attr/apparmor/"
	  "current\"}",
	  HP_PASS, "confined ('cri-containerd.apparmor.d', enforce)" },
	{ "lsm.apparmor", "confined",
	  "{\"outcome\":\"unconfined\",\"label\":\"unconfined\","
	  "\"mode\":null}",
	  HP_FAIL, "unconfined ('unconfined')" },
	{ "lsm.apparmor", "confined",
	  "{\"outcome\":\"confined\",\"label\":\"unconfined\"}", HP_ERROR,
	  "malformed record: outcome 'confined' disagrees with 'label'" },
	{ "lsm.apparmor", "confined",
	  "{\"outcome\":\"skip\",\"reason\":\"AppArmor is not active here "
	  "(/proc/self/attr/current: EINVAL)\"}",
	  HP_SKIP,
	  "AppArmor is not active here (/proc/self/attr/current: EINVAL)" },
	{ "lsm.selinux", "confined",
	  "{\"outcome\":\"confined\",\"label\":\"system_u:system_r:"
	  "container_t:s0:c1,c2\",\"type\":\"container_t\","
	  "\"mode\":\"enforcing\"}",
	  HP_PASS,
	  "confined ('system_u:system_r:container_t:s0:c1,c2', "
	  "enforcing)" },
	{ "lsm.selinux", "confined",
	  "{\"outcome\":\"unconfined\",\"label\":\"system_u:system_r:spc_t:"
	  "s0\",\"type\":\"spc_t\",\"mode\":\"permissive\"}",
	  HP_FAIL, "unconfined ('system_u:system_r:spc_t:s0', permissive)" },
	{ "lsm.landlock", "available",
	  "{\"outcome\":\"available\",\"abi\":7,\"errno\":null}", HP_PASS,
	  "available (ABI 7; whether a domain is enforced cannot be read)" },
	{ "lsm.landlock", "available",
	  "{\"outcome\":\"unavailable\",\"abi\":null,"
	  "\"errno\":\"EOPNOTSUPP\"}",
	  HP_FAIL, "unavailable (EOPNOTSUPP)" },
	{ "lsm.landlock", "available",
	  "{\"outcome\":\"unavailable\",\"abi\":3}", HP_ERROR,
	  "malformed record: outcome 'unavailable' disagrees with 'abi'" },
	/* nnp.exec-path */
	{ "nnp.exec-path", "same",
	  "{\"outcome\":\"same\",\"self\":" STATUS(
		  "1", "f") ",\"pid1\":" STATUS("1", "f") ",\"differs\":[]}",
	  HP_PASS, "same as pid 1" },
	{ "nnp.exec-path", "same",
	  "{\"outcome\":\"differs\",\"self\":" STATUS(
		  "0", "ff") ",\"pid1\":" STATUS("1", "f") ",\"differs\":["
							   "\"NoNewPrivs\"]}",
	  HP_FAIL, "differs: NoNewPrivs 0 (pid 1: 1)" },
	{ "nnp.exec-path", "same",
	  "{\"outcome\":\"same\",\"self\":{},\"pid1\":{},"
	  "\"differs\":[\"CapEff\"]}",
	  HP_ERROR,
	  "malformed record: outcome 'same' disagrees with "
	  "'differs'" },
	/* net.egress */
	{ "net.egress", "unreachable 127.0.0.1:5432 10.200.0.9:80",
	  "{\"outcome\":\"unreachable\",\"targets\":[" EG(
		  "127.0.0.1:5432", "refused",
		  "\"ECONNREFUSED\"") "," EG("10.200.0.9:80", "timeout",
					     "null") "],\"reachable_count\":0}",
	  HP_PASS,
	  "127.0.0.1:5432 refused (ECONNREFUSED), 10.200.0.9:80 timeout" },
	{ "net.egress", "unreachable 10.201.0.1:80",
	  "{\"outcome\":\"reachable\",\"targets\":[" EG(
		  "10.201.0.1:80", "reachable",
		  "null") "," EG("10.200.0.2:1", "refused",
				 "\"ECONNREFUSED\"") "],\"reachable_count\":1}",
	  HP_FAIL, "10.201.0.1:80 reachable" },
	{ "net.egress", "reachable [::1]:80 10.201.0.1:80",
	  "{\"outcome\":\"reachable\",\"targets\":[" EG(
		  "[::1]:80", "reachable",
		  "null") "," EG("10.201.0.1:80", "unreachable",
				 "\"ENETUNREACH\"") "],\"reachable_count\":1}",
	  HP_FAIL,
	  "[::1]:80 reachable, 10.201.0.1:80 unreachable (ENETUNREACH)" },
	{ "net.egress", "reachable [::1]:80",
	  "{\"outcome\":\"reachable\",\"targets\":[" EG(
		  "[::1]:80", "reachable", "null") "],\"reachable_count\":1}",
	  HP_PASS, "[::1]:80 reachable" },
	{ "net.egress", "unreachable 127.0.0.1:80",
	  "{\"outcome\":\"unreachable\",\"targets\":[" EG(
		  "127.0.0.1:81", "refused",
		  "\"ECONNREFUSED\"") "],\"reachable_count\":0}",
	  HP_ERROR,
	  "target '127.0.0.1:80' was not tried (run-probes got no --egress "
	  "127.0.0.1:80)" },
	{ "net.egress", "unreachable 127.0.0.1:80",
	  "{\"outcome\":\"skip\",\"reason\":\"no targets\"}", HP_ERROR,
	  "the probe was given no targets (hardprobe run passes the "
	  "profile's; run run-probes with --egress ADDRESS:PORT)" },
	{ "net.egress", "unreachable 127.0.0.1:80",
	  "{\"outcome\":\"unreachable\",\"targets\":[" EG(
		  "127.0.0.1:80", "reachable",
		  "null") "],\"reachable_count\":0}",
	  HP_ERROR,
	  "malformed record: 'reachable_count' disagrees with "
	  "'targets'" },
	{ "net.egress", "unreachable 127.0.0.1:80",
	  "{\"outcome\":\"unreachable\",\"targets\":[" EG(
		  "127.0.0.1:80", "filtered",
		  "null") "],\"reachable_count\":0}",
	  HP_ERROR,
	  "malformed record: unknown result 'filtered' for target "
	  "'127.0.0.1:80'" },
};

START_TEST(test_host_row)
{
	assert_row(&rows[_i], true);
}
END_TEST

/* Expectations the parsers accept (err NULL) or reject with err. */
static const struct {
	const char *id, *expect, *err;
} parses[] = {
	{ "ns.host-pid", "isolated", NULL },
	{ "ns.host-pid", "hidden",
	  "unknown expectation 'hidden' (want isolated or host)" },
	{ "ns.host-ipc", "shared", NULL },
	{ "ns.host-uts", "isolated hostname=web-1", NULL },
	{ "ns.host-uts", "isolated web-1",
	  "bad argument 'web-1' (want hostname=NAME)" },
	{ "sockets.runtime", "unreachable", NULL },
	{ "sockets.runtime", "none",
	  "unknown expectation 'none' (want unreachable or reachable)" },
	{ "kernel.surface", "require perf_event_paranoid>=2", NULL },
	{ "kernel.surface", "require", "require needs at least one NAME>=N" },
	{ "kernel.surface", "require perf_event_paranoid>2",
	  "bad demand 'perf_event_paranoid>2' (want NAME then >=, <=, = or "
	  "!= then a number; NAME one of the probed sysctls)" },
	{ "kernel.surface", "require swappiness=1",
	  "bad demand 'swappiness=1' (want NAME then >=, <=, = or != then "
	  "a number; NAME one of the probed sysctls)" },
	{ "limits.memory", "limited max=1.5G", NULL },
	{ "limits.memory", "limited max=12X",
	  "bad argument 'max=12X' (want limited max=N, N in bytes, or with "
	  "K, M, G, T)" },
	{ "limits.pids", "unlimited max=5",
	  "bad argument 'max=5' (want limited max=N, N in a number of "
	  "tasks)" },
	{ "limits.cpu", "limited max=0.5", NULL },
	{ "limits.rlimits", "max nofile=1024 core=0", NULL },
	{ "limits.rlimits", "max stack=1",
	  "bad limit 'stack=1' (want NAME=N, NAME nofile, nproc or core)" },
	{ "limits.rlimits", "max",
	  "want 'max NAME=N...' (NAME nofile, nproc or core)" },
	{ "lsm.apparmor", "confined", NULL },
	{ "nnp.exec-path", "same", NULL },
	{ "net.egress", "unreachable 127.0.0.1:5432 [::1]:80", NULL },
	{ "net.egress", "reachable 10.200.0.2:65535", NULL },
	{ "net.egress", "unreachable",
	  "unreachable needs at least one ADDRESS:PORT target" },
	{ "net.egress", "open 127.0.0.1:80",
	  "unknown expectation 'open' (want unreachable or reachable)" },
	{ "net.egress", "unreachable localhost:80",
	  "bad target 'localhost:80' (want a numeric ADDRESS:PORT, such as "
	  "127.0.0.1:80 or [::1]:80; names are not resolved)" },
	{ "net.egress", "unreachable 127.0.0.1:0",
	  "bad target '127.0.0.1:0' (want a numeric ADDRESS:PORT, such as "
	  "127.0.0.1:80 or [::1]:80; names are not resolved)" },
	{ "net.egress", "unreachable ::1:80",
	  "bad target '::1:80' (want a numeric ADDRESS:PORT, such as "
	  "127.0.0.1:80 or [::1]:80; names are not resolved)" },
	{ "net.egress", "unreachable [::1]80",
	  "bad target '[::1]80' (want a numeric ADDRESS:PORT, such as "
	  "127.0.0.1:80 or [::1]:80; names are not resolved)" },
	{ "net.egress", "unreachable 1.2.3.4:80 1.2.3.4:80",
	  "target '1.2.3.4:80' listed twice" },
};

START_TEST(test_host_parse)
{
	const struct hp_check *c = hp_check_find(parses[_i].id);
	char buf[256], *words[8], err[256] = "";
	struct hp_expect e = { .args = words };
	char *save = NULL;

	ck_assert_ptr_nonnull(c);
	snprintf(buf, sizeof(buf), "%s", parses[_i].expect);
	for (char *w = strtok_r(buf, " ", &save); w && e.nargs < 8;
	     w = strtok_r(NULL, " ", &save))
		words[e.nargs++] = w;
	if (!parses[_i].err) {
		ck_assert_msg(c->parse(&e, err, sizeof(err)) == 0,
			      "%s '%s': %s", parses[_i].id, parses[_i].expect,
			      err);
		return;
	}
	ck_assert_int_eq(c->parse(&e, err, sizeof(err)), -1);
	ck_assert_str_eq(err, parses[_i].err);
}
END_TEST

Suite *checks_host_suite(void)
{
	Suite *s = suite_create("checks-host");
	TCase *tc = tcase_create("checks-host");

	tcase_add_loop_test(tc, test_host_row, 0, sizeof(rows) / sizeof(*rows));
	tcase_add_loop_test(tc, test_host_parse, 0,
			    sizeof(parses) / sizeof(*parses));
	suite_add_tcase(s, tc);
	return s;
}
