# shellcheck shell=bash
# The built-in profiles added for the standards (pss-*, cis-docker, the
# runtime defaults) and the scenarios (database, ci-build), each on a real
# container configured to meet it and one configured to break it, with the
# exact failing checks and the controls they name.  Also: the OSCAL
# report of a real run validated against NIST's schema, read in place
# beside the repository, and the TAP report of a real run.

hp_oscal_schema=${HP_OSCAL_SCHEMA:-$hp_root/../shared/schemas/oscal-1.0.6-assessment-results.schema.json}

# Every default capability of ctr dropped, or all but NET_BIND_SERVICE.
hp_drop_all() {
	local cap
	for cap in "${hardprobe_default_caps[@]}"; do
		[ "$cap" = "${1:-}" ] || printf -- '--cap-drop\n%s\n' "$cap"
	done
}

# run_probe_image with hardprobe options: hp_run_opts OPTION... -- FLAG...
hp_run_opts() {
	local opts=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		opts+=("$1")
		shift
	done
	[ $# -gt 0 ] && shift
	hp_next
	HP_RESULTS=$hp_tmp/$hp_id
	HP_REPORT=$HP_RESULTS.report.json
	HP_STDERR=$HP_RESULTS.stderr
	mkdir -p "$HP_RESULTS"
	HP_EXIT=0
	"$HARDPROBE" run --format json --address "$HP_SOCK" \
		--profile "$HP_PROFILE" --results "$HP_RESULTS" \
		${HP_IMAGE:+--image "$HP_IMAGE"} "${opts[@]}" -- "$@" \
		>"$HP_REPORT" 2>"$HP_STDERR" || HP_EXIT=$?
	HP_STREAM=$(find "$HP_RESULTS" -name stream.jsonl | head -n 1)
}

# The controls the report names for check $1, comma-separated.
hp_controls_of() {
	jq -r --arg id "$1" \
		'.checks[] | select(.id == $id) | .controls | join(",")' \
		"$HP_REPORT"
}

assert_controls() {
	local got
	got=$(hp_controls_of "$1")
	[ "$got" = "$2" ] || hp_fail "$1 names controls [$got], want [$2]"
}

test_pss_baseline_passes_without_net_raw() {
	HP_PROFILE=pss-baseline run_probe_image --cap-drop CAP_NET_RAW
	assert_exit 0
	assert_failing ""
	assert_controls ns.host-net PSS:baseline/host-namespaces
}

test_pss_baseline_fails_host_network() {
	HP_PROFILE=pss-baseline run_probe_image --net-host
	assert_exit 1
	assert_failing "caps.sets ns.host-net"
	assert_controls caps.sets \
		PSS:baseline/capabilities,PSS:baseline/privileged-containers
	assert_controls ns.host-net PSS:baseline/host-namespaces
}

test_pss_restricted_passes_nonroot_seccomp_bind_only() {
	local drops
	mapfile -t drops < <(hp_drop_all CAP_NET_BIND_SERVICE)
	HP_PROFILE=pss-restricted HP_IMAGE=$HP_IMAGE_NONROOT \
		run_probe_image --seccomp "${drops[@]}"
	assert_exit 0
	assert_failing ""
}

test_pss_restricted_fails_ctr_defaults() {
	HP_PROFILE=pss-restricted run_probe_image
	assert_exit 1
	assert_failing "caps.sets seccomp.mode user.identity cap.net-raw
		cap.mknod cap.chown cap.dac-override cap.setuid cap.setfcap
		cap.audit-write"
	assert_controls seccomp.mode PSS:restricted/seccomp
	assert_controls user.identity \
		PSS:restricted/running-as-non-root,PSS:restricted/running-as-non-root-user
}

# The old names are the same profiles.
test_restricted_alias_fails_the_same() {
	HP_PROFILE=restricted run_probe_image
	assert_exit 1
	assert_failing "caps.sets seccomp.mode user.identity cap.net-raw
		cap.mknod cap.chown cap.dac-override cap.setuid cap.setfcap
		cap.audit-write"
	assert_jq "$HP_REPORT" '.profile == "restricted"'
	assert_controls seccomp.mode PSS:restricted/seccomp
}

# cgroup v1 without a cgroup namespace: the limits are not visible inside,
# so limits.* skip (a skip is not a pass; --fail-on-skip makes it fail).
hp_cis_skips="limits.pids limits.memory"

test_cis_docker_passes_read_only_seccomp() {
	HP_PROFILE=cis-docker run_probe_image --read-only --seccomp \
		--cap-drop CAP_NET_RAW --memory-limit 268435456
	assert_exit 0
	assert_failing "" "$hp_cis_skips"
}

test_cis_docker_fails_defaults_with_host_network() {
	HP_PROFILE=cis-docker run_probe_image --net-host
	assert_exit 1
	assert_failing "fs.etc-passwd-write fs.rootfs-write caps.sets
		seccomp.mode ns.host-net" "$hp_cis_skips"
	assert_controls fs.rootfs-write CIS-Docker:5.12
	assert_controls caps.sets CIS-Docker:5.3,CIS-Docker:5.4
	assert_controls seccomp.mode CIS-Docker:5.21
	assert_controls ns.host-net CIS-Docker:5.9
}

# --group-by control: each control is judged by all its checks.
test_cis_docker_grouped_by_control() {
	local out=$hp_tmp/grouped.json
	HP_PROFILE=cis-docker run_probe_image --read-only --cap-drop CAP_NET_RAW
	assert_exit 1
	"$HARDPROBE" verify --format json --group-by control \
		--profile cis-docker "$HP_STREAM" >"$out" && hp_fail "verify passed"
	assert_jq "$out" '[.by_control[] | select(.status == "fail") |
		.control] == ["CIS-Docker:5.21"]'
	assert_jq "$out" '.by_control[] | select(.control ==
		"CIS-Docker:5.12") | .status == "pass" and
		.checks == ["fs.etc-passwd-write", "fs.rootfs-write"]'
}

