# shellcheck shell=bash
# Settings ctr cannot express, through runc with a generated config.json.

# A bounding set wider than the permitted one, plus CAP_SETPCAP: the
# process can put a capability it lacks into its inheritable set.
test_caps_raise_allowed_with_wide_bounding_set() {
	runc_run '.process.capabilities = {
		bounding: ["CAP_SETPCAP", "CAP_SYS_ADMIN"],
		effective: ["CAP_SETPCAP"], permitted: ["CAP_SETPCAP"]}'
	assert_exit 1
	assert_status caps.raise fail
	assert_jq "$HP_REPORT" '.checks[] | select(.id == "caps.raise") |
		.evidence.raised |
		any(.cap == "cap_sys_admin" and .set == "inheritable")'
}

# The same process without the wide bounding set cannot raise anything.
test_caps_raise_denied_with_narrow_bounding_set() {
	runc_run '.process.capabilities = {
		bounding: ["CAP_SETPCAP"],
		effective: ["CAP_SETPCAP"], permitted: ["CAP_SETPCAP"]}'
	assert_status caps.raise pass
}
