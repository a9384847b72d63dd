#!/usr/bin/env bats
# news-dates: temporal expressions and their TIMEX3 values.
load helper

# value_of ANCHOR PHRASE: the values of the date records news-dates finds in
# the one-line document PHRASE anchored at ANCHOR ("" for none), one a line.
value_of() {
	local anchor=$1 phrase=$2
	if [ -n "$anchor" ]; then
		printf '%s\n' "$phrase" | news-dates --lines --date "$anchor"
	else
		printf '%s\n' "$phrase" | news-dates --lines --no-dateline
	fi | awk -F'\t' '$3 == "date" { print $8 }'
}

# check_table: lines "ANCHOR | PHRASE | VALUE" on stdin; every phrase must
# yield a date record with exactly that value. Reports every failure.
check_table() {
	local anchor phrase want got bad=0
	while IFS='|' read -r anchor phrase want; do
		anchor=$(echo "$anchor" | xargs); want=$(echo "$want" | xargs)
		phrase=$(echo "$phrase" | sed 's/^ *//; s/ *$//')
		[ -z "$phrase" ] && continue
		got=$(value_of "$anchor" "$phrase" | tr '\n' ' ')
		case " $got " in
			*" $want "*) ;;
			*) echo "[$anchor] '$phrase': want $want, got '$got'"; bad=1 ;;
		esac
	done
	return $bad
}

@test "absolute dates in news forms" {
	check_table <<'EOF2'
2004-07-29 | It happened on July 13, 2004. | 2004-07-13
2004-07-29 | It happened on 13 July 2004. | 2004-07-13
2004-07-29 | The file is dated 2004-07-13. | 2004-07-13
2004-07-29 | The check was dated 7/13/04. | 2004-07-13
2004-07-29 | Talks ended Jul. 13 in Brussels. | 2004-07-13
2004-07-29 | Talks ended July 13 in Brussels. | 2004-07-13
2004-07-29 | He served in the 1960s. | 196
2004-07-29 | Sales rose in 2003. | 2003
2004-07-29 | Profit fell in fiscal 2003. | 2003
2004-07-29 | Sales rose in the third quarter. | 2004-Q3
2004-07-29 | The 1998-99 season was long. | 1998
2004-07-29 | It was built in the 19th century. | 18
2004-07-29 | Prices rose in July 2003. | 2003-07
2004-07-29 | Saturday, April 25, 1998, was quiet. | 1998-04-25
2004-07-29 | The editorial of Friday, July 18, was read. | 2003-07-18
2004-07-29 | The court sits the first Monday of October. | 2004-10-04
1998-01-15 | It began in nineteen ninety-six. | 1996
1998-01-15 | By the year two thousand it ends. | 2000
1998-01-15 | In the summer they left. | 1997-SU
EOF2
}

@test "weekdays follow the tense of the sentence" {
	check_table <<'EOF2'
2004-07-29 | NATO diplomats met on Monday. | 2004-07-26
2004-07-29 | Officials said on Monday that talks would go on. | 2004-07-26
2004-07-29 | Ministers will meet Friday in Brussels. | 2004-07-30
2004-07-29 | Diplomats edged closer Thursday to a deal. | 2004-07-29
2004-07-29 | Wednesday's meeting ended early. | 2004-07-28
2004-07-29 | NATO failed earlier Wednesday to agree. | 2004-07-28
2004-07-29 | The vote is set for next Friday. | 2004-08-06
2004-07-29 | He resigned last Monday. | 2004-07-26
2004-07-29 | They met Thursday morning. | 2004-07-29TMO
2004-07-29 | The talks resumed Thursday evening. | 2004-07-29TEV
EOF2
}

