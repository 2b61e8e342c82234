#!/usr/bin/env bash
# Flashcards under the sanitizers (also run plain): every card path once --
# a face set smaller, answers continued over two and three cards, code,
# a table, lists, a picture, unanswered cards, a German 3 x 3 grid and fixed
# cards on Letter -- each PDF registered (tests/tools/cardcheck.py) and
# qpdf-clean, each EPUB with its card pop-ups. Fast: small fixtures only.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdftotext python3

cd "$OCTAVO_TMP"
DATA=$OCTAVO_SRC/tests/data/flashcards
run() { # run NAME SRC ARGS...
    local name=$1 src=$2
    shift 2
    build_ok "$name.log" build "$DATA/$src" -o "$name" --mode flashcards -q "$@"
    qpdf --check "$name/$src.pdf" >/dev/null || fail "$name: qpdf --check"
    python3 "$TOOLS/cardcheck.py" "$name/$src.pdf" || fail "$name: registration"
    grep -q 'epub:type="noteref"' <(unzip -p "$name/$src.epub" '*.xhtml') ||
        fail "$name: no card pop-ups in the EPUB"
}
run network network
run code code --layout "$DATA/letter2x4.yaml"
run biologie biologie --layout "$DATA/grid3x3.yaml"
run histoire histoire
note "flashcards ok under $(basename "$OCTAVO")"
