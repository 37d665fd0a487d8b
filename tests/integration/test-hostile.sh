# shellcheck shell=bash
# No false pass: probes that crash, hang, are killed, print garbage or
# forge records (the test image, built with tests/probes), and the real
# image where the runner cannot work normally.  Every case must end in an
# error or a skip with a reason, never in a pass for what was not seen.

HP_TEST_ARCHIVE=${HP_TEST_ARCHIVE:-$hp_build/hardprobe-test-image.tar}
HP_TEST_IMAGE=localhost/hardprobe-test:$hp_version

# A profile that the real image passes on user.identity alone: without the
# stray error rule, a run of user.identity plus a broken probe would pass.
hostile_profile() {
	HOSTILE_PROFILE=$hp_tmp/hostile-$BASHPID.profile
	printf '%s\n' 'description "user.identity only"' \
		'user.identity root' >"$HOSTILE_PROFILE"
}

hostile_import() {
	[ -f "$HP_TEST_ARCHIVE" ] ||
		hp_fail "test image '$HP_TEST_ARCHIVE' not built (make $HP_TEST_ARCHIVE)"
	ctr -a "$HP_SOCK" images ls -q | grep -qxF "$HP_TEST_IMAGE" ||
		ctr -a "$HP_SOCK" images import "$HP_TEST_ARCHIVE" >/dev/null ||
		hp_fail "import '$HP_TEST_ARCHIVE' failed"
}

# Run user.identity and the test probe $1 in the test image, judge the
# stream against the user.identity-only profile.
hostile_probe() {
	hostile_import
	hostile_profile
	hp_next
	HP_STREAM=$hp_tmp/$hp_id.jsonl
	timeout 120 ctr -a "$HP_SOCK" run --rm "$HP_TEST_IMAGE" "$hp_id" \
		/hardprobe/run-probes --timeout 2 --only "user.identity,$1" \
		>"$HP_STREAM" 2>"$hp_tmp/$hp_id.stderr" </dev/null ||
		hp_fail "ctr run of $1 exited $?"
	HP_PROFILE=$HOSTILE_PROFILE verify_stream "$HP_STREAM"
}

# The probe $1 is an error of kind $2, the verdict fails, and the one
# check the profile names still passes: only the error fails the run.
assert_probe_error() {
	assert_exit 1
	assert_status user.identity pass
	assert_status "$1" error
	assert_jq "$HP_REPORT" ".verdict == \"fail\""
	assert_jq "$HP_REPORT" ".checks[] | select(.id == \"$1\") |
		.evidence.kind == \"$2\"" "$1: error kind is not $2"
	assert_jq "$HP_REPORT" ".summary.error == 1 and .summary.pass == 1"
}

test_hostile_segfault_is_error() {
	hostile_probe test.segfault
	assert_probe_error test.segfault signal
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "test.segfault") |
		.observed == "probe killed by SIGSEGV"'
}

test_hostile_hang_is_error() {
	local start=$SECONDS
	hostile_probe test.hang
	assert_probe_error test.hang timeout
	# killed with its child at the limit (2 s), not at ctr's
	[ $((SECONDS - start)) -lt 30 ] || hp_fail "the hang took $((SECONDS - start)) s"
}

test_hostile_sigsys_is_error() {
	hostile_probe test.sigsys
	assert_probe_error test.sigsys signal
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "test.sigsys") |
		.evidence.signal == "SIGSYS"'
}

test_hostile_malformed_is_error() {
	hostile_probe test.malformed
	assert_probe_error test.malformed bad-output
	# the escape character of the output is not copied into the evidence
	! grep -q $'\x1b' "$HP_STREAM" || hp_fail "an escape reached the stream"
}

test_hostile_oversized_is_error() {
	hostile_probe test.oversized
	assert_probe_error test.oversized bad-output
	[ "$(wc -c <"$HP_STREAM")" -lt 65536 ] ||
		hp_fail "the oversized output reached the stream"
}