test_containerd_default_passes_plain_ctr_run() {
	HP_PROFILE=containerd-default run_probe_image
	assert_exit 0
	assert_failing ""
}

test_containerd_default_fails_added_cap_and_host_network() {
	HP_PROFILE=containerd-default run_probe_image --net-host \
		--cap-add CAP_SYS_PTRACE
	assert_exit 1
	assert_failing "caps.sets ns.host-net"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "caps.sets") |
		.observed | test("cap_sys_ptrace")'
}

# What Docker gives a container, through runc: Docker's 14 default
# capabilities, a writable root, no no_new_privs, no /run tmpfs, and the
# seccomp profile containerd derives from Docker's (taken from the spec
# `ctr container create --seccomp` makes).
hp_docker_filter() {
	local seccomp caps
	hp_next
	ctr -a "$HP_SOCK" container create --seccomp "$HP_IMAGE_ROOT" \
		"$hp_id" >/dev/null || hp_fail "ctr container create failed"
	seccomp=$(ctr -a "$HP_SOCK" container info "$hp_id" |
		jq -c '.Spec.linux.seccomp')
	ctr -a "$HP_SOCK" container rm "$hp_id" >/dev/null || :
	[ -n "$seccomp" ] && [ "$seccomp" != null ] ||
		hp_fail "no seccomp in containerd's spec"
	caps=$(printf '%s\n' "${hardprobe_default_caps[@]}" | jq -R . | jq -sc .)
	echo ".linux.seccomp = $seccomp | .root.readonly = false |
		.process.noNewPrivileges = false |
		.process.capabilities = {bounding: $caps, effective: $caps,
			permitted: $caps}"
}

test_docker_default_passes_docker_settings() {
	local filter
	filter=$(hp_docker_filter) || exit 1
	HP_PROFILE=docker-default runc_run "$filter"
	assert_failing ""
	assert_exit 0
}

test_docker_default_fails_without_seccomp() {
	HP_PROFILE=docker-default run_probe_image
	assert_exit 1
	assert_failing "mounts.writable seccomp.mode seccomp.dangerous-syscalls"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "mounts.writable") |
		.observed == "writable: /run"'
}

test_ci_build_passes_writable_workspace() {
	mkdir -m 0777 "$hp_tmp/ws"
	HP_PROFILE=ci-build run_probe_image --seccomp --cap-drop CAP_NET_RAW \
		--mount "type=bind,src=$hp_tmp/ws,dst=/workspace,options=rbind:rw"
	assert_exit 0
	assert_failing ""
	assert_status fs.rootfs-write absent
}

# The classic CI mistake: the runtime's socket handed to the build, and
# no seccomp filter.
test_ci_build_fails_runtime_socket_without_seccomp() {
	HP_PROFILE=ci-build run_probe_image --cap-drop CAP_NET_RAW \
		--mount "type=bind,src=$(dirname "$HP_SOCK"),dst=/run/containerd,options=rbind:rw"
	assert_exit 1
	assert_failing "mounts.writable seccomp.mode seccomp.dangerous-syscalls
		fs.host-mounts sockets.runtime"
	assert_controls sockets.runtime CIS-Docker:5.31,NIST-800-190:4.4.3
}

# The hardened flags, no capability, non-root, a data volume and a tmpfs
# for the logs.
hp_database() {
	local drops data=$1
	shift
	mapfile -t drops < <(hp_drop_all)
	mkdir -p -m 0777 "$hp_tmp/data"
	HP_PROFILE=database HP_IMAGE=$HP_IMAGE_NONROOT hp_run_opts "$@" -- \
		"${hp_ro[@]}" "${hp_seccomp[@]}" "${hp_userns[@]}" "${drops[@]}" \
		--mount "type=bind,src=$hp_tmp/data,dst=$data,options=rbind:rw" \
		--mount "type=tmpfs,src=tmpfs,dst=/var/log/db,options=nosuid:nodev:noexec"
}


