#!/usr/bin/env bash
# The arrangement by topic on generated sources that mix every question
# style, clashing footnotes, links between files, nested and repeated
# questions (tests/tools/arrange_fixture.py), for three seeds: the build
# succeeds (also under the sanitizers), both validators and qpdf pass,
# every link reaches something and no word of a source is lost; grouped by
# source the same notes validate too.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
for seed in 1 2 3; do
    mkdir -p "book$seed"
    python3 "$TOOLS/arrange_fixture.py" "book$seed" 7 "$seed"
    build_ok "b$seed.log" build "book$seed" -o "out$seed"
    pdf=$(ls out$seed/*.pdf) epub=$(ls out$seed/*.epub)
    check_pdf "$pdf"
    check_epub "$epub"
    wordcheck --manifest "book$seed/booklet.yaml" --filler-log "b$seed.log" --pdf "$pdf" --epub "$epub"
    grep -q "Sources" <(pdftotext "$pdf" -) || fail "seed $seed: no Sources chapter"
done
build_ok src.log build book1 -o by-source --group-by source
check_pdf "$(ls by-source/*.pdf)"
check_epub "$(ls by-source/*.epub)"
note "arrange hostile ok"
