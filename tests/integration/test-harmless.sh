# shellcheck shell=bash
# Harmless by test: the whole catalog in the weakest configuration there is
# (--privileged, host network, a writable root, every capability, no
# seccomp filter), with the container's root file system and a volume
# checked file by file, and the host's state, before and after.  Nothing
# may differ: not a byte, not a mode, not a file left behind in /tmp.

# Every entry of tree $1: path, type, mode, owner, size, link target, and
# the SHA-256 of each file.  Times are left out: a probe may create and
# remove a file, which touches its directory and leaves nothing behind.
harmless_tree() {
	(
		cd "$1" || exit 1
		find . -xdev -printf '%p|%y|%m|%U|%G|%s|%l\n' | LC_ALL=C sort
		find . -xdev -type f -print0 | LC_ALL=C sort -z |
			xargs -0 -r sha256sum
	)
}

# The mount table of the host, without what comes and goes with other
# containers on this machine (containerd's and the tests' own mounts).
harmless_mounts() {
	awk '{ print $5, $9, $6 }' /proc/self/mountinfo |
		grep -vE '^/(tmp|run/containerd|var/lib/containerd|run/netns)/' |
		LC_ALL=C sort
}

# The state of the host a probe could change, one "name: value" a line.
harmless_host() {
	local f
	for f in /etc/passwd /etc/group /etc/shadow /etc/hosts; do
		[ ! -e "$f" ] || echo "$f: $(sha256sum <"$f")"
	done
	for f in kernel/core_pattern kernel/sysrq kernel/hostname \
		kernel/domainname kernel/modprobe kernel/panic \
		net/ipv4/ip_forward; do
		[ ! -r "/proc/sys/$f" ] || echo "$f: $(cat "/proc/sys/$f")"
	done
	echo "modules: $(awk '{ print $1 }' /proc/modules | LC_ALL=C sort | tr '\n' ' ')"
	echo "links: $(ls /sys/class/net | tr '\n' ' ')"
	harmless_mounts | sed 's/^/mount: /'
}

# Wall clock minus uptime, in whole seconds: constant unless the clock
# was set.
harmless_clock() {
	awk -v now="$(date +%s.%N)" '{ printf "%d\n", now - $1 }' /proc/uptime
}

harmless_compare() {
	local what=$1 before=$2 after=$3
	diff -u "$before" "$after" >&2 || hp_fail "$what changed (diff above)"
}

# ctr run --privileged --net-host on the root file system $1 with the
# volume $2 at /data, as container $3, running $4; stdout is the stream.
harmless_ctr() {
	timeout 120 ctr -a "$HP_SOCK" run --rm --privileged --net-host \
		--mount "type=bind,src=$2,dst=/data,options=rbind:rw" \
		--rootfs "$1" "$3" "$4" 2>"$hp_tmp/$3.stderr" </dev/null ||
		hp_fail "ctr run --privileged $4 exited $?: $(cat "$hp_tmp/$3.stderr")"
}

test_harmless_privileged_run_changes_nothing() {
	local rootfs vol clock
	hp_next
	rootfs=$hp_tmp/$hp_id.rootfs
	vol=$hp_tmp/$hp_id.volume
	cp -a "$(hp_rootfs)" "$rootfs"
	mkdir -m 0777 "$vol"
	echo "volume content" >"$vol/file"
	# A first run of the no-op binary: runc creates its mount points
	# (/proc, /dev, /etc/hosts ...) in the root; those are not the probes'.
	harmless_ctr "$rootfs" "$vol" "$hp_id-noop" /hardprobe/noop
	harmless_tree "$rootfs" >"$hp_tmp/$hp_id.root.before"
	harmless_tree "$vol" >"$hp_tmp/$hp_id.vol.before"
	harmless_host >"$hp_tmp/$hp_id.host.before"
	clock=$(harmless_clock)
	HP_STREAM=$hp_tmp/$hp_id.jsonl
	harmless_ctr "$rootfs" "$vol" "$hp_id" /hardprobe/run-probes \
		>"$HP_STREAM"
	# The probes ran, and the write attempts really got through.
	verify_stream "$HP_STREAM"
	assert_status fs.rootfs-write fail
	assert_status fs.etc-passwd-write fail
	assert_jq "$HP_REPORT" '.summary.error == 0' "a probe errored"
	harmless_tree "$rootfs" >"$hp_tmp/$hp_id.root.after"
	harmless_tree "$vol" >"$hp_tmp/$hp_id.vol.after"
	harmless_host >"$hp_tmp/$hp_id.host.after"
	harmless_compare "the container's root file system" \
		"$hp_tmp/$hp_id.root.before" "$hp_tmp/$hp_id.root.after"
	harmless_compare "the volume" "$hp_tmp/$hp_id.vol.before" \
		"$hp_tmp/$hp_id.vol.after"
	harmless_compare "the host" "$hp_tmp/$hp_id.host.before" \
		"$hp_tmp/$hp_id.host.after"
	[ $(($(harmless_clock) - clock)) -ge -2 ] &&
		[ $(($(harmless_clock) - clock)) -le 2 ] ||
		hp_fail "the clock moved by $(($(harmless_clock) - clock)) s"
}

# The check itself can fail: a file left in the root's /tmp is seen.
test_harmless_detects_a_file_left_behind() {
	local rootfs
	hp_next
	rootfs=$hp_tmp/$hp_id.rootfs
	cp -a "$(hp_rootfs)" "$rootfs"
	harmless_tree "$rootfs" >"$hp_tmp/$hp_id.before"
	: >"$rootfs/tmp/left-behind"
	harmless_tree "$rootfs" >"$hp_tmp/$hp_id.after"
	! diff -q "$hp_tmp/$hp_id.before" "$hp_tmp/$hp_id.after" >/dev/null ||
		hp_fail "a file left in /tmp went unseen"
	chmod 0700 "$rootfs/etc"
	harmless_tree "$rootfs" >"$hp_tmp/$hp_id.mode"
	! diff -q "$hp_tmp/$hp_id.after" "$hp_tmp/$hp_id.mode" >/dev/null ||
		hp_fail "a changed mode went unseen"
}
