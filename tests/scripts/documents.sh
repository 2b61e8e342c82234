#!/usr/bin/env bash
# Word and OpenDocument notes (src/ingest/formats/): the hand-written parts
# of tests/data/documents/ zipped into a directory of .docx and .odt files
# (tests/tools/zipdir.py), built to PDF and EPUB (qpdf, both epubchecks),
# their questions counted and their text checked in both outputs (a tracked
# deletion, a field's instruction, an external entity never show); the
# Anki deck has their cards. Hostile packages are rows of the adversarial
# table (tests/tools/adversarial.py, document_cases).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
for d in "$OCTAVO_SRC"/tests/data/documents/*.d; do
    python3 "$TOOLS/zipdir.py" "$d" "notes/$(basename "$d" .d)"
done
build_ok build.log build notes -o out --lang en --format pdf,epub,anki
expect_diagnostics build.log
grep -q 'warning' build.log && fail "warnings building the documents: $(grep warning build.log)"
grep -q '\[document-dropped\]' build.log || fail "no note for the dropped comment and deletion"
check_pdf out/notes.pdf
check_epub out/notes.epub

# questions and answers, per source (a numbered list with its key, a heading
# "Q4.", bold "Question:"/"Frage:" labels, an .odt list and its key)
run_octavo bank.log inspect --json --lang en notes >bank.json
[ "$RC" -eq 0 ] || fail "inspect --json exited $RC"
python3 - bank.json <<'PY' || fail "question counts differ"
import json, sys
bank = json.load(open(sys.argv[1]))
want = {"biology.docx": (5, 5), "geschichte.docx": (2, 2), "vocabulaire.odt": (2, 2)}
got = {s["path"].split("/")[-1]: (s["questions"], s["answered"]) for s in bank["sources"]}
if got != want:
    sys.exit("got %s, want %s" % (got, want))
prompts = [q["prompt"] for q in bank["questions"]]
for p in ["What is osmosis?", "Was war der Dawes-Plan?", "Que veut dire « mijoter » ?"]:
    if p not in prompts:
        sys.exit("no question %r in %s" % (p, prompts))
PY

# the text, in reading order, in both outputs
pdftotext -layout out/notes.pdf pdf.txt
python3 - out/notes.epub >epub.txt <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if n.endswith(".xhtml"):
        print(re.sub(r"<[^>]+>", " ", z.read(n).decode()))
PY
for f in pdf.txt epub.txt; do
    for w in "Year 10" "mitochondrion" "partially permeable membrane" "It needs no energy" \
        "Partially permeable: water passes" "print(cells" "Hyperinflation" "Dawes-Plan 1924" \
        "Klasse 9" "la casserole" "saucepan" "Chapitre 4 du manuel" "Un fouet"; do
        tr -s ' \n' ' ' <"$f" | grep -qF "$w" || fail "'$w' missing from $f"
    done
    ! grep -q "Wrong words" "$f" || fail "a tracked deletion printed in $f"
done

# the deck: one card per question, the answer beside it
deck=$(ls out/*.anki.txt)
n=$(grep -vc '^#' "$deck")
[ "$n" -eq 9 ] || fail "$n cards in the Anki deck, expected 9"
grep -q 'What is osmosis?' "$deck" || fail "no osmosis card"

# an external entity is never resolved; a .docx that is no zip is refused
mkdir xxe
python3 - xxe/notes.docx <<'PY'
import sys, zipfile
ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/'
               '2006/content-types"><Override PartName="/word/document.xml" ContentType="applic'
               'ation/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe '
               'SYSTEM "file:///etc/hostname">]><w:document ' + ns + '><w:body><w:p><w:r><w:t>'
               'host: &xxe; end</w:t></w:r></w:p></w:body></w:document>')
PY
build_ok xxe.log build xxe/notes.docx -o xxe/out --lang en --format pdf
grep -q '\[document-unknown\]' xxe.log || fail "no warning for the entity"
pdftotext xxe/out/notes.pdf - | grep -q "host: *end" || fail "the entity's text is not left out"
! pdftotext xxe/out/notes.pdf - | grep -qF "$(cat /etc/hostname)" || fail "an external entity was read"
printf 'Q: plain text?\nA: yes\n' >fake.docx
run_octavo fake.log build fake.docx -o fake-out
[ "$RC" -eq 1 ] || fail "a .docx of text exited $RC, expected 1"
grep -q '\[document-damaged\]' fake.log || fail "no [document-damaged] for a .docx of text"
[ ! -e fake-out ] || [ -z "$(ls fake-out)" ] || fail "output written for a refused source"
note "ok"
