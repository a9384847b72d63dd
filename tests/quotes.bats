#!/usr/bin/env bats
# news-quotes: quotation marks of every style, attribution, speakers, reported
# speech, the record format, bad input.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

# quotes FILE...: the quote records as kind | value | text
quotes() {
	news-quotes "$@" | awk -F '\t' '$3 == "quote" { print $7 " | " $8 " | " $6 }'
}

# q TEXT: the quotes of a one-document text
q() {
	printf '%s\n' "$1" > doc.txt
	quotes doc.txt
}

@test "--help and --version" {
	run -0 --separate-stderr news-quotes --help
	[[ $output == usage:\ news-quotes* ]]
	[[ $output == *--kind* ]]
	[ -z "$stderr" ]
	run -0 news-quotes --version
	[[ $output =~ ^news-quotes\ \(newsutils\)\ [0-9.]+$ ]]
}

@test "bad usage exits 2" {
	run -2 --separate-stderr news-quotes --no-such-option
	[[ $stderr == *"Try 'news-quotes --help'"* ]]
	run -2 --separate-stderr news-quotes --kind quoted "${SEEDS[0]}"
	[[ $stderr == *"'quoted' is not direct, mixed or indirect"* ]]
}

@test "a missing file is reported, the others still processed, exit 1" {
	run -1 --separate-stderr news-quotes no-such-file.txt "${SEEDS[1]}"
	[[ $stderr == "news-quotes: no-such-file.txt:"* ]]
	[[ $output == *$'\tquote\t'* ]]
}

@test "seeds: invariant holds, quote records have 12 fields" {
	news-quotes "${SEEDS[@]}" > out
	check_invariant < out
	[ "$(awk -F '\t' '$3 == "quote"' out | wc -l)" -ge 15 ]
	[ "$(awk -F '\t' '$3 == "quote" { print NF }' out | sort -u)" = 12 ]
	# speaker offsets give the mention as written
	awk -F '\t' '$3 == "quote" && $11 != "" { print $11, $12, $9 }' out > spk
	[ -s spk ]
}

@test "speaker offsets point at the mention in the document" {
	news-quotes "${SEEDS[1]}" | awk -F '\t' '$3 == "quote" && $11 != "" { print $11 "\t" $12 "\t" $9 }' > spk
	while IFS=$'\t' read -r s e m; do
		[ "$(head -c "$e" "${SEEDS[1]}" | tail -c "$((e - s))")" = "$m" ]
	done < spk
}

@test "same input, same bytes" {
	news-quotes "${SEEDS[@]}" > a
	news-quotes "${SEEDS[@]}" > b
	cmp a b
}

@test "pipeline: news-split | news-quotes is news-quotes FILE" {
	news-split "${SEEDS[@]}" | news-quotes > a
	news-quotes "${SEEDS[@]}" > b
	cmp a b
}

@test "seed 001: pronoun resolved to the description it refers to" {
	run quotes "${SEEDS[1]}"
	[[ $output == *"direct | One NATO official | They are narrowing down the outstanding issues,"* ]]
	[[ $output == *"direct | One NATO official | We feel optimistic that it is possible"* ]]
	[[ $output == *"direct | Another NATO official | NATO is very keen to finalize"* ]]
}

@test "seed 002: titles stripped from the speaker's name" {
	run quotes "${SEEDS[2]}"
	[[ $output == *"indirect | Jacques Chirac | training be conducted outside the country"* ]]
}

@test "seed 001: surname completed from the full name, mixed fragment" {
	run quotes "${SEEDS[1]}"
	[[ $output == *"mixed | Hoshyar Zebari | in a race against the clock"* ]]
}

@test "straight and curly double quotes, speaker after or before" {
	run q '"We will win," Smith said. “The plan works,” said Jane Doe. Mr. Brown said: "No comment."'
	[[ $output == *"direct | Smith | We will win,"* ]]
	[[ $output == *"direct | Jane Doe | The plan works,"* ]]
	[[ $output == *"direct | Brown | No comment."* ]]
}

@test "single quotes as quotation marks, apostrophes are not" {
	run q "The officials' plan is 'a total disaster,' Senator Ann Lee said. Don't worry about the '90s."
	[ "${#lines[@]}" -eq 1 ]
	[[ $output == "mixed | Ann Lee | a total disaster,"* || $output == "direct | Ann Lee | a total disaster,"* ]]
}

