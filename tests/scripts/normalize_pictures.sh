#!/usr/bin/env bash
# `octavo normalize notes.docx -o notes.md` writes the document's pictures
# into notes_files/ beside the Markdown, which links them there, so the
# notes build again with their pictures; on standard output nothing is
# written but the Markdown, and a note says where each picture is. A Word
# handout (two pictures of one file name in two folders, a name with a
# blank, one picture shown twice) and a LibreOffice one (Pictures/).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3 pdfimages

cd "$OCTAVO_TMP"
python3 - <<'PY'
import struct, zipfile, zlib
def png(w, h, rgb):
    def chunk(k, d):
        return struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d))
    rows = b"".join(b"\0" + bytes(rgb) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')
def pic(rid, alt):
    return ('<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="%s"/>'
            '<a:blip r:embed="%s"/></wp:inline></w:drawing></w:r></w:p>\n' % (alt, rid))
body = ('<w:p><w:r><w:t>Die Zelle im Lichtmikroskop</w:t></w:r></w:p>\n' + pic("P1", "Blattzelle")
        + '<w:p><w:r><w:t>Die Wurzel</w:t></w:r></w:p>\n' + pic("P2", "Wurzelhaar")
        + pic("P1", "noch einmal") + pic("P3", "Spaltöffnung"))
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="P1" Target="media/image1.png"/>'
        '<Relationship Id="P2" Target="media/wurzel haar.png"/>'
        '<Relationship Id="P3" Target="/word/media2/image1.png"/></Relationships>')
with zipfile.ZipFile("zelle.docx", "w") as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/'
               '2006/content-types"><Override PartName="/word/document.xml" ContentType="applic'
               'ation/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("word/document.xml", "<w:document %s><w:body>\n%s</w:body></w:document>" % (W, body))
    z.writestr("word/_rels/document.xml.rels", rels)
    z.writestr("word/media/image1.png", png(9, 6, (40, 150, 70)))
    z.writestr("word/media/wurzel haar.png", png(6, 9, (160, 100, 50)))
    z.writestr("word/media2/image1.png", png(7, 7, (30, 60, 190)))
content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
           ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
           ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
           ' xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>\n'
           '<text:p>La cellule</text:p>\n<text:p><draw:frame><draw:image '
           'xlink:href="Pictures/10000000A1B2.png"/></draw:frame></text:p>\n'
           '</office:text></office:body></office:document-content>')
with zipfile.ZipFile("cellule.odt", "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
               compress_type=zipfile.ZIP_STORED)
    z.writestr("content.xml", content)
    z.writestr("Pictures/10000000A1B2.png", png(5, 8, (200, 40, 40)))
PY

# -o: the Markdown and its pictures' folder beside it
mkdir -p notes
build_ok o.log normalize zelle.docx -o notes/zelle.md
expect_diagnostics o.log
for l in '![Blattzelle](zelle_files/image1.png)' '![Wurzelhaar](zelle_files/wurzel-haar.png)' \
    '![noch einmal](zelle_files/image1.png)' '![Spaltöffnung](zelle_files/image1-2.png)'; do
    grep -qF "$l" notes/zelle.md || fail "no link $l in the Markdown: $(cat notes/zelle.md)"
done
[ "$(ls notes/zelle_files | tr '\n' ' ')" = "image1-2.png image1.png wurzel-haar.png " ] ||
    fail "pictures written: $(ls notes/zelle_files)"
python3 - <<'PY' || fail "the pictures written are not the package's"
import sys, zipfile
z = zipfile.ZipFile("zelle.docx")
for part, name in [("word/media/image1.png", "image1.png"),
                   ("word/media/wurzel haar.png", "wurzel-haar.png"),
                   ("word/media2/image1.png", "image1-2.png")]:
    if z.read(part) != open("notes/zelle_files/" + name, "rb").read():
        sys.exit("%s differs from %s" % (name, part))
PY
ls notes | has 'tmp' && fail "a temporary file left: $(ls notes)"

# built from the Markdown, the booklet has the pictures the document has
build_ok b1.log build zelle.docx -o b1 --lang de --format pdf
build_ok b2.log build notes/zelle.md -o b2 --lang de --format pdf
grep -q 'image' b2.log && fail "a picture of the Markdown is not found: $(cat b2.log)"
n1=$(pdfimages -list b1/zelle.pdf | tail -n +3 | wc -l)
n2=$(pdfimages -list b2/zelle.pdf | tail -n +3 | wc -l)
[ "$n1" -eq 4 ] && [ "$n2" -eq "$n1" ] || fail "pictures: $n1 from the document, $n2 from its Markdown"

# standard output: the same Markdown, no file, a note for each picture
mkdir -p stdout && cd stdout
run_octavo ../so.log normalize ../zelle.docx >zelle.md
[ "$RC" -eq 0 ] || fail "normalize to standard output exited $RC"
cd ..
cmp -s stdout/zelle.md notes/zelle.md || fail "standard output differs from -o's Markdown"
[ "$(ls stdout)" = "zelle.md" ] || fail "files written beside standard output: $(ls stdout)"
[ "$(grep -c '\[normalize-picture\]' so.log)" -eq 3 ] || fail "not one note per picture: $(cat so.log)"
grep -qF "zelle.docx:3:1: note: picture 'word/media/image1.png' stays inside the package" so.log ||
    fail "the note does not say where the picture is: $(cat so.log)"
grep -qF -- "-o zelle.md" so.log || fail "the note does not say how to write the pictures"

# OpenDocument's Pictures/, and a text source: -o writes what stdout prints
build_ok odt.log normalize cellule.odt -o notes/cellule.md
grep -qF '![](cellule_files/10000000A1B2.png)' notes/cellule.md ||
    fail "odt picture link: $(cat notes/cellule.md)"
[ -s notes/cellule_files/10000000A1B2.png ] || fail "the odt picture is not written"
printf 'Q: What is osmosis?\nA: Water through a membrane.\n' >karte.txt
build_ok t.log normalize karte.txt -o notes/karte.md
"$OCTAVO" normalize karte.txt 2>/dev/null | cmp -s - notes/karte.md || fail "-o and stdout differ"
[ ! -e notes/karte_files ] || fail "a pictures' folder for a text without pictures"

# -o naming the source is refused before anything is written
cp zelle.docx keep.docx
run_octavo self.log normalize keep.docx -o keep.docx
[ "$RC" -eq 2 ] || fail "-o the source itself exited $RC"
cmp -s keep.docx zelle.docx || fail "the source was overwritten"
note "ok"
