#!/usr/bin/env bash
# The README's picture of each layout in layouts/ (doc/layouts/NAME.png):
# tests/data/layouts/sample.md built with that layout, the page where the
# sample's chapter opens (an imposed layout: its first sheet side),
# rendered by pdftoppm at 30 dpi.
#
#   tests/tools/layout_pictures.sh OCTAVO OUTDIR
#
# tests/scripts/layout_pictures.sh renders them again and compares with
# the committed files; after a change to typesetting, run this with
# OUTDIR=doc/layouts to update them.
set -euo pipefail
octavo=$1
out=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for yaml in "$src"/layouts/*.yaml; do
    name=$(basename "$yaml" .yaml)
    SOURCE_DATE_EPOCH=1700000000 "$octavo" build "$src/tests/data/layouts/sample.md" \
        -o "$work/$name" --lang en --layout "$name" >/dev/null 2>"$work/$name.log" || {
        cat "$work/$name.log" >&2
        echo "layout_pictures: $name: build failed" >&2
        exit 1
    }
    pdf="$work/$name/sample.pdf"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    page=1
    for i in $(seq 1 "$pages"); do
        # (the page's text read whole: grep -q would stop reading, and
        # pdftotext die of SIGPIPE under pipefail)
        text=$(pdftotext -f "$i" -l "$i" "$pdf" -)
        if grep -q 'Why does a starter need feeding' <<<"$text"; then
            page=$i
            break
        fi
    done
    pdftoppm -png -r 30 -f "$page" -l "$page" -singlefile "$pdf" "$out/$name"
done
