#!/usr/bin/env bash
# Pictures end to end: a booklet whose notes use PNG (RGBA, palette, grey,
# 16-bit, interlaced, too wide), JPEG (baseline, progressive grey) and SVG
# pictures, the same picture under three names, and pictures that must not
# load (truncated, garbage, huge header, cut JPEG, missing, remote, `../`
# escape, absolute path, symlink out, an SVG pointing outside). Checks the
# warnings (file:line and code), both epubchecks, qpdf, pdfimages (each
# picture once, at its size), the EPUB's files, that no file outside the
# booklet is opened, the alt text and captions in the text, the word
# check, and that two builds give the same bytes. Also runs under the
# sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfimages python3 unzip

cd "$OCTAVO_TMP"
book=$OCTAVO_TMP/book
outside=$OCTAVO_TMP/outside
mkdir -p "$book/pics" "$book/chapters" "$outside"
python3 "$TOOLS/mkimages.py" "$book/pics"
cp "$OCTAVO_SRC"/tests/data/images/*.jpg "$book/pics/"
head -c 700 "$book/pics/landscape.jpg" >"$book/pics/cut.jpg"
cp "$book/pics/grey.png" "$outside/secret.png"
ln -s "$outside/secret.png" "$book/pics/link.png"

cat >"$book/booklet.yaml" <<'EOF'
title: Bilder und Diagramme
language: en
date: 2024-03-01
sources:
  - intro.md
  - chapters/field-notes.md
EOF

cat >"$book/intro.md" <<'EOF'
# Seeing the data

[![build status](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.org/run) [![coverage](https://codecov.io/gh/example/badge.svg)](https://codecov.io/gh/example)

A colour ramp with a transparent disc sits below; the caption comes from the title.

![Gradient with a transparent disc](pics/rgba.png "Figure 1: colour ramp over a hole")

## 1. What does a four-colour palette look like?

![Chequered palette](pics/palette.png)

Tiles repeat in fours, and the white tile is transparent.

## 2. How is a sixteen-bit grey picture printed?

It is reduced to eight bits ![Sixteen-bit grey ramp](pics/grey16.png "Grey, 16 bit") before drawing.

![Interlaced sixteen-bit colour](pics/rgb16.png)

![Plain grey noise](pics/grey.png)

![A banner far wider than the page](pics/wide.png "Wide banner, scaled down")

![The same ramp again](pics/copy-of-rgba.png)

![Ramp under an escaped name](pics/copy%2Dof-rgba.png)
EOF

cat >"$book/chapters/field-notes.md" <<'EOF'
# Carnet de terrain

![Paysage au crépuscule](../pics/landscape.jpg "Photo: a field under a pale sky")

![Gris progressif](../pics/grey-progressive.jpg)

![Boxes joined by a line](../pics/diagram.svg "Diagram drawn from SVG")

![Harmless drawing with outside links](../pics/sneaky.svg)

![half a picture](../pics/truncated.png)

![words in disguise](../pics/garbage.png)

![impossibly large](../pics/huge.png)

![cut photograph](../pics/cut.jpg)

![never drawn](../pics/absent.png "Figure 9: the absent one")

![far away](https://example.org/remote.png)

![climbing out](../../outside/secret.png)

![rooted elsewhere](/etc/hostname)

![linked away](../pics/link.png)

![entity trick](../pics/entity.svg)
EOF

# ---- build (traced when strace works here) -----------------------------------
export SOURCE_DATE_EPOCH=1700000000
trace=()
if command -v strace >/dev/null && strace -f -qq -o /dev/null true 2>/dev/null; then
    trace=(strace -f -qq -e trace=open,openat,openat2,connect -o "$OCTAVO_TMP/trace.txt")
else
    note "WARNING: strace unavailable; the no-outside-file check is skipped"
fi
RC=0
# LeakSanitizer cannot run under ptrace; the second, untraced build below checks leaks
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    "${trace[@]}" "$OCTAVO" build "$book" -o out 2>build.log || RC=$?
sed 's/^/  octavo: /' build.log >&2
[ "$RC" -eq 0 ] || fail "octavo build exited $RC"
expect_diagnostics build.log
pdf=out/book.pdf
epub=out/book.epub

# ---- warnings: file:line and code --------------------------------------------
expect_warning() { # FILE LINE CODE
    grep -Eq "^$book/$1:$2:[0-9]+: (warning|note): .*\[$3\]\$" build.log ||
        fail "expected $1:$2 [$3] in the diagnostics"
}
expect_warning intro.md 3 badges-dropped
expect_warning chapters/field-notes.md 11 image-damaged
expect_warning chapters/field-notes.md 13 image-damaged
expect_warning chapters/field-notes.md 15 image-damaged
expect_warning chapters/field-notes.md 17 image-damaged
expect_warning chapters/field-notes.md 19 image-missing
expect_warning chapters/field-notes.md 21 image-remote
expect_warning chapters/field-notes.md 23 image-outside
expect_warning chapters/field-notes.md 25 image-outside
expect_warning chapters/field-notes.md 27 image-outside
expect_warning chapters/field-notes.md 29 image-damaged
n=$(grep -c '\[image-' build.log || true)
[ "$n" -eq 10 ] || fail "expected 10 image warnings, got $n"
[ "$(grep -c '\[badges-dropped\]' build.log)" -eq 1 ] || fail "expected one badges-dropped note"

# ---- validators ---------------------------------------------------------------
check_epub "$epub"
check_pdf "$pdf"

# ---- the PDF: each picture once, at its pixel size -----------------------------
pdfimages -list "$pdf" >images.txt
# distinct image objects (soft masks aside): "width height colour"
sizes=$(awk 'NR > 2 && $3 == "image" { print $11 " " $4 "x" $5 }' images.txt | sort -u |
    cut -d' ' -f2 | sort | tr '\n' ' ')
want="1600x200 180x120 240x120 240x120 400x200 40x40 48x32 64x48 64x64 90x60 "
[ "$sizes" = "$want" ] || fail "PDF pictures by size: got '$sizes', want '$want'
$(cat images.txt)"
shown=$(awk 'NR > 2 && $3 == "image"' images.txt | wc -l)
[ "$shown" -eq 12 ] || fail "expected 12 pictures drawn (the ramp three times), got $shown"
smasks=$(awk 'NR > 2 && $3 == "smask" { print $11 }' images.txt | sort -u | wc -l)
[ "$smasks" -ge 3 ] || fail "expected soft masks for the transparent pictures, got $smasks"
grep -q ' jpeg ' images.txt || fail "JPEGs should stay DCT streams"

# ---- the EPUB: each picture once, with its media type ---------------------------
unzip -Z1 "$epub" >entries.txt
nimg=$(grep -c '^OEBPS/img/' entries.txt || true)
[ "$nimg" -eq 10 ] || fail "expected 10 picture files in the EPUB, got $nimg: $(cat entries.txt)"
[ "$(sort entries.txt | uniq -d | wc -l)" -eq 0 ] || fail "duplicate entries in the EPUB"
unzip -p "$epub" OEBPS/content.opf >opf.xml
[ "$(grep -c 'media-type="image/jpeg"' opf.xml)" -eq 2 ] || fail "expected two JPEG items"
[ "$(grep -c 'media-type="image/png"' opf.xml)" -eq 8 ] || fail "expected eight PNG items"
unzip -p "$epub" 'OEBPS/ch-*.xhtml' >chapters.xhtml
grep -q '<figure class="picture"><img src="img/[0-9a-f]*\.png" alt="Gradient with a transparent disc"/><figcaption>Figure 1: colour ramp over a hole</figcaption></figure>' chapters.xhtml ||
    fail "the first figure is not <figure><img alt/><figcaption>"
grep -q 'It is reduced to eight bits <img src="img/[0-9a-f]*\.png" alt="Sixteen-bit grey ramp" title="Grey, 16 bit"/> before drawing.' chapters.xhtml ||
    fail "an inline picture should stay an inline <img>"
grep -q '\[image: far away\]' chapters.xhtml || fail "remote picture: alt text expected in the EPUB"
grep -q '\[image: never drawn — Figure 9: the absent one\]' chapters.xhtml ||
    fail "a missing picture's title (its caption) is lost in the EPUB"
if grep -q 'shields.io\|codecov' chapters.xhtml; then fail "badge row should be dropped"; fi

# ---- nothing outside the booklet was opened --------------------------------------
if [ -s "$OCTAVO_TMP/trace.txt" ]; then
    if grep -E "\"$outside|/etc/hostname|connect\(" "$OCTAVO_TMP/trace.txt" >outside.txt; then
        fail "octavo opened files outside the booklet or connected somewhere:
$(cat outside.txt)"
    fi
    grep -q "pics/rgba.png" "$OCTAVO_TMP/trace.txt" || fail "trace looks empty: rgba.png never opened"
    note "strace: no file outside the booklet opened, no connection made"
fi

# ---- text: alt text of the unavailable pictures and the captions ------------------
pdf_text "$pdf" | flat_text >pdf.txt
for s in "[image: half a picture]" "[image: words in disguise]" "[image: impossibly large]" \
    "[image: cut photograph]" "[image: never drawn — Figure 9: the absent one]" "[image: far away]" "[image: climbing out]" \
    "[image: rooted elsewhere]" "[image: linked away]" "[image: entity trick]" "Figure 1: colour ramp over a hole" \
    "Photo: a field under a pale sky" "Diagram drawn from SVG" "Wide banner, scaled down"; do
    grep -qF "$s" pdf.txt || fail "PDF text lacks '$s'"
done
# drawn pictures keep their alt text as (invisible) text, but never as "[image: …]"
grep -qF "Gradient with a transparent disc" pdf.txt || fail "alt text of a drawn picture is lost"
if grep -qF "[image: Gradient" pdf.txt; then fail "a drawn picture printed its alt text"; fi
wordcheck --manifest "$book/booklet.yaml" --filler-log build.log --pdf "$pdf" --epub "$epub" \
    --per-chapter

# ---- same input, same bytes --------------------------------------------------------
"$OCTAVO" build "$book" -o again -q 2>again.log || fail "second build failed: $(grep -v '\[image-\|\[badges-' again.log | head -n 40)"
cmp -s "$epub" again/book.epub || fail "two builds gave different EPUBs"
cmp -s "$pdf" again/book.pdf || fail "two builds gave different PDFs"
note "pictures ok: $(grep -c . images.txt) pdfimages rows, $nimg EPUB pictures"
