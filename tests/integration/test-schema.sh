# shellcheck shell=bash
# The json report against its JSON Schema (results/report.schema.json),
# with python3-jsonschema: real reports of several profiles, passing and
# failing, grouped by control, with spec disagreements; and broken
# reports, which must not validate.

hp_schema=$hp_root/results/report.schema.json

# Validate each FILE against the schema; exit 1 naming the first error.
schema_validate() {
	python3 - "$hp_schema" "$@" <<'PY'
import json, sys
from jsonschema import Draft202012Validator

with open(sys.argv[1]) as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    with open(path) as f:
        report = json.load(f)
    for err in validator.iter_errors(report):
        where = "/".join(str(p) for p in err.absolute_path)
        print(f"{path}: /{where}: {err.message}", file=sys.stderr)
        bad = 1
        break
sys.exit(bad)
PY
}

assert_valid() {
	schema_validate "$@" || hp_fail "report does not validate: $*"
}

# Each broken copy of FILE (a jq filter per argument) must not validate.
assert_invalid_variants() {
	local file=$1 filter broken=$hp_tmp/broken.json
	shift
	for filter in "$@"; do
		jq "$filter" "$file" >"$broken" || hp_fail "jq: $filter"
		if schema_validate "$broken" 2>/dev/null; then
			hp_fail "a report broken by '$filter' validates"
		fi
	done
}

test_schema_hardened_pass_and_fail() {
	local reports=()
	run_probe_image "${hardprobe_hardened_flags[@]}"
	assert_exit 0
	reports+=("$HP_REPORT")
	run_probe_image
	assert_exit 1
	reports+=("$HP_REPORT")
	assert_jq "$HP_REPORT" '.spec != null and .verdict == "fail"'
	assert_valid "${reports[@]}"
}

test_schema_other_profiles() {
	local reports=() p
	for p in pss-baseline pss-restricted cis-docker ci-build; do
		HP_PROFILE=$p run_probe_image
		[ "$HP_EXIT" = 0 ] || [ "$HP_EXIT" = 1 ] || assert_exit 1
		reports+=("$HP_REPORT")
	done
	HP_PROFILE=web HP_IMAGE=$HP_IMAGE_NONROOT \
		run_probe_image "${hardprobe_hardened_flags[@]}"
	reports+=("$HP_REPORT")
	assert_valid "${reports[@]}"
}

# verify's report of a stream outside its evidence directory (no spec:
# "spec" is null), and of the kept one (the spec beside it), and
# --group-by control.
test_schema_verify_and_by_control() {
	run_probe_image "${hardprobe_hardened_flags[@]}"
	verify_stream "$HP_STREAM"
	assert_exit 0
	assert_jq "$HP_REPORT" '.spec.disagreements == 0'
	assert_valid "$HP_REPORT"
	cp "$HP_STREAM" "$hp_tmp/lone.jsonl"
	verify_stream "$hp_tmp/lone.jsonl"
	assert_exit 0
	assert_jq "$HP_REPORT" '.spec == null'
	assert_valid "$HP_REPORT"
	"$HARDPROBE" verify --format json --group-by control \
		--profile pss-restricted "$HP_STREAM" >"$hp_tmp/by.json" || :
	assert_jq "$hp_tmp/by.json" '.by_control | length > 0'
	assert_valid "$hp_tmp/by.json"
}

# A report with spec disagreements, from the faulty runtime
# (spec_faulty_run is in test-spec.sh; run.sh sources every test file).
test_schema_spec_findings() {
	spec_faulty_run "readonly masked inheritable"
	assert_exit 1
	assert_jq "$HP_REPORT" '[.checks[] | select(.kind == "spec")] |
		length == 3'
	assert_valid "$HP_REPORT"
}

# The schema can fail: each of these breaks a real report.
test_schema_rejects_broken_reports() {
	spec_faulty_run "readonly"
	assert_valid "$HP_REPORT"
	assert_invalid_variants "$HP_REPORT" \
		'del(.verdict)' '.verdict = "maybe"' '.summary.fail = -1' \
		'.checks[0].status = "passed"' '.checks[0].kind = "other"' \
		'del(.checks[0].controls)' '.extra = 1' '.spec = "yes"' \
		'(.checks[] | select(.kind == "spec") | .status) = "pass"' \
		'(.checks[] | select(.kind == "spec") | .evidence) = null' \
		'.checks[0].controls = ["no colon"]'
}