@test "relative dates resolve against the anchor" {
	check_table <<'EOF2'
2004-07-29 | Talks resumed today. | 2004-07-29
2004-07-29 | Talks ended yesterday. | 2004-07-28
2004-07-29 | Talks resume tomorrow. | 2004-07-30
2004-07-29 | The summit was last month. | 2004-06
2004-07-29 | The summit was a month ago. | 2004-06
2004-07-29 | Talks resume next week. | 2004-W32
2004-07-29 | Talks continue this week. | 2004-W31
2004-07-29 | He arrived earlier this month. | 2004-07
2004-07-29 | A deal is due by the end of this week. | 2004-W31
2004-07-29 | Training starts at the start of July. | 2004-07
2004-07-29 | Last year's vote was close. | 2003
2004-07-29 | Both sides have sought in recent months to heal the rift. | PXM
2004-07-29 | The mission is now under way. | PRESENT_REF
2004-07-29 | He recently left. | PAST_REF
2004-07-29 | The vote came mid-July. | 2004-07
2004-07-29 | They left last night. | 2004-07-28TNI
2004-07-29 | We meet tonight. | 2004-07-29TNI
EOF2
}

@test "bare months follow the tense" {
	check_table <<'EOF2'
2004-07-29 | Elections are scheduled for January. | 2005-01
2004-07-29 | The deal was signed in June. | 2004-06
2004-07-29 | The break in August was canceled. | 2004-08
2004-07-29 | Trade grew last November. | 2003-11
EOF2
}

@test "times of day belong to their day" {
	check_table <<'EOF2'
2004-07-29 | The vote is at 3 p.m. today. | 2004-07-29T15
2004-07-29 | It ended at 3:30 p.m. EDT. | 2004-07-29T15:30
2004-07-29 | They met at noon Thursday. | 2004-07-29T12
2004-07-29 | The strike began at 10 p.m. Wednesday, police said. | 2004-07-28T22
2004-07-29 | The bomb went off at midnight. | 2004-07-29T24
2004-07-29 | The train left at a quarter past 3 p.m. | 2004-07-29T15:15
2004-07-29 | They meet this afternoon at 3:20. | 2004-07-29T15:20
2004-07-29T04:30 | The vote is at 3:30. | 2004-07-29T15:30
EOF2
}

@test "durations" {
	check_table <<'EOF2'
2004-07-29 | Two days of talks ended. | P2D
2004-07-29 | The debate lasted for weeks. | PXW
2004-07-29 | The plan takes 18 months. | P18M
2004-07-29 | It took a decade. | P10Y
2004-07-29 | Prices rose over the past three years. | P3Y
2004-07-29 | Profit rose in the first nine months. | P9M
2004-07-29 | It was a two-year program. | P2Y
2004-07-29 | The trip took 5 1/2 hours. | PT5H30M
2004-07-29 | He spoke for more than four hours. | PT4H
2004-07-29 | The talks lasted several weeks. | PXW
2004-07-29 | Three days later they left. | P3D
2004-07-29 | The mission lasts two years and three months. | P2Y3M
2004-07-29 | The flight took an hour and 45 minutes. | PT1H45M
2004-07-29 | The walk took five and a half minutes. | PT5M30S
EOF2
}

@test "sets" {
	check_table <<'EOF2'
2004-07-29 | They meet every Monday. | XXXX-WXX-1
2004-07-29 | The paper appears weekly. | P1W
2004-07-29 | Rates are set each year. | P1Y
2004-07-29 | The shop opens daily. | P1D
2004-07-29 | Fees rose 5% a year. | P1Y
EOF2
}

@test "holidays" {
	check_table <<'EOF2'
2004-07-29 | Troops will be home by Christmas. | 2004-12-25
2004-07-29 | Stores close on Thanksgiving. | 2004-11-25
2004-07-29 | The strike ended on Labor Day. | 2003-09-01
2004-07-29 | The fair opens Memorial Day 2005. | 2005-05-30
2004-07-29 | Easter came early. | 2004-04-11
EOF2
}

