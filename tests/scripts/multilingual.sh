#!/usr/bin/env bash
# Issue 10's acceptance on a booklet in many scripts (tests/data/multilingual/:
# Chinese, Japanese, Korean, Hindi, Thai, Arabic, Hebrew, Russian, Greek,
# mathematics, check marks, emoji of every sequence kind): it builds with
# no warning, every paragraph and heading comes back from pdftotext in
# logical order, every emoji sequence is one image over invisible text,
# script fonts are embedded as subsets with Unicode maps, the EPUB says
# each paragraph's language and direction, and Thai and Chinese lines end
# only where ICU allows (tests/tools/multicheck.py does the reading).
# Every check runs and reports before the test fails, so one run lists
# all that is wrong.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfimages python3

cd "$OCTAVO_TMP"
cp -r "$OCTAVO_SRC"/tests/data/multilingual multilingual
build_ok build.log build multilingual -o out
pdf=out/multilingual.pdf
epub=out/multilingual.epub
problems=()

# No character left out, and nothing else to warn about either.
if grep -q 'pdf-missing-glyph' build.log; then
    problems+=("characters left out of the PDF:
$(grep 'pdf-missing-glyph' build.log | cut -c1-700)")
fi
if grep -Ev 'pdf-missing-glyph' build.log | grep -Eq '(warning|error):'; then
    problems+=("warnings: $(grep -Ev 'pdf-missing-glyph' build.log | grep -E '(warning|error):')")
fi

# Text, emoji, fonts, EPUB languages, line breaks.
python3 "$TOOLS/multicheck.py" multilingual "$pdf" "$epub" ||
    problems+=("multicheck.py: see the FAIL lines above")

# The validators (each in a subshell: lib.sh's checks exit on failure).
(check_pdf "$pdf") || problems+=("check_pdf (qpdf, pdffonts emb/sub/uni, pdftotext stderr)")
(check_epub "$epub") || problems+=("check_epub (epubcheck 4.2.6 and 5.1.0, links)")

if [ "${#problems[@]}" -gt 0 ]; then
    printf '  - %s\n' "${problems[@]}" >&2
    fail "${#problems[@]} kinds of problems (listed above)"
fi
note "ok"