@test "guillemets and typewriter marks" {
	run q "«Nous sommes prêts», the minister said. ''It refreshes the library,'' said Peter Rice, chairman of Fox."
	[[ $output == *"direct | minister | Nous sommes prêts"* || $output == *"| the minister | Nous sommes prêts"* ]]
	[[ $output == *"direct | Peter Rice | It refreshes the library,"* ]]
}

@test "a quote interrupted by its attribution gives two quotes of one speaker" {
	run q '"We are ready," the spokesman said, "and we will act."'
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} == "direct | the spokesman | We are ready," ]]
	[[ ${lines[1]} == "direct | the spokesman | and we will act." ]]
}

@test "a quote standing alone takes the speaker of the quote before" {
	run q $'"First point," Jones said.\n\n"Second point, and a longer one."'
	[[ ${lines[1]} == "direct | Jones | Second point, and a longer one." ]]
}

@test "a quote over several paragraphs is one quote" {
	printf '%s\n\n%s\n\n%s\n' 'Mary Smith said: "This is the first paragraph of it.' \
		'"And this goes on in the second one," she added.' 'Unrelated text follows here.' > doc.txt
	news-quotes doc.txt > out
	check_invariant < out
	run awk -F '\t' '$3 == "quote" { print $2 " | " $8 " | " $6 }' out
	[ "${#lines[@]}" -eq 1 ]
	[[ ${lines[0]} == '1 | Mary Smith | This is the first paragraph of it.\n\n"And this goes on in the second one,' ]]
}

@test "an unbalanced mark ends at its paragraph and never swallows the rest" {
	printf '%s\n\n%s\n' 'It was, he said, "a mess that never closes and goes on.' \
		'Later, officials said the vote was delayed. "Fine," the mayor said.' > doc.txt
	run quotes doc.txt
	[[ $output == *"direct | the mayor | Fine,"* ]]
	[[ $output == *"indirect | officials | the vote was delayed"* ]]
}

@test "nested quotes stay inside the outer quote" {
	run q "\"He told me 'never again' and left,\" Ms. Park said."
	[ "${#lines[@]}" -eq 1 ]
	[[ $output == "direct | Park | He told me 'never again' and left," ]]
}

@test "indirect speech: said that, told reporters, according to, clause first" {
	run q 'The senator said that the bill would pass. Ms. Diaz told reporters the vote was close. According to the police, two people were hurt. The talks failed, officials said.'
	[[ $output == *"indirect | senator | the bill would pass"* || $output == *"indirect | The senator | the bill would pass"* ]]
	[[ $output == *"indirect | Diaz | the vote was close"* ]]
	[[ $output == *"indirect | the police | two people were hurt"* ]]
	[[ $output == *"indirect | officials | The talks failed"* ]]
}

@test "not speech: infinitives, passives, fears" {
	run q 'He urged NATO to act quickly. Other issues said to be complicating talks remained. Paris fears the mission could fail. They refused to comment.'
	[ -z "$output" ]
}

@test "entity records in the stream give the canonical name" {
	news-split "${SEEDS[1]}" > s
	# an entity record over the mention "Zebari" (bytes 1928..1934)
	awk -F '\t' -v OFS='\t' '{ print } $3 == "sentence" && $2 == 14 { print $1, 14, "entity", 1928, 1934, "Zebari", "PERSON", "Iraqi FM Hoshyar Zebari" }' s > with-ents
	news-quotes < with-ents > out
	check_invariant < out
	run awk -F '\t' '$3 == "quote" && $4 == 1958 { print $8 }' out
	[ "$output" = "Iraqi FM Hoshyar Zebari" ]
	# the entity record passes through
	[ "$(awk -F '\t' '$3 == "entity"' out | wc -l)" -eq 1 ]
}

@test "--kind keeps only the kinds asked for" {
	run -0 sh -c "news-quotes --kind direct,mixed '${SEEDS[1]}' | awk -F '\t' '\$3 == \"quote\" { print \$7 }' | sort -u"
	[ "$output" = $'direct\nmixed' ]
}

