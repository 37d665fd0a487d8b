#!/usr/bin/env bash
# How fast the harness judges: `hardprobe summary --profile P` over 10,000
# saved streams, on one core (taskset), timed with hyperfine.  The goal is
# that judging is never the slow part of a fleet check: well above 1,000
# streams a second.  Usage: bench/summary.sh [STREAM]; STREAM defaults to
# tests/data/stream-hardened.jsonl (bench/run.sh passes one that a real
# container just wrote).  Replaces the "Judging" section of
# bench/results.md, and exits 1 when under budget.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
stream=${1:-tests/data/stream-hardened.jsonl}
hardprobe=${BUILD:-build}/hardprobe
count=${BENCH_STREAMS:-10000}
runs=${BENCH_SUMMARY_RUNS:-10}
profile=${BENCH_PROFILE:-hardened}
budget=1000
export HARDPROBE_CASES=$root/cases

tmp=
cleanup() { [ -z "$tmp" ] || rm -rf --one-file-system "$tmp"; }
trap cleanup EXIT

command -v hyperfine >/dev/null || bash scripts/install-deps.sh
[ -x "$hardprobe" ] || { echo "hardprobe: no '$hardprobe': run make" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-bench-summary.XXXXXX")

# The same stream $count times, each a file of its own (hard links would
# let the page cache hold one copy; real fleets have distinct files).
# printf is a builtin: no process per file.
mkdir "$tmp/streams"
content=$(cat "$stream"; echo x)
content=${content%x}
for ((i = 0; i < count; i++)); do
	printf '%s' "$content" >"$tmp/streams/s$i.jsonl"
done
cmp -s "$stream" "$tmp/streams/s0.jsonl" ||
	{ echo "bench: the copies differ from '$stream'" >&2; exit 1; }

# Check once that every stream is judged (the verdict counts all runs).
"$hardprobe" summary --profile "$profile" --format json "$tmp/streams" \
	>"$tmp/check.json" || [ $? -eq 1 ]
judged=$(jq '.summary.runs' "$tmp/check.json")
[ "$judged" -eq "$count" ] ||
	{ echo "bench: judged $judged streams, want $count" >&2; exit 1; }

hyperfine --warmup 1 --runs "$runs" --style basic -i \
	--export-json "$tmp/times.json" \
	-n summary "taskset -c 0 $hardprobe summary --profile $profile $tmp/streams"

read -r mean sd med < <(jq -r '.results[0] | [.mean, .stddev, .median] |
	@tsv' "$tmp/times.json")
rate=$(awk -v n="$count" -v s="$med" 'BEGIN { printf "%d", n / s }')
ok=$(awk -v r="$rate" -v b="$budget" 'BEGIN { print (r > b) ? "yes" : "NO" }')
bytes=$(stat -c %s "$stream")

section() {
	echo "## Judging saved streams"
	echo
	echo "Written by bench/summary.sh: \`hardprobe summary --profile" \
		"$profile\` over $count copies of one saved stream" \
		"($bytes bytes, $(($(wc -l <"$stream") - 2)) records), on one" \
		"core (\`taskset -c 0\`), $runs runs after 1 warm-up;" \
		"$(uname -sr), $(nproc) CPUs."
	echo
	echo "| figure | value | goal | within |"
	echo "|---|---|---|---|"
	awk -v m="$med" -v a="$mean" -v d="$sd" -v n="$count" 'BEGIN {
		printf "| %d streams, median | %.3f s (mean %.3f s ± %.3f s) | | |\n",
			n, m, a, d }'
	echo "| streams judged a second (one core, median) | $rate |" \
		"> $budget | $ok |"
}

# Keep what bench/run.sh wrote above; replace an earlier section.
touch bench/results.md
sed -i '/^## Judging saved streams$/,$d' bench/results.md
[ ! -s bench/results.md ] || [ -z "$(tail -n 1 bench/results.md)" ] ||
	echo >>bench/results.md
section >>bench/results.md

echo
section
[ "$ok" = yes ] && exit 0
echo "bench: judging under $budget streams a second" >&2
exit 1
