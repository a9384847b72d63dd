#!/usr/bin/env bats
# Every man page's EXAMPLES run: each line of an EXAMPLES section that starts
# with "$ " (write them as `.Dl $ command`) is a command, run with the example
# articles as the working directory. It must exit 0 and print something.
load helper

# The commands are taken from the rendered page (mandoc -T ascii, overstrike
# removed), so the test runs exactly what a reader of the page would type.
examples_of() {
	mandoc -T ascii -O width=500 "$1" | sed 's/.\x08//g' |
		awk '/^EXAMPLES/{on=1; next} /^[A-Z][A-Z ]*$/{on=0} on' | sed -n 's/^ *\$ //p'
}

run_examples() {
	local page=$1 cmds out
	cmds=$(examples_of "$page")
	[ -n "$cmds" ] || { echo "no examples in $page"; return 1; }
	cd "$FIXTURES"
	while IFS= read -r c; do
		out=$(bash -o pipefail -c "$c" 2>&1) || { echo "failed: $c"; echo "$out"; return 1; }
		[ -n "$out" ] || { echo "no output: $c"; return 1; }
	done <<<"$cmds"
}

@test "man page examples run" {
	for page in "$ROOT"/man/*.[17]; do
		run_examples "$page"
	done
}

@test "every man page has examples" {
	for page in "$ROOT"/man/*.[17]; do
		[ -n "$(examples_of "$page")" ] || { echo "$page"; return 1; }
	done
}