test_database_passes_data_volume_and_log_tmpfs() {
	hp_database /var/lib/db
	assert_exit 0
	assert_failing "" "$hp_userns_skips"
}

test_database_passes_data_dir_set() {
	hp_database /srv/pg --set data_dir=/srv/pg
	assert_exit 0
	assert_failing "" "$hp_userns_skips"
}

# The data volume somewhere the profile does not expect it.
test_database_fails_unexpected_volume() {
	hp_database /srv/pg
	assert_exit 1
	assert_failing "mounts.writable" "$hp_userns_skips"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "mounts.writable") |
		.observed == "writable: /srv/pg"'
	assert_controls mounts.writable hardprobe:read-only-root,CIS-Docker:5.12
}

test_set_unknown_parameter_is_usage_error() {
	HP_PROFILE=database hp_run_opts --set no_such=1
	assert_exit 2
	grep -q "no_such=1': no such parameter (the profile has: data_dir, log_dir)" \
		"$HP_STDERR" || hp_fail "no message about the parameter"
}

# The OSCAL report of a real run against NIST's JSON Schema, read where
# CI keeps it beside the clone (never a copy in the repository).
test_oscal_report_validates_against_nist_schema() {
	local out=$hp_tmp/oscal.json py=/usr/bin/python3
	[ -r "$hp_oscal_schema" ] ||
		hp_skip "OSCAL schema absent: $hp_oscal_schema (CI keeps it beside the clone)"
	"$py" -c 'import jsonschema, regex' 2>/dev/null ||
		hp_skip "python3-jsonschema or python3-regex missing (scripts/install-deps.sh)"
	HP_PROFILE=cis-docker run_probe_image --net-host
	"$HARDPROBE" verify --format oscal --profile cis-docker "$HP_STREAM" \
		>"$out" && hp_fail "verify passed"
	"$py" "$hp_root/tests/tools/validate-oscal.py" "$hp_oscal_schema" \
		"$out" || hp_fail "OSCAL report does not validate"
	assert_jq "$out" '[.["assessment-results"].results[0].findings[] |
		select(.target.status.state == "not-satisfied") |
		.target["target-id"]] | sort == ["CIS-Docker_5.10_obj",
		"CIS-Docker_5.12_obj", "CIS-Docker_5.21_obj",
		"CIS-Docker_5.28_obj", "CIS-Docker_5.3_obj",
		"CIS-Docker_5.4_obj", "CIS-Docker_5.9_obj"]'
	# and the validator does reject a broken document
	jq '.["assessment-results"].uuid = "x"' "$out" >"$out.bad"
	"$py" "$hp_root/tests/tools/validate-oscal.py" "$hp_oscal_schema" \
		"$out.bad" 2>/dev/null && hp_fail "a bad uuid validated"
	return 0
}

# hardprobe run --format oscal writes the same model.
test_run_format_oscal_and_tap() {
	HP_PROFILE=pss-baseline run_probe_image --cap-drop CAP_NET_RAW
	"$HARDPROBE" verify --format tap --profile pss-baseline "$HP_STREAM" \
		>"$hp_tmp/r.tap" || hp_fail "verify failed"
	head -n 1 "$hp_tmp/r.tap" | grep -qx 'TAP version 14' || hp_fail "no TAP header"
	grep -qx "1\.\.$(jq '.checks | length' "$HP_REPORT")" "$hp_tmp/r.tap" ||
		hp_fail "wrong TAP plan"
	grep -q '^not ok' "$hp_tmp/r.tap" && hp_fail "a failing TAP point"
	hp_next
	"$HARDPROBE" run --format oscal --address "$HP_SOCK" \
		--profile pss-baseline --results "$hp_tmp/$hp_id" -- \
		--cap-drop CAP_NET_RAW >"$hp_tmp/run.oscal.json" ||
		hp_fail "run --format oscal failed"
	assert_jq "$hp_tmp/run.oscal.json" '.["assessment-results"].results[0] |
		(.findings | length) > 0 and all(.findings[];
		.target.status.state == "satisfied")'
}

# profile show prints what loads back to the same verdict.
test_profile_show_round_trip_on_a_real_stream() {
	local saved=$hp_tmp/database-resolved.profile
	hp_database /srv/pg
	"$HARDPROBE" profile show database --set data_dir=/srv/pg >"$saved" ||
		hp_fail "profile show failed"
	HP_PROFILE=$saved verify_stream
	assert_exit 0
	assert_failing "" "$hp_userns_skips"
}
