#!/bin/sh
# Run every test: lib unit tests ($UNITS), man page lint ($MANS), bats files.
# Ends with the line "N passed, N failed" and exits non-zero if any failed.
pass=0 fail=0
for u in $UNITS; do
	if out=$("$u" 2>&1); then pass=$((pass + 1)); else
		fail=$((fail + 1)); printf 'not ok unit %s\n%s\n' "$u" "$out"; fi
done
[ -n "$UNITS" ] && echo "unit tests: $pass passed"
for m in $MANS; do
	if out=$(mandoc -T lint -W warning "$m" 2>&1); then pass=$((pass + 1)); else
		fail=$((fail + 1)); printf 'not ok lint %s\n%s\n' "$m" "$out"; fi
done
tap=$(mktemp)
trap 'rm -f "$tap"' EXIT
# Files run side by side on every core (GNU parallel, installed with the
# rest); the tests inside one file stay in order, as they share its setup.
jobs=
if command -v parallel >/dev/null 2>&1; then
	jobs="--jobs $(nproc 2>/dev/null || echo 2) --no-parallelize-within-files"
fi
# shellcheck disable=SC2086
NEWS_BIN=$NEWS_BIN bats --tap $jobs tests/*.bats >"$tap" 2>&1
grep -E '^not ok|^#' "$tap" | head -200
bp=$(grep -c '^ok ' "$tap")
bf=$(grep -c '^not ok ' "$tap")
echo "bats: $bp passed, $bf failed"
pass=$((pass + bp)); fail=$((fail + bf))
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
