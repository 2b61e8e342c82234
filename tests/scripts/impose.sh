#!/usr/bin/env bash
# Saddle-stitch imposition (layout `impose:`, --impose): the Django booklet
# on layouts/a5-booklet.yaml becomes ceil(pages / 4) A4 landscape sheets,
# two A5 pages a side in folding order, blank halves where the pages are
# padded; every half's folio (read with pdftotext -x -y -W -H in its bottom
# margin) and text is its page's, links and outline land on the right
# halves (tests/tools/imposecheck.py compares against the same booklet
# built with --impose none). A layout of signatures of 2 sheets, creep and
# crop marks on a larger sheet does the same per signature. stdout says how
# to print; flashcards are not imposed; bad keys and options are errors.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext pdfinfo python3

cd "$OCTAVO_TMP"
MM=2.834645669
A5W=419.528 A5H=595.276

# ---- the Django booklet on A5, imposed on A4
build_ok ref.log build "$OCTAVO_SRC/content" -o ref --layout a5-booklet --impose none -f pdf
expect_diagnostics ref.log
RC=0
"$OCTAVO" build "$OCTAVO_SRC/content" -o imp --layout a5-booklet -f pdf >imp.out 2>imp.log || RC=$?
[ "$RC" -eq 0 ] || fail "imposed build exited $RC: $(cat imp.log)"
expect_diagnostics imp.log
pages=$(pdfinfo ref/django.pdf | awk '/^Pages:/ {print $2}')
sheets=$(((pages + 3) / 4))
grep -qx "octavo: imp/django.pdf: $sheets sheets, print duplex, flip on the short edge, fold and staple" imp.out ||
    fail "no printing instructions for $pages pages on $sheets sheets on stdout: $(cat imp.out)"
! grep -q "sheets" imp.log || fail "printing instructions went to stderr"
pdfinfo imp/django.pdf | grep -Eq '^Page size: +841\.89 x 595\.276 pts' || fail "not A4 landscape sheets"
check_pdf imp/django.pdf
out=$(python3 "$TOOLS/imposecheck.py" ref/django.pdf imp/django.pdf $A5W $A5H 841.89 $A5H 0 \
    "$(python3 -c "print(0.1 * $MM)")" "$(python3 -c "print(20 * $MM)")" 2>&1) || fail "$out"
note "Django on A5: $out"

# ---- signatures of 2 sheets, creep and crop marks on a 320 x 225 mm sheet
cat >sig.yaml <<'YAML'
page:
  size: A5
  margins: 18mm
impose:
  method: saddle
  sheet: [225mm, 320mm]   # given portrait: used landscape
  signature: 2
  creep: 0.5mm
  crop-marks: true
YAML
SRC=$OCTAVO_SRC/tests/data/impose
build_ok sref.log build "$SRC" -o sref --layout sig.yaml --impose none -f pdf
"$OCTAVO" build "$SRC" -o sig --layout sig.yaml -f pdf >sig.out 2>sig.log || fail "$(cat sig.log)"
expect_diagnostics sig.log
spages=$(pdfinfo sref/impose.pdf | awk '/^Pages:/ {print $2}')
[ "$spages" -gt 8 ] || fail "the fixture should need more than one signature ($spages pages)"
ssheets=$(((spages + 3) / 4)) sigs=$(((spages + 7) / 8))
grep -q "octavo: sig/impose.pdf: $ssheets sheets in $sigs signatures, print duplex" sig.out ||
    fail "no instructions for $ssheets sheets in $sigs signatures: $(cat sig.out)"
check_pdf sig/impose.pdf
out=$(python3 "$TOOLS/imposecheck.py" sref/impose.pdf sig/impose.pdf $A5W $A5H \
    "$(python3 -c "print(320 * $MM)")" "$(python3 -c "print(225 * $MM)")" 2 \
    "$(python3 -c "print(0.5 * $MM)")" "$(python3 -c "print(18 * $MM)")" 2>&1) || fail "$out"
note "signatures of 2: $out"
# crop marks: 8 short strokes a half outside the page corners (besides any rules)
python3 - sig/impose.pdf <<'PY' || fail "crop marks missing"
import re, subprocess, sys, zlib
q = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", sys.argv[1], "-"],
                   capture_output=True, check=True).stdout.decode("latin-1")
marks = re.findall(r"([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l\n", q)
# a mark lies outside the A5 page: above its top, below its bottom or beyond its outer side
y0 = (225 - 210) / 2 * 72 / 25.4
out = [m for m in marks if float(m[1]) < y0 - 1 or float(m[1]) > y0 + 595.276 + 1
       or float(m[0]) < 453.5 - 419.528 - 1 or float(m[0]) > 453.5 + 419.528 + 1]
assert len(out) >= 16 * 4, f"{len(out)} crop-mark strokes"
PY

# ---- half-letter pages on Letter
build_ok lref.log build "$SRC" -o lref --layout letter-booklet --impose none -f pdf
build_ok let.log build "$SRC" -o let --layout letter-booklet -f pdf
out=$(python3 "$TOOLS/imposecheck.py" lref/impose.pdf let/impose.pdf 396 612 792 612 0 \
    "$(python3 -c "print(0.1 * $MM)")" 57.6 2>&1) || fail "$out"
note "half-letter on Letter: $out"

# ---- --impose saddle on any layout: sheets twice the page; flashcards are not imposed
build_ok over.log build "$SRC" -o over --layout a5 --impose saddle -f pdf
pdfinfo over/impose.pdf | grep -Eq '^Page size: +839\.05[0-9]* x 595\.27[0-9]* pts' ||
    fail "--impose saddle on a5: $(pdfinfo over/impose.pdf | grep 'Page size')"
build_ok cards.log build "$SRC" -o cards --mode flashcards --impose saddle -f pdf
grep -q "note: flashcards are not imposed.*\[impose-cards\]" cards.log || fail "no impose-cards note"
! pdfinfo cards/impose.pdf | has '^Page size: +1190' || fail "flashcards were imposed"

# ---- errors
run_octavo bad.log build "$SRC" -o bad --impose fold
[ "$RC" -eq 2 ] || fail "--impose fold exited $RC"
printf 'page:\n  size: A4\nimpose:\n  method: saddle\n  sheet: A4\n' >small.yaml
run_octavo small.log build "$SRC" -o bad --layout small.yaml
[ "$RC" -eq 1 ] && grep -q "small.yaml:[34]:.*do not fit side by side.*\[invalid-value\]" small.log ||
    fail "A4 pages on an A4 sheet: exit $RC, $(cat small.log)"
printf 'page:\n  size: A5\nimpose:\n  method: saddle\n  crop-marks: true\n  creep: 1m\n' >crop.yaml
run_octavo crop.log build "$SRC" -o bad --layout crop.yaml
[ "$RC" -eq 1 ] && grep -q "crop-marks.*need a sheet larger" crop.log && grep -q "crop.yaml:6:" crop.log ||
    fail "crop marks without room / bad creep: exit $RC, $(cat crop.log)"
[ ! -e bad ] || [ -z "$(ls -A bad)" ] || fail "a bad layout still wrote output"
note "imposition ok"
