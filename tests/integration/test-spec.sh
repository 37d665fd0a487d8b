# shellcheck shell=bash
# Spec versus reality: each claim of the container's OCI spec against what
# the probes saw.  A faulty runtime (faulty-runc.sh, given to ctr run
# --runc-binary) edits config.json after containerd stored the spec, so
# ctr believes one thing and the container has another.

# A profile that asks for nothing the faults touch: whatever fails under
# it is a spec disagreement, reported although the profile never asked.
spec_profile() {
	local f=$hp_tmp/spec-nnp-only.profile
	[ -f "$f" ] || {
		echo 'description "only no_new_privs"'
		echo 'nnp.flag set'
	} >"$f"
	echo "$f"
}

# The hardened flags without the user namespace: ctr 1.6 drops
# --runc-binary when --uidmap is given (the task's options, which carry
# the I/O owner, replace the container's runtime options).
spec_flags=(--read-only
	--seccomp --seccomp-profile "$hp_root/cases/seccomp-hardened.json"
	"${hardprobe_cap_drops[@]}")

# Run the probes through faulty-runc.sh planting FAULTS (blank-separated)
# under the profile of spec_profile; extra arguments go to hardprobe run
# before "--".
spec_faulty_run() {
	local faults=$1 wrapper
	shift
	hp_next
	wrapper=$hp_tmp/$hp_id.faulty-runc
	printf '#!/bin/sh\nHP_FAULTS="%s" HP_REAL_RUNC="%s" exec bash "%s" "$@"\n' \
		"$faults" "$(command -v runc)" \
		"$hp_root/tests/integration/faulty-runc.sh" >"$wrapper"
	chmod 0755 "$wrapper"
	HP_RESULTS=$hp_tmp/$hp_id
	HP_REPORT=$HP_RESULTS.report.json
	HP_STDERR=$HP_RESULTS.stderr
	mkdir -p "$HP_RESULTS"
	HP_EXIT=0
	"$HARDPROBE" run --address "$HP_SOCK" --profile "$(spec_profile)" \
		--results "$HP_RESULTS" "$@" --format json -- \
		--runc-binary "$wrapper" "${spec_flags[@]}" \
		>"$HP_REPORT" 2>"$HP_STDERR" || HP_EXIT=$?
	HP_STREAM=$(find "$HP_RESULTS" -name stream.jsonl | head -n 1)
}

# The spec disagreements of the json report are exactly IDS.
assert_spec_findings() {
	local want got id
	want=$(for id in $1; do echo "$id"; done | sort | tr '\n' ' ')
	got=$(jq -r '.checks[] | select(.kind == "spec") | .id' "$HP_REPORT" |
		sort | tr '\n' ' ')
	[ "$got" = "$want" ] && return 0
	jq -c '.checks[] | select(.kind == "spec")' "$HP_REPORT" >&2
	hp_fail "spec disagreements [${got% }], want [${want% }]"
}

# Through the normal runc, the hardened container meets its spec.
test_spec_hardened_agrees() {
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	assert_spec_findings ""
	assert_jq "$HP_REPORT" '.spec.disagreements == 0 and
		(.spec.name | endswith("/oci-spec.json"))' "spec compared"
}

# The wrapper itself plants nothing when asked for no fault: the findings
# below come from the faults, not from running through a wrapper.
test_spec_faulty_runtime_no_fault() {
	spec_faulty_run ""
	assert_exit 0
	assert_spec_findings ""
	assert_failing ""
}

test_spec_faulty_runtime_readonly() {
	spec_faulty_run readonly
	assert_exit 1
	assert_failing "spec:root.readonly"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "spec:root.readonly")
		| .expected == "the spec asks for a read-only root" and
		(.observed | startswith("the container has a writable root"))'
	assert_jq "$(dirname "$HP_STREAM")/oci-spec.json" \
		'.root.readonly == true' "containerd's spec still claims it"
}

test_spec_faulty_runtime_masked() {
	spec_faulty_run masked
	assert_exit 1
	assert_failing "spec:linux.maskedPaths"
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "spec:linux.maskedPaths") |
		(.observed | test("/proc/keys")) and
		(.observed | test("/sys/devices/virtual/powercap") | not)'
}