test_hostile_forged_record_is_error() {
	hostile_probe test.forge
	assert_probe_error test.forge bad-output
	! grep -q '"probe":"fs.etc-passwd-write"' "$HP_STREAM" ||
		hp_fail "the forged record reached the stream"
}

test_hostile_early_exit_is_error() {
	hostile_probe test.early-exit
	assert_probe_error test.early-exit no-output
}

# The whole test image through hardprobe run and a built-in profile: every
# misbehaving probe is an error check of its own.
test_hostile_whole_test_image_fails() {
	local p
	hostile_import
	HP_IMAGE=$HP_TEST_IMAGE run_probe_image
	assert_exit 1
	assert_jq "$HP_REPORT" '.verdict == "fail"'
	for p in segfault hang sigsys malformed oversized forge early-exit; do
		assert_status "test.$p" error
	done
}

# ---- the real image where the runner cannot work normally -------------------

# runc with the filter $1, like runc_run, but a runc that fails is kept in
# HP_RUNC_EXIT instead of failing the test.
hostile_runc() {
	local bundle
	hp_next
	bundle=$hp_tmp/$hp_id.bundle
	mkdir -m 0755 "$bundle"
	hp_runc_config "$bundle" "$1"
	HP_STREAM=$hp_tmp/$hp_id.jsonl
	HP_RUNC_EXIT=0
	timeout 120 runc --root "$hp_tmp/runc" run -b "$bundle" "$hp_id" \
		>"$HP_STREAM" 2>"$hp_tmp/$hp_id.runc.stderr" </dev/null ||
		HP_RUNC_EXIT=$?
	runc --root "$hp_tmp/runc" delete -f "$hp_id" >/dev/null 2>&1 || :
	verify_stream "$HP_STREAM"
}

# Every record of the stream that is an error is an error check in the
# report, and no check passes without an ok record of its own.
assert_errors_reported() {
	local id
	for id in $(jq -r 'select(.status == "error") | .probe' "$HP_STREAM"); do
		assert_status "$id" error
	done
	for id in $(jq -r '.checks[] | select(.status == "pass") | .id' \
		"$HP_REPORT"); do
		stream_jq "any(.probe == \"$id\" and .status == \"ok\")" ||
			hp_fail "$id passes without an ok record"
	done
}

# JQ-EXPR is true of the stream's lines, as one array.
stream_jq() {
	jq -e -s ".[] |= select(.type == \"record\") | map(select(.)) | $1" \
		"$HP_STREAM" >/dev/null
}

# The count of records with status $1 in the stream.
stream_count() {
	jq -s --arg s "$1" '[.[] | select(.type == "record" and
		.status == $s)] | length' "$HP_STREAM"
}

# pids.max 1: run-probes cannot fork a single probe child.
test_hostile_pids_limit_1_all_errors() {
	runc_run '.linux.resources.pids = {limit: 1}'
	assert_exit 1
	[ "$(stream_count ok)" -eq 0 ] || hp_fail "a probe ran under pids.max 1"
	stream_jq 'all(.error.detail | startswith("cannot start the probe child"))' ||
		hp_fail "an error is not about starting the probe child"
	assert_jq "$HP_REPORT" '.summary.pass == 0 and .summary.fail == 0'
	assert_errors_reported
}

# pids.max 2: probes run, but those that fork a helper cannot.
test_hostile_pids_limit_2_forking_probes_error() {
	runc_run '.linux.resources.pids = {limit: 2}'
	assert_exit 1
	assert_status nnp.setuid-escalation error
	assert_status seccomp.dangerous-syscalls error
	stream_jq 'any(.probe == "user.identity" and .status == "ok")' ||
		hp_fail "user.identity did not run under pids.max 2"
	grep -q "^hardprobe: run probe 'seccomp.dangerous-syscalls': Resource temporarily unavailable$" \
		"$hp_tmp/$hp_id.runc.stderr" || hp_fail "no message naming the probe"
	assert_errors_reported
}

