#!/usr/bin/env bash
# Flashcards mode (--mode flashcards, 'mode: flashcards' in the manifest or
# a layout): one card per question cluster, printed duplex. Checks, for the
# Django notes and for fixtures in three languages and two more grids:
# both validators, qpdf/pdffonts/pdftotext, the duplex REGISTRATION measured
# from pdftotext -bbox-layout (each card's label on the back at the mirror
# position of its front, within 0.5 mm: tests/tools/cardcheck.py), every
# word of every card (the Anki deck of the same build has the same cards)
# in the PDF, answers set smaller and continued, unanswered cards, the EPUB
# pop-ups, same bytes twice, and the layout keys' errors.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfinfo python3 unzip

cd "$OCTAVO_TMP"
DATA=$OCTAVO_SRC/tests/data/flashcards
export OCTAVO_CARD_STATS=1

# cards_words PDF DECK: every word of every card front and back (the Anki
# deck's fields, tags stripped) is in the PDF.
cards_words() {
    python3 - "$2" >"$2.words" <<'PY'
import html, re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    for field in f[3:5]:
        field = re.sub(r"<br\s*/?>|</p>|</li>|</tr>|</pre>|</div>", "\n", field)
        print(html.unescape(re.sub(r"<[^>]+>", " ", field)))
PY
    wordcheck --plain --pdf "$1" "$2.words"
}

# stat KEY LOG: a figure of the "octavo: cards: ..." line.
stat() {
    sed -n "s/.*[ ,]\([0-9][0-9]*\) $1.*/\1/p" "$2" | tail -n 1
}

# epub_cards EPUB N: N cards, each with a noteref to a footnote aside in
# the same document that links back to its card.
epub_cards() {
    python3 - "$1" "$2" <<'PY' || fail "EPUB cards wrong (see above)"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
want, n = int(sys.argv[2]), 0
for name in z.namelist():
    if not name.endswith(".xhtml"):
        continue
    doc = z.read(name).decode()
    for cid, ref in re.findall(r'<div class="card" id="([^"]+)">.*?<a epub:type="noteref" role="doc-noteref" href="#([^"]+)">', doc, re.S):
        m = re.search(r'<aside class="card-back" epub:type="footnote" role="doc-footnote" id="%s">(.*?)</aside>' % re.escape(ref), doc, re.S)
        assert m, f"{name}: no aside {ref}"
        assert f'<a href="#{cid}">' in m.group(1), f"{name}: {ref} does not link back"
        assert 'class="answer"' in m.group(1) or 'class="no-answer"' in m.group(1), ref
        n += 1
assert n == want, f"{n} EPUB cards, {want} clusters"
print(f"flashcards: EPUB {n} cards with pop-up answers")
PY
}

# ---- the Django notes, on the default card layout -------------------------
build_ok django.log build "$OCTAVO_SRC/content" -o out --mode flashcards --format pdf,epub,anki
run_octavo inspect.log inspect --json "$OCTAVO_SRC/content" >bank.json
clusters=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["clusters"]))' bank.json)
check_pdf out/django.pdf
check_epub out/django.epub
pdftotext -f 1 -l 1 out/django.pdf p1.txt
grep -q "How to print these cards" p1.txt || fail "page 1 is not the instruction sheet"
grep -q "flip on the long edge" p1.txt || fail "the instructions do not say how to flip"
grep -q "210 × 297 mm (A4)" p1.txt || fail "the instructions do not name the paper"
pdfinfo out/django.pdf | has "595.276 x 841.89 pts" || fail "not A4 (layouts/flashcards.yaml)"
python3 "$TOOLS/cardcheck.py" --cards "$clusters" --expect-continued out/django.pdf >reg.txt ||
    fail "registration (see above)"
cat reg.txt
cards_words out/django.pdf out/django.anki.txt
epub_cards out/django.epub "$clusters"
pdffonts out/django.pdf | has JetBrainsMono || fail "no monospace font for code"
grep "cards:" django.log
pages=$(pdfinfo out/django.pdf | awk '/^Pages:/ {print $2}')
note "Django: $clusters clusters, $(stat cards django.log) cards, $pages pages," \
    "$(stat 'answers set smaller' django.log) answers set smaller," \
    "$(stat 'answers continued' django.log) continued; $(sed 's/.*registration //' reg.txt)"
# same input, same bytes
build_ok again.log build "$OCTAVO_SRC/content" -o again --mode flashcards -q
cmp out/django.pdf again/django.pdf || fail "two builds, two different PDFs"
cmp out/django.epub again/django.epub || fail "two builds, two different EPUBs"

# grouped by source, a cluster's other wordings stay in their chapters and
# link to its card
build_ok bysource.log build "$OCTAVO_SRC/content" -o bysource --mode flashcards --group-by source -q
check_epub bysource/django.epub
aliases=$(unzip -p bysource/django.epub '*.xhtml' | grep -c 'class="card-alias"')
[ "$aliases" -gt 0 ] || fail "no wording links to its cluster's card"
epub_cards bysource/django.epub "$clusters"