@test "bad input: NUL bytes, invalid UTF-8, CRLF, BOM, empty, no text" {
	printf '\xef\xbb\xbf"Hello \x00 there," he said.\r\n\r\n\xff\xfe "Bad \xc3 bytes," she said.\r\n' > bad.txt
	: > empty.txt
	printf '\n\n   \n' > blank.txt
	printf '"""\x27\x27 "' > marks.txt
	news-quotes bad.txt empty.txt blank.txt marks.txt > out
	check_invariant < out
	[ "$(grep -ac $'\t0\tdoc\t' out)" -eq 4 ]
	[ "$(grep -ac $'\tquote\t' out)" -ge 2 ]
}

@test "a long document of quotes, one mark unbalanced, stays linear and whole" {
	for i in $(seq 2000); do printf '"Point %d is made," the official said. He said "open %d\n\n' "$i" "$i"; done > long.txt
	run -0 news-quotes long.txt
	[ "$(printf '%s\n' "$output" | awk -F '\t' '$3 == "quote" && $7 == "direct"' | wc -l)" -ge 2000 ]
}

@test "a participle's speaker is the subject of the sentence" {
	run q 'At a rally in Portsmouth on Tuesday, Senator Bernie Sanders endorsed Mrs. Clinton, saying that she would make an outstanding president.'
	[[ $output == "indirect | Bernie Sanders | she would make an outstanding president" ]]
}

@test "an attribution ending the paragraph before a quote with a colon" {
	run q $'In a 1963 speech, Governor George Wallace declared:\n\n"Segregation now, segregation tomorrow, segregation forever."'
	[[ $output == "direct | George Wallace | Segregation now, segregation tomorrow, segregation forever." ]]
}

@test "headlines in title case, relative speakers, thoughts and findings" {
	run q $'Trump Says He Never Pledged To Kill Families\n\nGraham, who says allies should send ground forces, spoke on Monday. Recent polls show Clinton leading in Ohio.'
	[[ $output == *"indirect | Trump | He Never Pledged To Kill Families"* ]]
	[[ $output == *"indirect | Graham | allies should send ground forces"* ]]
	[[ $output == *"indirect | Recent polls | Clinton leading in Ohio"* ]]
}

@test "a speaker with a long appositive" {
	run q 'Tom Fitton, the president of Judicial Watch, a conservative group that has sued for records, said that the damage is done.'
	[[ $output == "indirect | Tom Fitton | the damage is done" ]]
}

@test "a quote after a colon is the words of the sentence's subject" {
	run q 'Trump gestured to the crowd, then leaned in and boomed: "We will defeat her in November."'
	[[ $output == "direct | Trump | We will defeat her in November." ]]
}

@test "running news-quotes twice gives what running it once gives" {
	printf '%s\n' '"We will win," Mr. Smith said. Officials said the talks would resume.' > doc.txt
	news-quotes doc.txt > once.tsv
	news-quotes once.tsv > twice.tsv
	[ "$(grep -c $'\tquote\t' once.tsv)" -eq 2 ]
	cmp once.tsv twice.tsv
	news-split doc.txt | news-quotes | news-quotes | check_invariant
}

@test "a speaker mention holding a NUL byte is written whole" {
	printf '"We will win," Mr. Sm\0ith said.\n' > nul.txt
	run -0 bash -c "news-quotes nul.txt | grep -a \$'\\tquote\\t' | cut -f 8,9 | tr '\\0' @"
	[[ $output == $'Mr. Sm@ith\tMr. Sm@ith' ]]
}

@test "a quote set off by a comma that ends its sentence is direct, not a fragment" {
	run q 'Clinton said at a town hall on Monday, "we would be looking at something much worse."'
	[[ $output == "direct | Clinton | we would be looking at something much worse." ]]
	run q 'Sanders shot back, "Secretary Clinton called them out. Oh my goodness."'
	[[ $output == "direct | Sanders | Secretary Clinton called them out. Oh my goodness." ]]
	run q 'Zebari said authorities were "in a race against the clock" on Monday.'
	[[ $output == "mixed | Zebari | in a race against the clock" ]]
}

@test "a subject behind its owner: the person, not the owner" {
	run q $'Trump\'s spokeswoman Hope Hicks hit back: "The report is false and we will sue."'
	[[ $output == "direct | Hope Hicks | The report is false and we will sue." ]]
}

