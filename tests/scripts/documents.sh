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

# `octavo normalize` prints the Markdown the reader made: built again from
# it, each document asks and answers the same questions
mkdir md
for f in notes/*; do
    run_octavo "norm-$(basename "$f").log" normalize "$f" >"md/$(basename "$f").md"
    [ "$RC" -eq 0 ] || fail "normalize $f exited $RC: $(cat "norm-$(basename "$f").log")"
done
grep -q '^| Process | Energy? |$' md/biology.docx.md || fail "no pipe table in the normalized biology sheet"
grep -q '^\[\^ftn1\]: Chapitre 4 du manuel\.$' md/vocabulaire.odt.md || fail "no footnote in the normalized vocabulary"
grep -q '^title: "Vocabulaire : la cuisine"$' md/vocabulaire.odt.md || fail "no title in front matter"
run_octavo mdbank.log inspect --json --lang en md >mdbank.json
[ "$RC" -eq 0 ] || fail "inspect --json of the normalized documents exited $RC"
python3 - bank.json mdbank.json <<'PY' || fail "the normalized documents ask other questions"
import json, sys
def counts(f):
    bank = json.load(open(f))
    return {s["path"].split("/")[-1].replace(".md", ""): (s["questions"], s["answered"])
            for s in bank["sources"]}
a, b = counts(sys.argv[1]), counts(sys.argv[2])
if a != b:
    sys.exit("documents %s, their Markdown %s" % (a, b))
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
        tr -s ' \n' ' ' <"$f" | has -F "$w" || fail "'$w' missing from $f"
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
pdftotext xxe/out/notes.pdf - | has "host: *end" || fail "the entity's text is not left out"
! pdftotext xxe/out/notes.pdf - | has -F "$(cat /etc/hostname)" || fail "an external entity was read"
# a handout with a large photograph: the package is over the 8 MiB a source's
# text may have, its text is not; the picture is embedded as a picture file is
mkdir photo
python3 - photo/cells.docx <<'PY'
import random, struct, sys, zipfile, zlib
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
side = 1800
rows = b"".join(b"\0" + random.Random(y).randbytes(side * 3) for y in range(side))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/'
               '2006/content-types"><Override PartName="/word/document.xml" ContentType="applic'
               'ation/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlform'
               'ats.org/package/2006/relationships"><Relationship Id="P" Target="media/a.png"/>'
               '</Relationships>')
    z.writestr("word/document.xml", '<w:document ' + W + '><w:body><w:p><w:r><w:t>Onion skin '
               'cells at 400x.</w:t></w:r></w:p><w:p><w:r><w:drawing><a:blip r:embed="P"/>'
               '</w:drawing></w:r></w:p></w:body></w:document>')
    z.writestr("word/media/a.png", png, compress_type=zipfile.ZIP_STORED)
PY
[ "$(stat -c %s photo/cells.docx)" -gt 8388608 ] || fail "the photograph's package is not over 8 MiB"
build_ok photo.log build photo/cells.docx -o photo/out --lang en --format pdf,epub
grep -q 'warning\|error' photo.log && fail "a large photograph in a .docx: $(cat photo.log)"
pdftotext photo/out/cells.pdf - | has "Onion skin" || fail "the text of the photograph's handout"
unzip -l photo/out/cells.epub | has 'img/.*\.png' || fail "the photograph is not in the EPUB"

# a package of 60,000 styles (each based on the next), lists, links,
# footnotes and unknown elements reads in linear time (every lookup hashed)
python3 - scale.docx <<'PY'
import sys, zipfile
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
N = 60000
parts = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-'
    'types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/styles.xml": "<w:styles %s>%s</w:styles>" % (W, "".join(
        '<w:style w:styleId="s%d"><w:name w:val="S%d"/><w:basedOn w:val="s%d"/></w:style>'
        % (i, i, i + 1) for i in range(N))),
    "word/numbering.xml": "<w:numbering %s>%s%s</w:numbering>" % (W, "".join(
        '<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
        "</w:lvl></w:abstractNum>" % i for i in range(N)), "".join(
        '<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>' % (i + 1, i)
        for i in range(N))),
    "word/_rels/document.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships">%s</Relationships>' % "".join(
        '<Relationship Id="L%d" Target="https://example.org/%d" TargetMode="External"/>' % (i, i)
        for i in range(N)),
    "word/footnotes.xml": "<w:footnotes %s>%s</w:footnotes>" % (W, "".join(
        '<w:footnote w:id="%d"><w:p><w:r><w:t>n%d</w:t></w:r></w:p></w:footnote>' % (i, i)
        for i in range(N))),
    "word/document.xml": "<w:document %s><w:body>%s</w:body></w:document>" % (W, "".join(
        '<w:p><w:pPr><w:pStyle w:val="s%d"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/>'
        '</w:numPr></w:pPr><w:hyperlink r:id="L%d"><w:r><w:t>p%d</w:t></w:r></w:hyperlink>'
        '<w:r><w:footnoteReference w:id="%d"/></w:r><w:x%d/></w:p>' % (N - 1 - i, i + 1, i, i, i, i)
        for i in range(N))),
}
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
start=$(date +%s)
timeout 120 "$OCTAVO" inspect --tree --lang en scale.docx >scale.tree 2>scale.log ||
    fail "the 60,000-style package did not read in 120 s (exit $?)"
[ "$(grep -c '^ *footnote_def' scale.tree)" -eq 60000 ] || fail "footnotes of the large package lost"
note "60,000 styles, lists, links and notes read in $(($(date +%s) - start)) s"

printf 'Q: plain text?\nA: yes\n' >fake.docx
run_octavo fake.log build fake.docx -o fake-out
[ "$RC" -eq 1 ] || fail "a .docx of text exited $RC, expected 1"
grep -q '\[document-damaged\]' fake.log || fail "no [document-damaged] for a .docx of text"
[ ! -e fake-out ] || [ -z "$(ls fake-out)" ] || fail "output written for a refused source"
note "ok"
