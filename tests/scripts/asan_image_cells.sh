#!/usr/bin/env bash
# Pictures in table cells: a small icon (drawn at its natural size, never
# enlarged), a picture far wider than any column (scaled down to its cell,
# at most half the text width and a quarter of the page body high), a
# picture inside a cell's text (drawn below the text), a remote one (its
# alt text), and a picture in a heading (alt text: see README "Pictures").
# Checks pdfimages (page, resolution), that rows do not overlap the
# pictures (pdftotext -bbox), that the alt text of drawn pictures is in the
# text but never as "[image: …]", the word check, both epubchecks, qpdf and
# same bytes twice. Also runs under the sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfimages pdfinfo python3

cd "$OCTAVO_TMP"
book=$OCTAVO_TMP/book
mkdir -p "$book/img"
python3 - "$book/img" "$TOOLS" <<'EOF'
import sys
sys.path.insert(0, sys.argv[2])
import mkimages
def ramp(w, h, blue):
    return [b"".join(bytes((x * 255 // w, y * 255 // h, blue)) for x in range(w)) for y in range(h)]
open(f"{sys.argv[1]}/icon.png", "wb").write(mkimages.png(40, 30, 2, 8, ramp(40, 30, 40)))
open(f"{sys.argv[1]}/range.png", "wb").write(mkimages.png(1200, 600, 2, 8, ramp(1200, 600, 200)))
EOF
cat >"$book/booklet.yaml" <<'EOF'
title: Vogelbestimmung
language: de
date: 2024-07-01
sources:
  - voegel.md
EOF
cat >"$book/voegel.md" <<'EOF'
# Vögel am Teich

| Vogel | Bild | Merkmale |
|---|:-:|---|
| Rotkehlchen | ![Symbol Rotkehlchen](img/icon.png) | Klein, orange Brust, singt früh. |
| Graureiher | ![Verbreitungskarte Reiher](img/range.png "Verbreitung") | Steht lange still im flachen Wasser. |
| Krähe | oft gesehen ![Symbol Krähe](img/icon.png) in der Stadt | Klug. |
| Eisvogel | ![Foto aus dem Netz](https://example.org/eisvogel.png) | Nicht geladen. |

## Merkzettel mit ![Symbol im Titel](img/icon.png) Bild

Ein Satz danach.
EOF

export SOURCE_DATE_EPOCH=1700000000
build_ok build.log build "$book" -o out
expect_diagnostics build.log
[ "$(grep -c '\[image-remote\]' build.log)" -eq 1 ] || fail "expected one image-remote warning"
check_epub out/book.epub
check_pdf out/book.pdf
pdf=out/book.pdf

# ---- drawn: icon twice at its size, the range map scaled into its cell ----------
pdfimages -list "$pdf" | awk 'NR > 2 && $3 == "image" { print $1, $4, $5, $13 }' >drawn.txt
table_page=$(for i in $(seq 1 "$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"); do
    pdftotext -f "$i" -l "$i" "$pdf" - | has Rotkehlchen && echo "$i" && break; done)
pw=$(pdfinfo "$pdf" | awk '/^Page size:/ { print $3 }')
ph=$(pdfinfo "$pdf" | awk '/^Page size:/ { print $5 }')
python3 - "$table_page" "$pw" "$ph" drawn.txt <<'EOF' || fail "pictures in cells drawn wrong (see above)"
import sys
page, pw, ph = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
rows = [l.split() for l in open(sys.argv[4]) if l.strip()]
print("  drawn (page, px, ppi):", rows)
ok = len(rows) == 3 and all(int(r[0]) == page for r in rows)
icons = [r for r in rows if r[1] == "40"]
maps = [r for r in rows if r[1] == "1200"]
ok &= len(icons) == 2 and all(abs(float(r[3]) - 96) < 1 for r in icons)  # natural, not enlarged
if maps:
    w, h = 1200 / float(maps[0][3]) * 72, 600 / float(maps[0][3]) * 72
    print(f"  range map drawn {w:.0f} x {h:.0f} pt on a {pw:.0f} x {ph:.0f} pt page")
    ok &= 40 <= w <= pw * 0.5 and h <= ph * 0.25
else:
    ok = False
sys.exit(0 if ok else 1)
EOF

# ---- rows make room for their pictures ------------------------------------------
pdftotext -bbox -f "$table_page" -l "$table_page" "$pdf" bbox.html
python3 - "$(awk -v p="$table_page" '$1 == p && $2 == 1200 { print $4 }' drawn.txt)" bbox.html <<'EOF' || fail "a row overlaps its picture"
import re, sys
ppi, html = float(sys.argv[1]), open(sys.argv[2], encoding="utf-8").read()
words = {m.group(5): float(m.group(2)) for m in re.finditer(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)}
map_h = 600 / ppi * 72
gap = words["Krähe"] - words["Graureiher"]
print(f"  Graureiher row to Krähe row: {gap:.1f} pt for a {map_h:.1f} pt picture")
sys.exit(0 if gap >= map_h else 1)
EOF

# ---- text: alt text kept, never "[image: …]" for a drawn picture ---------------------
pdf_text "$pdf" | flat_text >pdf.txt
for s in "Rotkehlchen Symbol Rotkehlchen Klein" "Verbreitungskarte Reiher" \
    "oft gesehen in der Stadt" "[image: Foto aus dem Netz]" "[image: Symbol im Titel]"; do
    grep -qF "$s" pdf.txt || fail "PDF text lacks '$s'"
done
if grep -qF "[image: Symbol Rotkehlchen]" pdf.txt || has -F "[image: Verbreitungskarte" pdf.txt; then
    fail "a picture drawn in a cell also printed its alt text"
fi
wordcheck --manifest "$book/booklet.yaml" --filler-log build.log --pdf "$pdf" --epub out/book.epub

"$OCTAVO" build "$book" -o again -q 2>again.log || fail "second build failed: $(cat again.log)"
cmp -s "$pdf" again/book.pdf || fail "two builds gave different PDFs"
cmp -s out/book.epub again/book.epub || fail "two builds gave different EPUBs"
note "pictures in table cells ok"
