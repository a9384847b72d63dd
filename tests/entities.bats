#!/usr/bin/env bats
# news-entities: options, bad input, the stream invariant, spans and types,
# and canonical names across the documents of a story.
load helper

setup() { cd "$BATS_TEST_TMPDIR"; }

# entities < stream: "text<TAB>label<TAB>value" of every entity record
entities() { awk -F '\t' '$3 == "entity" { print $6 "\t" $7 "\t" $8 }'; }
# canon NAME < stream: the canonical names given to mentions whose text is NAME
canon() { awk -F '\t' -v n="$1" '$3 == "entity" && $6 == n { print $8 }' | sort -u; }

@test "--help and --version" {
	run -0 --separate-stderr news-entities --help
	[[ $output == usage:\ news-entities* ]]
	[[ $output == *--per-document* ]]
	run -0 news-entities --version
	[[ $output =~ ^news-entities\ \(newsutils\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "bad usage exits 2; a missing file exits 1 and names the file" {
	run -2 --separate-stderr news-entities --no-such-option
	[[ $stderr == *"Try 'news-entities --help'"* ]]
	run -1 --separate-stderr news-entities no-such-file.txt
	[[ $stderr == news-entities:\ no-such-file.txt* ]]
}

@test "every record holds the invariant; entity records have 9 fields" {
	news-entities "${SEEDS[@]}" > out
	check_invariant < out
	[ "$(awk -F '\t' '$3 == "entity" { print NF }' out | sort -u)" = 9 ]
	[ "$(grep -c $'\tentity\t' out)" -gt 100 ]
}

@test "news-split | news-entities equals news-entities FILE" {
	news-split "${SEEDS[@]}" | news-entities > a
	news-entities "${SEEDS[@]}" > b
	cmp a b
}

@test "running twice replaces the entity records" {
	news-entities "${SEEDS[@]}" > a
	news-entities a > b
	cmp a b
}

@test "a lower-case name is the capitalised one" {
	printf 'We flew to Florida on Monday.\n\ni live in florida now.\n' > a.txt
	[ "$(news-entities a.txt | canon florida)" = Florida ]
}

@test "output is deterministic and records come in stream order" {
	news-entities "${SEEDS[@]}" > a
	news-entities "${SEEDS[@]}" > b
	cmp a b
	# within a document: sentence numbers never decrease
	awk -F '\t' '$1 != d { d = $1; s = 0 } $2 < s { exit 1 } { s = $2 }' a
}

@test "types follow CoNLL: people, organisations, places, nationalities" {
	news-entities "${SEEDS[0]}" | entities > e
	grep -qx $'Jaap de Hoop Scheffer\tPERSON\tJaap de Hoop Scheffer' e
	grep -qx $'NATO\tORG\t.*' e
	grep -qx $'Iraq\tLOC\tIraq' e
	grep -qx $'Iraqi\tMISC\tIraqi' e
	grep -qx $'France\tLOC\tFrance' e
}

@test "a run of given names and surnames is a list of people" {
	printf 'Attendees: Pam Butler Renee Ratcliff met the board on Monday.\n' > list.txt
	news-entities list.txt | entities > e
	grep -qx $'Pam Butler\tPERSON\tPam Butler' e
	grep -qx $'Renee Ratcliff\tPERSON\tRenee Ratcliff' e
	printf 'He met Jaap de Hoop Scheffer and José Luis Rodríguez Zapatero.\n' > names.txt
	news-entities names.txt | entities > e
	grep -qx $'Jaap de Hoop Scheffer\tPERSON\t.*' e
	grep -qx $'José Luis Rodríguez Zapatero\tPERSON\t.*' e
}

@test "the head word of a name of several words tells its type" {
	printf 'She studied at Georgetown University and now lives on Canyon Road in Santa Fe. The film was directed by Michael Bay.\n' > head.txt
	news-entities head.txt | entities > e
	grep -qx $'Georgetown University\tORG\tGeorgetown University' e
	grep -qx $'Canyon Road\tLOC\tCanyon Road' e
	grep -qx $'Michael Bay\tPERSON\tMichael Bay' e
}

@test "possessives are left out of the span" {
	printf "NATO's role in Iraq has been limited. NATO said so.\n" > a.txt
	news-entities a.txt | entities > e
	grep -qx $'NATO\tORG\tNATO' e
	! grep -q "NATO's" e
}

@test "hyphenated modifiers: the name alone is the span" {
	printf 'The French-led resistance met the U.S.-led coalition in Iraq.\n' > a.txt
	news-entities a.txt | entities > e
	grep -q $'^French\tMISC' e
	grep -q $'^U.S.\tLOC\tUnited States$' e
}

@test "dotted abbreviations of the alias list are names of what they stand for" {
	printf 'a report by the E.U. said the U.K. was late.\nDELEGATES OF THE U.N. MET IN GENEVA.\n' > a.txt
	news-entities a.txt | entities > e
	grep -qx $'E.U.\tORG\tEuropean Union' e
	grep -qx $'U.K.\tLOC\tUnited Kingdom' e
	grep -qx $'U.N.\tORG\tUnited Nations' e
}

@test "a name in a file name is no mention" {
	printf 'Lisa Gilette sent her letter.\nFile: Lisa_coverletter.doc and Lisa_resume.doc\n' > a.txt
	news-entities a.txt | entities > e
	grep -qx $'Lisa Gilette\tPERSON\tLisa Gilette' e
	[ "$(wc -l < e)" -eq 1 ]
}

@test "titles are cut from the name and kept in the ninth field" {
	news-entities "${SEEDS[@]}" > out
	awk -F '\t' '$3 == "entity" && $6 == "Hoshyar Zebari" { print $7 "|" $9 }' out | grep -qx 'PERSON|Foreign Minister'
	awk -F '\t' '$3 == "entity" && $6 == "Greg Johnson" { print $7 "|" $9 }' out | grep -qx 'PERSON|Adm.'
	# the nationality before the title is a name of its own
	grep -q $'\tentity\t1234\t1239\tIraqi\tMISC\t' out
}

@test "pcre2 rules: company suffixes and institutions of a place are organisations" {
	printf 'Shares of McDonnell Douglas Corp. rose on Monday, and Procter & Gamble Co. fell.\nA spokesman for the Ministry of Defence declined to comment.\n' > a.txt
	news-entities a.txt | entities > e
	grep -q $'^McDonnell Douglas Corp.\tORG\t' e
	grep -q $'^Procter & Gamble Co.\tORG\t' e
	grep -q $'^Ministry of Defence\tORG\t' e
}

@test "a dateline place in capitals is a place, and the same as the place" {
	printf 'BRUSSELS 1996-08-22\n\nOfficials in Brussels said talks went on.\n' > a.txt
	news-entities a.txt > out
	awk -F '\t' '$3 == "entity" && $6 == "BRUSSELS" { print $7 "|" $8 }' out | grep -qx 'LOC|Brussels'
}

@test "surname and full name are one person across the story" {
	news-entities "${SEEDS[@]}" > out
	[ "$(canon Zebari < out)" = "Hoshyar Zebari" ]
	[ "$(canon 'de Hoop Scheffer' < out)" = "Jaap de Hoop Scheffer" ]
	[ "$(canon 'Jaap de Hoop Scheffer' < out)" = "Jaap de Hoop Scheffer" ]
}

@test "nicknames: Greg Johnson = Gregory Johnson" {
	news-entities "${SEEDS[@]}" > out
	[ "$(canon 'Greg Johnson' < out)" = "Gregory Johnson" ]
	[ "$(canon 'Gregory Johnson' < out)" = "Gregory Johnson" ]
}

@test "acronyms and aliases: NATO, U.S. = US = United States, U.N." {
	news-entities "${SEEDS[@]}" > out
	[ "$(canon NATO < out)" = "$(canon 'North Atlantic Treaty Organization' < out)" ]
	[ "$(canon U.S. < out)" = "United States" ]
	[ "$(canon US < out)" = "United States" ]
	[ "$(canon U.N. < out)" = "United Nations" ]
	printf 'The European Union (EU) met. The EU agreed.\n' > a.txt
	[ "$(news-entities a.txt | canon EU)" = "European Union" ]
}

@test "demonym plurals take the singular: Iraqis = Iraqi" {
	news-entities "${SEEDS[0]}" > out
	[ "$(canon Iraqis < out)" = "Iraqi" ]
}

@test "a name tagged once is found again in the story" {
	printf 'Foreign Minister Hoshyar Zebari said the talks went well.\n\nLater, Zebari left Baghdad.\n' > a.txt
	printf 'Zebari met officials in Baghdad on Tuesday.\n' > b.txt
	news-entities a.txt b.txt > out
	[ "$(awk -F '\t' '$3 == "entity" && $6 == "Zebari"' out | wc -l)" -eq 2 ]
	[ "$(canon Zebari < out)" = "Hoshyar Zebari" ]
}

@test "cluster keys: names resolve within a story, not across stories" {
	printf 'id\tcluster\ttext\n1\ta\tGregory Johnson arrived in Paris.\n2\ta\tJohnson left.\n3\tb\tJohnson stayed home with Mary Johnson.\n' > in.tsv
	news-entities --tsv --id-column id --cluster-column cluster --text-column text in.tsv > out
	check_invariant < out
	awk -F '\t' '$1 == 2 && $3 == "entity" && $6 == "Johnson" { print $8 }' out | grep -qx 'Gregory Johnson'
	! awk -F '\t' '$1 == 3 && $3 == "entity" { print $8 }' out | grep -q Gregory
	# documents come out in input order
	[ "$(awk -F '\t' '$3 == "doc" { printf "%s", $1 }' out)" = 123 ]
}

@test "--per-document resolves each document alone" {
	printf 'Gregory Johnson arrived.\n' > a.txt
	printf 'Johnson left.\n' > b.txt
	news-entities --per-document a.txt b.txt > out
	! awk -F '\t' '$1 == "b.txt" && $3 == "entity" { print $8 }' out | grep -q Gregory
}

@test "--max-story cuts long stories; bad values are usage errors" {
	printf 'Gregory Johnson arrived.\n' > a.txt
	printf 'Johnson left.\n' > b.txt
	news-entities --max-story 1 a.txt b.txt > out
	! awk -F '\t' '$1 == "b.txt" && $3 == "entity" { print $8 }' out | grep -q Gregory
	news-entities --max-story 2 a.txt b.txt > out
	awk -F '\t' '$1 == "b.txt" && $3 == "entity" { print $8 }' out | grep -q Gregory
	run -2 news-entities --max-story 0 a.txt
	run -2 news-entities --max-story x a.txt
}

@test "bad input never crashes and never loses a document" {
	printf '\xef\xbb\xbfNATO met in \xff\xfe Brussels.\r\nParis \x00 agreed.\n' > bad.txt
	: > empty.txt
	head -c 300000 /dev/zero | tr '\0' 'A' > long.txt
	news-entities bad.txt empty.txt long.txt > out
	check_invariant < out
	[ "$(grep -c $'\t0\tdoc\t' out)" -eq 3 ]
}

@test "a malformed stream is reported with file and line" {
	news-split "${SEEDS[0]}" | head -3 > s
	printf 'garbage line without fields\n' >> s
	run -1 --separate-stderr news-entities --stream s
	[[ $stderr == news-entities:\ s:4:* ]]
}

@test "quiet on a closed pipe" {
	run -0 --separate-stderr bash -c 'news-entities "$@" | head -1' _ "${SEEDS[@]}"
	[ -z "$stderr" ]
}

# big N: about N bytes of news text, the seeds again and again with their
# numbers changed so that the copies are not all alike
big() {
	local want=$1
	awk -v want="$want" 'FNR == 1 { f++ } { line[f, FNR] = $0; n[f] = FNR }
		END { for (c = 0; size < want; c++) for (k = 1; k <= f; k++) {
			for (i = 1; i <= n[k]; i++) { s = line[k, i]; gsub(/[0-9]/, c % 10, s); print s; size += length(s) + 1 }
			print "" } }' "${SEEDS[@]}"
}

@test "--threads: the same output with 1, 2 and 3 threads on the seeds" {
	news-entities --threads 1 "${SEEDS[@]}" > a
	news-entities --threads 2 "${SEEDS[@]}" > b
	news-entities --threads 3 "${SEEDS[@]}" > c
	cmp a b
	cmp a c
	news-entities "${SEEDS[@]}" > d
	cmp a d
}

@test "--threads: the same output on 2 MB, in one story, with --lines and through a stream" {
	big 2000000 > big.txt
	news-entities --threads 1 big.txt > a
	[ "$(grep -c $'\tentity\t' a)" -gt 10000 ]
	for t in 2 3; do
		news-entities --threads $t big.txt > b
		cmp a b
	done
	news-entities --threads 1 --lines big.txt > a
	for t in 2 3; do
		news-entities --threads $t --lines big.txt > b
		cmp a b
	done
	news-split big.txt > s
	news-entities --threads 1 < s > a
	for t in 2 3; do
		news-entities --threads $t < s > b
		cmp a b
	done
}

@test "--threads: bad values are usage errors" {
	printf 'Gregory Johnson arrived.\n' > a.txt
	run -0 --separate-stderr news-entities --help
	[[ $output == *--threads* ]]
	run -2 news-entities --threads 0 a.txt
	run -2 news-entities --threads x a.txt
	run -0 news-entities --threads 64 a.txt
}
