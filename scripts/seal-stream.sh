#!/usr/bin/env bash
# Give hand-written record streams (tests/data/*.jsonl) the trailer that
# run-probes writes: the count of records and the SHA-256 of every byte
# before the trailer.  Replaces a trailer that is already there.
#   scripts/seal-stream.sh FILE...
set -euo pipefail

for f in "$@"; do
	body=$(mktemp)
	grep -v '^{"type":"trailer"' "$f" >"$body" || true
	n=$(grep -c '^{"type":"record"' "$body" || true)
	sum=$(sha256sum <"$body" | cut -d' ' -f1)
	printf '{"type":"trailer","records":%d,"digest":"sha256:%s"}\n' \
		"$n" "$sum" >>"$body"
	cat "$body" >"$f"
	rm -f "$body"
done