# ---- fixtures ---------------------------------------------------------------
# fixture NAME LAYOUT-ARGS...: builds it, validates, checks registration
# and words; the log is NAME.log, the outputs in NAME/.
fixture() {
    local name=$1 src=$2
    shift 2
    build_ok "$name.log" build "$DATA/$src" -o "$name" --mode flashcards --format pdf,epub,anki "$@"
    local pdf=$name/$src.pdf
    check_pdf "$pdf"
    check_epub "$name/$src.epub"
    python3 "$TOOLS/cardcheck.py" "$pdf" >"$name.reg" || fail "$name: registration (see above)"
    cat "$name.reg"
    cards_words "$pdf" "$name/$src.anki.txt"
    pdftotext -layout "$pdf" "$name.txt"
}

# long answers: set smaller, then continued on further cards
fixture network network
[ "$(stat 'answers set smaller' network.log)" -ge 1 ] || fail "no network answer was set smaller"
[ "$(stat 'answers continued' network.log)" -ge 2 ] || fail "the two longest answers did not continue"
[ "$(grep -c 'Q3 (continued, 2/[23])' network.txt)" -eq 2 ] ||
    fail "no 'Q3 (continued, 2/n)' marked on both faces of its card"
[ "$(grep -c 'Q7 (continued, 2/2)' network.txt)" -eq 2 ] ||
    fail "no 'Q7 (continued, 2/2)' marked on both faces of its card"
grep -q "continues on the next card" network.txt || fail "no 'continues on the next card'"
grep -q "No answer in the notes" network.txt || fail "the unanswered card says nothing"
epub_cards network/network.epub 8

# code, a table, lists and a picture
fixture code code
pdffonts code/code.pdf | has JetBrainsMono || fail "code is not in the monospace font"
grep -q "SIGKILL" code.txt || fail "the table is missing"
pdftotext -raw code/code.pdf - | flat_text | has "Diagram of text, data, heap and stack" ||
    fail "the picture's alt text is missing"
pdfimages -list code/code.pdf | has "image" || fail "the picture is missing"

# German, with unanswered questions, on a 3 x 3 grid
fixture biologie biologie --layout "$DATA/grid3x3.yaml"
grep -q "F1" biologie.txt || fail "German cards are not labelled F1, F2..."
[ "$(grep -o 'Keine Antwort in den Notizen' biologie.txt | wc -l)" -eq 2 ] ||
    fail "two unanswered German questions, not two 'Keine Antwort' backs"
grep -q "So druckt man diese Karten" biologie.txt || fail "the instructions are not in German"
[ "$(pdfinfo biologie/biologie.pdf | awk '/^Pages:/ {print $2}')" -eq 4 ] ||
    fail "6 cards on a 3 x 3 grid are not one sheet"
epub_cards biologie/biologie.epub 6

# French on fixed-size cards on US Letter
fixture histoire histoire --layout "$DATA/letter2x4.yaml"
pdfinfo histoire/histoire.pdf | has "612 x 792 pts" || fail "not US Letter"
grep -q "Pas de réponse dans les notes" histoire.txt || fail "no French 'no answer' back"
grep -q "Comment imprimer ces cartes" histoire.txt || fail "the instructions are not in French"

# the same deck on a 3 x 3 grid: fewer sheets, still registered
build_ok net3.log build "$DATA/network" -o net3 --mode flashcards --layout "$DATA/grid3x3.yaml" -q
python3 "$TOOLS/cardcheck.py" net3/network.pdf || fail "3 x 3: registration"

# ---- the mode from the manifest and from the layout --------------------------
cp -r "$DATA/biologie" manifest
printf 'mode: flashcards\n' >>manifest/booklet.yaml
build_ok manifest.log build manifest -o mf -q
python3 "$TOOLS/cardcheck.py" mf/manifest.pdf || fail "manifest 'mode: flashcards' made no cards"
build_ok layoutmode.log build "$DATA/histoire" -o lm --layout flashcards -q
python3 "$TOOLS/cardcheck.py" lm/histoire.pdf || fail "--layout flashcards made no cards"
build_ok study.log build "$DATA/histoire" -o st --layout flashcards --mode study -q
pdftotext st/histoire.pdf - | has "How to print\|Comment imprimer" &&
    fail "--mode study still made cards"

# ---- layout errors name the key ----------------------------------------------
bad() {
    printf '%s\n' "$2" >"$1.yaml"
    run_octavo "$1.err" build "$DATA/histoire" -o "bad-$1" --mode flashcards --layout "$1.yaml" -q
    [ "$RC" -eq 1 ] || fail "$1: exit $RC, expected 1"
    expect_diagnostics "$1.err"
    grep -q "$3" "$1.err" || fail "$1: no message '$3'"
}
bad half $'cards:\n  columns: 2.5' "'columns' must be a whole number"
bad floor $'cards:\n  answer: 8\n  floor: 9' "'floor' (9pt) must not be larger"
bad unknown $'cards:\n  colums: 2' "unknown key 'colums'"
bad huge $'cards:\n  width: 150mm\n  height: 60mm' "do not fit on a 210 x 297 mm page"
bad mode $'mode: cards' "'mode' must be 'study', 'quiz' or 'flashcards'"
note "all flashcard checks passed"
