# shellcheck shell=bash
# The "hardened" container configuration, as `ctr run` flags, in one place
# for the demo, the integration tests and the benchmark.  Source this file;
# it defines arrays and changes nothing else.
#
# hardprobe_hardened_flags needs the repository root in $hardprobe_root
# (for the seccomp profile); it defaults to this file's parent directory.

: "${hardprobe_root:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# What `ctr run` grants by default (containerd 1.6 oci.WithDefaultSpec).
hardprobe_default_caps=(CAP_CHOWN CAP_DAC_OVERRIDE CAP_FSETID CAP_FOWNER
	CAP_MKNOD CAP_NET_RAW CAP_SETGID CAP_SETUID CAP_SETFCAP CAP_SETPCAP
	CAP_NET_BIND_SERVICE CAP_SYS_CHROOT CAP_KILL CAP_AUDIT_WRITE)

# What the hardened container keeps: the caps.sets line of
# cases/hardened.profile (a test checks that the two agree).
hardprobe_keep_caps=(CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER CAP_SETUID
	CAP_SETGID CAP_NET_BIND_SERVICE CAP_KILL)

# One --cap-drop per unwanted capability: ctr 1.6 accepts
# "--cap-drop CAP_ALL" but drops nothing with it.
hardprobe_cap_drops=()
for hardprobe_cap in "${hardprobe_default_caps[@]}"; do
	case " ${hardprobe_keep_caps[*]} " in
	*" $hardprobe_cap "*) ;;
	*) hardprobe_cap_drops+=(--cap-drop "$hardprobe_cap") ;;
	esac
done
unset hardprobe_cap

hardprobe_hardened_flags=(--read-only
	--seccomp --seccomp-profile "$hardprobe_root/cases/seccomp-hardened.json"
	--uidmap 0:100000:65536 --gidmap 0:100000:65536
	"${hardprobe_cap_drops[@]}")
