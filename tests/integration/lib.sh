# shellcheck shell=bash
# The integration test framework: real containers on a private containerd.
#
# run.sh sources this file, then every tests/integration/test-*.sh, and
# runs each function named test_* in a subshell of its own.  A test passes
# when it returns 0, fails on the first failed assertion (which exits the
# subshell), and is skipped by `hp_skip REASON`.
#
# Running the probes:
#   run_probe_image [CTR-FLAGS...]  hardprobe run against the private
#                                   containerd; HP_PROFILE (default
#                                   "hardened") and HP_IMAGE choose the
#                                   profile and image
#   ctr_run_stream [CTR-FLAGS...]   ctr run straight, stdout kept as stream
#   runc_run JQ-FILTER              runc with a generated config.json
#                                   edited by JQ-FILTER, then verify;
#                                   extra `runc run` options in the
#                                   array hp_runc_run_args
#   verify_stream [FILE]            hardprobe verify of a stream
# Each sets HP_EXIT (exit status), HP_REPORT (json report file), HP_STREAM
# (record stream file) and HP_STDERR where it applies.
#
# Assertions:
#   assert_exit N
#   assert_status CHECK-ID pass|fail|error|skip
#   assert_checks_exact "ID ID..." [STATUS]   the exact set of checks with
#                                   STATUS (default fail) in the report
#   assert_failing "ID..." ["SKIP-ID..."]   exactly these fail, exactly
#                                   these skip, none errors, the rest pass
#   assert_jq FILE JQ-EXPR [MESSAGE]   JQ-EXPR is true for FILE
#   hp_fail MESSAGE, hp_skip REASON

hp_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
hp_build=${BUILD:-$hp_root/build}
hp_version=${VERSION:-$(sed -n 's/^VERSION *?= *//p' "$hp_root/Makefile")}
HARDPROBE=${HARDPROBE:-$hp_build/hardprobe}
HP_ARCHIVE=${HP_ARCHIVE:-$hp_build/hardprobe-image.tar}
HP_IMAGE_ROOT=localhost/hardprobe:$hp_version
HP_IMAGE_NONROOT=localhost/hardprobe:$hp_version-nonroot
HP_PROFILE=${HP_PROFILE:-hardened}
export CONTAINERD_NAMESPACE=hardprobe
export HARDPROBE_CASES=${HARDPROBE_CASES:-$hp_root/cases}

hardprobe_root=$hp_root
# shellcheck source=../../scripts/hardened-flags.sh
source "$hp_root/scripts/hardened-flags.sh"

hp_tmp=
hp_ctd=
HP_SOCK=
hp_setup_error=
hp_seq=0
hp_runc_run_args=()

# ---- the private containerd, once per run ----------------------------------

# Why this machine cannot run the tests, or nothing.
hp_cannot_run() {
	[ "$(id -u)" -eq 0 ] || { echo "not root"; return; }
	command -v containerd >/dev/null || { echo "containerd missing"; return; }
	command -v runc >/dev/null || { echo "runc missing"; return; }
	[ -x "$HARDPROBE" ] || { echo "$HARDPROBE not built"; return; }
	[ -f "$HP_ARCHIVE" ] || { echo "$HP_ARCHIVE not built"; return; }
	return 0
}

hp_setup() {
	hp_tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-it.XXXXXX")
	# The container's (mapped) root must traverse down to its rootfs.
	chmod 0755 "$hp_tmp"
	hp_setup_error=$(hp_cannot_run)
	[ -z "$hp_setup_error" ] || return 0
	hp_ctd=$hp_tmp/containerd
	if ! HP_SOCK=$(bash "$hp_root/scripts/containerd.sh" start "$hp_ctd"); then
		hp_setup_error="private containerd did not start"
		return 0
	fi
	ctr -a "$HP_SOCK" images import "$HP_ARCHIVE" >"$hp_tmp/import.log" 2>&1 ||
		hp_setup_error="ctr images import failed: $(tail -n 1 "$hp_tmp/import.log")"
}

hp_teardown() {
	[ -z "$hp_ctd" ] || bash "$hp_root/scripts/containerd.sh" stop "$hp_ctd" || :
	[ -z "$hp_tmp" ] || rm -rf --one-file-system "$hp_tmp"
	hp_ctd='' hp_tmp=''
}

# A fresh name in hp_id, for a container, a bundle, a results directory.
# Each test runs in a subshell of its own: its pid keeps names apart.
hp_next() {
	hp_seq=$((hp_seq + 1))
	hp_id=hp-it-$BASHPID-$hp_seq
}

# ---- running probes ---------------------------------------------------------

run_probe_image() {
	local id
	hp_next
	id=$hp_id
	HP_RESULTS=$hp_tmp/$id
	HP_REPORT=$HP_RESULTS.report.json
	HP_STDERR=$HP_RESULTS.stderr
	mkdir -p "$HP_RESULTS"
	HP_EXIT=0
	"$HARDPROBE" run --format json --address "$HP_SOCK" \
		--profile "$HP_PROFILE" --results "$HP_RESULTS" \
		${HP_IMAGE:+--image "$HP_IMAGE"} -- "$@" \
		>"$HP_REPORT" 2>"$HP_STDERR" || HP_EXIT=$?
	# run keeps RESULTS/<time>-<id>/stream.jsonl
	HP_STREAM=$(find "$HP_RESULTS" -name stream.jsonl | head -n 1)
}

