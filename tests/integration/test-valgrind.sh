# shellcheck shell=bash
# The harness under valgrind, on its main paths: verify (judging and every
# report writer), run (a real container, judged and its evidence kept),
# diff, summary, profile lint and show, and the error paths of a stream
# cut short and a broken profile.  The unit tests cover the same code
# under ASan and LeakSanitizer; valgrind sees the uninstrumented binary
# that is shipped, and the libraries it links (json-c, libxml2, libmount).
#
# A definite or indirect leak or any memory error makes valgrind exit 99;
# each run must also end with its "ERROR SUMMARY: 0 errors", so that a
# run where valgrind did not start cannot pass.

vg_skip_unless_valgrind() {
	command -v valgrind >/dev/null ||
		hp_skip "valgrind not installed (scripts/install-deps.sh)"
}

# vg WANT-EXIT ARGS...: hardprobe ARGS under valgrind, exiting WANT-EXIT.
vg() {
	local want=$1 log
	shift
	hp_next
	log=$hp_tmp/$hp_id.valgrind
	HP_STDERR=$hp_tmp/$hp_id.stderr
	HP_EXIT=0
	valgrind --log-file="$log" --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect \
		"$HARDPROBE" "$@" >"$hp_tmp/$hp_id.out" 2>"$HP_STDERR" \
		</dev/null || HP_EXIT=$?
	if [ "$HP_EXIT" = 99 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
		sed 's/^/  valgrind: /' "$log" >&2
		hp_fail "valgrind: hardprobe $*"
	fi
	assert_exit "$want"
}

vg_stream() {
	echo "$hp_root/tests/data/stream-hardened.jsonl"
}

test_valgrind_verify_every_format() {
	local f
	vg_skip_unless_valgrind
	for f in text json junit tap oscal; do
		vg 0 verify --format "$f" --profile hardened "$(vg_stream)"
		vg 1 verify --format "$f" --group-by control \
			--profile pss-restricted "$(vg_stream)"
	done
	vg 1 verify --profile database --set data_dir=/data \
		--output "$hp_tmp/vg-report.txt" "$(vg_stream)"
}

test_valgrind_verify_errors() {
	local cut=$hp_tmp/vg-cut.jsonl
	vg_skip_unless_valgrind
	head -n 5 "$(vg_stream)" >"$cut"
	vg 2 verify "$cut"
	grep -q 'incomplete' "$HP_STDERR" || hp_fail "no 'incomplete'"
	vg 2 verify --profile "$hp_root/tests/data/profiles/bad-many.profile" \
		"$(vg_stream)"
	vg 2 verify --set nope=1 "$(vg_stream)"
	vg 2 verify --format yaml "$(vg_stream)"
}

test_valgrind_diff_and_summary() {
	local weak=$hp_tmp/vg-weak.jsonl
	vg_skip_unless_valgrind
	# Every denial turned into an allowance: weaker once sealed again,
	# refused before (its digest no longer matches).
	sed 's/"outcome":"denied"/"outcome":"allowed"/' "$(vg_stream)" >"$weak"
	vg 2 diff "$(vg_stream)" "$weak"
	bash "$hp_root/scripts/seal-stream.sh" "$weak"
	vg 1 diff "$(vg_stream)" "$weak"
	vg 1 diff --format json "$(vg_stream)" "$weak"
	vg 0 diff "$(vg_stream)" "$(vg_stream)"
	vg 0 summary "$(vg_stream)" "$(vg_stream)"
	vg 1 summary --format junit --profile web "$(vg_stream)"
	vg 1 summary --format json --profile web "$(vg_stream)"
}

test_valgrind_profile_lint_and_show() {
	vg_skip_unless_valgrind
	vg 0 profile lint "$hp_root"/cases/*.profile
	vg 2 profile lint "$hp_root/tests/data/profiles/bad-many.profile" \
		"$hp_root/tests/data/profiles/cycle-a.profile"
	vg 0 profile show database --set data_dir=/srv/db
	vg 0 profiles
	vg 0 list
}

# run: the container, ctr's output, judging and the evidence directory
# (valgrind follows the harness, not the ctr it starts).
test_valgrind_run() {
	local results=$hp_tmp/vg-run
	vg_skip_unless_valgrind
	vg 0 run --address "$HP_SOCK" --results "$results" --format json \
		--format oscal -- "${hardprobe_hardened_flags[@]}"
	[ -n "$(find "$results" -name manifest.json)" ] ||
		hp_fail "no evidence kept"
	vg 1 run --address "$HP_SOCK" --results "$results" \
		--profile pss-restricted -- "${hardprobe_hardened_flags[@]}"
}
