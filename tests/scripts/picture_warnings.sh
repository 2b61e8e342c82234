#!/usr/bin/env bash
# Picture warnings are capped per source and kind (diag_cap.h): a note of
# a thousand missing pictures, thirteen remote ones and twelve damaged
# files says so in ten lines of each kind and one summary line each
# ("and 990 more ... [image-missing]"), naming the first lines past the
# cap; every picture's alt text still prints; a second source gets its
# own ten, and a Word file's pictures are capped alike. The build succeeds.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext python3

cd "$OCTAVO_TMP"
mkdir -p atlas/foto
python3 - atlas <<'PY'
import os, sys
d = sys.argv[1]
lines = ["# Atlante dei fiumi", ""]
for i in range(1, 1001):
    lines += [f"Il fiume numero {i} scorre verso il mare. ![figura {i}](foto/mancante-{i}.png)", ""]
for i in range(1, 14):
    lines += [f"Vista dal satellite {i}: ![satellite {i}](https://example.org/sat-{i}.png)", ""]
for i in range(1, 13):
    with open(os.path.join(d, "foto", f"rotta-{i}.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + b"not a picture" * 3)
    lines += [f"Mappa rovinata {i}: ![mappa {i}](foto/rotta-{i}.png)", ""]
open(os.path.join(d, "fiumi.md"), "w", encoding="utf-8").write("\n".join(lines))
open(os.path.join(d, "laghi.md"), "w", encoding="utf-8").write(
    "# Laghi\n\n" + "".join(f"Lago {i}. ![lago {i}](foto/lago-{i}.png)\n\n" for i in range(1, 13)))
PY
build_ok build.log build atlas/fiumi.md atlas/laghi.md -o out --format pdf
expect_diagnostics build.log
count() { grep -c "^atlas/$1\.md:.*\[$2\]\$" build.log || true; }
[ "$(count fiumi image-missing)" = 11 ] ||
    fail "fiumi.md: $(count fiumi image-missing) image-missing lines, expected 10 and a summary"
[ "$(count fiumi image-remote)" = 11 ] || fail "fiumi.md: $(count fiumi image-remote) image-remote lines"
[ "$(count fiumi image-damaged)" = 11 ] || fail "fiumi.md: $(count fiumi image-damaged) image-damaged lines"
[ "$(count laghi image-missing)" = 11 ] || fail "laghi.md has no ten lines of its own"
grep -q "^atlas/fiumi\.md:23:1: warning: and 990 more pictures with the same problem, without a warning each (foto/mancante-11.png, foto/mancante-12.png, .*, \.\.\.; first on lines 23, 25, 27, 29, 31, 33, 35, 37, \.\.\.) \[image-missing\]\$" build.log ||
    fail "no summary of the 990 missing pictures: $(grep 'more pictures' build.log)"
grep -q "and 3 more pictures .*\[image-remote\]\$" build.log || fail "no summary of the 3 remote pictures"
grep -q "and 2 more pictures .*\[image-damaged\]\$" build.log || fail "no summary of the 2 damaged pictures"
grep -q "fiumi\.md:21:.*mancante-10\.png.*\[image-missing\]" build.log || fail "the tenth picture has no warning"
if grep -q "image 'foto/mancante-11\.png'" build.log; then fail "the eleventh picture has its own warning"; fi
# a Word file's pictures are capped the same way: fifteen parts its
# relationships name but its package lacks
python3 - atlas/isole.docx <<'PY'
import sys, zipfile
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
blip = ('<w:p><w:r><w:t>Isola %d</w:t></w:r><w:r><w:drawing><a:blip xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main" r:embed="P%d"/></w:drawing></w:r></w:p>')
body = "".join(blip % (i, i) for i in range(15))
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        "".join('<Relationship Id="P%d" Target="media/isola-%d.png"/>' % (i, i) for i in range(15)) +
        "</Relationships>")
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
               'openxmlformats.org/package/2006/content-types"><Override PartName="/word/document'
               '.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml'
               '.document.main+xml"/></Types>')
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document ' + W + "><w:body>" + body +
               "</w:body></w:document>")
    z.writestr("word/_rels/document.xml.rels", rels)
PY
run_octavo docx.log check atlas/isole.docx --lang it
[ "$(grep -c '\[image-missing\]$' docx.log)" = 11 ] ||
    fail "isole.docx: $(grep -c '\[image-missing\]$' docx.log) image-missing lines, expected 10 and a summary"
grep -q "and 5 more pictures .*(word/media/isola-10\.png, .*\[image-missing\]\$" docx.log ||
    fail "no summary of the docx's 5 missing pictures: $(cat docx.log)"
# no picture's words vanish: the last missing one's alt text prints
pdftotext out/*.pdf all.txt
grep -q "figura 1000" all.txt || fail "the 1000th picture's alt text is missing"
grep -q "mappa 12" all.txt || fail "the 12th damaged picture's alt text is missing"
note "1025 broken pictures: ten warnings of each kind per source and one summary each"
