#!/usr/bin/env bats
# Segmentation behaviour of news-split: what counts as a sentence in news.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

# split TEXT: the sentences of TEXT (as one document), one a line, escaped
split() {
	printf '%s' "$1" > in.txt
	news-split in.txt | awk -F '\t' '$3 == "sentence" { print $6 }'
}

# paras TEXT: the paragraph number of each sentence
paras() {
	printf '%s' "$1" > in.txt
	news-split in.txt | awk -F '\t' '$3 == "sentence" { print $7 }' | tr '\n' ' '
}

@test "seed 001: one paragraph a line, debris lines dropped, quotes split inside" {
	news-split "${SEEDS[1]}" > out
	check_invariant < out
	[ "$(grep -c $'\tsentence\t' out)" -eq 19 ]
	! grep -q $'\tsentence\t.*|' out
	grep -q $'\t"They are narrowing down the outstanding issues," he said.\t' out
	grep -q $'\t"NATO is very keen to finalize this package... but don\'t look for repetitions.\t' out
	grep -q $'\tHistory does not repeat itself," the official said.\t' out
}

@test "seeds 000 and 002: blank-line paragraphs, (search) and no-break spaces inside sentences" {
	news-split "${SEEDS[0]}" "${SEEDS[2]}" > out
	check_invariant < out
	[ "$(grep -c $'^[^\t]*000_[^\t]*\t[0-9]*\tsentence\t' out)" -eq 16 ]
	[ "$(grep -c $'^[^\t]*002_[^\t]*\t[0-9]*\tsentence\t' out)" -eq 13 ]
	grep -q $'\tNATO (search)\xc2\xa0failed Wednesday' out
	grep -q $'\tTwo lengthy, closed-door debates ended with no agreement.\t' out
	grep -q $'\tBut NATO officials said ambassadors would reconvene Thursday with the supreme allied commander in Europe, U.S. Marine Gen. James Jones.\t' out
	! grep -q $'\tsentence\t[0-9]*\t[0-9]*\t\xc2\xa0' out
}

@test "titles, initials and abbreviations do not end sentences" {
	run split 'Gen. James Jones met Sen. John McCain and Dr. J.R.R. Smith at 5 p.m. on Jan. 12 at No. 10 Downing St. in London.'
	[ "${#lines[@]}" -eq 1 ]
	run split 'U.S. Adm. Greg Johnson of Acme Corp. and Widget Inc. spoke. George W. Bush did not.'
	[ "${lines[0]}" = 'U.S. Adm. Greg Johnson of Acme Corp. and Widget Inc. spoke.' ]
	[ "${lines[1]}" = 'George W. Bush did not.' ]
}

@test "an abbreviation ends a sentence before a word that starts one" {
	run split 'The troops returned to the U.S. The war was over. They met at Widget Inc. It was late.'
	[ "${#lines[@]}" -eq 4 ]
	[ "${lines[0]}" = 'The troops returned to the U.S.' ]
	[ "${lines[2]}" = 'They met at Widget Inc.' ]
}

@test "decimals, money and numbers" {
	run split 'Shares rose 3.5 percent to $100.25 in 2004. It has $1,000.00. Then it fell.'
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[1]}" = 'It has $1,000.00.' ]
}

@test "quotes and brackets after the end mark stay with the sentence" {
	run split '"We are aiming high," he said. "Really?" she asked. He agreed (he said so.) at once. "It is over." Then they left.'
	[ "${lines[0]}" = '"We are aiming high," he said.' ]
	[ "${lines[1]}" = '"Really?" she asked.' ]
	[ "${lines[2]}" = 'He agreed (he said so.) at once.' ]
	[ "${lines[3]}" = '"It is over."' ]
	[ "${lines[4]}" = 'Then they left.' ]
}

@test "?! and !! end sentences; Yahoo! does not" {
	run split 'Is it true?! Yes!! She works at Yahoo! in the city.'
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[2]}" = 'She works at Yahoo! in the city.' ]
}

@test "ellipses: inside a sentence, at its end, bracketed" {
	run split 'I wasn'"'"'t really ... well, you know. He left.... She stayed. "Bohr [...] used stairs" (Smith 55).'
	[ "${#lines[@]}" -eq 4 ]
	[ "${lines[1]}" = 'He left....' ]
}

