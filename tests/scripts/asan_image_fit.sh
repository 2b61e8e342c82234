#!/usr/bin/env bash
# A picture near a page end: a tall picture (fitted, it fills a page body)
# follows short notes in three chapters. Where about 70% of the page is
# left (chapters "Herbarium" and "Captioned"), the picture shrinks to end
# that page instead of moving on (with its caption, on the same page, when
# it has one); where about 15% is left ("Ledger"), shrinking would make it
# unreadable, so it moves to the next page at its fitted size. Checked with
# pdftotext per page and pdfimages' resolution (higher ppi = drawn
# smaller), plus qpdf, both epubchecks and same bytes twice. Also runs
# under the sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfimages python3

cd "$OCTAVO_TMP"
book=$OCTAVO_TMP/book
mkdir -p "$book"
python3 - "$book" "$TOOLS" <<'EOF'
import sys
sys.path.insert(0, sys.argv[2])
import mkimages
book = sys.argv[1]
rows = [b"".join(bytes((x * 255 // 600, y * 255 // 1500, 120)) for x in range(600))
        for y in range(1500)]
open(f"{book}/tall.png", "wb").write(mkimages.png(600, 1500, 2, 8, rows))
def notes(word, n):
    return "\n\n".join(f"{word} entry {k} is a short note." for k in range(1, n + 1))
open(f"{book}/herbarium.md", "w").write(
    "# Herbarium\n\n" + notes("Herbarium", 8) + "\n\n![A pressed fern, top to bottom](tall.png)\n")
open(f"{book}/ledger.md", "w").write(
    "# Ledger\n\n" + notes("Ledger", 25) + "\n\n![Ledger columns](tall.png)\n\nAfter the ledger picture.\n")
open(f"{book}/captioned.md", "w").write(
    "# Captioned\n\n" + notes("Captioned", 8)
    + '\n\n![Tide table](tall.png "Plate 3: tides drawn by hand")\n\nAfter the plate.\n')
open(f"{book}/booklet.yaml", "w").write(
    "title: Pictures at page ends\nlanguage: en\ndate: 2024-06-01\nsources:\n"
    "  - herbarium.md\n  - ledger.md\n  - captioned.md\n")
EOF

export SOURCE_DATE_EPOCH=1700000000
build_ok build.log build "$book" -o out
expect_diagnostics build.log
check_epub out/book.epub
check_pdf out/book.pdf

pdf=out/book.pdf
# page of the first line holding a string
page_of() {
    local n i
    n=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    for i in $(seq 1 "$n"); do
        if pdftotext -f "$i" -l "$i" "$pdf" - | tr '\n' ' ' | has -F "$1"; then
            echo "$i"
            return
        fi
    done
    echo 0
}
pdfimages -list "$pdf" | awk 'NR > 2 && $3 == "image" { print $1, $13 }' >drawn.txt
[ "$(wc -l <drawn.txt)" -eq 3 ] || fail "expected the picture drawn 3 times: $(cat drawn.txt)"
read -r pa ppia < <(sed -n 1p drawn.txt)
read -r pb ppib < <(sed -n 2p drawn.txt)
read -r pc ppic < <(sed -n 3p drawn.txt)
note "herbarium: page $pa, ${ppia} ppi; ledger: page $pb, ${ppib} ppi; captioned: page $pc, ${ppic} ppi"

# shrunk on the page of the notes before it, not below 40% of its fitted size
[ "$pa" -eq "$(page_of 'Herbarium entry 8 ')" ] || fail "herbarium picture moved on (page $pa)"
[ "$pc" -eq "$(page_of 'Captioned entry 8 ')" ] || fail "captioned picture moved on (page $pc)"
[ "$pc" -eq "$(page_of 'Plate 3: tides drawn by hand')" ] || fail "caption not with its picture"
# the ledger fills its first page: its picture goes on to the next at its
# fitted size (the page breaker may carry the last note or two with it)
[ "$pb" -gt "$(page_of 'Ledger entry 1 ')" ] || fail "ledger picture should move on to the next page (page $pb)"
[ "$(page_of 'After the ledger picture')" -ge "$pb" ] || fail "text after the ledger picture misplaced"
python3 - "$ppia" "$ppib" "$ppic" <<'EOF' || fail "picture scales wrong (see above)"
import sys
a, b, c = map(float, sys.argv[1:])
fitted = b  # the ledger picture starts a page: its fitted size
ok = fitted * 1.15 < a <= fitted / 0.4 + 1 and fitted * 1.15 < c <= fitted / 0.4 + 1
print(f"  fitted {fitted} ppi; shrunk to {fitted / a:.2f} and {fitted / c:.2f} of it")
sys.exit(0 if ok else 1)
EOF
"$OCTAVO" build "$book" -o again -q 2>again.log || fail "second build failed: $(cat again.log)"
cmp -s out/book.pdf again/book.pdf || fail "two builds gave different PDFs"
note "pictures at page ends ok"