@test "manner-of-speaking cues after a quote, and an abbreviation's period inside the attribution" {
	run q '"They would have gone to the only bill with bipartisan support," Toomey fumed on Tuesday.'
	[[ $output == "direct | Toomey | They would have gone to the only bill with bipartisan support," ]]
	run q '"All the way to the White House!" the sign read.'
	[[ $output == "direct | the sign | All the way to the White House!" ]]
	run q '"So let me make it perfectly clear," Senate Majority Leader Mitch McConnell, R-Ky., said.'
	[[ $output == "direct | Mitch McConnell | So let me make it perfectly clear," ]]
}

@test "subjects past participial asides, time words and sentence-initial determiners" {
	run q 'Fiorina, speaking to Iowans, said, "Last time I looked, you hadn'\''t started voting yet."'
	[[ $output == "direct | Fiorina | Last time I looked, you hadn't started voting yet." ]]
	run q 'Priebus later Thursday told Fox News: "Both men are meeting next week to talk about it."'
	[[ $output == "direct | Priebus | Both men are meeting next week to talk about it." ]]
	run q 'The campaign shrugged off the comments, saying, "Nobody on the team has ever asked for it."'
	[[ $output == "direct | The campaign | Nobody on the team has ever asked for it." ]]
}

@test "inverted attributions before a quote, a quote in the sentence after an abbreviation" {
	run q 'But, said Solovey, "I do not want to drum up conflict with him."'
	[[ $output == "direct | Solovey | I do not want to drum up conflict with him." ]]
	run q 'Said Comey, "The thought that an error on our part is connected to this is painful."'
	[[ $output == "direct | Comey | The thought that an error on our part is connected to this is painful." ]]
	run q '"I understand disagreeing with him," said Sen. Lindsey Graham, R-S.C. "I get that. But he is dishonoring that support."'
	[[ $output == *"direct | Lindsey Graham | I get that. But he is dishonoring that support."* ]]
	run q 'Huma Abedin, vice chairwoman for the campaign, emailed supporters, telling them, "I am a proud Muslim and you do not have to share my faith."'
	[[ $output == "direct | Huma Abedin | I am a proud Muslim and you do not have to share my faith." ]]
}

@test "a whole quote after a colon: a transcript's name speaks, else the last speaker" {
	run q 'Rep. Trey Gowdy (R-S.C.): "I have not heard anyone other than you ever cite that figure."'
	[[ $output == "direct | Trey Gowdy | I have not heard anyone other than you ever cite that figure." ]]
	run q 'He told CNN in October that it was a mistake. Then, later that month on CNN: "I have never said we made a mistake going in."'
	[[ $output == *"direct | He | I have never said we made a mistake going in."* ]]
}

@test "discourse adverbs are no speakers; a title-case headline's subject behind its auxiliaries" {
	run q 'Moreover, Jeffrey Sachs, director of the institute, noted that most of those plans run only to 2030.'
	[[ $output == "indirect | Jeffrey Sachs | most of those plans run only to 2030" ]]
	run q $'Trump May Not Have Suggested A Muslim Registry\n\nThe story went on.'
	[[ $output == "indirect | Trump | A Muslim Registry" ]]
}

@test "a second verb of the same subject, and 'as X noted, ...'" {
	run q 'On Thursday, Ryan said he was "not ready" to support the campaign, and suggested that Trump needs to take the first steps.'
	[[ $output == *"indirect | Ryan | Trump needs to take the first steps"* ]]
	run q 'As Smith said, the plan will not work.'
	[[ $output == "indirect | Smith | the plan will not work" ]]
}

@test "poll shares as speakers; a reported clause ends before ', but added'" {
	run q 'Six in 10 say he is at least somewhat decisive.'
	[[ $output == "indirect | Six in 10 | he is at least somewhat decisive" ]]
	run q 'Boreing said the members will still meet for drinks and speakers, but added the group will change.'
	[[ $output == *"indirect | Boreing | the members will still meet for drinks and speakers"* ]]
	[[ $output == *"indirect | Boreing | the group will change"* ]]
}

@test "titles of shows and works, and markup values, are not quoted speech" {
	run q 'The economy is not working for most people, Christie said on ABC'\''s "This Week with George Stephanopoulos."'
	[[ $output != *"mixed"* ]]
	run q 'Sanders said he recently deployed staff to all 11 of the "Super Tuesday" states.'
	[[ $output != *"mixed"* ]]
	run q 'Zebari said authorities were "in a race against the clock" on Monday.'
	[[ $output == "mixed | Zebari | in a race against the clock" ]]
}

