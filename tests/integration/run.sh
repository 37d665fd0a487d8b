#!/usr/bin/env bash
# Integration tests: real containers on one private containerd for the
# whole run.  Sources lib.sh and every test-*.sh beside it; runs each
# test_* function (or only those matching the patterns given as arguments)
# and closes with "N passed, N failed".  A test that cannot run here is
# skipped; with CI=true a skip counts as a failure.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

passed=0
failed=0
skipped=0
tests=()

# Source the test files; their tests run file by file, by name within one.
load_tests() {
	local f before fn
	for f in "$here"/test-*.sh; do
		before=$(declare -F | awk '{ print $3 }')
		# shellcheck source=/dev/null
		source "$f"
		for fn in $(declare -F | awk '$3 ~ /^test_/ { print $3 }'); do
			grep -qxF "$fn" <<<"$before" || tests+=("$fn")
		done
	done
}

selected() {
	local fn=$1 pat
	[ $# -eq 1 ] && return 0
	shift
	for pat in "$@"; do
		[[ $fn == *$pat* ]] && return 0
	done
	return 1
}

count_skip() {
	if [ "${CI:-}" = true ]; then
		echo "FAIL $1 (skipped under CI=true): $2"
		failed=$((failed + 1))
	else
		echo "skip $1: $2"
		skipped=$((skipped + 1))
	fi
}

# Run one test in a subshell; its output is shown only when it fails.
run_one() {
	local fn=$1 log rc
	log=$hp_tmp/$fn.log
	# Not in an || list: that would switch set -e off inside the test.
	(set -eu; "$fn") >"$log" 2>&1 </dev/null
	rc=$?
	case $rc in
	0) echo "ok   $fn"; passed=$((passed + 1)) ;;
	77) count_skip "$fn" "$(tail -n 1 "$log")" ;;
	*)
		echo "FAIL $fn"
		sed 's/^/    /' "$log"
		failed=$((failed + 1))
		;;
	esac
}

main() {
	local fn
	load_tests
	trap hp_teardown EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	hp_setup
	[ -z "$hp_setup_error" ] ||
		echo "integration tests cannot run: $hp_setup_error"
	for fn in "${tests[@]}"; do
		selected "$fn" "$@" || continue
		if [ -n "$hp_setup_error" ]; then
			count_skip "$fn" "$hp_setup_error"
		else
			run_one "$fn"
		fi
	done
	# Stop containerd now, so that the closing line is the last one.
	hp_teardown
	[ "$skipped" -eq 0 ] || echo "$skipped skipped"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

main "$@"
