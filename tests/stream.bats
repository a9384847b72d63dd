#!/usr/bin/env bats
# The stream library through news-split: input formats, options, escaping,
# bad input, output errors. Segmentation quality is tested in split-rules.bats.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

fields() { awk -F '\t' -v k="$1" '$3 == k { print NF }' | sort -u; }

@test "--help prints usage on stdout and exits 0" {
	run -0 --separate-stderr news-split --help
	[[ $output == usage:\ news-split* ]]
	[[ $output == *--lines* && $output == *--csv* && $output == *--date* ]]
	[ -z "$stderr" ]
}

@test "--version prints the version" {
	run -0 news-split --version
	[[ $output =~ ^news-split\ \(newsutils\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "bad usage exits 2 with a hint on stderr" {
	run -2 --separate-stderr news-split --no-such-option
	[ -z "$output" ]
	[[ $stderr == *"Try 'news-split --help'"* ]]
	run -2 --separate-stderr news-split --date 2004-13-01 "${SEEDS[0]}"
	[[ $stderr == *"invalid date '2004-13-01'"* ]]
	run -2 news-split --date yesterday "${SEEDS[0]}"
}

@test "doc record spans the document; every record holds the invariant" {
	news-split "${SEEDS[@]}" > out
	check_invariant < out
	[ "$(grep -c $'\t0\tdoc\t' out)" -eq 3 ]
	size=$(stat -c %s "${SEEDS[0]}")
	grep -q "^${SEEDS[0]}"$'\t0\tdoc\t0\t'"$size"$'\t' out
}

@test "records have 8 fields, doc records 10" {
	news-split "${SEEDS[@]}" > out
	[ "$(fields doc < out)" = 10 ]
	[ "$(fields sentence < out)" = 8 ]
}

@test "sentence numbers count from 1 in each document, labels are paragraph numbers" {
	news-split "${SEEDS[@]}" > out
	awk -F '\t' '$3 == "doc" { n = 0 } $3 == "sentence" { if ($2 != ++n) exit 1; if ($7 < 1) exit 1 }' out
}

@test "stdin is document '-'" {
	printf 'One thing. Another thing.\n' | news-split > out
	check_invariant < out
	[ "$(cut -f 1 out | sort -u)" = "-" ]
	printf 'One thing. Another thing.\n' | news-split - > out2
	cmp out out2
}

@test "TAB, CR, LF and backslash are escaped in text" {
	printf 'A tab\there and a back\\slash.\r\nNext line.\n' > in.txt
	news-split in.txt > out
	check_invariant < out
	grep -q 'A tab\\there and a back\\\\slash\.' out
	grep -q '\\r\\nNext line' out
	[ "$(awk -F '\t' '{ print NF }' out | sort -u | tr '\n' ' ')" = "10 8 " ]
}

@test "--header prints the header first, and readers skip it" {
	news-split --header "${SEEDS[0]}" > out
	[ "$(head -n 1 out)" = "$(printf 'doc\tsent\tkind\tstart\tend\ttext\tlabel\tvalue')" ]
	tail -n +2 out | check_invariant
	news-split < out > again
	cmp <(tail -n +2 out) again
}

@test "--lines: each line is a document with id NAME:LINE" {
	printf 'First doc. Two sentences.\n\nThird line doc.\n' > in.txt
	news-split --lines in.txt > out
	[ "$(awk -F '\t' '$3 == "doc" { print $1 }' out | tr '\n' ' ')" = "in.txt:1 in.txt:2 in.txt:3 " ]
	check_invariant < out
	printf 'a\nb\n' | news-split --lines | grep -q $'^-:2\t0\tdoc'
}

@test "--date and --cluster fill the doc record" {
	news-split --date 2004-07-29 --cluster nato "${SEEDS[0]}" > out
	awk -F '\t' '$3 == "doc" { exit !($7 == "nato" && $8 == "2004-07-29") }' out
	news-split --date 2004-07-29T14:30 "${SEEDS[0]}" | grep -q $'\t2004-07-29T14:30\t'
}

@test "--csv reads a header row, quoted multi-line fields and chosen columns" {
	printf 'url,published,body,story\nu1,2004-07-29,"NATO met.\n\nIt said ""yes"".",s1\nu2,,"Plain, with comma.",s2\n' > in.csv
	news-split --csv --id-column url --date-column published --text-column body --cluster-column story in.csv > out
	check_invariant < out
	awk -F '\t' '$3 == "doc" { print $1, $7, $8 }' out > docs
	[ "$(sed -n 1p docs)" = "u1 s1 2004-07-29" ]
	[ "$(sed -n 2p docs)" = "u2 s2 " ]
	grep -q $'\tIt said "yes".\t2\t' out
}

@test "--csv without an id column numbers the rows; a BOM before the header is fine" {
	printf '\xef\xbb\xbftext\nfirst\nsecond\n' > in.csv
	news-split --csv in.csv | awk -F '\t' '$3 == "doc" { print $1 }' > ids
	[ "$(tr '\n' ' ' < ids)" = "in.csv:1 in.csv:2 " ]
}

@test "--csv without the text column is an error" {
	printf 'id,body\n1,x\n' > in.csv
	run -1 --separate-stderr news-split --csv in.csv
	[[ $stderr == "news-split: in.csv:1: no column 'text' in the header (see --text-column)" ]]
}

@test "--csv: a malformed row is reported with its line, the rest is read" {
	printf 'id,text\n1,"good"\n2,"bad"x\n3,"fine again"\n' > in.csv
	run -1 --separate-stderr news-split --csv in.csv
	[[ $stderr == *"news-split: in.csv:3: malformed CSV"* ]]
	[[ $output == *$'1\t0\tdoc'* && $output == *$'3\t0\tdoc'* ]]
}

@test "--tsv reads linear TSV with escapes" {
	printf 'id\ttext\tdate\nd1\tLine one.\\nLine two has a \\\\ backslash.\t2004-07-28\n' > in.tsv
	news-split --tsv in.tsv > out
	check_invariant < out
	[ "$(grep -c $'\tsentence\t' out)" = 2 ]
	grep -q $'^d1\t0\tdoc\t.*\t2004-07-28\t' out
}

@test "a stream is recognised and passed through unchanged" {
	news-split "${SEEDS[@]}" > once
	news-split < once > twice
	cmp once twice
	news-split --stream once > three
	cmp once three
}

@test "--text reads a stream file as plain text" {
	news-split "${SEEDS[0]}" > s.tsv
	news-split --text s.tsv > out
	[ "$(grep -c $'\t0\tdoc\t' out)" = 1 ]
	check_invariant < out
}

@test "a stream of doc records only gets sentences" {
	news-split "${SEEDS[0]}" | grep $'\t0\tdoc\t' > docs
	news-split < docs > out
	cmp out <(news-split "${SEEDS[0]}")
}

@test "unknown kinds and extra fields pass through untouched" {
	news-split "${SEEDS[0]}" > s
	awk -F '\t' 'BEGIN { OFS = "\t" } $3 == "sentence" && $2 == 2 { print; $3 = "mykind"; $7 = "L"; print $0, "x1", "x2"; next } { print }' s > in
	news-split < in > out
	cmp in out
}

@test "a malformed record is reported as FILE:LINE and the rest goes on" {
	news-split "${SEEDS[0]}" "${SEEDS[1]}" > s
	{ sed -n 1,3p s; printf 'garbage line\n'; sed -n '4,$p' s; } > bad.tsv
	run -1 --separate-stderr news-split bad.tsv
	[ "$stderr" = "news-split: bad.tsv:4: malformed record: 1 fields, expected at least 8" ]
	[ "$(printf '%s\n' "$output" | grep -c $'\t0\tdoc\t')" = 2 ]
}

@test "records out of place and bad numbers are reported" {
	printf 'x\t1\tsentence\t0\t3\tabc\t1\t\n' > orphan.tsv
	news-split "${SEEDS[0]}" >> orphan.tsv
	run -1 --separate-stderr news-split --stream orphan.tsv
	[[ $stderr == "news-split: orphan.tsv:1: record before any doc record" ]]
	news-split "${SEEDS[0]}" | sed '2s/\t1\tsentence\t[0-9]*/\t1\tsentence\tX/' > nums.tsv
	run -1 --separate-stderr news-split nums.tsv
	[[ $stderr == *"nums.tsv:2: malformed record"* ]]
}

@test "a missing file among good ones: message, the others processed, exit 1" {
	run -1 --separate-stderr news-split "${SEEDS[0]}" no-such-file "${SEEDS[1]}"
	[ "$stderr" = "news-split: no-such-file: No such file or directory" ]
	[ "$(printf '%s\n' "$output" | grep -c $'\t0\tdoc\t')" = 2 ]
}

@test "a directory is reported and skipped" {
	mkdir d
	run -1 --separate-stderr news-split d "${SEEDS[0]}"
	[ "$stderr" = "news-split: d: is a directory" ]
	[[ $output == *$'\t0\tdoc\t'* ]]
}

@test "an empty file is an empty document" {
	: > empty.txt
	run -0 news-split empty.txt
	[ "$output" = "$(printf 'empty.txt\t0\tdoc\t0\t0\t\t\t\t\t')" ]
}

@test "no final newline, CRLF, a BOM" {
	printf '\xef\xbb\xbfFirst sentence here. Second one.\r\nThird line.' > odd.txt
	news-split odd.txt > out
	check_invariant < out
	[ "$(grep -c $'\tsentence\t' out)" -ge 2 ]
	# the BOM is not inside the first sentence, CR not inside the last
	awk -F '\t' '$3 == "sentence" && $2 == 1 { exit !($4 == 3) }' out
	! grep $'\tsentence\t' out | grep -q '\\r'
}

@test "invalid UTF-8 and NUL bytes never crash and keep the bytes" {
	printf 'Bad \xff\xfe bytes here. A NUL \0 in text. Trunc \xe2\x80' > bad.txt
	news-split bad.txt > out
	check_invariant < out
	head -c 1000 /dev/urandom > random.bin
	news-split random.bin > out2
	check_invariant < out2
}

@test "a single 50 MB line" {
	yes 'The alliance met again on Thursday, officials said in Brussels.' | head -c 50000000 | tr '\n' ' ' > big.txt
	news-split big.txt > out
	[ "$(head -n 1 out | cut -f 5)" = "$(stat -c %s big.txt)" ]
	[ "$(head -n 1 out | wc -c)" -gt "$(stat -c %s big.txt)" ]
	[ "$(grep -c $'\tsentence\t' out)" -gt 700000 ]
	[ "$(grep -m 2 $'\tsentence\t' out | cut -f 6 | sort -u)" = "The alliance met again on Thursday, officials said in Brussels." ]
	rm -f out big.txt
}

@test "the same input twice gives the same bytes" {
	news-split "${SEEDS[@]}" > a
	news-split "${SEEDS[@]}" > b
	cmp a b
}

@test "a write error (/dev/full) is reported, exit 1" {
	run -1 --separate-stderr bash -c "news-split '${SEEDS[0]}' > /dev/full"
	[[ $stderr == "news-split: write error: No space left on device" ]]
}

@test "a closed pipe ends quietly" {
	yes 'Some text here. More text there.' | head -n 200000 > long.txt
	run --separate-stderr bash -c "news-split --lines long.txt | head -n 1"
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 1 ]
	# with SIGPIPE ignored by the parent too
	run --separate-stderr bash -c "trap '' PIPE; news-split --lines long.txt | head -n 1"
	[ -z "$stderr" ]
}

@test "--line-buffered flushes each record" {
	run -0 bash -c "news-split --line-buffered '${SEEDS[0]}' | head -n 2 | wc -l"
	[ "$output" -eq 2 ]
}

@test "a stream split into pieces at doc records gives the same output" {
	news-split "${SEEDS[@]}" > whole
	awk -F '\t' '$3 == "doc" { n++ } { print > ("piece" n) }' whole
	for p in piece*; do news-split < "$p"; done > joined
	cmp whole joined
}

@test "GNU parallel --pipe on doc records gives the same bytes as one process" {
	news-split "${SEEDS[@]}" > whole
	parallel --will-cite --pipe -k --regexp --recstart '^[^\t]*\t0\tdoc\t' \
		--block 100k -N 1 news-split < whole > par 2> /dev/null
	cmp whole par
}

@test "a record that breaks the invariant is refused with its line" {
	news-split "${SEEDS[0]}" > s
	awk -F '\t' 'BEGIN { OFS = "\t" } NR == 3 { $6 = "Something else" } { print }' s > bad1.tsv
	run -1 --separate-stderr news-split bad1.tsv
	[ "$stderr" = "news-split: bad1.tsv:3: record text differs from the document's bytes start..end" ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq "$(($(wc -l < s) - 1))" ]
	awk -F '\t' 'BEGIN { OFS = "\t" } NR == 3 { $4 = 99999; $5 = 99999; $6 = "" } { print }' s > bad2.tsv
	run -1 --separate-stderr news-split bad2.tsv
	[ "$stderr" = "news-split: bad2.tsv:3: record span lies outside its document" ]
}

@test "story-level records (summaries) pass through where they stand" {
	news-split "${SEEDS[@]}" > s
	{ cat s; sed -n 2p s | awk -F '\t' 'BEGIN { OFS = "\t" } { $3 = "summary"; $7 = 1; $8 = $1; print }'; } > in
	news-split < in > out
	cmp in out
}
