# shellcheck shell=bash
# net.egress on real containers, both ways.  Traffic goes only to
# listeners these tests start: on the host's loopback (reached with
# --net-host, not from the container's own network namespace), and in a
# network namespace made here, joined to another made here by a veth pair
# that the container enters with ctr's --with-ns.  Each listener logs the
# bytes it received on each connection: the probe must send none.

egress_pids=()
egress_netns=()

egress_cleanup() {
	local p n
	for p in "${egress_pids[@]}"; do
		kill "$p" 2>/dev/null || :
	done
	for n in "${egress_netns[@]}"; do
		ip netns del "$n" 2>/dev/null || :
	done
}

# Start a TCP listener on address $1 (inside network namespace $2, if
# given): one line "conn N" per connection, N the bytes received before
# the peer closed.  Sets egress_port and egress_log.
egress_listen() {
	local addr=$1 ns=${2:-} i
	command -v python3 >/dev/null || hp_skip "python3 missing"
	egress_log=$hp_tmp/egress-$BASHPID-$RANDOM.log
	${ns:+ip netns exec "$ns"} python3 -c '
import socket, sys
s = socket.socket()
s.bind((sys.argv[1], 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    c.settimeout(2)
    n = 0
    try:
        while True:
            b = c.recv(4096)
            if not b:
                break
            n += len(b)
    except OSError:
        n = -1
    print("conn", n, flush=True)
    c.close()
' "$addr" >"$egress_log" 2>&1 &
	egress_pids+=("$!")
	for i in $(seq 50); do
		egress_port=$(head -n 1 "$egress_log")
		[ -z "$egress_port" ] || return 0
		sleep 0.1
	done
	hp_fail "listener on $addr did not start: $(cat "$egress_log")"
}

# The connections the listener saw, as "conn N" lines.
egress_conns() {
	sleep 0.3
	grep '^conn' "$egress_log" || :
}

# A profile of one net.egress line ($*), in HP_PROFILE.
egress_profile() {
	HP_PROFILE=$hp_tmp/egress-$BASHPID-$RANDOM.profile
	printf 'description "test-net"\nnet.egress %s\n' "$*" >"$HP_PROFILE"
}

egress_result() {
	jq -r --arg t "$1" '.checks[] | select(.id == "net.egress") |
		.evidence.targets[] | select(.target == $t) |
		"\(.result) \(.errno)"' "$HP_REPORT"
}

test_net_egress_host_loopback_reachable_with_net_host() {
	trap egress_cleanup EXIT
	egress_listen 127.0.0.1
	egress_profile reachable "127.0.0.1:$egress_port"
	run_probe_image --net-host
	assert_exit 0
	assert_failing ""
	[ "$(egress_result "127.0.0.1:$egress_port")" = "reachable null" ] ||
		hp_fail "want reachable, got $(egress_result "127.0.0.1:$egress_port")"
	[ "$(egress_conns)" = "conn 0" ] ||
		hp_fail "listener saw '$(egress_conns)', want one empty connection"
	grep -qx -- "--egress" "$(dirname "$HP_STREAM")/command.txt" ||
		hp_fail "command.txt lacks --egress"
	# the same stream against the opposite expectation fails
	egress_profile unreachable "127.0.0.1:$egress_port"
	verify_stream
	assert_exit 1
	assert_failing "net.egress"
}

test_net_egress_host_loopback_refused_in_private_netns() {
	trap egress_cleanup EXIT
	egress_listen 127.0.0.1
	egress_profile unreachable "127.0.0.1:$egress_port"
	run_probe_image
	assert_exit 0
	assert_failing ""
	[ "$(egress_result "127.0.0.1:$egress_port")" = "refused ECONNREFUSED" ] ||
		hp_fail "want refused, got $(egress_result "127.0.0.1:$egress_port")"
	[ -z "$(egress_conns)" ] ||
		hp_fail "the host's listener was reached: $(egress_conns)"
	egress_profile reachable "127.0.0.1:$egress_port"
	verify_stream
	assert_exit 1
	assert_failing "net.egress"
}

# Namespaces client (the container's) and server, 10.200.0.1/24 and
# 10.200.0.2/24 on a veth pair; the listener in server.  Sets egress_c.
egress_two_netns() {
	local c=hp-eg-$BASHPID-c s=hp-eg-$BASHPID-s
	command -v ip >/dev/null || hp_skip "ip (iproute2) missing"
	egress_netns+=("$c" "$s")
	ip netns add "$c" && ip netns add "$s" &&
		ip link add hpeg0 netns "$c" type veth peer name hpeg1 netns "$s" &&
		ip -n "$c" addr add 10.200.0.1/24 dev hpeg0 &&
		ip -n "$s" addr add 10.200.0.2/24 dev hpeg1 &&
		ip -n "$c" link set hpeg0 up && ip -n "$s" link set hpeg1 up &&
		ip -n "$c" link set lo up && ip -n "$s" link set lo up ||
		hp_fail "could not make the test network namespaces"
	egress_c=$c
	egress_listen 10.200.0.2 "$s"
}

test_net_egress_test_host_in_netns_reachable() {
	trap egress_cleanup EXIT
	egress_two_netns
	egress_profile reachable "10.200.0.2:$egress_port"
	run_probe_image --with-ns "network:/run/netns/$egress_c"
	assert_exit 0
	assert_failing ""
	[ "$(egress_conns)" = "conn 0" ] ||
		hp_fail "listener saw '$(egress_conns)', want one empty connection"
	egress_profile unreachable "10.200.0.2:$egress_port"
	verify_stream
	assert_exit 1
	assert_failing "net.egress"
}

# Refused (a port nobody listens on), timeout (an address on the link
# that no host answers: ARP gives up after the probe's 1.5 s), and
# unreachable (no route).
test_net_egress_test_host_in_netns_unreachable() {
	local p
	trap egress_cleanup EXIT
	egress_two_netns
	p=$((egress_port == 65535 ? 65534 : egress_port + 1))
	egress_profile unreachable "10.200.0.2:$p" 10.200.0.9:80 10.201.0.1:80
	run_probe_image --with-ns "network:/run/netns/$egress_c"
	assert_exit 0
	assert_failing ""
	[ "$(egress_result "10.200.0.2:$p")" = "refused ECONNREFUSED" ] ||
		hp_fail "10.200.0.2:$p: $(egress_result "10.200.0.2:$p")"
	[ "$(egress_result 10.200.0.9:80)" = "timeout null" ] ||
		hp_fail "10.200.0.9:80: $(egress_result 10.200.0.9:80)"
	[ "$(egress_result 10.201.0.1:80)" = "unreachable ENETUNREACH" ] ||
		hp_fail "10.201.0.1:80: $(egress_result 10.201.0.1:80)"
	egress_profile reachable 10.201.0.1:80
	verify_stream
	assert_exit 1
	assert_failing "net.egress"
}

# Without targets the probe skips and opens no socket; a profile that
# names targets then errors, never passes.
test_net_egress_without_targets() {
	ctr_run_stream
	egress_profile unreachable 127.0.0.1:9
	verify_stream
	assert_exit 1
	assert_checks_exact "net.egress" error
	assert_jq "$HP_REPORT" '.checks[0].evidence ==
		{"outcome": "skip", "reason": "no targets"}' \
		"net.egress skips without targets"
	assert_jq "$HP_REPORT" '.checks[0].observed |
		startswith("the probe was given no targets")'
}

test_net_egress_bad_target() {
	local err
	egress_profile unreachable localhost:80
	err=$HP_PROFILE.lint
	HP_EXIT=0
	"$HARDPROBE" profile lint "$HP_PROFILE" >"$err" 2>&1 || HP_EXIT=$?
	assert_exit 2
	grep -q "bad target 'localhost:80'" "$err" ||
		hp_fail "lint said: $(cat "$err")"
}
