#!/usr/bin/env bash
# Anki decks (--format anki,apkg): the Django booklet (arranged by topic),
# the chemistry booklet (arranged, footnotes, answers from several
# sources) and a German shell booklet without topics (tests/data/anki/
# shell: questions stay in their sources, code with tabs, a table, markup
# characters in prompts, a file: link). For each: the text deck's header,
# six columns a line, fields without raw tabs or line ends and
# well-formed as XML, one note per cluster of `inspect --json`, distinct
# GUIDs; the package's schema 11 tables, indexes, note type and counts.
# Two builds give the same bytes; a changed prompt changes that note's
# GUID and no other.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3 unzip

cd "$OCTAVO_TMP"
CHECK="python3 $TOOLS/anki_check.py"

deck_ok() { # deck_ok DIR SLUG OUT
    "$OCTAVO" inspect --json "$1" 2>/dev/null >"$3/$2.inspect.json"
    $CHECK tsv "$3/$2.anki.txt" "$3/$2.inspect.json" || fail "$2: text deck"
    $CHECK apkg "$3/$2.apkg" "$3/$2.inspect.json" || fail "$2: package"
}

build_ok django.log build "$OCTAVO_SRC/content/django" -o a --format anki,apkg
expect_diagnostics django.log
[ ! -e a/django.pdf ] && [ ! -e a/django.epub ] || fail "anki,apkg alone wrote a pdf or epub"
deck_ok "$OCTAVO_SRC/content/django" django a

for b in "$OCTAVO_SRC/tests/data/arrange/chemistry" "$OCTAVO_SRC/tests/data/anki/shell"; do
    s=$(basename "$b")
    build_ok "$s.log" build "$b" -o a --format pdf,epub,anki,apkg
    expect_diagnostics "$s.log"
    for f in pdf epub anki.txt apkg; do [ -s "a/$s.$f" ] || fail "$s: no $s.$f"; done
    deck_ok "$b" "$s" a
    build_ok "$s.2.log" build "$b" -o b --format anki,apkg
    cmp -s "a/$s.anki.txt" "b/$s.anki.txt" || fail "$s: two builds give different text decks"
    cmp -s "a/$s.apkg" "b/$s.apkg" || fail "$s: two builds give different packages"
done
build_ok django.2.log build "$OCTAVO_SRC/content/django" -o b --format apkg,anki
cmp -s a/django.apkg b/django.apkg || fail "django: two builds give different packages"
cmp -s a/django.anki.txt b/django.anki.txt || fail "django: two builds give different text decks"

# What the fields hold: code as <pre><code> with tabs as &#9;, escaped
# markup characters, links only to the web, the sources named when answers
# come from several, the booklet's language, a footnote after its answer.
t=a/shell.anki.txt
grep -qF "<pre><code>while IFS= read -r zeile; do<br/>&#9;printf" "$t" || fail "code block"
grep -qF "mit &lt;Zeilen&gt; &amp; Mustern?" "$t" || fail "escaped prompt"
grep -qF "<a href='https://man7.org/" "$t" || fail "web link"
grep -qF "file:" "$t" && fail "a file: link kept its address"
grep -qF "<p><b>Antwort aus Kurs Woche 1</b></p>" "$t" || fail "answer source"
grep -qF "<i>Keine Antwort in den Notizen</i>" "$t" || fail "no-answer phrase"
grep -qP "\tShell 'Grundlagen' : Wiederholung\t" "$t" || fail "deck name"
grep -qP "\tKurs_Woche_1 Fragen_aus_dem_Forum$" "$t" || fail "source tags"
grep -qP "\tChemistry Revision::Bonding\t" a/chemistry.anki.txt || fail "topic subdeck"
grep -qF "<sup>1</sup> <p>Lewis drew" a/chemistry.anki.txt || fail "footnote after its answer"

# A changed prompt: that note's GUID changes, the others stay.
cp -r "$OCTAVO_SRC/tests/data/anki/shell" edited
sed -i 's/Was bedeutet 2>&1/Was bewirkt 2>\&1/' edited/fragen.txt
grep -q "Was bewirkt" edited/fragen.txt || fail "the edit did not happen"
build_ok edited.log build edited -o c --format anki
$CHECK guids a/shell.anki.txt | cut -f1 | sort >old.txt
$CHECK guids c/edited.anki.txt | cut -f1 | sort >new.txt
[ "$(comm -23 old.txt new.txt | wc -l)" -eq 1 ] && [ "$(comm -13 old.txt new.txt | wc -l)" -eq 1 ] ||
    fail "one changed prompt should change exactly one GUID: $(diff old.txt new.txt | tr '\n' ' ')"
gone=$(comm -23 old.txt new.txt)
$CHECK guids a/shell.anki.txt | has "^$gone	Was bedeutet" || fail "the wrong GUID changed"

# Another booklet identifier gives other GUIDs for the same prompts.
sed -i 's/^identifier: .*/identifier: urn:uuid:00000000-0000-4000-8000-000000000001/' edited/booklet.yaml
build_ok edited2.log build edited -o d --format anki
$CHECK guids d/edited.anki.txt | cut -f1 | sort >other.txt
[ -z "$(comm -12 new.txt other.txt)" ] || fail "GUIDs do not depend on the identifier"
note "ok: $(wc -l <old.txt) shell notes, $(($(wc -l <a/django.anki.txt) - 6)) django notes"
