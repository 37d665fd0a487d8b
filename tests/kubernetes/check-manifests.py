#!/usr/bin/env python3
"""Check that Kubernetes manifests ask for what their hardprobe profile
expects.

Each workload (Job, DaemonSet, Deployment, Pod, ...) names the profile
that judges its probes in the annotation "hardprobe/profile".  The profile
is resolved by `hardprobe profile show`, and each of its checks is mapped
to the securityContext (and pod spec) fields that make a runtime provide
it.  A check with no such field (what the runtime or the kernel decides)
is listed as not verifiable without a cluster.

Usage: check-manifests.py [--hardprobe PATH] MANIFEST...
Exit status: 0 every workload asks for what its profile expects, 1 one
does not (each gap is named), 2 bad input (YAML, no annotation, unknown
profile).
"""
import argparse
import os
import subprocess
import sys

import yaml

ANNOTATION = "hardprobe/profile"
POD_KINDS = {"Job": ("spec", "template", "spec"),
             "DaemonSet": ("spec", "template", "spec"),
             "Deployment": ("spec", "template", "spec"),
             "StatefulSet": ("spec", "template", "spec"),
             "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
             "Pod": ("spec",)}


class BadInput(Exception):
    pass


def profile_checks(hardprobe, name):
    """{check id: [expectation words]} of the resolved profile."""
    run = subprocess.run([hardprobe, "profile", "show", name],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise BadInput(f"profile '{name}': {run.stderr.strip()}")
    checks = {}
    for line in run.stdout.splitlines():
        words = line.split()
        if not words or words[0].startswith("#") or words[0] in (
                "description", "extends"):
            continue
        if len(words) > 1 and words[1] != "off":
            checks[words[0]] = [w for w in words[1:] if "=" not in w]
    return checks


def dig(obj, path):
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def effective(pod, ctr, key):
    """A securityContext field: the container's, else the pod's."""
    for ctx in ((ctr.get("securityContext") or {}),
                (pod.get("securityContext") or {})):
        if key in ctx:
            return ctx[key]
    return None


def cap_names(caps):
    return {c.upper().removeprefix("CAP_") for c in caps or []}


# Each rule: the manifest fields that provide a check, as a function of
# (pod spec, container) that returns None when they do, else why not.

def drop_all(pod, ctr):
    caps = dig(ctr, ("securityContext", "capabilities")) or {}
    if "ALL" not in cap_names(caps.get("drop")):
        return "capabilities.drop lacks ALL"
    return None


def caps_only(allowed):
    def rule(pod, ctr):
        why = drop_all(pod, ctr)
        added = cap_names(dig(ctr, ("securityContext", "capabilities",
                                    "add")))
        extra = added - cap_names(allowed)
        if why:
            return why
        return f"capabilities.add has {sorted(extra)}" if extra else None
    return rule


def cap_denied(check_id):
    name = check_id.removeprefix("cap.").replace("-", "_").upper()

    def rule(pod, ctr):
        added = cap_names(dig(ctr, ("securityContext", "capabilities",
                                    "add")))
        if name in added:
            return f"capabilities.add has {name}"
        return drop_all(pod, ctr) or not_privileged(pod, ctr)
    return rule


def not_privileged(pod, ctr):
    if effective(pod, ctr, "privileged"):
        return "privileged: true"
    return None


def no_escalation(pod, ctr):
    if effective(pod, ctr, "allowPrivilegeEscalation") is not False:
        return "allowPrivilegeEscalation is not false"
    return not_privileged(pod, ctr)


def seccomp_filter(pod, ctr):
    kind = (effective(pod, ctr, "seccompProfile") or {}).get("type")
    if kind not in ("RuntimeDefault", "Localhost"):
        return f"seccompProfile.type is {kind!r}, not RuntimeDefault " \
               "or Localhost"
    return None


def non_root(pod, ctr):
    if effective(pod, ctr, "runAsNonRoot") is not True:
        return "runAsNonRoot is not true"
    if effective(pod, ctr, "runAsUser") == 0:
        return "runAsUser is 0"
    return None


def read_only_root(pod, ctr):
    if effective(pod, ctr, "readOnlyRootFilesystem") is not True:
        return "readOnlyRootFilesystem is not true"
    return None


def host_ns(field):
    def rule(pod, ctr):
        return f"{field}: true" if pod.get(field) else None
    return rule


def no_host_path(pod, ctr):
    for vol in pod.get("volumes") or []:
        if "hostPath" in vol:
            return f"volume '{vol.get('name')}' is a hostPath"
    return not_privileged(pod, ctr)


def default_proc(pod, ctr):
    if effective(pod, ctr, "procMount") not in (None, "Default"):
        return "procMount is not Default"
    return not_privileged(pod, ctr)


def own_userns(pod, ctr):
    return None if pod.get("hostUsers") is False else "hostUsers is not false"


def no_token(pod, ctr):
    if pod.get("automountServiceAccountToken") is not False:
        return "automountServiceAccountToken is not false"
    return None


# The expectations that ask for a restriction; a profile that allows
# something asks nothing of the manifest.
SECURE = {"denied", "set", "filter", "strict", "non-root", "isolated",
          "none", "masked", "read-only", "unmapped", "unreachable", "only",
          "private"}


def rule_for(check_id, words):
    """The rule of a check and the fields it reads, or None."""
    exact = {
        "caps.raise": (drop_all, "capabilities.drop ALL"),
        "nnp.flag": (no_escalation, "allowPrivilegeEscalation: false"),
        "nnp.setuid-escalation": (no_escalation,
                                  "allowPrivilegeEscalation: false"),
        "seccomp.mode": (seccomp_filter, "seccompProfile.type"),
        "user.identity": (non_root, "runAsNonRoot, runAsUser"),
        "fs.etc-passwd-write": (read_only_root, "readOnlyRootFilesystem"),
        "fs.rootfs-write": (read_only_root, "readOnlyRootFilesystem"),
        "ns.host-pid": (host_ns("hostPID"), "hostPID"),
        "ns.host-net": (host_ns("hostNetwork"), "hostNetwork"),
        "ns.host-ipc": (host_ns("hostIPC"), "hostIPC"),
        "fs.host-mounts": (no_host_path, "volumes (no hostPath)"),
        "sockets.runtime": (no_host_path, "volumes (no hostPath)"),
        "proc.masked-paths": (default_proc, "procMount, privileged"),
        "proc.readonly-paths": (default_proc, "procMount, privileged"),
        "userns.host-root": (own_userns, "hostUsers: false"),
        "k8s.service-account-token": (no_token,
                                      "automountServiceAccountToken"),
    }
    if not words or words[0] not in SECURE:
        return None
    if check_id == "caps.sets":
        return caps_only(words[1:]), "capabilities.drop ALL, .add"
    if check_id.startswith("cap."):
        return cap_denied(check_id), "capabilities, privileged"
    return exact.get(check_id)


def check_workload(doc, where, checks):
    """Print each check's result for doc; the number of gaps."""
    pod = dig(doc, POD_KINDS[doc["kind"]])
    if not isinstance(pod, dict) or not pod.get("containers"):
        raise BadInput(f"{where}: no pod spec with containers")
    ctrs = (pod.get("initContainers") or []) + pod["containers"]
    gaps, unverified = 0, []
    for check_id, words in checks.items():
        found = rule_for(check_id, words)
        if not found:
            unverified.append(check_id)
            continue
        rule, fields = found
        for ctr in ctrs:
            why = rule(pod, ctr)
            name = f"{where} container {ctr.get('name')}"
            if why:
                gaps += 1
                print(f"FAIL {name}: {check_id} {' '.join(words)}: {why}")
            else:
                print(f"ok   {name}: {check_id} ({fields})")
    print(f"not verifiable without a cluster ({where}): "
          + " ".join(sorted(unverified)))
    return gaps


def workloads(path):
    try:
        with open(path, encoding="utf-8") as f:
            docs = [d for d in yaml.safe_load_all(f) if d]
    except (OSError, yaml.YAMLError) as e:
        raise BadInput(f"{path}: {e}".replace("\n", " ")) from e
    for i, doc in enumerate(docs):
        if not isinstance(doc, dict):
            raise BadInput(f"{path}: document {i + 1} is not a mapping")
        if doc.get("kind") in POD_KINDS:
            yield doc, f"{path}: {doc['kind']}/" \
                f"{dig(doc, ('metadata', 'name'))}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hardprobe", default=os.environ.get(
        "HARDPROBE", "build/hardprobe"))
    ap.add_argument("manifests", nargs="+")
    args = ap.parse_args()
    gaps, seen = 0, 0
    try:
        for path in args.manifests:
            for doc, where in workloads(path):
                name = dig(doc, ("metadata", "annotations", ANNOTATION))
                if not name:
                    raise BadInput(f"{where}: no '{ANNOTATION}' annotation")
                print(f"{where}: profile {name}")
                gaps += check_workload(doc, where,
                                       profile_checks(args.hardprobe, name))
                seen += 1
        if not seen:
            raise BadInput("no workload in " + " ".join(args.manifests))
    except BadInput as e:
        print(f"check-manifests: {e}", file=sys.stderr)
        return 2
    print("not verifiable from manifests at all: that the cluster admits "
          "the pods, that its runtime applies these fields, what its "
          "RuntimeDefault seccomp profile blocks: run the Job and judge "
          "its log")
    print(f"{seen} workloads, {gaps} gaps")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
