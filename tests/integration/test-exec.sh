# shellcheck shell=bash
# hardprobe exec: the probes run through an exec into a container whose
# first process (run-probes --wait-only) only waits, and the exec'd
# process is judged against the profile and compared with that first
# process (exec.first-process).  ctr task exec gives the exec the
# container's own process spec, so the planted weaknesses go through
# runc exec --process on a container that runc runs directly.

hp_exec_ctr_ids=()
hp_exec_runc_ids=()

# Remove every container the test started, however it ends.
hp_exec_cleanup() {
	local id
	for id in "${hp_exec_ctr_ids[@]}"; do
		ctr -a "$HP_SOCK" tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || :
		ctr -a "$HP_SOCK" tasks rm -f "$id" >/dev/null 2>&1 || :
		ctr -a "$HP_SOCK" containers rm "$id" >/dev/null 2>&1 || :
	done
	for id in "${hp_exec_runc_ids[@]}"; do
		runc --root "$hp_tmp/runc" delete -f "$id" >/dev/null 2>&1 || :
	done
}

# A waiting container under ctr with the ctr run flags $@; id in hp_id.
hp_exec_start_ctr() {
	hp_next
	hp_exec_ctr_ids+=("$hp_id")
	trap hp_exec_cleanup EXIT
	timeout 60 ctr -a "$HP_SOCK" run -d --null-io "$@" "$HP_IMAGE_ROOT" \
		"$hp_id" /hardprobe/run-probes --wait-only \
		</dev/null >/dev/null 2>"$hp_tmp/$hp_id.err" ||
		hp_fail "ctr run -d: $(cat "$hp_tmp/$hp_id.err")"
}

