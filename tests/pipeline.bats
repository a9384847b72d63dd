#!/usr/bin/env bats
# The programs together: the README's pipeline over the example articles,
# files versus a stream, pass-through of each other's records, idempotence.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

@test "the whole pipeline keeps the invariant and gives every kind" {
	news-split "${SEEDS[@]}" | news-entities | news-dates | news-quotes | news-summarize > out
	check_invariant < out
	for k in doc sentence entity date quote summary; do
		grep -q $'\t'"$k"$'\t' out || { echo "no $k records"; return 1; }
	done
	[ "$(grep -c $'\t0\tdoc\t' out)" = 3 ]
}

@test "each filter on files gives what news-split | filter gives" {
	for p in news-entities news-dates news-quotes news-summarize; do
		"$p" "${SEEDS[@]}" > files
		news-split "${SEEDS[@]}" | "$p" > piped
		cmp files piped || { echo "$p differs"; return 1; }
	done
}

@test "each filter passes the records of the others through byte for byte" {
	news-split "${SEEDS[@]}" | news-entities | news-dates | news-quotes > all
	for p in news-entities news-dates news-quotes; do
		kind=$(case $p in news-entities) echo entity;; news-dates) echo date;; news-quotes) echo quote;; esac)
		grep -v $'\t'"$kind"$'\t' all | grep -v $'\t0\tdoc\t' | sort > others
		"$p" < all | grep -v $'\t'"$kind"$'\t' | grep -v $'\t0\tdoc\t' | sort > after
		cmp others after || { echo "$p changed other records"; return 1; }
	done
}

@test "running a filter again changes nothing" {
	news-split "${SEEDS[@]}" | news-entities | news-dates | news-quotes | news-summarize > once
	for p in news-entities news-dates news-quotes news-summarize; do
		"$p" < once > again
		cmp once again || { echo "$p is not idempotent"; return 1; }
	done
}

@test "entities and dates commute" {
	news-split "${SEEDS[@]}" | news-entities | news-dates | sort > ed
	news-split "${SEEDS[@]}" | news-dates | news-entities | sort > de
	cmp ed de
}

@test "quote speakers take entities' canonical names when entities ran first" {
	news-split "${SEEDS[@]}" | news-entities | news-quotes > out
	awk -F '\t' '$3 == "quote" { print $8 }' out | grep -qx 'Hoshyar Zebari'
}

@test "the README's main job runs and prints a summary" {
	cmd=$(sed -n '/^<!-- run -->$/,/^<!-- \/run -->$/p' "$ROOT/README.md" | sed '/^<!--/d; /^```/d')
	[ -n "$cmd" ]
	cd "$ROOT"
	run -0 bash -o pipefail -c "PATH=$NEWS_BIN:\$PATH; ${cmd//bin\//}"
	[ "${#lines[@]}" -ge 2 ]
}

@test "the README shows what its main job prints" {
	cmd=$(sed -n '/^<!-- run -->$/,/^<!-- \/run -->$/p' "$ROOT/README.md" | sed '/^<!--/d; /^```/d')
	shown=$(sed -n '/^<!-- output -->$/,/^<!-- \/output -->$/p' "$ROOT/README.md" | sed '/^<!--/d; /^```/d')
	cd "$ROOT"
	got=$(PATH=$NEWS_BIN:$PATH bash -o pipefail -c "${cmd//bin\//}")
	[ "$got" = "$shown" ]
}
