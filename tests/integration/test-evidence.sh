# shellcheck shell=bash
# Evidence an auditor can keep: the evidence directory of `run` (every file
# in the manifest with its SHA-256, the OCI spec, the facts of the run),
# the stream trailer's digest, and `hardprobe diff` between two runs.

# The directory run_probe_image left.
evidence_dir() {
	dirname "$HP_STREAM"
}

# Every file is in the manifest with the size and SHA-256 it has, and the
# manifest lists nothing else.
assert_manifest_matches() {
	local dir=$1 name want got listed
	listed=$(jq -r '.files[].name' "$dir/manifest.json" | sort)
	got=$(cd "$dir" && ls -A | grep -v '^manifest.json$' | sort)
	[ "$listed" = "$got" ] ||
		hp_fail "manifest lists [$listed], directory has [$got]"
	for name in $listed; do
		want=$(jq -r --arg n "$name" \
			'.files[] | select(.name == $n) | .sha256' \
			"$dir/manifest.json")
		got=sha256:$(sha256sum "$dir/$name" | cut -d' ' -f1)
		[ "$want" = "$got" ] || hp_fail "$name: manifest $want, file $got"
	done
}

# A hardened run keeps the stream, the reports in every format asked for,
# the OCI spec, the command, ctr's log and a manifest of them all.
test_evidence_directory_complete() {
	local dir f rfc='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'
	hp_next
	HP_RESULTS=$hp_tmp/$hp_id
	HP_STDERR=$HP_RESULTS.stderr
	HP_EXIT=0
	"$HARDPROBE" run --address "$HP_SOCK" --results "$HP_RESULTS" \
		--format junit --format text -- "${hardprobe_hardened_flags[@]}" \
		>"$HP_RESULTS.out" 2>"$HP_STDERR" || HP_EXIT=$?
	assert_exit 0
	grep -q '^hardened: pass' "$HP_RESULTS.out" ||
		hp_fail "the last --format (text) is not what was printed"
	dir=$(find "$HP_RESULTS" -mindepth 1 -maxdepth 1 -type d)
	for f in stream.jsonl report.txt report.json report.junit.xml \
		oci-spec.json command.txt ctr.log manifest.json; do
		[ -s "$dir/$f" ] || [ "$f" = ctr.log ] || hp_fail "$f missing"
	done
	assert_manifest_matches "$dir"
	assert_jq "$dir/oci-spec.json" '.root.readonly == true and
		(.linux.uidMappings[0].hostID == 100000)' "spec as run"
	assert_jq "$dir/manifest.json" '.tool.version != null and
		.probes.probe_set == "1" and .probes.stream_format == 2 and
		(.image.digest | startswith("sha256:")) and
		(.profile.digest | startswith("sha256:")) and
		.profile.spec == "hardened" and .profile.files[0].sha256 != null
		and .runtime.containerd != null and
		(.runtime.runc | startswith("runc version")) and
		.kernel.release != null and .exit_status == 0 and
		.command[1] == "run"' "manifest facts"
	for f in started ended; do
		jq -r ".$f" "$dir/manifest.json" | grep -Eq "$rfc" ||
			hp_fail "$f is not RFC 3339 UTC"
	done
	ctr -a "$HP_SOCK" containers ls -q | grep -q "^hardprobe-" &&
		hp_fail "the container was left behind"
	return 0
}

# ctr run --rm would remove the container before its spec is read.
test_run_refuses_rm_flag() {
	run_probe_image --rm
	assert_exit 2
	grep -q "'--rm' not allowed" "$HP_STDERR" || hp_fail "no reason given"
}

# A stream cut short: exit 2, "incomplete", never judged.
test_truncated_stream_is_incomplete() {
	local cut=$hp_tmp/cut.jsonl
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	head -n 3 "$HP_STREAM" >"$cut"
	verify_stream "$cut"
	assert_exit 2
	grep -q "cut.jsonl:3: .*(incomplete)" "$HP_STDERR" ||
		hp_fail "no 'NAME:LINE: ... (incomplete)' message"
	[ -s "$HP_REPORT" ] && hp_fail "a report was written"
	return 0
}

# One altered byte in a record: the digest no longer matches.
test_altered_record_digest_mismatch() {
	local alt=$hp_tmp/altered.jsonl n
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	n=$(wc -l <"$HP_STREAM")
	sed '0,/"outcome":"denied"/s//"outcome":"allowed"/' "$HP_STREAM" >"$alt"
	cmp -s "$alt" "$HP_STREAM" && hp_fail "nothing altered"
	verify_stream "$alt"
	assert_exit 2
	grep -q "altered.jsonl:$n: digest mismatch" "$HP_STDERR" ||
		hp_fail "no 'NAME:LINE: digest mismatch' message"
}

# diff of a hardened run and one with the root writable and a capability
# added: names what got weaker, exits 1; a run against itself exits 0.
test_diff_lists_what_got_weaker() {
	local old new flags=() f out=$hp_tmp/diff.txt
	for f in "${hardprobe_hardened_flags[@]}"; do
		[ "$f" = --read-only ] || flags+=("$f")
	done
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	old=$(evidence_dir)
	run_probe_image "${flags[@]}" --cap-add CAP_SYS_ADMIN
	assert_exit 1
	new=$(evidence_dir)
	HP_EXIT=0
	"$HARDPROBE" diff "$old" "$new" >"$out" 2>"$hp_tmp/diff.err" ||
		HP_EXIT=$?
	HP_STDERR=$hp_tmp/diff.err assert_exit 1
	grep -Eq '^weaker +check +fs.rootfs-write: pass -> fail' "$out" ||
		hp_fail "fs.rootfs-write flip not listed"
	grep -Eq '^weaker +caps +bounding: added cap_sys_admin' "$out" ||
		hp_fail "cap_sys_admin gain not listed"
	grep -Eq '^weaker +mount +/: ro -> rw' "$out" ||
		hp_fail "root remount not listed"
	HP_EXIT=0
	"$HARDPROBE" diff --format json "$old" "$new" >"$out.json" || HP_EXIT=$?
	assert_exit 1
	assert_jq "$out.json" '.weaker > 0 and .profile == "hardened" and
		any(.changes[]; .what == "check" and .direction == "weaker")'
	HP_EXIT=0
	"$HARDPROBE" diff "$old" "$old/stream.jsonl" >"$out" || HP_EXIT=$?
	assert_exit 0
	grep -q '^0 changes, 0 weaker' "$out" || hp_fail "self diff not empty"
}

# diff refuses a stream that is cut short.
test_diff_refuses_bad_stream() {
	local cut=$hp_tmp/diff-cut.jsonl
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	head -n -1 "$HP_STREAM" >"$cut"
	HP_EXIT=0
	"$HARDPROBE" diff "$HP_STREAM" "$cut" >/dev/null \
		2>"$hp_tmp/diff-cut.err" || HP_EXIT=$?
	HP_STDERR=$hp_tmp/diff-cut.err assert_exit 2
	grep -q "incomplete" "$hp_tmp/diff-cut.err" || hp_fail "no reason"
}