ctr_run_stream() {
	local id
	hp_next
	id=$hp_id
	HP_STREAM=$hp_tmp/$id.jsonl
	HP_STDERR=$hp_tmp/$id.stderr
	HP_EXIT=0
	timeout 120 ctr -a "$HP_SOCK" run --rm "$@" "${HP_IMAGE:-$HP_IMAGE_ROOT}" \
		"$id" >"$HP_STREAM" 2>"$HP_STDERR" </dev/null || HP_EXIT=$?
}

verify_stream() {
	local stream=${1:-$HP_STREAM}
	HP_REPORT=$stream.report.json
	HP_STDERR=$stream.verify.stderr
	HP_EXIT=0
	"$HARDPROBE" verify --format json --profile "$HP_PROFILE" "$stream" \
		>"$HP_REPORT" 2>"$HP_STDERR" || HP_EXIT=$?
}

# The image's one layer, unpacked once: the rootfs of every runc bundle.
hp_rootfs() {
	local rootfs=$hp_tmp/rootfs layer
	if [ ! -d "$rootfs" ]; then
		layer=$(tar -xOf "$HP_ARCHIVE" manifest.json | jq -r '.[0].Layers[0]')
		mkdir -m 0755 "$rootfs.tmp"
		tar -xOf "$HP_ARCHIVE" "$layer" |
			tar -x -p --numeric-owner -C "$rootfs.tmp" ||
			hp_fail "unpack layer '$layer' of '$HP_ARCHIVE'"
		mv "$rootfs.tmp" "$rootfs"
	fi
	echo "$rootfs"
}

# runc's default spec, made runnable here, then edited by the filter $1.
hp_runc_config() {
	local bundle=$1 filter=$2 rootfs
	rootfs=$(hp_rootfs) || exit 1
	runc spec --bundle "$bundle" || hp_fail "runc spec failed"
	jq --arg rootfs "$rootfs" "
		.process.terminal = false |
		.process.args = [\"/hardprobe/run-probes\"] |
		.root.path = \$rootfs | .hostname = \"hardprobe\" |
		$filter" "$bundle/config.json" >"$bundle/config.json.new" ||
		hp_fail "jq filter failed: $filter"
	mv "$bundle/config.json.new" "$bundle/config.json"
}

runc_run() {
	local id bundle
	hp_next
	id=$hp_id
	bundle=$hp_tmp/$id.bundle
	mkdir -m 0755 "$bundle"
	hp_runc_config "$bundle" "${1:-.}"
	HP_STREAM=$hp_tmp/$id.jsonl
	HP_RUNC_EXIT=0
	timeout 120 runc --root "$hp_tmp/runc" run "${hp_runc_run_args[@]}" \
		-b "$bundle" "$id" \
		>"$HP_STREAM" 2>"$hp_tmp/$id.runc.stderr" </dev/null ||
		HP_RUNC_EXIT=$?
	runc --root "$hp_tmp/runc" delete -f "$id" >/dev/null 2>&1 || :
	[ "$HP_RUNC_EXIT" -eq 0 ] || {
		cat "$hp_tmp/$id.runc.stderr" >&2
		hp_fail "runc run exited $HP_RUNC_EXIT"
	}
	verify_stream "$HP_STREAM"
}

# ---- assertions --------------------------------------------------------------

hp_fail() {
	echo "assertion failed: $*" >&2
	exit 1
}

hp_skip() {
	echo "$*" >&2
	exit 77
}

assert_exit() {
	[ "$HP_EXIT" = "$1" ] && return 0
	[ -s "${HP_STDERR:-}" ] && sed 's/^/  stderr: /' "$HP_STDERR" >&2
	hp_fail "exit status $HP_EXIT, want $1"
}

assert_jq() {
	local file=$1 expr=$2 msg=${3:-$2}
	jq -e "$expr" "$file" >/dev/null 2>&1 ||
		hp_fail "$msg (in $file)"
}

assert_status() {
	local id=$1 want=$2 got
	[ -s "${HP_REPORT:-}" ] || hp_fail "no json report for $id"
	got=$(jq -r --arg id "$id" \
		'[.checks[] | select(.id == $id) | .status] | first // "absent"' \
		"$HP_REPORT") || hp_fail "report '$HP_REPORT' is not json"
	[ "$got" = "$want" ] && return 0
	jq -c --arg id "$id" '.checks[] | select(.id == $id)' "$HP_REPORT" >&2
	hp_fail "$id is $got, want $want"
}

assert_checks_exact() {
	local want got status=${2:-fail} id
	want=$(for id in $1; do echo "$id"; done | sort -u | tr '\n' ' ')
	[ -s "${HP_REPORT:-}" ] || hp_fail "no json report"
	got=$(jq -r --arg s "$status" \
		'.checks[] | select(.status == $s) | .id' "$HP_REPORT" |
		sort -u | tr '\n' ' ') || hp_fail "report '$HP_REPORT' is not json"
	[ "$got" = "$want" ] && return 0
	jq -c '.checks[] | {id, status, expected, observed}' "$HP_REPORT" >&2
	hp_fail "checks with status $status: [${got% }], want [${want% }]"
}

# The whole outcome of a report: exactly the checks FAIL-IDS fail,
# exactly SKIP-IDS are skipped, none errored, and every other check passed.
assert_failing() {
	assert_checks_exact "$1" fail
	assert_checks_exact "${2:-}" skip
	assert_checks_exact "" error
}
