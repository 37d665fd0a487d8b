# shellcheck shell=bash
# Host namespaces, runtime sockets, service account tokens, the kernel's
# attack surface, resource limits, security modules and the exec path, on
# real containers, each both ways.  Settings ctr cannot express (sharing
# the host's pid, IPC or UTS namespace: ctr's --with-ns fails in runc
# 1.1.5 for the host's namespaces; pids limits; rlimits; oomScoreAdj) go
# through runc with an edited config.json.

# ctr mounts no cgroup file system; Kubernetes runtimes mount it
# read-only, and so does this, for the cgroup limit probes to see.
hp_cgroup_mount=(--mount "type=cgroup,src=cgroup,dst=/sys/fs/cgroup,options=ro")
hp_ns_seccomp=(--seccomp --seccomp-profile "$hp_root/cases/seccomp-hardened.json")

# Write a profile of the expectation lines given, one per argument, and
# point HP_PROFILE at it.
hp_ns_profile() {
	HP_PROFILE=$hp_tmp/ns-$BASHPID-$RANDOM.profile
	printf 'description "test-ns"\n' >"$HP_PROFILE"
	printf '%s\n' "$@" >>"$HP_PROFILE"
}

# The evidence of one check in the report, as compact json.
hp_evidence() {
	jq -c --arg id "$1" '.checks[] | select(.id == $id) | .evidence' \
		"$HP_REPORT"
}

test_ns_isolated_under_ctr_defaults() {
	hp_ns_profile "ns.host-pid isolated" "ns.host-net isolated" \
		"ns.host-ipc isolated" "ns.host-uts isolated" \
		"ns.cgroup host" "ns.time host" "sockets.runtime unreachable" \
		"k8s.service-account-token absent" "nnp.exec-path same"
	ctr_run_stream
	verify_stream
	assert_exit 0
	assert_failing ""
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "ns.host-pid") |
		.evidence.pid1_comm == "run-probes" and
		.evidence.initial_ns == false'
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "ns.host-net") |
		.evidence.interfaces == ["lo"]'
	# ctr makes no cgroup namespace on this cgroup v1 host: the full
	# path of the container's cgroup shows
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "ns.cgroup") |
		.evidence.paths | any(test("/hp-it-"))'
}

