#!/usr/bin/env bash
# Same input, same bytes: with SOURCE_DATE_EPOCH, and without it too.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmp

cd "$OCTAVO_TMP"
same() { # same A B: out files of two builds are byte-identical
    local f
    for f in django.pdf django.epub; do
        [ -s "$1/$f" ] || fail "$1/$f missing"
        cmp "$1/$f" "$2/$f" || fail "$1/$f and $2/$f differ ($3)"
    done
    note "$3: identical"
}

SOURCE_DATE_EPOCH=1700000000 build_ok a.log build "$OCTAVO_SRC/content" -o A
sleep 1 # a clock-derived timestamp would now differ
SOURCE_DATE_EPOCH=1700000000 build_ok b.log build "$OCTAVO_SRC/content" -o B
same A B "SOURCE_DATE_EPOCH=1700000000"

(
    unset SOURCE_DATE_EPOCH
    build_ok c.log build "$OCTAVO_SRC/content" -o C
    sleep 1
    build_ok d.log build "$OCTAVO_SRC/content" -o D
)
same C D "no SOURCE_DATE_EPOCH"

# The build may not depend on the directory it runs in either.
mkdir -p elsewhere
(cd elsewhere && SOURCE_DATE_EPOCH=1700000000 build_ok ../e.log build "$OCTAVO_SRC/content" -o ../E)
same A E "another working directory"
