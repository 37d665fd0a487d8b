# shellcheck shell=bash
# seccomp.dangerous-syscalls and seccomp.ia32-entry on real containers,
# both ways: the hardened filter blocks every call, no filter reaches
# every call the kernel has, and filters that answer ENOSYS, that kill,
# or that know only the native architecture are seen for what they are.

# The evidence of one check of the json report, as compact json.
hp_evidence() {
	jq -c --arg id "$1" '.checks[] | select(.id == $id) | .evidence' \
		"$HP_REPORT"
}

# Every try of the table was made and none surprised the probe: each
# failed with an errno the table lists, with ENOSYS, or with EPERM.
assert_no_surprise() {
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") |
		.evidence.calls | length >= 80 and all(has("note") | not)' \
		"every call made, none with an unexpected errno"
}

# A seccomp profile that allows everything but the rules given as json.
hp_allow_but() {
	local file=$hp_tmp/seccomp-$BASHPID-$RANDOM.json
	jq -n --argjson rules "$1" --argjson arches "${2:-null}" '
		{defaultAction: "SCMP_ACT_ALLOW", syscalls: $rules} +
		if $arches then {architectures: $arches} else {} end' \
		>"$file" || hp_fail "cannot write seccomp profile '$file'"
	echo "$file"
}

test_seccomp_hardened_blocks_every_call() {
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_status seccomp.dangerous-syscalls pass
	assert_status seccomp.ia32-entry pass
	assert_no_surprise
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence |
		.killed == [] and all(.calls[]; .result == "blocked" and
			(.layer | test("^seccomp")))' \
		"every call blocked by the filter, none killed"
}

# No filter and every capability: each call the kernel has reaches it.
test_seccomp_none_reaches_every_call() {
	run_probe_image --privileged
	assert_status seccomp.dangerous-syscalls fail
	assert_status seccomp.ia32-entry fail
	assert_no_surprise
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence |
		.seccomp_mode == 0 and all(.calls[];
			.result == "reachable" or
			(.result == "absent" and .errno == "ENOSYS"))' \
		"every call reachable or absent"
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.ia32-entry") | .evidence.outcome ==
		"allowed"' "the i386 getpid returned the pid"
}

# No filter, ctr's default capabilities: what is blocked, a capability
# check blocked, and the judge says so.
test_seccomp_none_capability_first_calls() {
	run_probe_image
	assert_status seccomp.dangerous-syscalls fail
	assert_no_surprise
	assert_jq "$HP_REPORT" '[.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence.calls[] |
		select(.result == "blocked")] | length > 0 and
		all(.errno == "EPERM" and .layer == "capability")' \
		"blocked only by capability checks"
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence.calls[] |
		select(.name == "pivot_root") | .layer == "capability"' \
		"pivot_root stopped by its capability check"
}

# An errno of ENOSYS from the filter is a block; a kill is a block that
# takes only the grandchild: the other calls are still recorded.
test_seccomp_enosys_and_kill_are_blocks() {
	local profile
	profile=$(hp_allow_but '[
		{"names": ["pidfd_getfd"], "action": "SCMP_ACT_ERRNO",
		 "errnoRet": 38},
		{"names": ["kcmp"], "action": "SCMP_ACT_KILL_PROCESS"}]') ||
		exit 1
	HP_PROFILE=hardened run_probe_image --seccomp \
		--seccomp-profile "$profile"
	assert_exit 1
	assert_status seccomp.dangerous-syscalls fail
	assert_no_surprise
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence |
		.killed == ["kcmp"] and
		(.calls[] | select(.name == "kcmp") | .result == "blocked" and
			.signal == "SIGSYS" and .layer == "seccomp") and
		(.calls[] | select(.name == "pidfd_getfd") |
			.result == "blocked" and .errno == "ENOSYS" and
			.layer == "seccomp or kernel") and
		([.calls[] | select(.layer == "seccomp")] | length == 1)' \
		"ENOSYS and SIGSYS blocked, the rest recorded"
	# ctr's default capabilities lack CAP_SYS_ADMIN: with a filter in
	# place, an EPERM of a call that checks it first is not attributed
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") | .evidence.calls[] |
		select(.name == "pivot_root") | .result == "blocked" and
		.layer == "seccomp or capability"' "pivot_root inconclusive"
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.dangerous-syscalls") |
		(.observed | test("pidfd_getfd|kcmp") | not)' \
		"neither blocked call among the reachable"
}

# A profile that asks about those two calls alone passes on it.
test_seccomp_enosys_and_kill_pass_when_asked() {
	local profile dir=$hp_tmp/cases-$BASHPID
	profile=$(hp_allow_but '[
		{"names": ["pidfd_getfd"], "action": "SCMP_ACT_ERRNO",
		 "errnoRet": 38},
		{"names": ["kcmp"], "action": "SCMP_ACT_KILL_PROCESS"}]') ||
		exit 1
	mkdir -p "$dir"
	printf '%s\n' 'description "two calls"' \
		'seccomp.dangerous-syscalls blocked kcmp pidfd_getfd' \
		>"$dir/two.profile"
	HARDPROBE_CASES=$dir HP_PROFILE=two run_probe_image --seccomp \
		--seccomp-profile "$profile"
	assert_exit 0
	assert_failing ""
	assert_jq "$HP_REPORT" '.checks[0].observed ==
		"2 calls blocked or absent (seccomp: 1, killed by SIGSYS: 1; " +
		"layer inconclusive: pidfd_getfd)"'
}

# A filter for the native architecture alone refuses the 32-bit entry.
test_seccomp_ia32_blocked_by_native_only_filter() {
	local profile
	[ "$(uname -m)" = x86_64 ] || hp_skip "no ia32 entry on $(uname -m)"
	profile=$(hp_allow_but '[{"names": ["acct"],
		"action": "SCMP_ACT_ERRNO"}]' '["SCMP_ARCH_X86_64"]') || exit 1
	run_probe_image --seccomp --seccomp-profile "$profile"
	assert_status seccomp.ia32-entry pass
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.ia32-entry") | .evidence |
		.outcome == "denied" and .seccomp_mode == 2'
}

# The same filter with the i386 architecture added lets it through.
test_seccomp_ia32_allowed_when_filter_knows_i386() {
	local profile
	[ "$(uname -m)" = x86_64 ] || hp_skip "no ia32 entry on $(uname -m)"
	profile=$(hp_allow_but '[{"names": ["acct"],
		"action": "SCMP_ACT_ERRNO"}]' \
		'["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"]') || exit 1
	run_probe_image --seccomp --seccomp-profile "$profile"
	assert_status seccomp.ia32-entry fail
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "seccomp.ia32-entry") |
		.evidence.outcome == "allowed" and
		.observed == "allowed (the i386 getpid returned the pid)"'
}
