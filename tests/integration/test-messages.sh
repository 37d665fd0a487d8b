# shellcheck shell=bash
# Error messages a user can meet on the command line and with containers:
# each names what went wrong and where (file, line, record, container),
# on one line, with the documented exit status.  The parsers' messages
# (stream NAME:LINE, profile FILE:LINE) are tested in the unit tests.

# Run "$@", keeping its stderr in MSG and its exit status in HP_EXIT.
msg_run() {
	MSG=$hp_tmp/msg-$BASHPID.stderr
	HP_EXIT=0
	"$@" >/dev/null 2>"$MSG" </dev/null || HP_EXIT=$?
}

# The first line of stderr matches the extended regex $1 in full.
assert_msg() {
	head -n 1 "$MSG" | grep -qxE "$1" && return 0
	sed 's/^/  stderr: /' "$MSG" >&2
	hp_fail "message does not match: $1"
}

msg_stream() {
	echo "$hp_root/tests/fuzz/corpus-stream/hardened.jsonl"
}

test_msg_verify_missing_stream() {
	msg_run "$HARDPROBE" verify /nonexistent/s.jsonl
	assert_exit 2
	assert_msg "hardprobe: open stream '/nonexistent/s.jsonl': No such file or directory"
}

test_msg_verify_stream_is_a_directory() {
	msg_run "$HARDPROBE" verify "$hp_tmp"
	assert_exit 2
	assert_msg "hardprobe: $hp_tmp:1: read failed: Is a directory"
}

test_msg_verify_stream_line_named() {
	printf '{"type":"header","format":2}\n{"type":"record","seq":1}\n' \
		>"$hp_tmp/cut.jsonl"
	msg_run "$HARDPROBE" verify "$hp_tmp/cut.jsonl"
	assert_exit 2
	assert_msg "hardprobe: $hp_tmp/cut.jsonl:2: record has no string \"probe\""
}

test_msg_verify_unwritable_output() {
	msg_run "$HARDPROBE" verify --output /nonexistent/r.txt "$(msg_stream)"
	assert_exit 2
	assert_msg "hardprobe: write report '/nonexistent/r.txt': No such file or directory"
}

test_msg_verify_profile_line_named() {
	printf 'description "x"\nnnp.flag maybe\n' >"$hp_tmp/bad.profile"
	msg_run "$HARDPROBE" verify --profile "$hp_tmp/bad.profile" "$(msg_stream)"
	assert_exit 2
	assert_msg "hardprobe: $hp_tmp/bad.profile:2: nnp.flag: unknown expectation 'maybe' \(want set or clear\)"
}

test_msg_run_results_not_creatable() {
	msg_run "$HARDPROBE" run --address "$HP_SOCK" --results /proc/hardprobe
	assert_exit 3
	assert_msg "hardprobe: create directory '/proc/hardprobe[^']*': .+"
}

test_msg_run_ctr_missing() {
	HARDPROBE_CTR=/nonexistent/ctr msg_run "$HARDPROBE" run \
		--address "$HP_SOCK" --results "$hp_tmp/r-ctr"
	assert_exit 3
	assert_msg "hardprobe: run '/nonexistent/ctr': No such file or directory"
}

test_msg_run_bad_ctr_flag_names_container() {
	msg_run "$HARDPROBE" run --address "$HP_SOCK" \
		--results "$hp_tmp/r-flag" -- --no-such-flag
	assert_exit 3
	assert_msg "hardprobe: run container 'hardprobe-[0-9]+-[0-9a-f]{8}': .*no-such-flag.*"
	[ -z "$(ctr -a "$HP_SOCK" containers ls -q)" ] ||
		hp_fail "a container was left after a failed ctr run"
}

test_msg_run_unreachable_containerd() {
	msg_run "$HARDPROBE" run --address /nonexistent/containerd.sock \
		--results "$hp_tmp/r-sock"
	assert_exit 3
	assert_msg "hardprobe: .*'/nonexistent/containerd.sock'.*|hardprobe: .*(ctr|containerd).*"
}

test_msg_run_probes_unexpected_argument() {
	msg_run "$hp_build/run-probes" extra
	assert_exit 2
	assert_msg "hardprobe: unexpected argument 'extra'"
}

test_msg_run_probes_unknown_probe() {
	msg_run "$hp_build/run-probes" --only nnp.flag,no.such-probe
	assert_exit 2
	assert_msg "hardprobe: unknown probe 'no.such-probe' \(see --list\)"
}

test_msg_run_probes_bad_timeout() {
	msg_run "$hp_build/run-probes" --timeout 0
	assert_exit 2
	assert_msg "hardprobe: bad timeout '0': want seconds above 0, at most 86400"
}

test_msg_run_probes_bad_jobs() {
	msg_run "$hp_build/run-probes" --jobs 0
	assert_exit 2
	assert_msg "hardprobe: bad jobs '0': want a whole number from 1 to 64"
}

