#!/usr/bin/env bats
# news-summarize: budgets, stories, pass-through, repetition, support, --text.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

# summary records of a stream on stdin: doc, sent, text, label, value
summaries() { awk -F '\t' '$3 == "summary" { print $1 "\t" $2 "\t" $6 "\t" $7 "\t" $8 }'; }

# words of the summary records' texts (white space as the budget counts it)
summary_words() {
	python3 -c '
import sys
n = 0
for line in sys.stdin.buffer:
    f = line.decode("utf-8", "replace").rstrip("\n").split("\t")
    if len(f) >= 8 and f[2] == "summary":
        n += len(f[5].replace("\\n", " ").replace("\\t", " ").split())
print(n)'
}

# fails when two summary sentences share more than half their word bigrams
no_repeats() {
	python3 -c '
import re, sys
s = []
for line in sys.stdin.buffer:
    f = line.decode("utf-8", "replace").rstrip("\n").split("\t")
    if len(f) >= 8 and f[2] == "summary":
        w = re.findall(r"\w+", f[5].lower())
        s.append(set(zip(w, w[1:])))
for i in range(len(s)):
    for j in range(i + 1, len(s)):
        if s[i] and s[j] and len(s[i] & s[j]) / min(len(s[i]), len(s[j])) > 0.5:
            sys.exit("repeat: %d ~ %d" % (i, j))'
}

