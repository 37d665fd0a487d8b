# shellcheck shell=bash
# deploy/kubernetes/: the manifests parse and render, their security
# context asks for what the profile they name expects (and a weakened copy
# is caught), the pod they describe passes that profile when a container
# gets the same settings here, and the DaemonSet's wait mode keeps the
# container up until SIGTERM.  Without a cluster, these cannot be checked
# here: that the API server admits the pods under Pod Security Admission,
# that kubelet and the node's runtime apply the fields, and what the
# node's RuntimeDefault seccomp profile blocks (the checker prints the
# list of checks it cannot map to a field).

hp_k8s=$hp_root/deploy/kubernetes
hp_k8s_check=$hp_root/tests/kubernetes/check-manifests.py

test_k8s_manifests_parse_and_render() {
	local f kinds
	for f in "$hp_k8s"/*.yaml; do
		python3 -c 'import sys, yaml; list(yaml.safe_load_all(open(sys.argv[1])))' \
			"$f" || hp_fail "$f does not parse"
	done
	kinds=$(python3 -c 'import sys, yaml
for f in sys.argv[1:]:
    for d in yaml.safe_load_all(open(f)):
        if d: print(d["kind"])' "$hp_k8s"/{namespace,job,daemonset}.yaml |
		sort | tr '\n' ' ')
	[ "$kinds" = "DaemonSet Job Namespace " ] || hp_fail "kinds: $kinds"
	# kustomize renders offline; kubectl's schema validation needs a
	# server, so it is not run here.
	kubectl kustomize "$hp_k8s" >"$hp_tmp/rendered.yaml" ||
		hp_fail "kubectl kustomize failed"
	[ "$(grep -c '^kind:' "$hp_tmp/rendered.yaml")" -eq 3 ] ||
		hp_fail "the kustomization does not render all three"
	grep -q 'pod-security.kubernetes.io/enforce: restricted' \
		"$hp_tmp/rendered.yaml" || hp_fail "namespace not restricted"
}

test_k8s_security_context_matches_profile() {
	local out=$hp_tmp/k8s-check.out
	HARDPROBE=$HARDPROBE python3 "$hp_k8s_check" "$hp_k8s"/*.yaml \
		>"$out" 2>&1 || hp_fail "checker: $(cat "$out")"
	grep -q '^2 workloads, 0 gaps$' "$out" || hp_fail "$(tail -n 3 "$out")"
	grep -q '^not verifiable without a cluster .*Job/hardprobe-smoke' "$out" ||
		hp_fail "the checker does not say what it could not verify"
}

# Write the Job with one change (python, on the container c and pod p).
hp_k8s_weaken() {
	python3 - "$hp_k8s/job.yaml" "$1" "$2" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
p = doc["spec"]["template"]["spec"]
c = p["containers"][0]
exec(sys.argv[2])
yaml.safe_dump(doc, open(sys.argv[3], "w"))
PY
}

test_k8s_checker_catches_weakened_manifests() {
	local change want f=$hp_tmp/weak.yaml rc
	while IFS='|' read -r change want; do
		hp_k8s_weaken "$change" "$f"
		rc=0
		HARDPROBE=$HARDPROBE python3 "$hp_k8s_check" "$f" \
			>"$hp_tmp/weak.out" 2>&1 || rc=$?
		[ "$rc" -eq 1 ] || hp_fail "$change: exit $rc, want 1"
		grep -q "^FAIL .*: $want" "$hp_tmp/weak.out" ||
			hp_fail "$change: no FAIL for $want: $(cat "$hp_tmp/weak.out")"
	done <<'EOF2'
c["securityContext"]["allowPrivilegeEscalation"] = True|nnp.flag set
c["securityContext"]["capabilities"]["drop"] = []|caps.sets only
c["securityContext"]["capabilities"]["add"] = ["SYS_ADMIN"]|cap.sys-admin denied
p["securityContext"]["seccompProfile"]["type"] = "Unconfined"|seccomp.mode filter
del p["securityContext"]["runAsNonRoot"]|user.identity non-root
p["hostPID"] = True|ns.host-pid isolated
c["securityContext"]["privileged"] = True|proc.masked-paths masked
p["volumes"] = [{"name": "h", "hostPath": {"path": "/"}}]|fs.host-mounts none
EOF2
	# no profile named: bad input, exit 2
	hp_k8s_weaken 'del doc["metadata"]["annotations"]' "$f"
	rc=0
	HARDPROBE=$HARDPROBE python3 "$hp_k8s_check" "$f" >/dev/null \
		2>"$hp_tmp/weak.err" || rc=$?
	[ "$rc" -eq 2 ] || hp_fail "no annotation: exit $rc, want 2"
	grep -q "hardprobe/profile" "$hp_tmp/weak.err" || hp_fail "no message"
}

# The Job's pod as ctr can express it: the nonroot image (runAsUser and
# runAsGroup 65534), --read-only (readOnlyRootFilesystem), containerd's
# default seccomp profile (what RuntimeDefault is on a containerd node),
# every capability dropped (drop ALL; one flag each, see
# scripts/hardened-flags.sh), and no_new_privs, which containerd's default
# spec sets (allowPrivilegeEscalation: false).  It must pass the profile
# the manifests name.
test_k8s_pod_settings_pass_their_profile() {
	local caps=() cap profile
	for cap in "${hardprobe_default_caps[@]}"; do
		caps+=(--cap-drop "$cap")
	done
	profile=$(python3 -c 'import sys, yaml
print(yaml.safe_load(open(sys.argv[1]))["metadata"]["annotations"]["hardprobe/profile"])' \
		"$hp_k8s/job.yaml")
	HP_IMAGE=$HP_IMAGE_NONROOT HP_PROFILE=$profile run_probe_image \
		--read-only --seccomp "${caps[@]}"
	assert_exit 0
	assert_jq "$HP_REPORT" '.verdict == "pass"'
	# the same without "drop: [ALL]" fails it on the capabilities
	HP_IMAGE=$HP_IMAGE_NONROOT HP_PROFILE=$profile run_probe_image \
		--read-only --seccomp
	assert_exit 1
	assert_status caps.sets fail
}

# The DaemonSet's command: the stream, then the container stays up until
# SIGTERM, which ends it at once with status 0 (as pid 1 it would ignore
# a signal it had no handler for; the grace period would run out).
test_k8s_then_wait_stays_up_until_sigterm() {
	local out=$hp_tmp/wait-$BASHPID.jsonl pid rc=0 i
	hp_next
	ctr -a "$HP_SOCK" run --rm "$HP_IMAGE_NONROOT" "$hp_id" \
		/hardprobe/run-probes --then-wait >"$out" 2>/dev/null </dev/null &
	pid=$!
	for i in $(seq 1 100); do
		grep -q '"type":"trailer"' "$out" 2>/dev/null && break
		sleep 0.2
	done
	grep -q '"type":"trailer"' "$out" || hp_fail "no trailer in 20 s"
	sleep 1
	kill -0 "$pid" 2>/dev/null || hp_fail "the container did not wait"
	ctr -a "$HP_SOCK" task ls | grep -q "^$hp_id .*RUNNING" ||
		hp_fail "the task is not running after the stream"
	ctr -a "$HP_SOCK" task kill -s SIGTERM "$hp_id"
	for i in $(seq 1 25); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.2
	done
	if kill -0 "$pid" 2>/dev/null; then
		ctr -a "$HP_SOCK" task kill -s SIGKILL "$hp_id" || :
		wait "$pid" || :
		hp_fail "SIGTERM did not stop the container within 5 s"
	fi
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || hp_fail "exit status $rc after SIGTERM, want 0"
	HP_PROFILE=pss-restricted verify_stream "$out"
	[ "$HP_EXIT" -le 1 ] || hp_fail "the stream is not well formed"
}
