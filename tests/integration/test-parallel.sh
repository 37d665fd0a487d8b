# shellcheck shell=bash
# Parallel and repeated runs against one containerd: every run keeps its
# own complete evidence, and nothing is left in containerd afterwards, not
# even by runs interrupted with SIGINT or SIGTERM.

# hardprobe run in the background into the shared results directory $1:
# its pid into $1.exit/$2.pid, its exit status into $1.exit/$2 once done.
# Further arguments go to run.
parallel_start() {
	local results=$1 n=$2
	shift 2
	mkdir -p "$results.exit"
	(
		"$HARDPROBE" run --address "$HP_SOCK" --results "$results" \
			--format json "$@" >"$results.exit/$n.out" \
			2>"$results.exit/$n.err" </dev/null &
		echo "$!" >"$results.exit/$n.pid"
		rc=0
		wait "$!" || rc=$?
		echo "$rc" >"$results.exit/$n"
	) &
}

# Nothing of hardprobe's left in containerd: no container, no task, no
# active snapshot (the image's committed layers stay).
assert_containerd_clean() {
	local left
	left=$(ctr -a "$HP_SOCK" containers ls -q)
	[ -z "$left" ] || hp_fail "containers left: $left"
	left=$(ctr -a "$HP_SOCK" tasks ls | tail -n +2)
	[ -z "$left" ] || hp_fail "tasks left: $left"
	left=$(ctr -a "$HP_SOCK" snapshots ls | awk 'NR > 1 && $NF != "Committed"')
	[ -z "$left" ] || hp_fail "snapshots left: $left"
}

# Each evidence directory under $1 is complete and its own: a stream that
# verifies, the reports, and a command.txt naming the directory's own
# container id.  $2 is the number of directories there must be.
assert_evidence() {
	local results=$1 want=$2 dir id n=0 rc
	for dir in "$results"/*/; do
		dir=${dir%/}
		id=${dir##*-hardprobe-}
		for f in stream.jsonl report.json report.txt command.txt ctr.log; do
			[ -f "$dir/$f" ] || hp_fail "$dir has no $f"
		done
		[ "$(tail -n 1 "$dir/command.txt")" = "hardprobe-$id" ] ||
			hp_fail "$dir/command.txt runs another container"
		rc=0
		"$HARDPROBE" verify --format json "$dir/stream.jsonl" \
			>"$dir.verify" 2>&1 || rc=$?
		[ "$rc" -le 1 ] || hp_fail "$dir/stream.jsonl: $(cat "$dir.verify")"
		cmp -s <(jq -S 'del(.stream)' "$dir.verify") \
			<(jq -S 'del(.stream)' "$dir/report.json") ||
			hp_fail "$dir: its report differs from its stream's"
		n=$((n + 1))
	done
	[ "$n" -eq "$want" ] || hp_fail "$n evidence directories, want $want"
}

test_parallel_16_runs_at_once() {
	local results n
	hp_next
	results=$hp_tmp/$hp_id.results
	for n in $(seq 16); do
		parallel_start "$results" "$n"
	done
	wait
	for n in $(seq 16); do
		[ "$(cat "$results.exit/$n")" = 1 ] ||
			hp_fail "run $n exited $(cat "$results.exit/$n"): $(cat "$results.exit/$n.err")"
	done
	assert_evidence "$results" 16
	assert_containerd_clean
}

# 200 runs one after the other (HP_REPEAT runs outside CI).
test_repeated_200_runs() {
	local results n=0 runs=${HP_REPEAT:-200} rc
	[ "${CI:-}" != true ] || runs=200
	hp_next
	results=$hp_tmp/$hp_id.results
	while [ "$n" -lt "$runs" ]; do
		n=$((n + 1))
		rc=0
		"$HARDPROBE" run --address "$HP_SOCK" --results "$results" \
			--format json >/dev/null 2>"$hp_tmp/$hp_id.err" || rc=$?
		[ "$rc" -eq 1 ] || hp_fail "run $n exited $rc: $(cat "$hp_tmp/$hp_id.err")"
	done
	assert_evidence "$results" "$runs"
	assert_containerd_clean
}

# A run stopped by signal $1 while its probes are busy (the test image's
# hanging probe) exits 3 and leaves nothing in containerd.
parallel_interrupt() {
	local results sig=$1
	hp_next
	results=$hp_tmp/$hp_id.results
	hostile_import
	parallel_start "$results" 1 --image "$HP_TEST_IMAGE"
	# until the task runs
	for _ in $(seq 100); do
		ctr -a "$HP_SOCK" tasks ls | grep -q RUNNING && break
		sleep 0.1
	done
	ctr -a "$HP_SOCK" tasks ls | grep -q RUNNING || hp_fail "no task started"
	kill "-$sig" "$(cat "$results.exit/1.pid")" ||
		hp_fail "no hardprobe to signal"
	wait
	[ "$(cat "$results.exit/1")" = 3 ] ||
		hp_fail "exit $(cat "$results.exit/1") after SIG$sig, want 3"
	grep -q "interrupted" "$results.exit/1.err" ||
		hp_fail "no 'interrupted' message: $(cat "$results.exit/1.err")"
	assert_containerd_clean
}

test_parallel_interrupted_by_sigint() {
	parallel_interrupt INT
}

test_parallel_interrupted_by_sigterm() {
	parallel_interrupt TERM
}
