#!/usr/bin/env bash
# A private containerd for demos, tests and benchmarks, so that nothing
# touches the machine's own containerd (if any).
#
#   containerd.sh start DIR   create DIR, start containerd with everything
#                             under it, print the socket path
#   containerd.sh stop DIR    stop it, its shims and containers, unmount
#                             what is left under DIR, remove DIR
#
# Clients must use the containerd namespace "hardprobe" (export
# CONTAINERD_NAMESPACE=hardprobe, which ctr reads): runc keeps its state per
# namespace under /run/containerd/runc, shared by every containerd.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ns=hardprobe
start_timeout=20
stop_timeout=10

die() {
	echo "hardprobe: $*" >&2
	exit 1
}

need_tools() {
	local t
	for t in containerd ctr runc containerd-shim-runc-v2; do
		command -v "$t" >/dev/null && continue
		bash "$here/install-deps.sh" >&2
		return
	done
}

write_config() {
	local dir=$1
	cat >"$dir/config.toml" <<EOF
# written by hardprobe scripts/containerd.sh
version = 2
root = "$dir/root"
state = "$dir/state"
disabled_plugins = [
	"io.containerd.grpc.v1.cri",
	"io.containerd.snapshotter.v1.aufs",
	"io.containerd.snapshotter.v1.btrfs",
	"io.containerd.snapshotter.v1.devmapper",
	"io.containerd.snapshotter.v1.zfs",
	"io.containerd.tracing.processor.v1.otlp",
	"io.containerd.internal.v1.tracing",
]

[grpc]
address = "$dir/containerd.sock"

[ttrpc]
address = "$dir/containerd.sock.ttrpc"

[debug]
address = "$dir/debug.sock"
EOF
}

# Wait until the daemon answers on its socket, or fail with its log.
wait_ready() {
	local dir=$1 pid=$2 i
	for ((i = 0; i < start_timeout * 10; i++)); do
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 20 "$dir/containerd.log" >&2
			die "start containerd in '$dir': it exited"
		fi
		ctr -a "$dir/containerd.sock" version >/dev/null 2>&1 && return
		sleep 0.1
	done
	tail -n 20 "$dir/containerd.log" >&2
	die "start containerd in '$dir': no answer after ${start_timeout}s"
}

# A container in a user namespace (ctr run --uidmap) reaches its root file
# system under DIR as a uid that is not root on the host: every directory
# above DIR must let others through, or runc fails with "permission
# denied" while preparing the rootfs.  mktemp -d makes mode 0700.
warn_untraversable() {
	local d=$1
	while [ "$d" != / ]; do
		d=$(dirname "$d")
		if [ "$(($(stat -c '%#a' "$d") & 1))" -eq 0 ]; then
			echo "hardprobe: warning: '$d' is mode $(stat -c %a "$d"):" \
				"containers with --uidmap will fail to start" \
				"(chmod o+x '$d')" >&2
			return
		fi
	done
}

cmd_start() {
	local dir=$1 pid
	[ "$(id -u)" -eq 0 ] || die "start containerd: needs root"
	[ -e "$dir" ] && die "create directory '$dir': already exists"
	need_tools
	mkdir -p "$(dirname "$dir")"
	mkdir -m 0755 "$dir"
	dir=$(cd "$dir" && pwd)
	warn_untraversable "$dir"
	write_config "$dir"
	setsid containerd --config "$dir/config.toml" \
		</dev/null >"$dir/containerd.log" 2>&1 &
	pid=$!
	echo "$pid" >"$dir/containerd.pid"
	wait_ready "$dir" "$pid"
	echo "$dir/containerd.sock"
}

# Kill and delete every task and container in our namespace, so that runc
# state under /run/containerd/runc/hardprobe does not outlive us.
remove_containers() {
	local sock=$1 c
	local -a ctr_cmd=(timeout 10 ctr -a "$sock" -n "$ns")
	for c in $("${ctr_cmd[@]}" tasks ls -q 2>/dev/null); do
		"${ctr_cmd[@]}" tasks kill -s SIGKILL "$c" >/dev/null 2>&1 || :
		"${ctr_cmd[@]}" tasks delete -f "$c" >/dev/null 2>&1 || :
	done
	for c in $("${ctr_cmd[@]}" containers ls -q 2>/dev/null); do
		"${ctr_cmd[@]}" containers delete "$c" >/dev/null 2>&1 || :
	done
}

# Containers whose runc state outlived their shim (containerd or the shim
# was killed): kill and delete those whose bundle lies under dir.
remove_orphans() {
	local dir=$1 c
	local -a runc_cmd=(runc --root "/run/containerd/runc/$ns")
	for c in $("${runc_cmd[@]}" list -f json 2>/dev/null |
		jq -r --arg d "$dir/" \
			'.[]? | select(.bundle | startswith($d)) | .id'); do
		"${runc_cmd[@]}" kill "$c" KILL >/dev/null 2>&1 || :
		"${runc_cmd[@]}" delete -f "$c" >/dev/null 2>&1 || :
	done
}

# Send TERM, then KILL after stop_timeout seconds.
stop_pid() {
	local pid=$1 i
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < stop_timeout * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || :
}

# Pids of the shims started for our socket (their command line names it).
shim_pids() {
	local sock=$1 f pid
	for f in /proc/[0-9]*/cmdline; do
		pid=${f#/proc/}
		pid=${pid%/cmdline}
		{ tr '\0' '\n' <"$f"; } 2>/dev/null | grep -qxF -- "$sock" &&
			grep -qa containerd-shim "$f" 2>/dev/null && echo "$pid"
	done
	return 0
}

# Unmount what is left below dir, deepest first.
unmount_below() {
	local dir=$1 m
	awk -v d="$dir/" 'index($5, d) == 1 { print $5 }' \
		/proc/self/mountinfo | sort -r | while read -r m; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || :
	done
}

cmd_stop() {
	local dir=$1 pid p
	[ -d "$dir" ] || return 0
	dir=$(cd "$dir" && pwd)
	grep -qs 'written by hardprobe' "$dir/config.toml" ||
		die "stop containerd in '$dir': not a hardprobe containerd dir"
	pid=$(cat "$dir/containerd.pid" 2>/dev/null || :)
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		remove_containers "$dir/containerd.sock"
		# The pid may have been reused since: only stop a containerd.
		if grep -qa containerd "/proc/$pid/cmdline"; then
			stop_pid "$pid"
		fi
	fi
	for p in $(shim_pids "$dir/containerd.sock"); do
		stop_pid "$p"
	done
	remove_orphans "$dir"
	unmount_below "$dir"
	rm -rf --one-file-system "$dir"
}

case ${1:-} in
start) [ $# -eq 2 ] || die "usage: containerd.sh start DIR"; cmd_start "$2" ;;
stop) [ $# -eq 2 ] || die "usage: containerd.sh stop DIR"; cmd_stop "$2" ;;
*) die "usage: containerd.sh start|stop DIR" ;;
esac
