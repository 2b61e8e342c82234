#!/usr/bin/env bash
# Every layout in layouts/ is shown in the README by a picture of a page
# (doc/layouts/NAME.png) that this test renders again from
# tests/data/layouts/sample.md (tests/tools/layout_pictures.sh) and
# compares byte for byte: a picture that no longer matches what octavo
# prints fails here, with the command that updates it.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftoppm pdfinfo pdftotext

"$OCTAVO_SRC/tests/tools/layout_pictures.sh" "$OCTAVO" "$OCTAVO_TMP/pictures"
for yaml in "$OCTAVO_SRC"/layouts/*.yaml; do
    name=$(basename "$yaml" .yaml)
    want="$OCTAVO_SRC/doc/layouts/$name.png"
    [ -f "$want" ] || fail "layout $name has no picture doc/layouts/$name.png"
    cmp -s "$want" "$OCTAVO_TMP/pictures/$name.png" ||
        fail "doc/layouts/$name.png is not what octavo prints now; update: tests/tools/layout_pictures.sh build/octavo doc/layouts"
    grep -qF "doc/layouts/$name.png" "$OCTAVO_SRC/README.md" || fail "the README does not show doc/layouts/$name.png"
done
note "layout pictures: $(ls "$OCTAVO_TMP/pictures" | wc -l) layouts rendered, each as in the README"
