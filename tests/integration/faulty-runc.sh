#!/usr/bin/env bash
# A deliberately faulty runtime, for the spec-versus-reality tests: given
# to `ctr run --runc-binary`, it edits the bundle's config.json before
# the real runc creates the container, so that containerd's copy of the
# spec (what ctr believes) and the container differ.
#
# HP_FAULTS names the faults to plant, blank-separated (unset: all):
#   readonly     drop root.readonly
#   masked       clear linux.maskedPaths
#   inheritable  add HP_FAULT_CAP (default CAP_KILL, which must be in the
#                bounding set) to the inheritable set
# HP_REAL_RUNC is the runc to call (default: runc in PATH).  The shim
# runs this script with containerd's environment, so the test writes a
# wrapper that sets both.
set -euo pipefail

faults=${HP_FAULTS-readonly masked inheritable}
cap=${HP_FAULT_CAP:-CAP_KILL}
real=${HP_REAL_RUNC:-runc}

# The jq filter of the faults asked for.
filter() {
	local f out=.
	for f in $faults; do
		case $f in
		readonly) out+=' | del(.root.readonly)' ;;
		masked) out+=' | .linux.maskedPaths = []' ;;
		inheritable)
			out+=' | .process.capabilities.inheritable =
				((.process.capabilities.inheritable // []) + [$cap])'
			;;
		*)
			echo "faulty-runc: unknown fault '$f'" >&2
			exit 1
			;;
		esac
	done
	echo "$out"
}

# Only "create" (what the shim calls) gets a bundle: --bundle DIR or -b DIR.
bundle=
create=false
prev=
for arg in "$@"; do
	case $prev in
	--bundle | -b) bundle=$arg ;;
	esac
	case $arg in
	create | run) create=true ;;
	--bundle=*) bundle=${arg#--bundle=} ;;
	esac
	prev=$arg
done

if $create && [ -n "$bundle" ]; then
	config=$bundle/config.json
	jq --arg cap "$cap" "$(filter)" "$config" >"$config.faulty"
	mv "$config.faulty" "$config"
fi
exec "$real" "$@"
