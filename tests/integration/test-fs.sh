# shellcheck shell=bash
# File-system and kernel-interface probes on real containers, each both
# ways: masked /proc paths, read-only /proc, core_pattern, cgroups,
# devices, set-user-id files, host mounts, propagation, noexec /tmp and
# leaked file descriptors.  kernel.sysrq is tested here only on its secure
# side: this machine's kernel has no sysrq at all (no /proc/sysrq-trigger,
# no /proc/sys/kernel/sysrq), so nothing can open them; the unit tests
# judge recorded insecure records.

# The file-system checks alone, as a profile of their own.
hp_fs_profile() {
	local f=$hp_tmp/fs-$BASHPID.profile
	cat >"$f" <<-'PROFILE'
		description "file-system and kernel-interface checks"
		proc.masked-paths masked
		proc.readonly-paths read-only
		kernel.core-pattern denied
		kernel.sysrq denied
		cgroup.writable read-only
		cgroup.release-agent denied
		devices.nodes none
		devices.mknod-open denied
		fs.suid-files only /hardprobe/suid-helper
		fs.host-mounts none
		fs.mount-propagation private
		fs.leaked-fds none
	PROFILE
	echo "$f"
}

hp_evidence() {
	jq -c --arg id "$1" '.checks[] | select(.id == $id) | .evidence' \
		"$HP_REPORT"
}

test_fs_ctr_defaults_pass() {
	HP_PROFILE=$(hp_fs_profile) run_probe_image
	assert_exit 0
	assert_failing ""
	# both masking shapes of runc: /dev/null binds and empty tmpfs
	assert_jq "$HP_REPORT" '[.checks[] | select(.id == "proc.masked-paths")
		| .evidence.paths[] | select(.state == "masked") | .shape] |
		index("dev-null") != null and index("empty-tmpfs") != null'
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "devices.mknod-open")
		| .evidence.nodes | all(.layer == "device cgroup")'
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "proc.readonly-paths")
		| .evidence.paths[] | select(.path == "/proc/sys") |
		.errno == "EROFS"'
}

test_fs_privileged_fails() {
	HP_PROFILE=$(hp_fs_profile) run_probe_image --privileged
	assert_exit 1
	assert_failing "proc.masked-paths proc.readonly-paths
		kernel.core-pattern cgroup.writable cgroup.release-agent
		devices.nodes devices.mknod-open"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "proc.masked-paths")
		| .observed | test("/proc/keys readable")'
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "devices.nodes") |
		.observed | startswith("opened: ")'
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "cgroup.writable") |
		.evidence.mount.cgroup_procs.result == "allowed"'
}

test_fs_hardened_flags_pass() {
	HP_PROFILE=$(hp_fs_profile) run_probe_image \
		"${hardprobe_hardened_flags[@]}"
	assert_exit 0
	assert_failing ""
	# under --uidmap the helper lost its set-user-id bit
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "fs.suid-files") |
		.observed == "none"'
}

# runc's default spec masks /proc/keys and /proc/acpi; without those two
# entries they are readable.
test_masked_paths_runc_default_pass() {
	HP_PROFILE=$(hp_fs_profile) runc_run '.'
	assert_exit 0
	assert_failing ""
}

test_masked_paths_runc_unmasked_fail() {
	HP_PROFILE=$(hp_fs_profile) runc_run \
		'.linux.maskedPaths -= ["/proc/keys", "/proc/acpi"]'
	assert_exit 1
	assert_failing "proc.masked-paths"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "proc.masked-paths")
		| .observed == "unmasked (/proc/acpi readable, /proc/keys readable)"'
}

# Without runc's readonlyPaths, root in the container may open
# /proc/sys files for writing (it owns them).
test_readonly_paths_runc_writable_fail() {
	HP_PROFILE=$(hp_fs_profile) runc_run '.linux.readonlyPaths = []'
	assert_exit 1
	assert_failing "proc.readonly-paths kernel.core-pattern"
}

# A directory opened outside the container (here the host's /, on fd 3)
# and passed in by runc --preserve-fds: the 2024 working-directory escape.
test_leaked_fd_runc_fail() {
	exec 3</
	hp_runc_run_args=(--preserve-fds 1)
	HP_PROFILE=$(hp_fs_profile) runc_run '.'
	assert_exit 1
	assert_failing "fs.leaked-fds"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "fs.leaked-fds") |
		.observed == "leaked: fd 3 / (dir, outside the root)"'
}

# The same open descriptor, but runc does not pass it on.
test_leaked_fd_runc_closed_pass() {
	exec 3</
	HP_PROFILE=$(hp_fs_profile) runc_run '.'
	assert_exit 0
	assert_status fs.leaked-fds pass
}

test_host_mounts_fail() {
	mkdir -p "$hp_tmp/shared-src"
	HP_PROFILE=$(hp_fs_profile) run_probe_image \
		--mount type=bind,src=/etc,dst=/host-etc,options=rbind:ro \
		--mount type=bind,src=/usr/bin,dst=/mnt/bin,options=rbind:ro \
		--mount "type=bind,src=$hp_tmp/shared-src,dst=/shared,options=rbind:rshared"
	assert_exit 1
	assert_failing "fs.suid-files fs.host-mounts fs.mount-propagation"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "fs.host-mounts") |
		.observed | startswith("host mounts: /host-etc (")'
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "fs.suid-files") |
		.observed | test("/mnt/bin/")'
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "fs.mount-propagation") |
		.observed | test("^shared: /shared shared:")'
}

# A harmless volume is no host mount and no propagation.
test_host_mounts_private_volume_pass() {
	mkdir -p "$hp_tmp/volume"
	HP_PROFILE=$(hp_fs_profile) run_probe_image \
		--mount "type=bind,src=$hp_tmp/volume,dst=/data,options=rbind:rw"
	assert_exit 0
	assert_failing ""
}

hp_noexec_profile() {
	local f=$hp_tmp/noexec-$BASHPID.profile
	printf '%s\n' 'description "noexec scratch space"' \
		'fs.tmp-noexec noexec' >"$f"
	echo "$f"
}

test_tmp_noexec_pass() {
	HP_PROFILE=$(hp_noexec_profile) run_probe_image \
		--mount type=tmpfs,src=tmpfs,dst=/tmp,options=noexec:nosuid
	assert_exit 0
	assert_failing ""
}

# The image's /tmp is a directory of the root file system: exec.
test_tmp_noexec_fail() {
	HP_PROFILE=$(hp_noexec_profile) run_probe_image
	assert_exit 1
	assert_failing "fs.tmp-noexec"
	assert_jq "$HP_REPORT" '.checks[0].observed == "exec (/tmp exec)"'
}