test_msg_run_probes_stdout_full() {
	HP_EXIT=0
	"$hp_build/run-probes" --only user.identity >/dev/full \
		2>"$hp_tmp/full.stderr" || HP_EXIT=$?
	MSG=$hp_tmp/full.stderr
	assert_exit 1
	assert_msg "hardprobe: write stream to stdout: No space left on device"
}

# A usage error: exit 2, the message on the first line of stderr, and
# "Try 'hardprobe CMD --help'" on the second.  usage_case CMD REGEX ARGS...
usage_case() {
	local cmd=$1 re=$2 try
	shift 2
	msg_run "$HARDPROBE" "$@"
	assert_exit 2
	assert_msg "hardprobe: ${cmd:+$cmd: }$re"
	try="Try 'hardprobe${cmd:+ $cmd} --help' for more information."
	sed -n 2p "$MSG" | grep -qxF "$try" || hp_fail "no '$try' line"
}

test_msg_usage_top_level() {
	usage_case "" "no command given"
	usage_case "" "unknown command 'frob'" frob
	usage_case list "unexpected argument 'extra'" list extra
}

test_msg_usage_verify() {
	local s
	s=$(msg_stream)
	usage_case verify "unknown option '--bogus'" verify --bogus "$s"
	usage_case verify "unknown option '-x'" verify -x "$s"
	usage_case verify "option '--profile' needs a value" verify --profile
	usage_case verify "more than one stream \('$s'\)" verify "$s" "$s"
	usage_case verify "unknown format 'yaml' \(want text, json, junit, tap or oscal\)" \
		verify --format yaml "$s"
	usage_case verify "bad --set 'x' \(want NAME=VALUE\)" verify --set x "$s"
	usage_case verify "unknown grouping 'foo' \(want control or check\)" \
		verify --group-by foo "$s"
}

test_msg_usage_diff() {
	local s
	s=$(msg_stream)
	usage_case diff "want two runs, OLD and NEW" diff "$s"
	usage_case diff "unknown format 'xml' \(want text or json\)" \
		diff --format xml "$s" "$s"
	msg_run "$HARDPROBE" diff "$s" /nonexistent/new
	assert_exit 2
	assert_msg "hardprobe: open stream '/nonexistent/new': No such file or directory"
}

test_msg_usage_profile() {
	usage_case profile "no action \(want lint or show\)" profile
	usage_case profile "unknown action 'frob' \(want lint or show\)" \
		profile frob
	usage_case profile "lint needs a FILE" profile lint
	usage_case profile "show takes one NAME" profile show a b
	msg_run "$HARDPROBE" profiles --cases /nonexistent
	assert_exit 2
	assert_msg "hardprobe: read directory '/nonexistent': No such file or directory"
	msg_run "$HARDPROBE" profile show --set x=1 hardened
	assert_exit 2
	assert_msg ".*/hardened.profile: --set 'x=1': no such parameter \(the profile has: none\)"
}

test_msg_usage_summary() {
	local s
	s=$(msg_stream)
	usage_case summary "no directory or stream given" summary
	usage_case summary "format 'tap' has no summary form \(want text, json or junit\)" \
		summary --format tap "$s"
	usage_case summary "format 'oscal' has no summary form \(want text, json or junit\)" \
		summary --format oscal "$s"
	msg_run "$HARDPROBE" summary /nonexistent/runs
	assert_exit 2
	assert_msg "hardprobe: open '/nonexistent/runs': No such file or directory"
	msg_run "$HARDPROBE" summary --output /nonexistent/s.txt "$s"
	assert_exit 2
	assert_msg "hardprobe: write summary '/nonexistent/s.txt': No such file or directory"
}

test_msg_usage_run() {
	usage_case run "bad timeout '0' \(want whole seconds above 0\)" \
		run --timeout 0
	usage_case run "unexpected argument 'extra' \(ctr run flags go after '--'\)" \
		run extra
	usage_case run "bad count '1001' \(want 1 to 1000\)" run --count 1001
	# refused before any container starts: none is left to find
	usage_case run "format 'tap' has no summary form \(want text, json or junit\)" \
		run --address "$HP_SOCK" --results "$hp_tmp/r-count" \
		--count 2 --format tap
	[ -z "$(ctr -a "$HP_SOCK" containers ls -q)" ] ||
		hp_fail "a container was started"
	[ -z "$(find "$hp_tmp/r-count" -mindepth 1 2>/dev/null)" ] ||
		hp_fail "an evidence directory was made"
}

test_msg_image_not_found() {
	msg_run "$HARDPROBE" run --address "$HP_SOCK" \
		--results "$hp_tmp/r-image" --image localhost/no-such:1 \
		--image-archive "$hp_tmp/no-such.tar"
	assert_exit 3
	assert_msg "hardprobe: import image archive '$hp_tmp/no-such.tar': .+"
	msg_run "$HARDPROBE" run --address "$HP_SOCK" \
		--results "$hp_tmp/r-image" --image localhost/no-such:1 \
		--image-archive "$HP_ARCHIVE"
	assert_exit 3
	assert_msg "hardprobe: import image archive '$HP_ARCHIVE': it does not hold 'localhost/no-such:1'"
}
