#!/usr/bin/env bats
# What every program owes its users, checked for each program the same way:
# --help, --version, exit codes, message format, bad input, output errors.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

programs() { (cd "$ROOT/cmd" && ls news-*.c | sed 's/\.c$//'); }

@test "every program has --help on stdout, exit 0, naming its man page" {
	for p in $(programs); do
		run -0 --separate-stderr "$p" --help
		[[ $output == usage:\ $p* ]] || { echo "$p: $output"; return 1; }
		[[ $output == *"$p(1)"* ]]
		[ -z "$stderr" ]
		[ -f "$ROOT/man/$p.1" ]
	done
}

@test "every program has --version" {
	for p in $(programs); do
		run -0 "$p" --version
		[[ $output =~ ^$p\ \(newsutils\)\ [0-9.]+$ ]] || { echo "$output"; return 1; }
	done
}

@test "bad usage exits 2 with a hint, nothing on stdout" {
	for p in $(programs); do
		run -2 --separate-stderr "$p" --bogus-option
		[ -z "$output" ]
		[[ $stderr == *"Try '$p --help'"* ]] || { echo "$p: $stderr"; return 1; }
	done
}

@test "a missing file: 'prog: FILE: reason', others processed, exit 1" {
	for p in $(programs); do
		run -1 --separate-stderr "$p" "${SEEDS[0]}" no-such-file
		[[ $stderr == *"$p: no-such-file: No such file or directory"* ]] || { echo "$p: $stderr"; return 1; }
		[[ $output == *$'\t0\tdoc\t'* ]]
	done
}

@test "a malformed stream line: 'prog: FILE:LINE: ...', exit 1, the rest kept" {
	news-split "${SEEDS[0]}" "${SEEDS[1]}" > s
	{ sed -n 1,2p s; printf 'not\ta\trecord\n'; sed -n '3,$p' s; } > bad.tsv
	for p in $(programs); do
		run -1 --separate-stderr "$p" bad.tsv
		[[ $stderr == *"$p: bad.tsv:3: malformed record"* ]] || { echo "$p: $stderr"; return 1; }
		[ "$(printf '%s\n' "$output" | grep -c $'\t0\tdoc\t')" = 2 ]
	done
}

@test "bad bytes, CRLF, BOM, NUL, empty input: no crash, the invariant holds" {
	printf '\xef\xbb\xbf"We will go," said Sen. John Smith on Monday.\r\n\r\nBad \xff\xfe bytes \0 here in Paris, France.' > odd.txt
	: > empty.txt
	head -c 20000 /dev/urandom > random.bin
	for p in $(programs); do
		"$p" odd.txt empty.txt random.bin > out || { echo "$p failed"; return 1; }
		check_invariant < out
		[ "$(grep -c $'\t0\tdoc\t' out)" = 3 ]
	done
}

@test "a write error is reported and exits 1" {
	for p in $(programs); do
		run -1 --separate-stderr bash -c "$p '${SEEDS[0]}' > /dev/full"
		[[ $stderr == *"$p: write error: No space left on device"* ]] || { echo "$p: $stderr"; return 1; }
	done
}

@test "a closed pipe ends quietly" {
	for i in $(seq 300); do cat "${SEEDS[@]}"; done > long.txt
	for p in $(programs); do
		run --separate-stderr bash -c "$p --lines long.txt | head -n 1"
		[ -z "$stderr" ] || { echo "$p: $stderr"; return 1; }
		[ "${#lines[@]}" -eq 1 ]
	done
}

@test "the same input twice gives the same bytes" {
	for p in $(programs); do
		"$p" "${SEEDS[@]}" > a
		"$p" "${SEEDS[@]}" > b
		cmp a b
	done
}

@test "--header prints the header once, first" {
	for p in $(programs); do
		"$p" --header "${SEEDS[0]}" > out
		[ "$(head -n 1 out | cut -f 1-3)" = "$(printf 'doc\tsent\tkind')" ]
		[ "$(grep -c '^doc	sent	kind' out)" = 1 ]
	done
}
