#!/bin/sh
# make bench: throughput of every program on >= 50 MB of news-like text, and
# peak memory at 10 and 50 MB (memory must stay flat as input grows).
#
# The corpus, first found of:
#   $NEWS_CORPUS (any text file you name);
#   $HOME/.cache/newsutils-corpus/news50.txt (../shared/peers/make-corpus.sh:
#     Brown press texts and the seed articles, varied, 50 MB);
#   the news texts of ../shared/eval repeated to 50 MB;
#   the example articles in tests/fixtures repeated to 50 MB.
# ICU's sentence BreakIterator is timed on the same input when its driver
# ($HOME/.cache/newsutils-peers/bin/icu-split, see ../shared/peers) is built.
# Each timing is the best of RUNS (default 3) runs; MB = 10^6 bytes.
set -eu
BIN=${NEWS_BIN:-$(pwd)/bin}
RUNS=${RUNS:-3}
WORK=${BENCH_DIR:-tests/bench}
mkdir -p "$WORK"
corpus=${NEWS_CORPUS:-}
if [ -z "$corpus" ] && [ -s "$HOME/.cache/newsutils-corpus/news50.txt" ]; then
	corpus=$HOME/.cache/newsutils-corpus/news50.txt
fi
if [ -z "$corpus" ]; then
	corpus=$WORK/corpus50.txt
	if [ ! -s "$corpus" ]; then
		src=$(ls ../shared/eval/quotes/polnear-train/*.txt ../shared/eval/dates/tbaq-cleaned/*.txt \
			../shared/eval/split/gum-wikinews/*.txt 2>/dev/null || true)
		[ -n "$src" ] || src=$(ls tests/fixtures/*.txt)
		: > "$corpus"
		while [ "$(stat -c %s "$corpus")" -lt 50000000 ]; do
			# shellcheck disable=SC2086
			for f in $src; do cat "$f"; printf '\n\n'; done >> "$corpus"
		done
	fi
fi
head -c 10000000 "$corpus" > "$WORK/corpus10.txt"
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($bytes bytes); $(nproc) cores; best of $RUNS runs"

# seconds CMD...: best wall time of RUNS runs, output discarded
seconds() {
	best=
	i=0
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1 || true
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
		i=$((i + 1))
	done
	echo "$best"
}

# peak resident memory in kB of CMD...
peak_kb() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$WORK/rss" "$@" > /dev/null 2>&1 || true
		cat "$WORK/rss"
	else
		echo "?"
	fi
}

printf '%-24s %10s %10s %14s %14s\n' program seconds MB/s "peak kB 10MB" "peak kB 50MB"
line() {
	name=$1; shift
	t=$(seconds "$@" "$corpus")
	mbs=$(echo "$bytes / 1000000 / $t" | bc -l)
	m10=$(peak_kb "$@" "$WORK/corpus10.txt")
	m50=$(peak_kb "$@" "$corpus")
	printf '%-24s %10.3f %10.1f %14s %14s\n' "$name" "$t" "$mbs" "$m10" "$m50"
}
line "wc -l" wc -l
# Each program twice: the corpus as one 50 MB document, and as one document a
# line (--lines), where memory must not grow with the input.
for p in news-split news-entities news-dates news-quotes; do
	[ -x "$BIN/$p" ] || continue
	line "$p" "$BIN/$p"
	line "$p --lines" "$BIN/$p" --lines
done
icu=$HOME/.cache/newsutils-peers/bin/icu-split
[ -x "$icu" ] && line "ICU (peer)" "$icu"
if [ -x "$BIN/news-summarize" ]; then
	# one story of 100 documents: the first 100 paragraphs-blocks of the corpus
	awk 'BEGIN { RS = ""; n = 0 } n < 100 { printf "%s\n", $0 > ("'"$WORK"'/story" n ".txt"); n++ }' "$corpus"
	"$BIN/news-split" "$WORK"/story*.txt > "$WORK/story.stream"
	t=$(seconds sh -c "exec '$BIN/news-summarize' --words 250 < '$WORK/story.stream'")
	printf '%-24s %10.3f s for one 100-document story\n' news-summarize "$t"
fi
