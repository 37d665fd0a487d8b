# shellcheck shell=bash
# The capability probes (cap.*), by the one action each capability grants,
# on real containers both ways; caps.sets' empty inheritable and ambient
# sets, and user.identity's primary group, through runc.

# Every cap.* probe, and the capabilities ctr grants by default among them.
hp_cap_probes=(sys-admin net-raw net-admin sys-ptrace sys-module sys-time
	sys-boot syslog mknod chown dac-override dac-read-search setuid setfcap
	bpf perfmon sys-rawio audit-write)
hp_cap_defaults="cap.net-raw cap.mknod cap.chown cap.dac-override cap.setuid
	cap.setfcap cap.audit-write"

# This kernel has no module support and no ioperm: those two report
# "absent", which meets "denied" and fails "allowed".
hp_cap_absent="cap.sys-module cap.sys-rawio"

# A profile that expects every cap.* action to be WORD, in $hp_tmp.
hp_cap_profile() {
	local word=$1 file=$hp_tmp/caps-$1.profile name
	{
		echo "description \"every capability action $word\""
		for name in "${hp_cap_probes[@]}"; do
			echo "cap.$name $word"
		done
	} >"$file"
	echo "$file"
}

test_caps_privileged_allows_every_action() {
	HP_PROFILE=$(hp_cap_profile allowed) run_probe_image --privileged
	assert_exit 1
	assert_failing "$hp_cap_absent"
	assert_jq "$HP_REPORT" '[.checks[] | select(.status == "fail") |
		.evidence.outcome] | all(. == "absent")'
}

# The hardened flags keep CHOWN, DAC_OVERRIDE and SETUID, and nothing else
# gets through the seccomp filter and the user namespace.
test_caps_hardened_denies_all_but_kept() {
	HP_PROFILE=$(hp_cap_profile denied) \
		run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 1
	assert_failing "cap.chown cap.dac-override cap.setuid"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "cap.sys-admin") |
		.evidence.layer == "seccomp or capability"'
}

# ctr's default capabilities let their actions through, no others.
test_caps_ctr_defaults() {
	HP_PROFILE=$(hp_cap_profile denied) run_probe_image
	assert_exit 1
	assert_failing "$hp_cap_defaults"
}

# One capability added to ctr's defaults: its own action (and, for
# CAP_SYS_ADMIN, those it also grants) gets through.
hp_cap_add_one() {
	local cap=$1 also=${2:-} id
	id=cap.$(echo "${cap#CAP_}" | tr 'A-Z_' 'a-z-')
	HP_PROFILE=$(hp_cap_profile denied) run_probe_image --cap-add "$cap"
	assert_exit 1
	assert_failing "$hp_cap_defaults $id $also"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "'"$id"'") |
		.evidence.held == true' "$id held"
}

test_caps_add_sys_admin() {
	# the bpf and perf_event_open gates accept CAP_SYS_ADMIN as well
	hp_cap_add_one CAP_SYS_ADMIN "cap.bpf cap.perfmon"
}
test_caps_add_net_admin() { hp_cap_add_one CAP_NET_ADMIN; }
test_caps_add_sys_ptrace() { hp_cap_add_one CAP_SYS_PTRACE; }
test_caps_add_sys_time() { hp_cap_add_one CAP_SYS_TIME; }
test_caps_add_sys_boot() { hp_cap_add_one CAP_SYS_BOOT; }
test_caps_add_syslog() { hp_cap_add_one CAP_SYSLOG; }
test_caps_add_dac_read_search() { hp_cap_add_one CAP_DAC_READ_SEARCH; }
test_caps_add_bpf() { hp_cap_add_one CAP_BPF; }
test_caps_add_perfmon() { hp_cap_add_one CAP_PERFMON; }

# Each default capability dropped: its action is refused.
test_caps_drop_each_default() {
	local cap id rest x
	for cap in CAP_NET_RAW CAP_MKNOD CAP_CHOWN CAP_DAC_OVERRIDE \
		CAP_SETUID CAP_SETFCAP CAP_AUDIT_WRITE; do
		id=cap.$(echo "${cap#CAP_}" | tr 'A-Z_' 'a-z-')
		rest=$(for x in $hp_cap_defaults; do
			[ "$x" = "$id" ] || echo "$x"
		done)
		HP_PROFILE=$(hp_cap_profile denied) \
			run_probe_image --cap-drop "$cap"
		assert_failing "$rest"
		assert_jq "$HP_REPORT" '.checks[] | select(.id == "'"$id"'") |
			.evidence.outcome == "denied" and
			.evidence.layer == "capability"' "$id denied"
	done
}

