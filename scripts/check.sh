#!/usr/bin/env bash
# `make check`: install what is missing, build, run the Check unit tests
# and the integration tests, and close with one line "N passed, N failed"
# (unit and integration together).  Exits non-zero when anything failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
log=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-check.XXXXXX")
trap 'rm -rf "$log"' EXIT

passed=0
failed=0

# A step that produced no counts of its own (the build, a crash) counts as
# one failure, so that the closing line can never be green by accident.
fail_step() {
	echo "check: $1" >&2
	failed=$((failed + 1))
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# Check prints one "NN%: Checks: N, Failures: N, Errors: N" per runner.
count_unit() {
	local rc=$1 sums
	sums=$(awk '/^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+$/ {
			gsub(/[^0-9 ]/, ""); $0 = $0
			c += $2; f += $3 + $4; n++
		}
		END { if (n) print c - f, f }' "$log/unit.log")
	if [ -z "$sums" ]; then
		fail_step "unit tests: no Check summary line (exit $rc)"
		return
	fi
	# shellcheck disable=SC2086 # two numbers, split on purpose
	set -- $sums
	echo "unit: $1 passed, $2 failed"
	passed=$((passed + $1))
	failed=$((failed + $2))
	[ "$rc" -eq 0 ] || [ "$2" -gt 0 ] ||
		fail_step "unit tests: exit $rc with no failed check"
}

count_integration() {
	local rc=$1 last
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log/integration.log" |
		tail -n 1)
	if [[ ! $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		fail_step "integration tests: no closing line (exit $rc)"
		return
	fi
	echo "integration: $last"
	passed=$((passed + BASH_REMATCH[1]))
	failed=$((failed + BASH_REMATCH[2]))
	[ "$rc" -eq 0 ] || [ "${BASH_REMATCH[2]}" -gt 0 ] ||
		fail_step "integration tests: exit $rc with no failed test"
}

main() {
	local rc
	if ! bash scripts/install-deps.sh; then
		fail_step "installing dependencies failed"
		finish
	fi
	# the test image too: the integration tests run its broken probes
	make -j"$(nproc)" all build/hardprobe-test-image.tar ||
		{ fail_step "make failed"; finish; }
	make -s format-check || fail_step "format-check: run clang-format -i"

	make unit 2>&1 | tee "$log/unit.log"
	rc=${PIPESTATUS[0]}
	count_unit "$rc"

	bash tests/integration/run.sh 2>&1 | tee "$log/integration.log"
	rc=${PIPESTATUS[0]}
	count_integration "$rc"
	finish
}

main "$@"
