# shellcheck shell=bash
# First integration tests: the image archive, the shape of the record
# stream, and the two ends of the main job (ctr defaults fail the hardened
# profile, the hardened flags pass it).

# The layer holds exactly the files of DESIGN.md "Image contents".
test_image_layer_contents() {
	local layer listing want
	layer=$(tar -xOf "$HP_ARCHIVE" manifest.json | jq -r '.[0].Layers[0]')
	listing=$(tar -xOf "$HP_ARCHIVE" "$layer" | tar -tv --numeric-owner |
		awk '{ print $1, $2, $6 }')
	want='drwxr-xr-x 0/0 bin/
drwxr-xr-x 0/0 etc/
-rw-r--r-- 0/0 etc/group
-rw-r--r-- 0/0 etc/passwd
drwxr-xr-x 0/0 hardprobe/
-rwxr-xr-x 0/0 hardprobe/noop
-rwxr-xr-x 0/0 hardprobe/run-probes
-rwsr-xr-x 0/0 hardprobe/suid-helper
drwxrwxrwt 0/0 tmp/
drwxr-xr-x 0/0 usr/'
	[ "$listing" = "$want" ] || {
		diff <(echo "$want") <(echo "$listing") >&2
		hp_fail "layer listing differs"
	}
}

# Same binaries and epoch, same archive, byte for byte.
test_image_reproducible() {
	local a=$hp_tmp/repro-a.tar b=$hp_tmp/repro-b.tar
	SOURCE_DATE_EPOCH=0 sh "$hp_root/image/build-image.sh" "$hp_build" \
		"$hp_version" "$a"
	SOURCE_DATE_EPOCH=0 sh "$hp_root/image/build-image.sh" "$hp_build" \
		"$hp_version" "$b"
	cmp -s "$a" "$b" || hp_fail "two builds of the image differ"
}

# ctr imported both references, and the second one runs as 65534.
test_image_imports_both_refs() {
	local refs
	refs=$(ctr -a "$HP_SOCK" images ls -q)
	grep -qxF "$HP_IMAGE_ROOT" <<<"$refs" || hp_fail "$HP_IMAGE_ROOT missing"
	grep -qxF "$HP_IMAGE_NONROOT" <<<"$refs" ||
		hp_fail "$HP_IMAGE_NONROOT missing"
	HP_IMAGE=$HP_IMAGE_NONROOT ctr_run_stream
	assert_exit 0
	jq -e -s 'any(.[]; .probe == "user.identity" and .data.uid == 65534)' \
		"$HP_STREAM" >/dev/null ||
		hp_fail "user.identity of the nonroot image is not 65534"
}

# Header first, trailer last, one record per probe of the catalog.
test_default_stream_shape() {
	local want got
	ctr_run_stream
	assert_exit 0
	jq -e -s '.[0].type == "header" and .[0].format == 2 and
		.[-1].type == "trailer" and
		.[-1].records == ([.[] | select(.type == "record")] | length)' \
		"$HP_STREAM" >/dev/null || hp_fail "header or trailer wrong"
	[ "$(tail -n 1 "$HP_STREAM" | jq -r .digest)" = \
		"sha256:$(head -n -1 "$HP_STREAM" | sha256sum | cut -d' ' -f1)" ] ||
		hp_fail "trailer digest is not the SHA-256 of the lines before it"
	want=$("$hp_build/run-probes" --list | cut -f1)
	got=$(jq -r 'select(.type == "record") | .probe' "$HP_STREAM")
	[ "$want" = "$got" ] || hp_fail "records differ from the catalog"
	jq -e -s '[.[] | select(.type == "record") | .seq] ==
		[range(1; length - 1)]' "$HP_STREAM" >/dev/null ||
		hp_fail "seq is not 1..N"
}

# A stream cut before its trailer is malformed: exit 2, and say where.
test_verify_truncated_stream_exits_2() {
	local cut=$hp_tmp/truncated.jsonl
	ctr_run_stream
	assert_exit 0
	head -n -1 "$HP_STREAM" >"$cut"
	verify_stream "$cut"
	assert_exit 2
	grep -q "truncated.jsonl:" "$HP_STDERR" ||
		hp_fail "no 'NAME:LINE:' message on stderr"
}

# The main job, first half: ctr's defaults are not hardened.
test_ctr_defaults_fail_hardened() {
	run_probe_image
	assert_exit 1
	assert_jq "$HP_REPORT" '.verdict == "fail"'
	assert_status fs.etc-passwd-write fail
	assert_status userns.host-root fail
}

# The main job, second half: the hardened flags pass.
test_hardened_flags_pass_hardened() {
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	assert_jq "$HP_REPORT" '.verdict == "pass"'
	assert_checks_exact "" fail
	assert_checks_exact "" error
}

# runc's own default spec: read-only root and no_new_privs, no seccomp.
test_runc_default_spec() {
	runc_run '.'
	assert_status fs.etc-passwd-write pass
	assert_status nnp.flag pass
	assert_status seccomp.mode fail
}

# scripts/hardened-flags.sh keeps what cases/hardened.profile allows.
test_hardened_flags_match_profile() {
	local want got
	want=$(awk '$1 == "caps.sets" && $2 == "only" {
		for (i = 3; i <= NF; i++) if ($i !~ /=/) print $i }' \
		"$hp_root/cases/hardened.profile" | sort)
	got=$(printf '%s\n' "${hardprobe_keep_caps[@]}" | sort)
	[ -n "$want" ] || hp_fail "no caps.sets line in hardened.profile"
	[ "$want" = "$got" ] || hp_fail "kept caps [$got], profile [$want]"
}

# runc_run carries settings ctr cannot: here a user and inheritable caps.
test_runc_custom_user_and_caps() {
	runc_run '.process.user = {uid: 65534, gid: 65534} |
		.process.capabilities.inheritable = ["CAP_KILL"]'
	jq -e -s 'any(.[]; .probe == "user.identity" and
		.data.uid == 65534 and .data.gid == 65534)' "$HP_STREAM" \
		>/dev/null || hp_fail "user.identity is not 65534:65534"
	jq -e -s 'any(.[]; .probe == "caps.sets" and
		.data.inheritable == ["cap_kill"])' "$HP_STREAM" \
		>/dev/null || hp_fail "inheritable set is not [cap_kill]"
}

# Probes run four at a time by default; one at a time must give the same
# outcome for every probe (only times and temporary names differ), here
# under --privileged, where most attempts succeed and leave traces for
# the others to see if they overlapped.
test_jobs_change_no_outcome() {
	local j
	for j in 1 4; do
		hp_next
		timeout 120 ctr -a "$HP_SOCK" run --rm --privileged \
			"$HP_IMAGE_ROOT" "$hp_id" /hardprobe/run-probes --jobs "$j" \
			>"$hp_tmp/jobs$j.jsonl" </dev/null ||
			hp_fail "ctr run --jobs $j failed"
		jq -c 'select(.type == "record") |
			[.seq, .probe, .status, .data.outcome]' \
			"$hp_tmp/jobs$j.jsonl" >"$hp_tmp/jobs$j.outcomes"
	done
	[ "$(wc -l <"$hp_tmp/jobs1.outcomes")" -ge 60 ] ||
		hp_fail "too few records: $(wc -l <"$hp_tmp/jobs1.outcomes")"
	diff "$hp_tmp/jobs1.outcomes" "$hp_tmp/jobs4.outcomes" ||
		hp_fail "outcomes differ between --jobs 1 and --jobs 4"
	verify_stream "$hp_tmp/jobs4.jsonl"
	assert_exit 1
}