test_spec_faulty_runtime_inheritable() {
	spec_faulty_run inheritable
	assert_exit 1
	assert_failing "spec:process.capabilities.inheritable"
	assert_jq "$HP_REPORT" '.checks[] |
		select(.id == "spec:process.capabilities.inheritable") |
		.observed | test("cap_kill")'
}

# All three at once, named in every report format.
test_spec_faulty_runtime_all() {
	local dir ids="spec:root.readonly spec:linux.maskedPaths
		spec:process.capabilities.inheritable" id
	spec_faulty_run "readonly masked inheritable" \
		--format junit --format tap --format oscal
	assert_exit 1
	assert_failing "$ids"
	dir=$(dirname "$HP_STREAM")
	for id in $ids; do
		grep -q "the container has" "$dir/report.txt" ||
			hp_fail "report.txt lacks the disagreement text"
		grep -q "^$id " "$dir/report.txt" || hp_fail "report.txt: $id"
		grep -q "name=\"$id\"" "$dir/report.junit.xml" ||
			hp_fail "report.junit.xml: $id"
		grep -q "^not ok [0-9]* - $id$" "$dir/report.tap" ||
			hp_fail "report.tap: $id"
		jq -e --arg id "$id" '[.. | objects |
			select(.title? == $id)] | length == 1' \
			"$dir/report.oscal.json" >/dev/null ||
			hp_fail "report.oscal.json: $id"
	done
	assert_jq "$dir/report.oscal.json" '[.. | objects | select(has("target")
		and .title == "hardprobe:spec-conformance") |
		.target.status.state] == ["not-satisfied"]' \
		"the spec control is a finding"
}

# verify --spec takes a runc config.json: the one runc ran agrees, one
# that claims a read-only root does not.
test_spec_verify_runc_config() {
	local bundle
	HP_PROFILE=$(spec_profile)
	runc_run '.root.readonly = false'
	bundle=$hp_tmp/$hp_id.bundle
	"$HARDPROBE" verify --format json --profile "$HP_PROFILE" \
		--spec "$bundle/config.json" "$HP_STREAM" >"$HP_REPORT" \
		2>"$HP_STDERR" || HP_EXIT=$?
	assert_exit 0
	assert_spec_findings ""
	jq '.root.readonly = true' "$bundle/config.json" >"$bundle/claims.json"
	HP_EXIT=0
	"$HARDPROBE" verify --format json --profile "$HP_PROFILE" \
		--spec "$bundle/claims.json" "$HP_STREAM" >"$HP_REPORT" \
		2>"$HP_STDERR" || HP_EXIT=$?
	assert_exit 1
	assert_spec_findings "spec:root.readonly"
}

# A spec that cannot be read, or is no JSON object, is a usage error
# naming the file; a claim of the wrong type names the key.
test_spec_verify_bad_spec() {
	local bad=$hp_tmp/bad-spec.json
	HP_PROFILE=$(spec_profile)
	runc_run .
	for content in '{"root": ' '[1]' '{"root":{"readonly":"yes"}}'; do
		printf '%s\n' "$content" >"$bad"
		HP_EXIT=0
		"$HARDPROBE" verify --profile "$HP_PROFILE" --spec "$bad" \
			"$HP_STREAM" >/dev/null 2>"$HP_STDERR" || HP_EXIT=$?
		assert_exit 2
		grep -q "spec '$bad'" "$HP_STDERR" ||
			hp_fail "message does not name the spec: $(cat "$HP_STDERR")"
	done
	grep -q "root.readonly: want boolean" "$HP_STDERR" ||
		hp_fail "wrong type not named: $(cat "$HP_STDERR")"
	HP_EXIT=0
	"$HARDPROBE" verify --profile "$HP_PROFILE" --spec "$bad.missing" \
		"$HP_STREAM" >/dev/null 2>"$HP_STDERR" || HP_EXIT=$?
	assert_exit 2
	grep -q "No such file" "$HP_STDERR" || hp_fail "no errno text"
}
