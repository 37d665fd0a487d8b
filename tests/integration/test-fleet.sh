# shellcheck shell=bash
# Many runs at once: `hardprobe summary` over a directory of 100 evidence
# directories, and `hardprobe run --count N`.

# Two real runs judged against a small profile of the root file system:
# one with the hardened flags (passes) and one with ctr's defaults (fails
# on both checks).  Their evidence directories are copied into $fleet: 99
# of the passing run and 1 of the failing one.  Copies are cheap (100 real
# runs take about 20 s here), and the summary reads nothing that would
# tell them apart from 100 real runs.
hp_fleet() {
	local good bad i
	fleet=$hp_tmp/fleet-$BASHPID
	printf '%s\n' 'description "root file system"' \
		'fs.etc-passwd-write denied' 'fs.rootfs-write denied' \
		>"$hp_tmp/fleet.profile"
	HP_PROFILE=$hp_tmp/fleet.profile
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	good=$(dirname "$HP_STREAM")
	run_probe_image
	assert_exit 1
	bad=$(dirname "$HP_STREAM")
	mkdir -p "$fleet"
	for i in $(seq -w 1 99); do
		cp -r "$good" "$fleet/run-$i-pass"
	done
	cp -r "$bad" "$fleet/run-100-fail"
	cp "$hp_root/results/README.md" "$fleet/"
}

# Run summary with ARGS; HP_EXIT, HP_OUT and HP_STDERR.
hp_summary() {
	HP_OUT=$hp_tmp/summary-$BASHPID.out
	HP_STDERR=$hp_tmp/summary-$BASHPID.err
	HP_EXIT=0
	"$HARDPROBE" summary "$@" >"$HP_OUT" 2>"$HP_STDERR" || HP_EXIT=$?
}

test_summary_of_100_runs() {
	hp_fleet
	hp_summary "$fleet"
	assert_exit 1
	[ "$(grep -c '^run-' "$HP_OUT")" -eq 100 ] ||
		hp_fail "want 100 rows: $(cat "$HP_OUT")"
	grep -q '^summary: fail (100 runs: 99 pass, 1 fail)$' "$HP_OUT" ||
		hp_fail "wrong totals: $(tail -n 1 "$HP_OUT")"
	grep -Eq '^fleet +100 +99 +1 +0$' "$HP_OUT" ||
		hp_fail "wrong profile row"
	# the failing run's failed checks, each counted once
	for id in fs.etc-passwd-write fs.rootfs-write; do
		grep -Eq "^${id//./\\.} +1 +1 +0$" "$HP_OUT" ||
			hp_fail "no count row for $id"
	done
	grep -q '^run-100-fail .*fail' "$HP_OUT" || hp_fail "no failing row"
	[ ! -s "$HP_STDERR" ] || hp_fail "stderr: $(cat "$HP_STDERR")"
}

test_summary_of_passing_runs_exits_0_in_every_format() {
	hp_fleet
	rm -r "$fleet/run-100-fail"
	hp_summary "$fleet"
	assert_exit 0
	grep -q '^summary: pass (99 runs: 99 pass, 0 fail)$' "$HP_OUT" ||
		hp_fail "wrong totals"
	hp_summary --format json "$fleet"
	assert_exit 0
	assert_jq "$HP_OUT" '.verdict == "pass" and (.runs | length) == 99
		and .summary.pass == 99 and .checks == []'
	hp_summary --format junit --output "$hp_tmp/fleet.xml" "$fleet"
	assert_exit 0
	[ "$(grep -c '<testsuite ' "$hp_tmp/fleet.xml")" -eq 99 ] ||
		hp_fail "want 99 testsuites"
	! grep -q '<failure' "$hp_tmp/fleet.xml" || hp_fail "a failure in junit"
}

# With --profile, the kept streams are judged again: web wants non-root.
test_summary_judges_streams_again_against_a_profile() {
	hp_fleet
	hp_summary --profile web --format json "$fleet" "$HP_STREAM"
	assert_exit 1
	assert_jq "$HP_OUT" '(.runs | length) == 101 and .summary.pass == 0
		and all(.runs[]; .profile == "web") and
		any(.checks[]; .id == "user.identity" and .fail == 101)'
}

test_summary_bad_input_exits_2_naming_it() {
	hp_fleet
	echo '{"profile": "hardened", "verdict": "pass"' \
		>"$fleet/run-07-pass/report.json"
	hp_summary "$fleet"
	assert_exit 2
	grep -q "run-07-pass/report.json" "$HP_STDERR" ||
		hp_fail "the message does not name the report"
	grep -q '^summary: fail (99 runs: 98 pass, 1 fail)$' "$HP_OUT" ||
		hp_fail "the other runs are not shown"
	hp_summary "$hp_tmp/no-such-dir"
	assert_exit 2
	grep -q "no-such-dir" "$HP_STDERR" || hp_fail "missing dir not named"
}

# run --count: N containers at once, one evidence directory each, one
# summary, and the worst exit status.  (Without --uidmap: ctr 1.6 makes
# the remapped snapshot of each --uidmap run itself, and runs that start
# together race to create it; see the README's limitations.)
test_run_count_runs_containers_in_parallel() {
	local results=$hp_tmp/count-$BASHPID
	printf '%s\n' 'description "read-only root"' \
		'fs.etc-passwd-write denied' >"$hp_tmp/ro.profile"
	HP_EXIT=0
	"$HARDPROBE" run --address "$HP_SOCK" --results "$results" \
		--profile "$hp_tmp/ro.profile" --count 5 -- --read-only \
		>"$hp_tmp/count.out" 2>"$hp_tmp/count.err" || HP_EXIT=$?
	assert_exit 0
	[ "$(find "$results" -mindepth 2 -name report.json | wc -l)" -eq 5 ] ||
		hp_fail "want 5 evidence directories with a report"
	[ "$(grep -c -- '-hardprobe-.* ro  *pass' "$hp_tmp/count.out")" -eq 5 ] ||
		hp_fail "want 5 passing rows: $(cat "$hp_tmp/count.out")"
	grep -q '^summary: pass (5 runs: 5 pass, 0 fail)$' "$hp_tmp/count.out" ||
		hp_fail "wrong totals"
	# the same runs, summarised again from their directories
	"$HARDPROBE" summary "$results" >"$hp_tmp/again.out" ||
		hp_fail "summary of the kept runs failed"
	# without --read-only, every run fails: exit 1, in json
	HP_EXIT=0
	"$HARDPROBE" run --address "$HP_SOCK" --results "$results-rw" \
		--profile "$hp_tmp/ro.profile" --count 3 --format json \
		>"$hp_tmp/count.json" 2>"$hp_tmp/count.err" || HP_EXIT=$?
	assert_exit 1
	assert_jq "$hp_tmp/count.json" '.summary.runs == 3 and
		.summary.fail == 3 and .checks[0].id == "fs.etc-passwd-write"
		and .checks[0].fail == 3'
}

test_run_count_rejects_a_bad_count() {
	HP_EXIT=0
	"$HARDPROBE" run --count 0 >/dev/null 2>"$hp_tmp/badcount.err" ||
		HP_EXIT=$?
	HP_STDERR=$hp_tmp/badcount.err
	assert_exit 2
	grep -q "bad count '0'" "$HP_STDERR" || hp_fail "no message"
}
