#!/usr/bin/env bash
# `make bench`: what hardprobe costs.  (a) the image's size: the one
# uncompressed layer, budget 2 MiB; (b) the wall time of a container that
# runs every probe against one that runs /hardprobe/noop, both started
# with `ctr run --rm` on a private containerd, budget +25 %.  Prints the
# figures, writes them to bench/results.md, and exits 1 when over budget.
# (c) bench/summary.sh: how many saved streams the harness judges a second.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
version=${VERSION:-$(sed -n 's/^VERSION *?= *//p' Makefile)}
archive=${BUILD:-build}/hardprobe-image.tar
image=localhost/hardprobe:$version
runs=${BENCH_RUNS:-30}
size_budget=$((2 * 1024 * 1024))
time_budget_pct=25
export CONTAINERD_NAMESPACE=hardprobe

tmp=
cleanup() {
	[ -z "$tmp" ] || bash scripts/containerd.sh stop "$tmp/containerd" || :
	[ -z "$tmp" ] || rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v hyperfine >/dev/null || bash scripts/install-deps.sh
[ -f "$archive" ] || { echo "hardprobe: no '$archive': run make" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-bench.XXXXXX")
chmod 0755 "$tmp"

# (a) the layer blob is the uncompressed layer tar itself.
layer=$(tar -xOf "$archive" manifest.json | jq -r '.[0].Layers[0]')
layer_bytes=$(tar -tvf "$archive" "$layer" | awk '{ print $3 }')

# (b) each timed run gets a container id of its own: the shell's pid and
# a random number (with --rm the id is free again when the run ends).
sock=$(bash scripts/containerd.sh start "$tmp/containerd")
ctr -a "$sock" images import "$archive" >/dev/null
run="ctr -a $sock run --rm $image hp-bench-\$\$-\$RANDOM"
hyperfine --shell=bash --warmup 3 --runs "$runs" --style basic \
	--export-json "$tmp/times.json" \
	-n noop "$run /hardprobe/noop" \
	-n run-probes "$run /hardprobe/run-probes"

# The budget is judged on medians: on a shared 2-CPU machine a few slow
# runs move the mean a lot.
read -r noop_s noop_sd noop_med probes_s probes_sd probes_med < <(jq -r '
	[.results[] | {(.command): .}] | add |
	[.noop.mean, .noop.stddev, .noop.median, ."run-probes".mean,
	 ."run-probes".stddev, ."run-probes".median] | @tsv' "$tmp/times.json")
extra_pct=$(awk -v a="$noop_med" -v b="$probes_med" \
	'BEGIN { printf "%+.1f", (b - a) / a * 100 }')
size_ok=$([ "$layer_bytes" -le "$size_budget" ] && echo yes || echo NO)
time_ok=$(awk -v p="$extra_pct" -v b="$time_budget_pct" \
	'BEGIN { print (p <= b) ? "yes" : "NO" }')

ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

{
	echo "# hardprobe benchmark results"
	echo
	echo "Written by \`make bench\` (bench/run.sh); see bench/README.md."
	echo "Machine: $(uname -sr), $(nproc) CPUs;" \
		"$(containerd --version | awk '{ print $1, $3 }');" \
		"$(runc --version | head -n 1); $runs runs each."
	echo
	echo "| figure | value | budget | within |"
	echo "|---|---|---|---|"
	echo "| image layer (uncompressed) | $layer_bytes bytes" \
		"($(awk -v b="$layer_bytes" 'BEGIN { printf "%.1f", b / 1024 }') KiB)" \
		"| 2 MiB | $size_ok |"
	echo "| \`ctr run --rm\` noop, median | $(ms "$noop_med")" \
		"(mean $(ms "$noop_s") ± $(ms "$noop_sd")) | | |"
	echo "| \`ctr run --rm\` run-probes, median | $(ms "$probes_med")" \
		"(mean $(ms "$probes_s") ± $(ms "$probes_sd")) | | |"
	echo "| time the probes add (medians) | $extra_pct % |" \
		"+$time_budget_pct % | $time_ok |"
} >bench/results.md

# (c) how fast saved streams are judged (bench/summary.sh adds its
# section to results.md), on a stream a real container just wrote.
ctr -a "$sock" run --rm "$image" "hp-bench-stream-$$" >"$tmp/stream.jsonl"
judge_ok=yes
bash bench/summary.sh "$tmp/stream.jsonl" >/dev/null || judge_ok=NO

echo
cat bench/results.md
[ "$size_ok" = yes ] && [ "$time_ok" = yes ] && [ "$judge_ok" = yes ] &&
	exit 0
echo "bench: over budget" >&2
exit 1