@test "holidays from the calendar: lunar and lunisolar feasts, with a year or by tense" {
	check_table <<'EOF2'
2013-02-12 | Diwali 2019 | 2019-10-27
2013-02-12 | The feast of Eid al-Fitr in 2018 was quiet. | 2018-06-15
2013-02-12 | Orthodox Easter 2018 fell on April 8. | 2018-04-08
2013-02-12 | Easter Monday in 2018 | 2018-04-02
2013-02-12 | Families will gather for Chinese New Year. | 2014-01-31
2013-02-12 | Families gathered for the last chinese new year | 2013-02-10
2013-02-12 | thanksgiving in 3 years | 2016-11-24
EOF2
}

@test "day numbers, counted weekdays and weeks" {
	check_table <<'EOF2'
2013-02-12 | The fund pays out on the 20th of next month. | 2013-03-20
2013-02-12 | 20 of this month | 2013-02-20
2013-02-12 | The vote is on the 20th. | 2013-02-20
2013-02-12 | We meet Tuesday the 19th. | 2013-02-19
2013-02-12 | Thu 15th | 2013-08-15
2013-02-12 | The review comes 3 Fridays from now. | 2013-03-01
2013-02-12 | It began 2 Thursdays ago. | 2013-01-31
2013-02-12 | the day after tomorrow | 2013-02-14
2013-02-12 | the third last week of 2018 | 2018-W50
2013-02-12 | the first week of October 2014 | 2014-W41
2013-02-12 | Sales peak in the week of October 7th. | 2013-W41
2013-02-12 | the fifth last day of May 2013 | 2013-05-27
2013-02-12 | 2 upcoming weeks | 2013-W09
2013-02-12 | March in 2 years | 2015-03
2013-02-12 | 3 years from today | 2016-02-12
2013-02-12 | The show opened Jul 18, Fri. | 2014-07-18
2013-02-12 | sat | 2013-02-16
EOF2
}

@test "clock times in spoken and run-together forms" {
	check_table <<'EOF2'
2013-02-12T04:30 | The train leaves at 330 p.m. | 2013-02-12T15:30
2013-02-12T04:30 | We eat at 3ish pm. | 2013-02-12T15
2013-02-12T04:30 | Meet me at 3 15. | 2013-02-12T15:15
2013-02-12T04:30 | nine fifty nine a m | 2013-02-12T09:59
2013-02-12T04:30 | The bell rang at seven thirty p.m. | 2013-02-12T19:30
2013-02-12T04:30 | 3 in the AM | 2013-02-13T03
EOF2
}

@test "without an anchor relative expressions are underspecified" {
	check_table <<'EOF2'
 | The talks resume Thursday. | XXXX-WXX-4
 | The vote was in July. | XXXX-07
 | The vote was on July 13. | XXXX-07-13
 | Talks resumed today. | XXXX-XX-XX
 | It happened on July 13, 2004. | 2004-07-13
EOF2
}

@test "words that only look temporal are left alone" {
	for s in "You may go now if you wish" "They will march on the capital" "Jan Kavan signed it" \
	         "Prices began to fall apart" "A second mission could be sent" "He paid \$1,500 for 3/4 of it" \
	         "She owns 25 percent of the firm" "It costs 4p." "At 10 20 people left" \
	         "The sun rose over the hills." "He was the first." "the 1st Amendment" \
	         "They march first to the square"; do
		got=$(printf '%s\n' "$s" | news-dates --lines --date 2004-07-29 |
			awk -F'\t' '$3 == "date" && $6 != "now" { print $6 }')
		[ -z "$got" ] || { echo "'$s' gave '$got'"; return 1; }
	done
}

@test "records: label, value, anchor and modifier fields" {
	run bash -c "printf 'Sales rose early next year and in mid-July.\n' | news-dates --lines --date 2004-07-29 | awk -F'\t' '\$3==\"date\"'"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | head -1 | cut -f7-10)" = "$(printf 'DATE\t2005\tdct:2004-07-29\tSTART')" ]
	[ "$(echo "$output" | sed -n 2p | cut -f6-10)" = "$(printf 'mid-July\tDATE\t2004-07\tdct:2004-07-29\tMID')" ]
}

