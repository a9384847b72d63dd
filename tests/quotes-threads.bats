#!/usr/bin/env bats
# news-quotes --threads: a long document is tokenized by a second thread, and
# what comes out is the same whatever the thread count.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

# gen_doc BYTES: one plain-text document of about BYTES bytes, paragraphs of
# every quote style (quotes running over paragraphs, standalone quotes that
# inherit the last speaker, reported clauses), in an order drawn from a fixed
# pseudo-random sequence, so that window borders fall in every kind of place.
gen_doc() {
	awk -v want="$1" 'BEGIN {
		split("Anna Kovac|Peter Lindqvist|Maria Santos|John Okafor|Li Wei|Sarah Cohen", who, "|")
		split("Minister|Sen.|President|spokeswoman|Gov.|Dr.", title, "|")
		x = 12345; n = 0; last = ""
		while (n < want) {
			x = (x * 16807) % 2147483647; r = x % 9
			x = (x * 16807) % 2147483647; name = who[x % 6 + 1]
			t = title[x % 6 + 1]
			if (r == 0)
				p = "\"We will not back down on item " n ",\" " t " " name " said on Monday."
			else if (r == 1)
				p = "\"This is the first part of a long statement about budget " n ".\n\n\"And this is the end of it,\" " name " told reporters."
			else if (r == 2)
				p = "Officials said the talks on case " n " would resume next week."
			else if (r == 3)
				p = "According to " name ", prices rose " (x % 10) " percent in the region."
			else if (r == 4)
				p = name " called the plan \"a disaster for the region\" and left."
			else if (r == 5)
				p = "\"We are ready for anything,\" " name " said. \"Nobody will stop us.\""
			else if (r == 6)
				p = "\"Nobody expected this outcome.\""
			else if (r == 7)
				p = "The committee met for " (x % 7 + 1) " hours on Tuesday without a vote."
			else
				p = "\xe2\x80\x9cIt is over,\xe2\x80\x9d said " name ", who had led the talks since " (1990 + x % 30) "."
			printf "%s\n\n", p
			n += length(p) + 2
		}
	}'
}

same_for_threads() {
	news-quotes --threads 1 "$@" > t1.out
	news-quotes --threads 2 "$@" > t2.out
	news-quotes --threads 4 "$@" > t4.out
	cmp t1.out t2.out
	cmp t1.out t4.out
}

@test "--threads is in --help; bad counts exit 2" {
	run -0 news-quotes --help
	[[ $output == *--threads* ]]
	for bad in 0 -1 x 2x ''; do
		run -2 --separate-stderr news-quotes --threads "$bad" "${SEEDS[0]}"
		[[ $stderr == *--threads* ]]
	done
}

@test "the seeds: the same output with 1, 2 and 4 threads" {
	for f in "${SEEDS[@]}"; do
		same_for_threads "$f"
	done
	same_for_threads "${SEEDS[@]}"
}

@test "a generated 2 MB document: the same output with 1, 2 and 4 threads" {
	gen_doc 2000000 > big.txt
	same_for_threads big.txt
	# quotes of every kind, some running over two paragraphs
	[ "$(awk -F '\t' '$3 == "quote" && $7 == "direct"' t1.out | wc -l)" -gt 10000 ]
	[ "$(awk -F '\t' '$3 == "quote" && $7 == "indirect"' t1.out | wc -l)" -gt 5000 ]
	[ "$(awk -F '\t' '$3 == "quote" && $7 == "mixed"' t1.out | wc -l)" -gt 1000 ]
	grep -q 'long statement about budget [0-9]*\.\\n\\n"And' t1.out
	# a stream in, too: the entity-less stream of news-split
	news-split big.txt > big.stream
	same_for_threads big.stream
}

@test "the seeds repeated into one long document: the same output with 1 and 2 threads" {
	for i in $(seq 120); do cat "${SEEDS[@]}"; printf '\n'; done > long.txt
	[ "$(wc -c < long.txt)" -gt 300000 ]
	same_for_threads long.txt
	[ "$(awk -F '\t' '$3 == "quote"' t1.out | wc -l)" -gt 1000 ]
}

@test "--lines: the same output with 1 and 2 threads, long lines too" {
	gen_doc 400000 | awk 'NF' | paste -d ' ' - - - - - - - - > lines.txt
	gen_doc 300000 | tr '\n' ' ' >> lines.txt
	printf '\n' >> lines.txt
	same_for_threads --lines lines.txt
	[ "$(awk -F '\t' '$3 == "quote"' t1.out | wc -l)" -gt 1000 ]
}
