#!/usr/bin/env bats
# Every man page's EXAMPLES run: each line of an EXAMPLES section that starts
# with "$ " (in .Dl or a .Bd -literal display) is a command, run with the
# example articles as the working directory. It must exit 0 and print
# something. Commands may use the seed files by their names.
load helper

run_examples() {
	local page=$1 cmds
	cmds=$(awk '/^\.Sh EXAMPLES/{on=1; next} /^\.Sh /{on=0} on' "$page" |
		sed -n -e 's/^\.Dl \$ //p' -e 's/^\$ //p' | sed -e 's/\\e/\\/g' -e 's/\\(aq/'"'"'/g' -e 's/\\&//g')
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