@test "a possessive after a name does not stop the attribution" {
	run q '“We will win the state,” Jeff Weaver, Sanders’ campaign manager, said in a statement.'
	[ "$output" = 'direct | Jeff Weaver | We will win the state,' ]
}

@test "a titled name before the cue speaks, not the place before it" {
	run q 'In Berea, OH, after winning Ohio, Gov. John Kasich (R-OH), said, “I am getting ready to rent a covered wagon.”'
	[ "$output" = 'direct | John Kasich | I am getting ready to rent a covered wagon.' ]
}

@test "words woven into reported speech are mixed, a quote after an object direct" {
	run q 'He says that “as a nation, we have to do better.”'
	[[ $output == 'mixed | He | as a nation, we have to do better.' ]]
	run q 'Romney went after Trump, calling it “disqualifying” on Wednesday.'
	[[ $output == 'mixed | Romney | disqualifying' ]]
	run q 'The senator told reporters “We are not going anywhere.”'
	[[ $output == 'direct | The senator | We are not going anywhere.' ]]
}

@test "an organisation keeps the words of its name" {
	run q '“We have nothing to add,” the State Department said.'
	[ "$output" = 'direct | State Department | We have nothing to add,' ]
	run q '“This is wrong,” Business Insider reported on Tuesday.'
	[ "$output" = 'direct | Business Insider | This is wrong,' ]
}

@test "reported speech after a long subject or a parenthesis" {
	run q 'Six Gannett newspapers in New Jersey, including the Asbury Park Press, said he is not fit to be governor any more.'
	[ "$output" = 'indirect | Six Gannett newspapers | he is not fit to be governor any more' ]
	run q 'Sen. Bernie Sanders (I-Vt.) wants to raise the minimum wage, saying the benefits would outweigh the costs.'
	[ "$output" = 'indirect | Bernie Sanders | the benefits would outweigh the costs' ]
}

@test "a reported clause ends where the writer goes on about the speaker" {
	run q 'Sanders has said he will vote for Clinton, but he has not endorsed her.'
	[ "$output" = 'indirect | Sanders | he will vote for Clinton' ]
}

@test "a quote that is a sentence of its own takes the speaker that opens the next" {
	run q '“Who can remember how many states I have lost? Is it two?” Clinton asks as a guy walks in.'
	[ "$output" = 'direct | Clinton | Who can remember how many states I have lost? Is it two?' ]
}

@test "a verb of manner or of texts right after a quote, before or after its speaker" {
	run q '“Would it be negotiable?” Hannity pressed.'
	[ "$output" = 'direct | Hannity | Would it be negotiable?' ]
	run q '“There are invertebrates with more spine than the senator,” reads an editorial in the Register.'
	[ "$output" = 'direct | an editorial | There are invertebrates with more spine than the senator,' ]
}

@test "a title the sentence goes on from is no quotation" {
	run q '“Orange Is the New Black” star Selenis Leyva opened up about the role.'
	[ -z "$output" ]
	run q '“Family Medical Leave Act Rules,” the document states, becomes available after a year.'
	[ "$output" = 'direct |  | Family Medical Leave Act Rules,' ]
}

@test "who said it adds it; a subordinate clause's subject does not speak" {
	run q 'Ryan and Trump will meet next week, Spicer said, adding, “They need to sit down and have a good talk.”'
	[[ $output == *'direct | Spicer | They need to sit down and have a good talk.' ]]
	run q 'After former Gov. Jerry Brown criticized her husband, Hillary shot back, “I suppose I could have chosen to bake cookies.”'
	[ "$output" = 'direct | Hillary | I suppose I could have chosen to bake cookies.' ]
	run q '“We ought to start it up again this morning,” he went on.'
	[ "$output" = 'direct | he | We ought to start it up again this morning,' ]
}

@test "a noun-like cue reports a clause with that" {
	run q 'Viguerie notes that Reagan Democrats can play a key role in the election.'
	[ "$output" = 'indirect | Viguerie | Reagan Democrats can play a key role in the election' ]
}
