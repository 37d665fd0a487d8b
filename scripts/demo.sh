#!/usr/bin/env bash
# `make demo`: the main job, end to end.  Builds everything, starts a
# private containerd, and judges two containers against the "hardened"
# profile: one started with ctr's defaults, one with the hardened flags of
# scripts/hardened-flags.sh.  Succeeds when the first fails the profile and
# the second passes it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
hardprobe_root=$root
# shellcheck source=hardened-flags.sh
source scripts/hardened-flags.sh
export CONTAINERD_NAMESPACE=hardprobe

tmp=
cleanup() {
	[ -z "$tmp" ] || bash scripts/containerd.sh stop "$tmp/containerd" || :
	[ -z "$tmp" ] || rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Run the harness; print its report and return its exit status.
judge() {
	local title=$1 rc=0
	shift
	printf '\n=== %s\n$ hardprobe run --profile hardened%s\n\n' \
		"$title" "${*:+ -- $*}"
	build/hardprobe run --address "$sock" --profile hardened -- "$@" ||
		rc=$?
	return "$rc"
}

verdict() {
	case $1 in
	0) echo "PASS" ;;
	1) echo "FAIL" ;;
	*) echo "ERROR (exit $1)" ;;
	esac
}

bash scripts/install-deps.sh
make -j"$(nproc)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardprobe-demo.XXXXXX")
chmod 0755 "$tmp"
sock=$(bash scripts/containerd.sh start "$tmp/containerd")
ctr -a "$sock" images import build/hardprobe-image.tar >/dev/null

default_rc=0
judge "1. ctr run with its defaults" || default_rc=$?
hardened_rc=0
judge "2. ctr run with the hardened flags" "${hardprobe_hardened_flags[@]}" ||
	hardened_rc=$?

echo
echo "=== verdicts against the hardened profile"
echo "ctr defaults:   $(verdict "$default_rc") (expected FAIL)"
echo "hardened flags: $(verdict "$hardened_rc") (expected PASS)"
if [ "$default_rc" -eq 1 ] && [ "$hardened_rc" -eq 0 ]; then
	echo "demo: as expected: the defaults fail, the hardened flags pass"
	exit 0
fi
echo "demo: NOT as expected (see the reports above)" >&2
exit 1
