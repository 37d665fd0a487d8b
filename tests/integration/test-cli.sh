# shellcheck shell=bash
# The command line on real containers: piping ctr into verify, the exit
# status when no container can run, a probe killed by seccomp.

test_ctr_run_piped_into_verify() {
	local out=$hp_tmp/piped.json rc=0
	hp_next
	ctr -a "$HP_SOCK" run --rm "$HP_IMAGE_ROOT" "$hp_id" </dev/null |
		"$HARDPROBE" verify --profile hardened --format json - \
			>"$out" || rc=$?
	[ "$rc" -eq 1 ] || hp_fail "verify exited $rc, want 1"
	HP_REPORT=$out
	assert_status fs.etc-passwd-write fail
	assert_jq "$out" '.profile == "hardened" and .verdict == "fail"'
}

test_run_without_containerd_exits_3() {
	HP_EXIT=0
	"$HARDPROBE" run --address "$hp_tmp/no-such.sock" \
		--results "$hp_tmp/none" >/dev/null 2>"$hp_tmp/no-ctd.err" ||
		HP_EXIT=$?
	HP_STDERR=$hp_tmp/no-ctd.err
	assert_exit 3
	grep -q 'no-such.sock' "$HP_STDERR" ||
		hp_fail "the message does not name the socket"
}

# A filter that kills the process on getgroups: user.identity dies by
# SIGSYS; the record says so and the check is an error, never a pass.
test_probe_killed_by_seccomp_is_an_error() {
	local prof=$hp_tmp/kill-getgroups.json
	jq '.syscalls[0].names -= ["getgroups"] | .syscalls += [{
		names: ["getgroups"], action: "SCMP_ACT_KILL_PROCESS"}]' \
		"$hp_root/cases/seccomp-hardened.json" >"$prof"
	HP_PROFILE=web run_probe_image --seccomp --seccomp-profile "$prof"
	assert_exit 1
	assert_status user.identity error
	assert_jq "$HP_REPORT" '.verdict == "fail"'
	jq -e -s 'any(.[]; .probe == "user.identity" and
		.status == "error" and .error.kind == "signal" and
		.error.signal == "SIGSYS")' "$HP_STREAM" >/dev/null ||
		hp_fail "no SIGSYS error record for user.identity"
}

test_broken_profile_exits_2_with_file_and_line() {
	local bad=$hp_tmp/bad.profile
	ctr_run_stream
	printf 'description "x"\ncaps.sets only CAP_NOPE\n' >"$bad"
	HP_PROFILE=$bad verify_stream
	assert_exit 2
	grep -q 'bad.profile:2:' "$HP_STDERR" ||
		hp_fail "the message does not say bad.profile:2:"
}