@test "--help and --version" {
	run -0 --separate-stderr news-summarize --help
	[[ $output == usage:\ news-summarize* ]]
	[[ $output == *--words* && $output == *--sentences* && $output == *--bytes* && $output == *--text* ]]
	run -0 news-summarize --version
	[[ $output =~ ^news-summarize\ \(newsutils\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "bad budgets are usage errors" {
	run -2 --separate-stderr news-summarize --words 0 "${SEEDS[0]}"
	[ -z "$output" ]
	run -2 news-summarize --sentences many "${SEEDS[0]}"
	run -2 news-summarize --no-such-option
}

@test "seeds: at most 100 words, two articles or more, no repeats, invariant holds" {
	news-split "${SEEDS[@]}" | news-summarize --words 100 > out
	check_invariant < out
	[ "$(summaries < out | wc -l)" -ge 2 ]
	[ "$(summary_words < out)" -le 100 ]
	[ "$(summaries < out | cut -f 1 | sort -u | wc -l)" -ge 2 ]
	no_repeats < out
}

@test "every input record passes through unchanged, summaries after the story" {
	news-split "${SEEDS[@]}" > in
	news-summarize < in > out
	grep -v $'\tsummary\t' out > rest
	cmp in rest
	# the summary records are the last lines
	n=$(wc -l < in)
	tail -n +"$((n + 1))" out | awk -F '\t' '$3 != "summary" { exit 1 }'
}

@test "plain-text files are read as news-split would" {
	news-split "${SEEDS[@]}" | news-summarize > a
	news-summarize "${SEEDS[@]}" > b
	cmp a b
}

@test "label is the rank, value the supporting documents" {
	news-split "${SEEDS[@]}" | news-summarize --words 150 | summaries > s
	[ "$(cut -f 4 s | sort -n | tr '\n' ' ')" = "$(seq "$(wc -l < s)" | tr '\n' ' ')" ]
	while IFS=$'\t' read -r doc sent text rank value; do
		[[ ,$value, == *,$doc,* ]]
		for d in ${value//,/ }; do [[ " ${SEEDS[*]} " == *" $d "* ]]; done
	done < s
}

@test "--words, --sentences and --bytes budgets hold" {
	news-split "${SEEDS[@]}" > in
	for w in 20 45 80 250; do
		news-summarize --words "$w" < in > out
		[ "$(summary_words < out)" -le "$w" ]
	done
	[ "$(news-summarize --words 250 < in | summary_words)" -gt 150 ]
	[ "$(news-summarize --sentences 2 < in | summaries | wc -l)" -eq 2 ]
	[ "$(news-summarize --sentences 1 < in | summaries | wc -l)" -eq 1 ]
	news-summarize --bytes 300 --text < in > t
	[ -s t ]
	[ "$(tr -d '\n' < t | wc -c)" -le 300 ]
	# several budgets at once: the tightest wins
	[ "$(news-summarize --sentences 5 --words 30 < in | summary_words)" -le 30 ]
}

@test "several stories in one stream: a summary after each" {
	{ news-split --cluster a "${SEEDS[0]}" "${SEEDS[1]}"; news-split --cluster b "${SEEDS[2]}"; } > in
	news-summarize --words 60 < in > out
	check_invariant < out
	# story a's summary comes before story b's document, and only names a's documents
	awk -F '\t' '$3 == "doc" { story = $7 } $3 == "summary" { print story "\t" $1 "\t" $8 }' out > s
	grep -q "^a" s
	grep -q "^b" s
	! grep -P '^a\t[^\t]*002_' s
	! grep -P '^b\t[^\t]*00[01]_' s
	! grep -P '^b\t.*00[01]_' s
	# the same as summarizing each story alone
	news-split --cluster b "${SEEDS[2]}" | news-summarize --words 60 | summaries > b1
	grep -P '^b\t' s > /dev/null
	summaries < out | grep 002_ > b2
	cmp b1 b2
}

@test "an empty story gives no summary and does not stop the next" {
	: > empty.txt
	{ news-split --cluster e empty.txt; news-split --cluster s "${SEEDS[0]}"; } > in
	run -0 news-summarize --words 50 < in
	[ "$(printf '%s\n' "$output" | awk -F '\t' '$3 == "summary"' | cut -f 1 | sort -u)" = "${SEEDS[0]}" ]
	run -0 news-summarize < /dev/null
	[[ $output != *summary* ]]
	run -0 news-summarize --text empty.txt
	[ -z "$output" ]
}

@test "a one-sentence story is its own summary" {
	printf 'The city council approved the new budget for the coming year on Tuesday.\n' > one.txt
	news-summarize one.txt > out
	check_invariant < out
	[ "$(summaries < out | cut -f 2,3,4,5)" = $'1\tThe city council approved the new budget for the coming year on Tuesday.\t1\tone.txt' ]
}

@test "duplicate articles: each fact once, credited to both copies" {
	cp "${SEEDS[1]}" copy.txt
	cp "${SEEDS[1]}" same.txt
	news-summarize --words 120 copy.txt same.txt > out
	check_invariant < out
	no_repeats < out
	summaries < out > s
	[ -s s ]
	cut -f 5 s | while read -r v; do [ "$v" = copy.txt,same.txt ]; done
}

@test "sentences repeated across the seeds are chosen once, with all their sources" {
	news-split "${SEEDS[@]}" | news-summarize --words 250 > out
	no_repeats < out
	# some chosen sentence is told by more than one article
	summaries < out | cut -f 5 | grep -q ,
}

@test "questions, headlines and debris lines are not chosen" {
	printf 'Storm hits coast\n\nWhy did the storm surprise the forecasters so badly this week?\n\nThe storm flooded hundreds of homes along the coast on Monday night.\n\n![]() |\n' > a.txt
	printf 'Hundreds of homes along the coast were flooded by the storm on Monday night.\n\nWhy did the storm surprise the forecasters so badly this week?\n' > b.txt
	news-summarize --words 100 --text a.txt b.txt > t
	! grep -q '?' t
	! grep -q 'Storm hits coast' t
	! grep -q '|' t
	[ "$(wc -l < t)" -eq 1 ]
}

@test "--text prints tidy sentences, a blank line between stories" {
	printf 'The  mayor\xc2\xa0opened the new bridge (search) \t over the river (search), on Sunday morning.\n' > a.txt
	printf 'Rain is expected across the whole region for the rest of the week.\n' > b.txt
	{ news-split --cluster 1 a.txt; news-split --cluster 2 b.txt; } | news-summarize --text > t
	[ "$(cat t)" = "The mayor opened the new bridge over the river, on Sunday morning.

Rain is expected across the whole region for the rest of the week." ]
}

@test "output is deterministic" {
	news-split "${SEEDS[@]}" > in
	news-summarize --words 200 < in > a
	news-summarize --words 200 < in > b
	cmp a b
}

@test "a hundred-document story is summarized well under half a second" {
	for i in $(seq 34); do for f in "${SEEDS[@]}"; do cp "$f" "d$i-${f##*/}"; done; done
	news-split d*.txt > in
	start=$(date +%s%N)
	news-summarize --words 250 < in > out
	end=$(date +%s%N)
	[ $(( (end - start) / 1000000 )) -lt 500 ]
	check_invariant < out > /dev/null
	no_repeats < out
}

@test "other programs' records pass through and lend their entities, dates and quotes" {
	news-split "${SEEDS[@]}" > in
	# an entity record for every NATO, a date record for every Thursday, and a
	# speakerless direct quote record on every sentence that opens with a quote
	python3 - in > annotated <<'PY'
import sys
out = sys.stdout.buffer
for line in open(sys.argv[1], 'rb'):
    out.write(line)
    f = line.rstrip(b'\n').split(b'\t')
    if f[2] != b'sentence':
        continue
    start, text = int(f[3]), f[5]
    recs = []   # (start, record): a document's records go by sentence, then start
    if text.startswith(b'"') and b'\\' not in text:
        recs.append((start, [f[0], f[1], b'quote', f[3], f[4], text, b'direct', b'', b'', b'', b'', b'']))
    for word, kind, label, value in ((b'NATO', b'entity', b'ORG', b'North Atlantic Treaty Organization'),
                                     (b'Thursday', b'date', b'DATE', b'2004-07-29')):
        i = text.find(word)
        if i >= 0 and b'\\' not in text[:i]:
            recs.append((start + i, [f[0], f[1], kind, str(start + i).encode(),
                                     str(start + i + len(word)).encode(), word, label, value]))
    for _, r in sorted(recs, key=lambda r: r[0]):
        out.write(b'\t'.join(r) + b'\n')
PY
	[ "$(grep -c $'\tentity\t' annotated)" -gt 5 ]
	news-summarize --words 120 < annotated > out
	check_invariant < out
	grep -v $'\tsummary\t' out | cmp - annotated
	[ "$(summaries < out | wc -l)" -ge 2 ]
	# a sentence that is someone's words without a speaker is not the lead
	summaries < out | awk -F '\t' '$4 == 1' | cut -f 3 | grep -qv '^"'
}

@test "a wire dateline is left out of the summary sentence" {
	printf 'CANBERRA, Australia (AP)_ A constitutional convention voted on Friday to make Australia a republic.\n\nMOSCOW (AP) -- The mayor of Moscow has allocated funds to help build a new museum.\n\nNATO - the alliance - agreed on a new training mission for Iraqi forces on Friday.\n' > wire.txt
	news-summarize --words 100 wire.txt > out
	check_invariant < out
	summaries < out | cut -f 3 > t
	grep -qx 'A constitutional convention voted on Friday to make Australia a republic.' t
	grep -qx 'The mayor of Moscow has allocated funds to help build a new museum.' t
	# only at the head of a paragraph, and a sentence keeps its own subject
	grep -q '^NATO - the alliance' t
}

@test "reading order follows article dates: the doc record's, or a dateline's date record" {
	printf 'Storm news\n\nMonday, March 2, 2020\n\nThe second storm flooded the old town and closed every road into the valley.\n' > d2.txt
	printf 'Storm news\n\nSunday, March 1, 2020\n\nThe first storm cut power to thousands of homes across the northern valley.\n' > d1.txt
	{ news-split --date 2020-03-02 d2.txt; news-split --date 2020-03-01 d1.txt; } | news-summarize --text > t
	[ "$(head -n 1 t)" = "The first storm cut power to thousands of homes across the northern valley." ]
	# undated articles: the date record news-dates leaves on the dateline
	news-split d2.txt d1.txt | awk -F '\t' -v OFS='\t' '{ print }
		$3 == "sentence" && $6 ~ /^Monday/ { print $1, $2, "date", $4, $5, $6, "DATE", "2020-03-02" }
		$3 == "sentence" && $6 ~ /^Sunday/ { print $1, $2, "date", $4, $5, $6, "DATE", "2020-03-01" }' > in
	news-summarize --text < in > t
	[ "$(head -n 1 t)" = "The first storm cut power to thousands of homes across the northern valley." ]
	# without dates, arrival order
	news-summarize --text d2.txt d1.txt > t
	[ "$(head -n 1 t)" = "The second storm flooded the old town and closed every road into the valley." ]
}

@test "CSV stories by cluster column; a reordered paraphrase is credited" {
	printf 'id,cluster,text\n1,a,"The city council approved the new budget for the coming year on Tuesday."\n2,a,"On Tuesday the city council approved the new budget for the coming year."\n3,b,"Heavy snow closed the mountain pass for the third time this winter."\n' > c.csv
	news-summarize --csv c.csv | summaries > s
	[ "$(cut -f 1,4,5 s)" = $'1\t1\t1,2\n3\t1\t3' ]
}

@test "summarizing a summarized stream replaces the summary" {
	news-split "${SEEDS[@]}" | news-summarize > once
	news-summarize < once > twice
	cmp once twice
}
