# shellcheck shell=bash
# The wider catalog as a whole: what ctr's defaults fail of the hardened
# profile, new probes included, and a masked path this host lacks,
# reported absent rather than masked.

# ctr run with no option: the hardened profile fails exactly the layers
# ctr leaves open (no user namespace, a writable root, no seccomp filter,
# CAP_NET_RAW, CAP_MKNOD, CAP_SETFCAP, CAP_AUDIT_WRITE in the default
# set), and passes the rest, masked paths, devices and cgroups among them.
test_ctr_defaults_fail_hardened_on_new_probes() {
	run_probe_image
	assert_exit 1
	assert_failing "userns.host-root userns.map-root fs.etc-passwd-write
		fs.rootfs-write mounts.writable caps.sets seccomp.mode
		seccomp.dangerous-syscalls seccomp.ia32-entry cap.net-raw
		cap.mknod cap.setfcap cap.audit-write"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "seccomp.ia32-entry")
		| .evidence.outcome == "allowed"'
}

# containerd 1.6's default spec does not mask the powercap directory, and
# this host has none: the probe must say absent (ENOENT), not masked, both
# where the spec masks the others and where they are left readable.
hp_powercap=/sys/devices/virtual/powercap

hp_powercap_absent() {
	local sel='.checks[] | select(.id == "proc.masked-paths")'
	assert_jq "$HP_REPORT" "$sel | .evidence.paths[] |
		select(.path == \"$hp_powercap\") |
		.state == \"absent\" and .errno == \"ENOENT\"" \
		"$hp_powercap reported absent (ENOENT)"
	assert_jq "$HP_REPORT" "$sel | .observed |
		contains(\"powercap masked\") or contains(\"powercap readable\")
		| not" "$hp_powercap neither masked nor readable"
}

test_masked_paths_powercap_absent_under_ctr() {
	[ ! -e "$hp_powercap" ] ||
		hp_fail "this host has $hp_powercap: extend this test"
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_status proc.masked-paths pass
	hp_powercap_absent
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "proc.masked-paths")
		| .observed | contains("/sys/devices/virtual/powercap absent")'
}

test_masked_paths_powercap_absent_when_unmasked() {
	[ ! -e "$hp_powercap" ] ||
		hp_fail "this host has $hp_powercap: extend this test"
	HP_PROFILE=hardened runc_run \
		'.linux.maskedPaths -= ["/proc/keys", "/proc/acpi"]'
	assert_status proc.masked-paths fail
	hp_powercap_absent
}