@test "a dateline anchors a document without a date" {
	printf 'WASHINGTON, July 29, 2004 (AP) -- Officials met on Monday.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run news-dates "$BATS_TEST_TMPDIR/a.txt"
	[ "$status" -eq 0 ]
	echo "$output" | grep -q "$(printf '\tMonday\tDATE\t2004-07-26\tdateline:2004-07-29\t')"
	run news-dates --no-dateline "$BATS_TEST_TMPDIR/a.txt"
	echo "$output" | grep -q "$(printf '\tMonday\tDATE\tXXXX-WXX-1\tnone\t')"
}

@test "the seeds: invariant holds, every record well formed" {
	for f in "${SEEDS[@]}"; do
		news-dates --date 2004-07-29 "$f" | check_invariant
	done
	run bash -c "news-dates --date 2004-07-29 ${SEEDS[0]} | awk -F'\t' '\$3==\"date\" && NF != 10'"
	[ -z "$output" ]
	run bash -c "news-dates --date 2004-07-29 ${SEEDS[0]} | grep -c '	date	'"
	[ "$output" -ge 5 ]
}

@test "news-split | news-dates equals news-dates on the file" {
	a=$(news-split --date 2004-07-29 "${SEEDS[1]}" | news-dates)
	b=$(news-dates --date 2004-07-29 "${SEEDS[1]}")
	[ "$a" = "$b" ]
}

@test "other programs' records pass through" {
	out=$(news-split --date 2004-07-29 "${SEEDS[2]}" | news-dates | news-dates)
	[ "$(echo "$out" | grep -c '	sentence	')" -eq "$(news-split "${SEEDS[2]}" | grep -c '	sentence	')" ]
	echo "$out" | check_invariant
}

@test "bad input: invalid UTF-8, NUL bytes, CRLF, empty documents" {
	printf 'On Monday\377 talks \000ended.\r\nBy July 13, 2004\r\n' >"$BATS_TEST_TMPDIR/bad.txt"
	run bash -c "news-dates --date 2004-07-29 '$BATS_TEST_TMPDIR/bad.txt' | python3 '$TESTS_DIR/invariant.py'"
	[ "$status" -eq 0 ]
	: >"$BATS_TEST_TMPDIR/empty.txt"
	run news-dates "$BATS_TEST_TMPDIR/empty.txt"
	[ "$status" -eq 0 ]
	run bash -c "head -c 300000 /dev/urandom | news-dates --lines --date 2004-07-29 | python3 '$TESTS_DIR/invariant.py'"
	[ "$status" -eq 0 ]
}

@test "usage errors exit 2, missing files exit 1" {
	run news-dates --date yesterday "${SEEDS[0]}"
	[ "$status" -eq 2 ]
	run news-dates --no-such-option
	[ "$status" -eq 2 ]
	run news-dates "$BATS_TEST_TMPDIR/missing.txt"
	[ "$status" -eq 1 ]
	[[ "$output" == news-dates:* ]]
}

@test "--help and --version" {
	run news-dates --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--no-dateline"* ]]
	run news-dates --version
	[ "$status" -eq 0 ]
}

@test "quiet on a closed pipe, deterministic" {
	run bash -c "news-dates --date 2004-07-29 ${SEEDS[*]} | head -1"
	[ "$status" -eq 0 ]
	[ -z "$(echo "$output" | grep -i error)" ]
	[ "$(news-dates --date 2004-07-29 "${SEEDS[@]}" | md5sum)" = "$(news-dates --date 2004-07-29 "${SEEDS[@]}" | md5sum)" ]
}

@test "running news-dates twice gives what running it once gives" {
	cd "$BATS_TEST_TMPDIR"
	news-dates --date 2004-07-29 "${SEEDS[@]}" > once
	news-dates < once > twice
	cmp once twice
}
