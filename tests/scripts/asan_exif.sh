#!/usr/bin/env bash
# EXIF orientation end to end: eight photos (libjpeg pixels in four
# coloured quadrants, an APP1 Exif segment with orientation 1..8 put in by
# hand, both byte orders; written by the test_exif unit test) each in a
# chapter of their own. The PDF is rendered with pdftoppm and on every page
# the picture's box must be landscape or portrait as the orientation says,
# with the right colour in its top-left and top-right corners; the PDF keeps
# the original DCT streams. The EPUB carries o1.jpg unchanged and the
# other seven re-encoded upright (no Exif left, width and height swapped
# for 5..8). Both epubchecks, qpdf, same bytes twice. Also runs under the
# sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfimages pdftoppm python3 unzip

maker=$OCTAVO_BUILD/tests/test_exif
[ -x "$maker" ] || fail "no $maker (build the unit tests first)"
cd "$OCTAVO_TMP"
book=$OCTAVO_TMP/book
mkdir -p "$book/photos"
"$maker" --write "$book/photos" || fail "test_exif could not write the photos"

{
    echo "title: Turned photographs"
    echo "language: en"
    echo "date: 2024-05-01"
    echo "sources:"
    for o in 1 2 3 4 5 6 7 8; do echo "  - o$o.md"; done
} >"$book/booklet.yaml"
for o in 1 2 3 4 5 6 7 8; do
    printf '# Orientation %s\n\nA phone wrote this one with orientation %s.\n\n![Quadrants, orientation %s](photos/o%s.jpg)\n' \
        "$o" "$o" "$o" "$o" >"$book/o$o.md"
done

export SOURCE_DATE_EPOCH=1700000000
build_ok build.log build "$book" -o out
expect_diagnostics build.log
[ ! -s build.log ] || fail "no diagnostics expected: $(cat build.log)"
check_epub out/book.epub
check_pdf out/book.pdf

pdfimages -list out/book.pdf >images.txt
n=$(awk 'NR > 2 && $3 == "image" && $9 == "jpeg"' images.txt | wc -l)
[ "$n" -eq 8 ] || fail "expected 8 JPEG (DCT) pictures in the PDF, got $n
$(cat images.txt)"

# ---- the raster: each picture upright ---------------------------------------------
pdftoppm -r 60 out/book.pdf page
python3 - page-*.ppm <<'EOF' || fail "a picture is not upright in the PDF (see above)"
import sys
COL = {"red": (220, 30, 30), "green": (30, 180, 40), "blue": (30, 50, 220), "yellow": (240, 220, 30)}
# stored quadrants TL red, TR green, BL blue, BR yellow; shown top-left/top-right
WANT = {1: ("red", "green"), 2: ("green", "red"), 3: ("yellow", "blue"), 4: ("blue", "yellow"),
        5: ("red", "blue"), 6: ("blue", "red"), 7: ("yellow", "green"), 8: ("green", "yellow")}

def read_ppm(path):
    data = open(path, "rb").read()
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    return int(parts[1]), int(parts[2]), data[pos + 1:]

def nearest(px):
    return min(COL, key=lambda k: sum((a - b) ** 2 for a, b in zip(px, COL[k])))

def photo_mask(w, h, px):
    """Per row, the columns near a quadrant colour (not text, not a thin
    accent rule). Each quadrant colour is saturated: a grey pixel (the page,
    text) is skipped before any distance is computed."""
    rows = []
    for y in range(h):
        row, cols = px[y * w * 3:(y + 1) * w * 3], set()
        for x in range(w):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if max(r, g, b) - min(r, g, b) < 60:
                continue
            if min((r - c[0]) ** 2 + (g - c[1]) ** 2 + (b - c[2]) ** 2 for c in COL.values()) < 1600:
                cols.add(x)
        rows.append(cols)
    return rows

found = []
for path in sorted(sys.argv[1:]):
    w, h, px = read_ppm(path)
    def at(x, y):
        i = (y * w + x) * 3
        return tuple(px[i:i + 3])
    mask = photo_mask(w, h, px)
    box = None
    for y in range(3, h - 3):
        # a pixel of a picture has picture 3 pixels above and below it
        for x in mask[y] & mask[y - 3] & mask[y + 3]:
            box = (x, y, x, y) if box is None else (min(box[0], x), min(box[1], y),
                                                     max(box[2], x), max(box[3], y))
    if box is None:
        continue
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0 + 1, y1 - y0 + 1
    tl = nearest(at(x0 + bw // 8, y0 + bh // 8))
    tr = nearest(at(x1 - bw // 8, y0 + bh // 8))
    found.append((path, bw, bh, tl, tr))
bad = len(found) != 8
for o, (path, bw, bh, tl, tr) in enumerate(found, 1):
    shape_ok = (bw > bh) if o <= 4 else (bh > bw)
    ok = shape_ok and (tl, tr) == WANT.get(o)
    bad |= not ok
    print(f"  orientation {o}: {path} box {bw}x{bh} corners {tl}/{tr} {'ok' if ok else 'WRONG'}")
if len(found) != 8:
    print(f"  expected 8 pages with a picture, found {len(found)}")
sys.exit(1 if bad else 0)
EOF

# ---- the EPUB: o1 as it was, the others upright without Exif ------------------------
mkdir epub && (cd epub && unzip -q ../out/book.epub)
python3 - epub/OEBPS/img/*.jpg "$book/photos/o1.jpg" <<'EOF' || fail "EPUB pictures are not upright copies"
import sys
def size(data):
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        m, ln = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if m in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + ln
    return None
files, original = sys.argv[1:-1], open(sys.argv[-1], "rb").read()
sizes = {}
exif = 0
kept = 0
for f in files:
    d = open(f, "rb").read()
    kept += d == original
    exif += b"Exif\0\0" in d
    s = size(d)
    sizes[s] = sizes.get(s, 0) + 1
print(f"  EPUB pictures: {len(files)}, sizes {sizes}, with Exif {exif}, original kept {kept}")
ok = len(files) == 8 and sizes == {(96, 48): 4, (48, 96): 4} and exif == 1 and kept == 1
sys.exit(0 if ok else 1)
EOF

"$OCTAVO" build "$book" -o again -q 2>again.log || fail "second build failed: $(cat again.log)"
cmp -s out/book.epub again/book.epub || fail "two builds gave different EPUBs"
cmp -s out/book.pdf again/book.pdf || fail "two builds gave different PDFs"
note "exif ok: 8 orientations upright in the PDF raster and in the EPUB"