# On top of the hardened flags, CAP_NET_ADMIN gets through: the network
# namespace belongs to the container's user namespace, and the seccomp
# filter lets ioctl pass.  The hardened profile catches it.
test_caps_hardened_plus_net_admin() {
	run_probe_image "${hardprobe_hardened_flags[@]}" --cap-add CAP_NET_ADMIN
	assert_exit 1
	assert_failing "caps.sets cap.net-admin" "nnp.setuid-escalation"
}

# Keeping CAP_NET_RAW in the hardened flags: raw sockets open.
test_caps_hardened_keeps_net_raw() {
	run_probe_image "${hardprobe_hardened_flags[@]/CAP_NET_RAW/CAP_FSETID}"
	assert_exit 1
	assert_failing "caps.sets cap.net-raw" "nnp.setuid-escalation"
}

# A capability added on top of the hardened flags but refused anyway:
# capable() wants the initial user namespace, and the filter blocks
# ptrace.  The record says it was held.
test_caps_hardened_plus_sys_ptrace_still_denied() {
	HP_PROFILE=$(hp_cap_profile denied) run_probe_image \
		"${hardprobe_hardened_flags[@]}" --cap-add CAP_SYS_PTRACE
	assert_failing "cap.chown cap.dac-override cap.setuid"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "cap.sys-ptrace") |
		.evidence.held == true and
		.evidence.layer == "seccomp or user namespace"'
}

# ---- caps.sets inheritable=none, user.identity primary-group, via runc ----

# A profile: caps.sets only CAPS... [OPTIONS...], in $hp_tmp.
hp_cap_sets_profile() {
	local file=$hp_tmp/caps-sets-$#.profile
	printf '%s\n' 'description "capability sets"' "caps.sets only $*" \
		>"$file"
	echo "$file"
}

hp_kept='"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_SETUID",
	"CAP_SETGID", "CAP_NET_BIND_SERVICE", "CAP_KILL"'

# A non-root user whose effective and permitted sets are empty, but whose
# inheritable set keeps the list the runtime allows (as containerd did
# before 1.6.2, CVE-2022-24769): a program with inheritable file
# capabilities would get them back.  The capabilities are all allowed
# ones, so only inheritable=none catches it.  (runc refuses an inheritable
# capability outside the bounding set.)
hp_runc_inheritable() {
	runc_run "[$hp_kept] as \$l | .process.user = {uid: 1000, gid: 1000} |
		.process.capabilities = {bounding: \$l, effective: [],
			permitted: [], ambient: [], inheritable: $1}"
}

test_caps_inheritable_left_fails() {
	HP_PROFILE=$(hp_cap_sets_profile "${hardprobe_keep_caps[@]}" \
		inheritable=none ambient=none) hp_runc_inheritable "\$l"
	assert_exit 1
	assert_failing "caps.sets"
	assert_jq "$HP_REPORT" '.checks[0].observed == "inheritable not " +
		"empty: cap_chown, cap_dac_override, cap_fowner, cap_kill, " +
		"cap_setgid, cap_setuid, cap_net_bind_service"'
	assert_jq "$HP_REPORT" '.checks[0].evidence.status.CapInh !=
		"0000000000000000" and .checks[0].evidence.effective == [] and
		.checks[0].evidence.permitted == []'
}

# The same container passes a profile without the option.
test_caps_inheritable_left_passes_without_option() {
	HP_PROFILE=$(hp_cap_sets_profile "${hardprobe_keep_caps[@]}") \
		hp_runc_inheritable "\$l"
	assert_exit 0
	assert_failing ""
}

test_caps_inheritable_empty_passes() {
	HP_PROFILE=$(hp_cap_sets_profile "${hardprobe_keep_caps[@]}" \
		inheritable=none ambient=none) hp_runc_inheritable '[]'
	assert_exit 0
	assert_failing ""
}

hp_primary_group_profile() {
	local file=$hp_tmp/primary-group.profile
	printf '%s\n' 'description "primary group among the groups"' \
		'user.identity non-root primary-group=in-groups' >"$file"
	echo "$file"
}

# containerd before 1.6.18 (CVE-2023-25173) set the additional gids alone.
test_user_primary_group_missing_fails() {
	HP_PROFILE=$(hp_primary_group_profile) runc_run '
		.process.user = {uid: 1000, gid: 1000, additionalGids: [10]}'
	assert_exit 1
	assert_failing "user.identity"
	assert_jq "$HP_REPORT" '.checks[0].evidence.groups == [10]'
}

test_user_primary_group_present_passes() {
	HP_PROFILE=$(hp_primary_group_profile) runc_run '
		.process.user = {uid: 1000, gid: 1000,
			additionalGids: [10, 1000]}'
	assert_exit 0
	assert_failing ""
}