@test "numbered and bulleted lists" {
	run split '1. The first item 2. The second item'
	[ "${lines[0]}" = '1. The first item' ]
	[ "${lines[1]}" = '2. The second item' ]
	run split $'\xe2\x80\xa2 One thing \xe2\x80\xa2 Another thing'
	[ "${#lines[@]}" -eq 2 ]
}

@test "headline, byline and dateline" {
	run split $'NATO Edges Toward Deal\nBy John Smith, Associated Press Writer\n\nBRUSSELS, Belgium (AP) -- NATO diplomats edged closer Thursday to a deal. Talks go on.'
	[ "${lines[0]}" = 'NATO Edges Toward Deal' ]
	[ "${lines[1]}" = 'By John Smith, Associated Press Writer' ]
	[ "${lines[2]}" = 'BRUSSELS, Belgium (AP) -- NATO diplomats edged closer Thursday to a deal.' ]
	run paras $'Headline\n\nFirst para. Still first.\n\nSecond para.'
	[ "$output" = '1 2 2 3 ' ]
}

@test "hard-wrapped text: a single newline is a space" {
	run split $'The alliance crisis before the war, when France, joined for a time by\nGermany and Belgium, blocked agreement for weeks on defensive aid to\nTurkey. Both sides have sought to put the past behind them.\n'
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[0]}" = 'The alliance crisis before the war, when France, joined for a time by\nGermany and Belgium, blocked agreement for weeks on defensive aid to\nTurkey.' ]
}

@test "page debris lines are never sentences; inline (search) is kept" {
	run split $'![]() |\nWAR.WIRE |\n* * *\n[](http://example.com/x)\n--\nNATO (search) met. It agreed (search) on Friday.\n'
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[0]}" = 'NATO (search) met.' ]
	[ "${lines[1]}" = 'It agreed (search) on Friday.' ]
}

@test "white space: no-break spaces, CRLF, a BOM are never inside a span's ends" {
	printf '\xef\xbb\xbfOne.\xc2\xa0Two.\r\n\r\n\xc2\xa0Three.\xc2\xa0\r\n' > in.txt
	news-split in.txt > out
	check_invariant < out
	run awk -F '\t' '$3 == "sentence" { print $4, $5, $7 }' out
	[ "${lines[0]}" = '3 7 1' ]
	[ "${lines[1]}" = '9 13 1' ]
	[ "${lines[2]}" = '19 25 2' ]
}

@test "bad bytes: invalid UTF-8 and NUL keep offsets valid" {
	printf 'Bad \xff\xfe bytes. A NUL\0 here. Cut \xe2\x80' > in.txt
	news-split in.txt > out
	check_invariant < out
	[ "$(grep -c $'\tsentence\t' out)" -eq 3 ]
	printf '' > empty.txt
	news-split empty.txt > out
	[ "$(grep -c $'\tsentence\t' out)" -eq 0 ]
}

@test "the same input twice gives the same bytes" {
	news-split "${SEEDS[@]}" > a
	news-split "${SEEDS[@]}" > b
	cmp a b
}

@test "company and place abbreviations end a sentence before a new subject" {
	run split 'Its biggest creditor is Carnival Cruise Lines Inc. Carnival has three ships on order. It is based in Randolph, Mass. Cara is based in Toronto.'
	[ "${#lines[@]}" -eq 4 ]
	[ "${lines[0]}" = 'Its biggest creditor is Carnival Cruise Lines Inc.' ]
	[ "${lines[2]}" = 'It is based in Randolph, Mass.' ]
	run split 'Apple Inc. Chief Executive Tim Cook and Service Corp. International met in Buffalo, N.Y. (AP) on Monday. Late Monday, U.S. State Department officials left.'
	[ "${#lines[@]}" -eq 2 ]
	run split 'He was shot in his home in Buffalo, N.Y. Slepian provided abortions.'
	[ "${#lines[@]}" -eq 2 ]
}

@test "datelines and picture credits on news pages" {
	run split $'Wikinews interviews a famous magician Wednesday, October 9, 2013\n\nThursday, March 15, 2012 Wikinews interviewed a bar owner on Monday, May 5, 2012\n\nThe contest was held in Washington D.C. Image: United States Navy.'
	[ "${lines[0]}" = 'Wikinews interviews a famous magician' ]
	[ "${lines[1]}" = 'Wednesday, October 9, 2013' ]
	[ "${lines[2]}" = 'Thursday, March 15, 2012' ]
	[ "${lines[3]}" = 'Wikinews interviewed a bar owner on Monday, May 5, 2012' ]
	[ "${lines[4]}" = 'The contest was held in Washington D.C.' ]
	[ "${lines[5]}" = 'Image: United States Navy.' ]
}

