#!/usr/bin/env bash
# `make fuzz`: build the libFuzzer targets with clang and run each for
# FUZZ_SECONDS (default 60).  The inputs the fuzzer finds go to a temporary
# directory; a crash is written into the target's corpus directory
# (tests/fuzz/corpus-*/crash-*), where the unit tests replay it from then
# on.  FUZZ_KEEP=1 merges the new inputs that add coverage into the corpus.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${FUZZ_SECONDS:-60}
build=${BUILD:-build}

die() {
	echo "hardprobe: $*" >&2
	exit 1
}

[[ $seconds =~ ^[1-9][0-9]*$ ]] ||
	die "bad FUZZ_SECONDS '$seconds': want whole seconds above 0"
if ! command -v "${FUZZ_CC:-clang}" >/dev/null; then
	[ "$(id -u)" -eq 0 ] || die "find program 'clang': not installed"
	echo "hardprobe: installing clang" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends clang >/dev/null ||
		die "install package 'clang': apt-get failed"
fi
make -s "$build/fuzz-stream" "$build/fuzz-profile"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

status=0
for target in stream profile; do
	corpus=tests/fuzz/corpus-$target
	mkdir -p "$tmp/$target"
	echo "fuzz-$target: $seconds s"
	"$build/fuzz-$target" -max_total_time="$seconds" \
		-dict="tests/fuzz/$target.dict" -print_final_stats=1 \
		-artifact_prefix="$corpus/crash-" "$tmp/$target" "$corpus" \
		>"$tmp/$target.log" 2>&1 || {
		status=1
		tail -n 30 "$tmp/$target.log"
		echo "fuzz-$target: crash kept in $corpus/" >&2
	}
	grep -E '^stat::number_of_executed_units|^Done' "$tmp/$target.log" || :
	if [ "${FUZZ_KEEP:-0}" = 1 ]; then
		"$build/fuzz-$target" -merge=1 "$corpus" "$tmp/$target" \
			>/dev/null 2>&1 || die "merge into '$corpus' failed"
	fi
done
exit "$status"