# pids.max 3: the runner, a probe and its helper; nothing more is needed.
test_hostile_pids_limit_3_runs_everything() {
	runc_run '.linux.resources.pids = {limit: 3}'
	[ "$(stream_count error)" -eq 0 ] ||
		hp_fail "a probe failed under pids.max 3"
	assert_checks_exact "" error
}

# A read-only root and no tmpfs at all: the runner needs no writable
# directory (pipes only), and the write attempts are observed.
test_hostile_no_writable_directory() {
	runc_run '.root.readonly = true |
		.mounts |= map(select(.destination != "/dev/shm" and
				      .destination != "/dev/mqueue") |
			if .destination == "/dev" or .destination == "/dev/pts"
			then .options += ["ro"] else . end)'
	[ "$(stream_count error)" -eq 0 ] ||
		hp_fail "a probe failed without a writable directory"
	assert_status fs.rootfs-write pass
	assert_status fs.etc-passwd-write pass
	assert_errors_reported
}

# A user that /etc/passwd does not know, with no HOME.
test_hostile_nonroot_without_home() {
	HP_PROFILE=web runc_run '.process.user = {uid: 4242, gid: 4242} |
		.process.env = ["PATH=/hardprobe"]'
	[ "$(stream_count error)" -eq 0 ] ||
		hp_fail "a probe failed as a user without a home"
	assert_status user.identity pass
	stream_jq 'any(.probe == "user.identity" and .data.uid == 4242)' ||
		hp_fail "user.identity did not see uid 4242"
	assert_errors_reported
}

hostile_no_fork='.linux.seccomp = {defaultAction: "SCMP_ACT_ALLOW",
	architectures: ["SCMP_ARCH_X86_64"],
	syscalls: [{names: ["clone", "clone3", "fork", "vfork"],
		    action: $action, errnoRet: 1}]}'

# fork and clone fail with EPERM: a complete stream of error records.
test_hostile_seccomp_no_fork_errors() {
	runc_run "\"SCMP_ACT_ERRNO\" as \$action | $hostile_no_fork"
	assert_exit 1
	[ "$(stream_count ok)" -eq 0 ] || hp_fail "a probe ran without fork"
	stream_jq 'all(.error.detail ==
		"cannot start the probe child: Operation not permitted")' ||
		hp_fail "an error is not EPERM from fork"
	assert_errors_reported
}

# fork kills the runner: the stream has no trailer and is rejected.
test_hostile_seccomp_fork_kills_runner() {
	hostile_runc "\"SCMP_ACT_KILL_PROCESS\" as \$action | $hostile_no_fork"
	[ "$HP_RUNC_EXIT" -ne 0 ] || hp_fail "run-probes survived a fatal fork"
	assert_exit 2
	grep -q "without a trailer (incomplete)" "$HP_STDERR" ||
		hp_fail "no 'incomplete' message: $(cat "$HP_STDERR")"
	[ ! -s "$HP_REPORT" ] || hp_fail "a report was written for a cut stream"
}

# A stream without its end although the task exited 0 is what ctr's lost
# output looks like: run tries again, says so, and at last refuses the
# stream as incomplete (exit 2), never judging it.
test_hostile_lost_output_is_retried_then_refused() {
	hostile_import
	HP_IMAGE=$HP_TEST_IMAGE run_probe_image --env HARDPROBE_TEST_NO_TRAILER=1
	assert_exit 2
	grep -q 'running it again (attempt 2 of 3)' "$HP_STDERR" ||
		hp_fail "no second attempt: $(cat "$HP_STDERR")"
	grep -q 'running it again (attempt 3 of 3)' "$HP_STDERR" ||
		hp_fail "no third attempt: $(cat "$HP_STDERR")"
	! grep -q 'attempt 4' "$HP_STDERR" || hp_fail "more than 3 attempts"
	grep -q 'incomplete' "$HP_STDERR" ||
		hp_fail "not refused as incomplete: $(cat "$HP_STDERR")"
	[ ! -s "$HP_REPORT" ] || hp_fail "a report was written: $(head -c 200 "$HP_REPORT")"
	assert_containerd_clean
}