test_ns_host_net_with_net_host() {
	local nic
	nic=$(for d in /sys/class/net/*; do
		[ ! -e "$d/device" ] || basename "$d"
	done | head -n 1)
	[ -n "$nic" ] || hp_fail "this host has no device-backed interface"
	hp_ns_profile "ns.host-net isolated"
	ctr_run_stream --net-host
	verify_stream
	assert_exit 1
	assert_failing "ns.host-net"
	assert_jq "$HP_REPORT" ".checks[0].evidence.hardware | index(\"$nic\")" \
		"the host's $nic is named device-backed"
}

# Without their entries in .linux.namespaces, runc leaves the container
# in the host's pid, IPC and UTS namespaces (hostPID, hostIPC, hostUTS).
# A System V segment made on the host for the test must show up.
test_ns_host_pid_ipc_uts_through_runc() {
	local shmid
	shmid=$(ipcmk -M 4096 | awk '{print $NF}') || hp_fail "ipcmk failed"
	hp_ns_profile "ns.host-pid isolated" "ns.host-ipc isolated" \
		"ns.host-uts isolated"
	runc_run 'del(.hostname) | .linux.namespaces |=
		map(select(.type != "pid" and .type != "ipc" and .type != "uts"))'
	ipcrm -m "$shmid"
	assert_exit 1
	assert_failing "ns.host-pid ns.host-ipc ns.host-uts"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "ns.host-pid") |
		.evidence.kthreads | any(.pid == 2 and .comm == "kthreadd")'
	assert_jq "$HP_REPORT" ".checks[] | select(.id == \"ns.host-ipc\") |
		.evidence.initial_ns and
		(.evidence.objects | any(.kind == \"shm\" and .id == $shmid))"
}

test_ns_isolated_through_runc_with_cgroup_namespace() {
	hp_ns_profile "ns.host-pid isolated" "ns.host-ipc isolated" \
		"ns.host-uts isolated" "ns.cgroup isolated"
	runc_run '.linux.namespaces += [{type: "cgroup"}]'
	assert_exit 0
	assert_failing ""
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "ns.host-uts") |
		.evidence.hostname == "hardprobe"'
}

test_sockets_runtime_reachable_when_mounted() {
	hp_ns_profile "sockets.runtime unreachable"
	ctr_run_stream --mount \
		"type=bind,src=$HP_SOCK,dst=/run/containerd/containerd.sock,options=rbind:rw"
	verify_stream
	assert_exit 1
	assert_failing "sockets.runtime"
	assert_jq "$HP_REPORT" '.checks[0].evidence.sockets |
		any(.path == "/run/containerd/containerd.sock" and
		    .runtime == "containerd" and .result == "reachable")'
}

# Any unix socket on a mount, not only the known runtime paths.
test_sockets_runtime_finds_socket_on_volume() {
	local dir=$hp_tmp/vol-$BASHPID
	mkdir -p "$dir"
	hp_ns_profile "sockets.runtime unreachable"
	ctr_run_stream --mount \
		"type=bind,src=$(dirname "$HP_SOCK"),dst=/data,options=rbind:ro"
	verify_stream
	assert_exit 1
	assert_jq "$HP_REPORT" '.checks[0].evidence.sockets |
		any(.path == "/data/containerd.sock" and .runtime == null and
		    .result == "reachable")'
}

# base64url without padding
hp_b64url() {
	base64 -w0 | tr '+/' '-_' | tr -d '='
}

test_k8s_token_present_when_mounted() {
	local dir=$hp_tmp/sa-$BASHPID exp sig=c2VjcmV0LXNpZ25hdHVyZQ head
	exp=$(($(date +%s) + 3600))
	head=$(printf '{"alg":"none","kid":"hidden-kid"}' | hp_b64url)
	mkdir -p "$dir"
	printf '%s.%s.%s' "$head" "$(printf \
		'{"aud":["hardprobe-it"],"exp":%d,"iss":"it","sub":"sa:hidden"}' \
		"$exp" | hp_b64url)" "$sig" >"$dir/token"
	hp_ns_profile "k8s.service-account-token absent"
	ctr_run_stream --mount \
		"type=bind,src=$dir,dst=/var/run/secrets/kubernetes.io/serviceaccount,options=rbind:ro"
	verify_stream
	assert_exit 1
	assert_failing "k8s.service-account-token"
	assert_jq "$HP_REPORT" ".checks[0].evidence.tokens[0] |
		.jwt and .aud == [\"hardprobe-it\"] and .exp == $exp and
		.expired == false"
	# the token, its header, its signature and other claims are never kept
	! grep -q -e "$sig" -e "$head" -e hidden "$HP_STREAM" "$HP_REPORT" ||
		hp_fail "token material in the stream or report"
}

test_kernel_surface_reports_host_values() {
	local name value paranoid
	ctr_run_stream
	paranoid=$(cat /proc/sys/kernel/perf_event_paranoid)
	hp_ns_profile "kernel.surface require perf_event_paranoid>=$paranoid"
	verify_stream
	assert_exit 0
	for name in kernel/unprivileged_bpf_disabled kernel/perf_event_paranoid \
		kernel/kptr_restrict kernel/dmesg_restrict user/max_user_namespaces \
		vm/unprivileged_userfaultfd kernel/io_uring_disabled; do
		value=$(cat "/proc/sys/$name" 2>/dev/null || echo null)
		assert_jq "$HP_REPORT" ".checks[0].evidence.sysctls[\"${name/\//.}\"] ==
			$value" "$name is $value as on the host"
	done
	hp_ns_profile "kernel.surface require perf_event_paranoid>=$((paranoid + 1))"
	verify_stream
	assert_exit 1
	assert_failing "kernel.surface"
}

test_limits_pids_through_runc() {
	hp_ns_profile "limits.pids limited max=100"
	runc_run '.linux.resources.pids.limit = 64'
	assert_exit 0
	assert_jq "$HP_REPORT" '.checks[0].evidence.limit == 64'
	runc_run '.'
	assert_exit 1
	assert_failing "limits.pids"
	assert_jq "$HP_REPORT" '.checks[0].evidence.raw == "max"'
}

test_limits_memory_and_cpu_with_ctr_flags() {
	hp_ns_profile "limits.memory limited max=256M" "limits.cpu limited max=1"
	ctr_run_stream "${hp_cgroup_mount[@]}" --memory-limit 268435456 \
		--cpus 0.5
	verify_stream
	assert_exit 0
	assert_failing ""
	assert_jq "$HP_REPORT" '[.checks[].evidence.limit] == [268435456, 500]'
	ctr_run_stream "${hp_cgroup_mount[@]}"
	verify_stream
	assert_exit 1
	assert_failing "limits.memory limits.cpu"
}

# Without a cgroup mount (ctr's default) the limits cannot be seen.
test_limits_skip_without_cgroup_mount() {
	hp_ns_profile "limits.pids limited" "limits.memory limited"
	ctr_run_stream --memory-limit 268435456
	verify_stream
	assert_exit 0
	assert_failing "" "limits.pids limits.memory"
}

test_limits_rlimits_through_runc() {
	hp_ns_profile "limits.rlimits max nofile=1024 core=0"
	runc_run '.process.rlimits = [
		{type: "RLIMIT_NOFILE", hard: 256, soft: 256},
		{type: "RLIMIT_CORE", hard: 0, soft: 0}]'
	assert_exit 0
	assert_jq "$HP_REPORT" '.checks[0].observed == "within: nofile 256, core 0"'
	runc_run '.process.rlimits = [
		{type: "RLIMIT_NOFILE", hard: 4096, soft: 1024}]'
	assert_exit 1
	assert_failing "limits.rlimits"
}

# oom_score_adj can go down to the lowest value the process was given by
# a holder of CAP_SYS_RESOURCE (this host's root lacks it), so a process
# started above that value may lower it and one started at it may not.
test_limits_oom_score_adj_both_ways() {
	local own
	own=$(cat /proc/self/oom_score_adj)
	hp_ns_profile "limits.oom-score-adj denied"
	runc_run ".process.oomScoreAdj = $((own + 500))"
	assert_exit 1
	assert_failing "limits.oom-score-adj"
	assert_jq "$HP_REPORT" ".checks[0].evidence.start == $((own + 500))"
	runc_run '.'
	assert_exit 0
	assert_jq "$HP_REPORT" '.checks[0].evidence.errno == "EACCES"'
}

test_lsm_landlock_available_unless_filtered() {
	hp_ns_profile "lsm.landlock available"
	ctr_run_stream
	verify_stream
	assert_exit 0
	assert_jq "$HP_REPORT" '.checks[0].evidence.abi >= 1'
	ctr_run_stream "${hp_ns_seccomp[@]}"
	verify_stream
	assert_exit 1
	assert_failing "lsm.landlock"
}

# This host has neither AppArmor nor SELinux: both report skip, with the
# reason; their judges are tested on recorded labels in the unit tests.
test_lsm_modules_skip_without_module() {
	[ ! -e /sys/module/apparmor ] && [ ! -e /sys/fs/selinux ] ||
		hp_fail "this host has AppArmor or SELinux: extend this test"
	hp_ns_profile "lsm.apparmor confined" "lsm.selinux confined"
	ctr_run_stream
	verify_stream
	assert_exit 0
	assert_failing "" "lsm.apparmor lsm.selinux"
	assert_jq "$HP_REPORT" '[.checks[].observed | test("is not active")] ==
		[true, true]'
}

# Huge page limits need the hugetlb controller in the container's cgroup.
# This host mounts no v1 hugetlb hierarchy and its v2 root delegates no
# controller to child cgroups: the probe must say that it found nothing.
test_limits_hugetlb_reports_missing_controller() {
	! grep -q ' - cgroup .*hugetlb' /proc/self/mountinfo &&
		! grep -qsw hugetlb /sys/fs/cgroup/unified/cgroup.subtree_control \
			/sys/fs/cgroup/cgroup.subtree_control ||
		hp_fail "this host offers hugetlb limits: extend this test"
	hp_ns_profile "limits.hugetlb limited"
	ctr_run_stream "${hp_cgroup_mount[@]}"
	verify_stream
	assert_failing "" "limits.hugetlb"
}

# A static pid 1 that waits, so that a second process can be exec'd.
hp_pause_binary() {
	local out=$hp_tmp/pause
	[ -x "$out" ] || {
		printf '#include <unistd.h>\nint main(void){for(;;)pause();}\n' \
			>"$out.c"
		musl-gcc -static -Os -o "$out" "$out.c" || hp_fail "musl-gcc failed"
	}
	echo "$out"
}

# pid 1 with no_new_privs; an exec whose process.json clears it, as
# runtimes' exec paths once did.  Then the same exec keeping it.
test_nnp_exec_path_through_runc_exec() {
	local id bundle pause
	pause=$(hp_pause_binary)
	hp_next
	id=$hp_id bundle=$hp_tmp/$id.bundle
	mkdir -m 0755 "$bundle"
	hp_runc_config "$bundle" ".process.args = [\"/dev/pause\"] |
		.mounts += [{destination: \"/dev/pause\", type: \"bind\",
			source: \"$pause\", options: [\"rbind\", \"ro\"]}]"
	runc --root "$hp_tmp/runc" run -d -b "$bundle" "$id" \
		</dev/null >/dev/null 2>"$hp_tmp/$id.err" ||
		hp_fail "runc run -d: $(cat "$hp_tmp/$id.err")"
	hp_ns_profile "nnp.exec-path same"
	hp_exec_probe "$id" "$bundle" false
	hp_exec_probe_keep=$HP_REPORT
	hp_exec_probe "$id" "$bundle" true
	runc --root "$hp_tmp/runc" delete -f "$id" >/dev/null 2>&1
	assert_exit 0
	HP_REPORT=$hp_exec_probe_keep
	assert_failing "nnp.exec-path"
	assert_jq "$HP_REPORT" '.checks[0].evidence.differs == ["NoNewPrivs"]'
}

# runc exec of the nnp.exec-path probe with noNewPrivileges $3; verifies.
hp_exec_probe() {
	local id=$1 bundle=$2 nnp=$3
	jq ".process | .args = [\"/hardprobe/run-probes\", \"--only\",
		\"nnp.exec-path\"] | .noNewPrivileges = $nnp" \
		"$bundle/config.json" >"$bundle/process-$nnp.json"
	HP_STREAM=$hp_tmp/$id-$nnp.jsonl
	timeout 60 runc --root "$hp_tmp/runc" exec -p "$bundle/process-$nnp.json" \
		"$id" >"$HP_STREAM" 2>"$HP_STREAM.err" </dev/null ||
		hp_fail "runc exec: $(cat "$HP_STREAM.err")"
	verify_stream
}

# runc 1.1.5 knows no time namespace ("namespace time does not exist"),
# so the isolated side runs the probe binary itself in a time namespace
# made by unshare, with a clock offset; ctr's default (the host's time
# namespace) is in test_ns_isolated_under_ctr_defaults.
test_ns_time_isolated_under_unshare() {
	hp_ns_profile "ns.time isolated"
	HP_STREAM=$hp_tmp/time-$BASHPID.jsonl
	unshare --time --fork --monotonic 1000 "$hp_build/run-probes" \
		--only ns.time >"$HP_STREAM" || hp_fail "unshare --time failed"
	verify_stream
	assert_exit 0
	assert_jq "$HP_REPORT" '.checks[0].evidence |
		.initial_ns == false and .offsets_nonzero == true'
}

# The built-in profiles: hardened catches the host's network namespace,
# and pss-baseline a mounted runtime socket (a hostPath volume).  A user
# namespace cannot mount sysfs in a network namespace it does not own,
# so runc refuses --net-host with --uidmap: the user namespace is left
# out here, which hardened also names.
test_hardened_fails_on_net_host() {
	run_probe_image --read-only "${hp_ns_seccomp[@]}" \
		"${hardprobe_cap_drops[@]}" --net-host
	assert_exit 1
	assert_failing "userns.host-root ns.host-net"
}

test_pss_baseline_fails_runtime_socket() {
	HP_PROFILE=pss-baseline run_probe_image --cap-drop CAP_NET_RAW --mount \
		"type=bind,src=$HP_SOCK,dst=/run/containerd/containerd.sock,options=rbind:rw"
	assert_exit 1
	assert_status sockets.runtime fail
	assert_status ns.host-net pass
}