@test "web text: lower-case starts after ? and plain words, smileys, glued sentences" {
	run split 'where did you grow up? india? it was mean. why would you? Great place! :) I will be back. Hello world.Today is Tuesday.Mr. Smith came. Mail Jane.Doe@example.com. See www.example.com now.'
	[ "${lines[0]}" = 'where did you grow up?' ]
	[ "${lines[1]}" = 'india?' ]
	[ "${lines[2]}" = 'it was mean.' ]
	[ "${lines[4]}" = 'Great place! :)' ]
	[ "${lines[6]}" = 'Hello world.' ]
	[ "${lines[7]}" = 'Today is Tuesday.' ]
	[ "${lines[8]}" = 'Mr. Smith came.' ]
	[ "${lines[9]}" = 'Mail Jane.Doe@example.com.' ]
}

@test "separator runs stand alone; short unpunctuated lines are list items" {
	run split 'He replaced Steffen W. Graae. *** Bush also nominated A. Noel Kramer. ===== The end :-) Posted by darin'
	[ "${lines[0]}" = 'He replaced Steffen W. Graae.' ]
	[ "${lines[1]}" = '***' ]
	[ "${lines[2]}" = 'Bush also nominated A. Noel Kramer.' ]
	[ "${lines[3]}" = '=====' ]
	[ "${lines[4]}" = 'The end :-)' ]
	[ "${lines[5]}" = 'Posted by darin' ]
	run split $'features\ncontact manager\nevents, activities\n'
	[ "${#lines[@]}" -eq 3 ]
	run split $'This is a sentence\ncut off in the middle because pdf.\n'
	[ "${#lines[@]}" -eq 1 ]
}

@test "names with ? and !, and lines broken in mid-sentence" {
	run split 'France sent the ship Pourquoi Pas? to the scene. She works at Yahoo! in town. Really? yes.'
	[ "${lines[0]}" = 'France sent the ship Pourquoi Pas? to the scene.' ]
	[ "${lines[1]}" = 'She works at Yahoo! in town.' ]
	[ "${lines[2]}" = 'Really?' ]
	long='"Supporters of some other candidates," Blackwell added, "have focused largely on paid advertising that has a limited effect on getting them to participate personally'
	run split "$long"$'\nin caucuses and primaries."\nThe race goes on in Iowa, where the candidates will all be campaigning hard in the coming weeks and months.\n'
	[ "${#lines[@]}" -eq 2 ]
	run paras "$long"$'\nin caucuses and primaries."\nThe race goes on in Iowa, where the candidates will all be campaigning hard in the coming weeks and months.\n'
	[ "$output" = '1 2 ' ]
}

@test "hard-wrapped wire copy: headline, byline, indented paragraphs, credits" {
	printf '%s\n' 'NATO Edges Toward Iraq Training Deal' 'By PAUL AMES, Associated Press Writer' '' \
		'BRUSSELS, Belgium (AP) -- NATO diplomats edged closer Thursday to a deal' \
		'on how to carry out promised training for Iraqi forces, officials said.' '' \
		'   Two days of closed-door debates appeared to overcome French-led' \
		'resistance to an alliance role inside Iraq, officials said.' \
		'   The Bush administration would prefer a major mission in Iraq under' \
		'NATO command. Yet Paris fears sending NATO forces could be a first step.' '' \
		'(AP Photo/Virginia Mayo)' > in.txt
	news-split in.txt > out
	check_invariant < out
	run awk -F '\t' '$3 == "sentence" { print $7 ": " $6 }' out
	[ "${lines[0]}" = '1: NATO Edges Toward Iraq Training Deal' ]
	[ "${lines[1]}" = '2: By PAUL AMES, Associated Press Writer' ]
	[ "${lines[2]}" = '3: BRUSSELS, Belgium (AP) -- NATO diplomats edged closer Thursday to a deal\non how to carry out promised training for Iraqi forces, officials said.' ]
	[ "${lines[3]}" = '4: Two days of closed-door debates appeared to overcome French-led\nresistance to an alliance role inside Iraq, officials said.' ]
	[ "${lines[4]}" = '5: The Bush administration would prefer a major mission in Iraq under\nNATO command.' ]
	[ "${lines[5]}" = '5: Yet Paris fears sending NATO forces could be a first step.' ]
	[ "${lines[6]}" = '6: (AP Photo/Virginia Mayo)' ]
}
