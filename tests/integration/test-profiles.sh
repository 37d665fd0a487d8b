# shellcheck shell=bash
# Each built-in profile both ways: a container configured to meet it, and
# one configured to break it, with the exact failing checks.

# Every default capability of ctr dropped but CAP_NET_BIND_SERVICE.
hp_drops_but_bind() {
	local cap
	for cap in "${hardprobe_default_caps[@]}"; do
		[ "$cap" = CAP_NET_BIND_SERVICE ] || printf -- '--cap-drop\n%s\n' "$cap"
	done
}

test_baseline_passes_without_net_raw() {
	HP_PROFILE=baseline run_probe_image --cap-drop CAP_NET_RAW
	assert_exit 0
	assert_failing ""
	assert_status caps.sets pass
	assert_status proc.masked-paths pass
	assert_status devices.nodes pass
	assert_status cgroup.writable pass
}

# ctr's defaults keep CAP_NET_RAW, which the PSS baseline list lacks.
test_baseline_fails_ctr_defaults() {
	HP_PROFILE=baseline run_probe_image
	assert_exit 1
	assert_failing "caps.sets"
	assert_jq "$HP_REPORT" '.checks[0].observed == "extra: cap_net_raw"'
}

test_baseline_fails_privileged() {
	HP_PROFILE=baseline run_probe_image --privileged
	assert_exit 1
	assert_failing "caps.sets proc.masked-paths proc.readonly-paths
		kernel.core-pattern cgroup.writable cgroup.release-agent
		devices.nodes devices.mknod-open
		cap.sys-admin cap.net-admin cap.sys-ptrace cap.sys-time
		cap.sys-boot cap.syslog cap.dac-read-search cap.bpf cap.perfmon"
	assert_jq "$HP_REPORT" '.checks[0].observed | test("cap_sys_admin")'
}

test_restricted_passes_nonroot_seccomp_caps_dropped() {
	local drops
	mapfile -t drops < <(hp_drops_but_bind)
	HP_PROFILE=restricted HP_IMAGE=$HP_IMAGE_NONROOT \
		run_probe_image --seccomp "${drops[@]}"
	assert_exit 0
	assert_failing ""
	assert_status nnp.setuid-escalation pass
}

test_restricted_fails_ctr_defaults() {
	HP_PROFILE=restricted run_probe_image
	assert_exit 1
	assert_failing "caps.sets seccomp.mode user.identity
		cap.net-raw cap.mknod cap.chown cap.dac-override cap.setuid
		cap.setfcap cap.audit-write"
}

test_web_passes_hardened_nonroot_bind_only() {
	local drops
	mapfile -t drops < <(hp_drops_but_bind)
	HP_PROFILE=web HP_IMAGE=$HP_IMAGE_NONROOT run_probe_image \
		"${hp_ro[@]}" "${hp_seccomp[@]}" "${hp_userns[@]}" "${drops[@]}"
	assert_exit 0
	assert_failing "" "$hp_userns_skips"
	assert_status user.identity pass
}

# Hardened flags, but root and the hardened capability list: web wants
# non-root and NET_BIND_SERVICE alone.
test_web_fails_root_with_hardened_caps() {
	HP_PROFILE=web run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 1
	assert_failing "caps.sets user.identity cap.chown cap.dac-override
		cap.setuid" "$hp_userns_skips"
}