# A waiting container under runc, its config.json edited by the jq
# filter $1; id in hp_id, bundle in hp_exec_bundle.  runc 1.1.5 on
# cgroup v1 mounts a writable tmpfs at /sys/fs/cgroup even when the spec
# says "ro", which the spec:mounts check rightly reports; these tests are
# about the exec path, so the bundle does not claim "ro" there.
hp_exec_start_runc() {
	hp_next
	hp_exec_bundle=$hp_tmp/$hp_id.bundle
	mkdir -m 0755 "$hp_exec_bundle"
	hp_runc_config "$hp_exec_bundle" ".process.args =
		[\"/hardprobe/run-probes\", \"--wait-only\"] |
		.mounts |= map(if .destination == \"/sys/fs/cgroup\"
			then .options -= [\"ro\"] else . end) | ${1:-.}"
	hp_exec_runc_ids+=("$hp_id")
	trap hp_exec_cleanup EXIT
	timeout 60 runc --root "$hp_tmp/runc" run -d -b "$hp_exec_bundle" \
		"$hp_id" </dev/null >/dev/null 2>"$hp_tmp/$hp_id.err" ||
		hp_fail "runc run -d: $(cat "$hp_tmp/$hp_id.err")"
}

# hardprobe exec with the options $@ and the container last.
hp_exec() {
	HP_RESULTS=$hp_tmp/$hp_id.exec-$RANDOM
	HP_REPORT=$HP_RESULTS.report.json
	HP_STDERR=$HP_RESULTS.stderr
	mkdir -p "$HP_RESULTS"
	HP_EXIT=0
	"$HARDPROBE" exec --format json --profile "$HP_PROFILE" \
		--results "$HP_RESULTS" "$@" \
		>"$HP_REPORT" 2>"$HP_STDERR" || HP_EXIT=$?
	HP_STREAM=$(find "$HP_RESULTS" -name stream.jsonl | head -n 1)
}

# runc exec of run-probes with the container's process spec edited by the
# jq filter $1, through hardprobe exec --runtime runc.
hp_exec_runc() {
	local process=$hp_exec_bundle/process-$RANDOM.json
	jq ".process | .args = [\"/hardprobe/run-probes\"] | $1" \
		"$hp_exec_bundle/config.json" >"$process" ||
		hp_fail "jq filter failed: $1"
	hp_exec --runtime runc --runc-root "$hp_tmp/runc" \
		--process "$process" "$hp_id"
}

# Exactly the checks "$1" fail and none errors, leaving out the checks of
# the kept spec's own claims (spec:*), which have tests of their own: with
# runc, the planted process spec also breaks what the container's spec
# asks for.
hp_exec_assert_failing() {
	local got want
	want=$(for id in $1; do echo "$id"; done | sort | tr '\n' ' ')
	got=$(jq -r '.checks[] | select(.id | startswith("spec:") | not) |
		select(.status == "fail" or .status == "error") | .id' \
		"$HP_REPORT" | sort | tr '\n' ' ') ||
		hp_fail "report '$HP_REPORT' is not json"
	[ "$got" = "$want" ] ||
		hp_fail "failing checks: [${got% }], want [${want% }]"
}

hp_exec_profile() {
	HP_PROFILE=$hp_tmp/exec-$BASHPID-$RANDOM.profile
	printf 'description "test-exec"\n' >"$HP_PROFILE"
	printf '%s\n' "$@" >>"$HP_PROFILE"
}

# The container is started hardened; the exec'd probes pass hardened and
# match the first process; the container keeps running.
test_exec_hardened_ctr_passes() {
	hp_exec_start_ctr "${hardprobe_hardened_flags[@]}"
	hp_exec --address "$HP_SOCK" "$hp_id"
	assert_exit 0
	# hardened does not name exec.first-process: judged all the same
	assert_failing "" "nnp.setuid-escalation"
	assert_status exec.first-process pass
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "exec.first-process") |
		.evidence.differs == [] and
		.evidence.first_process.pid1.NoNewPrivs == "1" and
		.evidence.exec_process.Seccomp == "2"'
	ctr -a "$HP_SOCK" tasks ls | grep -q "^$hp_id .*RUNNING" ||
		hp_fail "the container stopped"
	local dir
	dir=$(dirname "$HP_STREAM")
	grep -qx "tasks" "$dir/command.txt" || hp_fail "no ctr task exec"
	assert_jq "$dir/manifest.json" ".container_id == \"$hp_id\" and
		([.files[].name] | index(\"oci-spec.json\") != null) and
		(.image.ref | endswith(\"hardprobe:$hp_version\"))"
	# verify of the kept stream gives the same verdict
	verify_stream
	assert_exit 0
	assert_status exec.first-process pass
}

# The same exec into a container with ctr's defaults: hardened fails on
# the container's own settings, and the exec'd process still matches.
test_exec_default_ctr_fails_hardened() {
	hp_exec_start_ctr
	hp_exec --address "$HP_SOCK" "$hp_id"
	assert_exit 1
	assert_status caps.sets fail
	assert_status seccomp.mode fail
	assert_status exec.first-process pass
}

# Run as pid 1 (a plain ctr run), the probe says so and skips; a profile
# that does not name the check does not get it.
test_exec_first_process_skips_as_pid1() {
	hp_exec_profile "exec.first-process same"
	ctr_run_stream
	verify_stream
	assert_exit 0
	assert_failing "" "exec.first-process"
	assert_jq "$HP_REPORT" '.checks[0].observed | test("pid 1")'
	hp_exec_profile "nnp.flag clear"
	verify_stream
	assert_jq "$HP_REPORT" '[.checks[].id] == ["nnp.flag"]'
}

# pid 1 has no_new_privs; an exec whose process spec clears it is caught
# and the difference named.  The same exec keeping it passes.
test_exec_runc_nnp_dropped_is_caught() {
	hp_exec_profile "nnp.flag set"
	hp_exec_start_runc ".process.noNewPrivileges = true"
	hp_exec_runc ".noNewPrivileges = true"
	assert_exit 0
	hp_exec_assert_failing ""
	assert_status exec.first-process pass
	hp_exec_runc ".noNewPrivileges = false"
	assert_exit 1
	hp_exec_assert_failing "exec.first-process nnp.flag"
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "exec.first-process") |
		.evidence.differs == ["NoNewPrivs"] and
		(.observed | contains("NoNewPrivs '"'0'"' (first process: '"'1'"')"))'
	[ -s "$(dirname "$HP_STREAM")/process.json" ] ||
		hp_fail "process.json not kept"
	[ -s "$(dirname "$HP_STREAM")/oci-spec.json" ] ||
		hp_fail "oci-spec.json not kept"
}

# The first process has no inheritable capability; an exec whose process
# spec adds CAP_KILL to the inheritable set is caught, the capability
# named.  The exec with the container's own sets passes.
test_exec_runc_inheritable_cap_is_caught() {
	hp_exec_profile "exec.first-process same"
	hp_exec_start_runc ".process.capabilities.inheritable = []"
	hp_exec_runc ".capabilities.inheritable = []"
	assert_exit 0
	hp_exec_assert_failing ""
	hp_exec_runc '.capabilities.inheritable = ["CAP_KILL"]'
	assert_exit 1
	hp_exec_assert_failing "exec.first-process"
	# CAP_KILL is in the spec's ambient set, which runc could not raise
	# without it inheritable: now it can, in the exec'd process only
	assert_jq "$HP_REPORT" '.checks[0] |
		.evidence.differs == ["CapInh", "CapAmb"] and (.observed |
		contains("CapInh: the exec'"'"'d process adds cap_kill"))'
}

# Bad use is refused before anything runs, naming what is wrong.
test_exec_usage_errors() {
	hp_next
	HP_EXIT=0
	"$HARDPROBE" exec --process /nonexistent "$hp_id" 2>"$hp_tmp/e1" ||
		HP_EXIT=$?
	assert_exit 2
	grep -q -- "--process needs --runtime runc" "$hp_tmp/e1" ||
		hp_fail "no message: $(cat "$hp_tmp/e1")"
	HP_EXIT=0
	"$HARDPROBE" exec 2>"$hp_tmp/e2" || HP_EXIT=$?
	assert_exit 2
	grep -q "no container given" "$hp_tmp/e2" || hp_fail "$(cat "$hp_tmp/e2")"
	HP_EXIT=0
	"$HARDPROBE" exec --address "$HP_SOCK" --results "$hp_tmp/$hp_id" \
		"$hp_id" 2>"$hp_tmp/e3" >/dev/null || HP_EXIT=$?
	assert_exit 3
	grep -q "exec in container '$hp_id'" "$hp_tmp/e3" ||
		hp_fail "$(cat "$hp_tmp/e3")"
}

# The profile's net.egress targets reach the exec'd run-probes too: a
# listener on the host's loopback is reached from a --net-host container,
# and not from one in its own network namespace (listener helpers from
# test-net.sh).
test_exec_passes_egress_targets() {
	egress_listen 127.0.0.1
	egress_profile reachable "127.0.0.1:$egress_port"
	hp_exec_start_ctr --net-host
	trap 'egress_cleanup; hp_exec_cleanup' EXIT
	hp_exec --address "$HP_SOCK" "$hp_id"
	assert_exit 0
	[ "$(egress_result "127.0.0.1:$egress_port")" = "reachable null" ] ||
		hp_fail "want reachable, got $(egress_result "127.0.0.1:$egress_port")"
	[ "$(egress_conns)" = "conn 0" ] ||
		hp_fail "listener saw '$(egress_conns)', want one empty connection"
	grep -qx -- "--egress" "$(dirname "$HP_STREAM")/command.txt" ||
		hp_fail "command.txt lacks --egress"
	hp_exec_start_ctr
	trap 'egress_cleanup; hp_exec_cleanup' EXIT
	hp_exec --address "$HP_SOCK" "$hp_id"
	assert_exit 1
	[ "$(egress_result "127.0.0.1:$egress_port")" = "refused ECONNREFUSED" ] ||
		hp_fail "want refused, got $(egress_result "127.0.0.1:$egress_port")"
	[ "$(egress_conns)" = "conn 0" ] ||
		hp_fail "the private namespace reached the host: $(egress_conns)"
}
