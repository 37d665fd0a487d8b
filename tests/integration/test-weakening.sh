# shellcheck shell=bash
# The hardened configuration, then one weakening at a time: each run must
# fail `hardened` on exactly the checks that the weakening concerns, and
# pass the others.  The parts of the hardened flags, by layer:
hp_ro=(--read-only)
hp_seccomp=(--seccomp --seccomp-profile "$hp_root/cases/seccomp-hardened.json")
hp_userns=(--uidmap 0:100000:65536 --gidmap 0:100000:65536)

# Under --uidmap, containerd 1.6 chowns the image's files, and chown clears
# the helper's set-user-id bit: the escalation probe has nothing to run.
hp_userns_skips=nnp.setuid-escalation

test_hardened_passes_with_one_skip() {
	run_probe_image "${hp_ro[@]}" "${hp_seccomp[@]}" "${hp_userns[@]}" \
		"${hardprobe_cap_drops[@]}"
	assert_exit 0
	assert_failing "" "$hp_userns_skips"
}

test_weaken_writable_root() {
	run_probe_image "${hp_seccomp[@]}" "${hp_userns[@]}" \
		"${hardprobe_cap_drops[@]}"
	assert_exit 1
	assert_failing "fs.etc-passwd-write fs.rootfs-write mounts.writable" \
		"$hp_userns_skips"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "mounts.writable") |
		.observed | test("writable: /($|,)")' "the root is named writable"
}

test_weaken_no_user_namespace() {
	run_probe_image "${hp_ro[@]}" "${hp_seccomp[@]}" \
		"${hardprobe_cap_drops[@]}"
	assert_exit 1
	assert_failing "userns.host-root"
	# without the remap chown, the helper keeps its set-user-id bit
	assert_status nnp.setuid-escalation pass
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "userns.host-root") |
		.evidence.host_root_uid_mapped == true'
}

test_weaken_no_seccomp() {
	run_probe_image "${hp_ro[@]}" "${hp_userns[@]}" \
		"${hardprobe_cap_drops[@]}"
	assert_exit 1
	assert_failing "seccomp.mode seccomp.dangerous-syscalls seccomp.ia32-entry" \
		"$hp_userns_skips"
	# Without the filter, unshare works; mapping root in the new
	# namespace needs CAP_SETFCAP (Linux 5.12+), which hardened drops.
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "userns.map-root") |
		.evidence.reached == "unshare" and .evidence.errors.map == "EPERM"'
}

# The same without the capability drops: root is mapped and used.
test_userns_map_root_allowed_in_user_namespace() {
	run_probe_image "${hp_ro[@]}" "${hp_userns[@]}"
	assert_exit 1
	assert_status userns.map-root fail
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "userns.map-root") |
		.evidence.reached == "use"' "uid 0 mapped and used in a new userns"
}

# hardened expects every probed call blocked, and the 32-bit entry.
# containerd 1.6.20's stock profile lets these reach the kernel, each
# because its allow list names the call without a condition:
#   io_uring_setup, io_uring_enter, io_uring_register  allowed in 1.6
#                               (later releases dropped them)
#   ptrace                      allowed on kernels from 4.8, whose ptrace
#                               no longer bypasses the filter
#   clock_adjtime, adjtimex     allowed: they only read without
#                               CAP_SYS_TIME, which the kernel checks
#   socket(AF_ALG), socket(AF_VSOCK), socket(AF_PACKET)  socket is
#                               allowed for every family
# It also lists the i386 and x32 architectures, so int $0x80 works.
test_weaken_stock_seccomp_profile() {
	run_probe_image "${hp_ro[@]}" --seccomp "${hp_userns[@]}" \
		"${hardprobe_cap_drops[@]}"
	assert_exit 1
	assert_failing "seccomp.dangerous-syscalls seccomp.ia32-entry" \
		"$hp_userns_skips"
	assert_jq "$HP_REPORT" '[.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence.calls[] |
		select(.result == "reachable") |
		.name + if .variant then "(\(.variant))" else "" end] ==
		["io_uring_setup", "io_uring_enter", "io_uring_register",
		 "ptrace", "clock_adjtime", "adjtimex", "socket(AF_ALG)",
		 "socket(AF_VSOCK)", "socket(AF_PACKET)"]' \
		"reachable: exactly the calls the stock profile allows"
}

test_weaken_one_capability_kept() {
	local drops=("${hardprobe_cap_drops[@]}")
	# drop every capability the profile refuses but CAP_NET_RAW
	drops=("${drops[@]/CAP_NET_RAW/CAP_CHOWN}")
	run_probe_image "${hp_ro[@]}" "${hp_seccomp[@]}" "${hp_userns[@]}" \
		"${drops[@]}"
	assert_exit 1
	# the network namespace belongs to the container's user namespace
	assert_failing "caps.sets cap.net-raw" "$hp_userns_skips"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "caps.sets") |
		.observed == "extra: cap_net_raw"'
}

# ctr 1.6 accepts "--cap-drop CAP_ALL" and drops nothing: pinned here,
# the kind of silent gap hardprobe exists to catch.
test_cap_drop_all_drops_nothing() {
	run_probe_image "${hp_ro[@]}" "${hp_seccomp[@]}" "${hp_userns[@]}" \
		--cap-drop CAP_ALL
	assert_exit 1
	# of the kept defaults, only NET_RAW's action passes the filter
	assert_failing "caps.sets cap.net-raw" "$hp_userns_skips"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "caps.sets") |
		.evidence.bounding | length == 14' "all 14 default caps remain"
}

test_weaken_new_privileges_allowed() {
	run_probe_image "${hp_ro[@]}" "${hp_seccomp[@]}" "${hp_userns[@]}" \
		"${hardprobe_cap_drops[@]}" --allow-new-privs
	assert_exit 1
	assert_failing "nnp.flag" "$hp_userns_skips"
}

# Without the user namespace the helper is set-user-id root, and with
# no_new_privs off the exec really gains euid 0.
test_setuid_escalation_allowed_without_nnp() {
	run_probe_image "${hp_ro[@]}" "${hp_seccomp[@]}" \
		"${hardprobe_cap_drops[@]}" --allow-new-privs
	assert_exit 1
	assert_failing "userns.host-root nnp.flag nnp.setuid-escalation"
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "nnp.setuid-escalation") |
		.evidence.helper_output | test("euid=0$")'
}

test_privileged_fails_hardened_widely() {
	run_probe_image --privileged
	assert_exit 1
	assert_failing "userns.host-root userns.map-root
		fs.etc-passwd-write fs.rootfs-write mounts.writable caps.sets
		seccomp.mode seccomp.dangerous-syscalls seccomp.ia32-entry
		proc.masked-paths proc.readonly-paths kernel.core-pattern
		cgroup.writable cgroup.release-agent devices.nodes
		devices.mknod-open cap.sys-admin cap.net-raw cap.net-admin
		cap.sys-ptrace cap.sys-time cap.sys-boot cap.syslog cap.mknod
		cap.dac-read-search cap.setfcap cap.bpf cap.perfmon
		cap.audit-write"
}
