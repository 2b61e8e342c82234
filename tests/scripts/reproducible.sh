#!/usr/bin/env bash
# Same input, same bytes: every output format (PDF, EPUB, JSON, Anki text
# and package) is byte-identical across runs, time zones (UTC, Asia/Tokyo,
# America/St_Johns), locales (C, C.UTF-8), working directories and a
# second of clock, with SOURCE_DATE_EPOCH and without it; and
# SOURCE_DATE_EPOCH is what the PDF and the EPUB carry as their date.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmp pdfinfo python3

cd "$OCTAVO_TMP"
# A time zone missing from the system would silently be UTC and prove nothing.
[ "$(TZ=Asia/Tokyo date +%z)" = +0900 ] || fail "no Asia/Tokyo zone data (tzdata)"
[ "$(TZ=America/St_Johns date -d @1700000000 +%z)" = -0330 ] || fail "no America/St_Johns zone data"
locale -a | has -i '^c\.utf-\?8$' || fail "no C.UTF-8 locale"

FORMATS=pdf,epub,json,anki,apkg
OUTS="django.pdf django.epub django.json django.anki.txt django.apkg"
# A second booklet whose file names sort differently by byte and by
# dictionary order, in several scripts.
mkdir -p names
printf '# Äpfel\n\nWas ist ein Apfel?\n\nEine Frucht.\n' >names/Äpfel.md
printf '# apple\n\nWhat is an apple?\n\nA fruit.\n' >names/apple.md
printf '# Zebra\n\nWhat is a zebra?\n\nA striped horse.\n' >names/Zebra.md
printf '# 東京\n\n東京とは何ですか？\n\n日本の首都です。\n' >names/東京.md
printf '# éclair\n\nQu’est-ce qu’un éclair ?\n\nUne pâtisserie.\n' >names/éclair.md

build() { # build DIR ENV...: both booklets with all formats into DIR
    local dir=$1
    shift
    env "$@" "$OCTAVO" build "$OCTAVO_SRC/content" -o "$dir" --format $FORMATS -q 2>>build.log ||
        fail "build into $dir ($*) failed: $(tail -n 5 build.log)"
    env "$@" "$OCTAVO" build "$OCTAVO_TMP/names" -o "$dir" --format $FORMATS --lang en -q 2>>build.log ||
        fail "build of names into $dir ($*) failed"
}
same() { # same A B WHAT: every output of two builds is byte-identical
    local f
    for f in $OUTS ${OUTS//django/names}; do
        [ -s "$1/$f" ] || fail "$1/$f missing"
        cmp "$1/$f" "$2/$f" || fail "$1/$f and $2/$f differ ($3)"
    done
    note "$3: identical ($(echo $OUTS | wc -w) formats, 2 booklets)"
}

E=SOURCE_DATE_EPOCH=1700000000
build A $E TZ=UTC LC_ALL=C
build B $E TZ=Asia/Tokyo LC_ALL=C.UTF-8
sleep 1 # a clock-derived timestamp would now differ
build C $E TZ=America/St_Johns LANG=C.UTF-8 LC_ALL=
same A B "SOURCE_DATE_EPOCH, TZ=UTC LC_ALL=C vs TZ=Asia/Tokyo LC_ALL=C.UTF-8"
same A C "SOURCE_DATE_EPOCH, a second later, TZ=America/St_Johns LANG=C.UTF-8"

(
    unset SOURCE_DATE_EPOCH
    build D TZ=UTC LC_ALL=C
    sleep 1
    build F TZ=Asia/Tokyo LC_ALL=C.UTF-8
)
same D F "no SOURCE_DATE_EPOCH, a second apart, TZ and locale changed"

# The build may not depend on the directory it runs in either.
mkdir -p elsewhere
(cd elsewhere && SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build "$OCTAVO_SRC/content" -o ../G \
    --format $FORMATS -q 2>>../build.log && SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build "$OCTAVO_TMP/names" \
    -o ../G --format $FORMATS --lang en -q 2>>../build.log) || fail "build from elsewhere failed"
same A G "another working directory"

# SOURCE_DATE_EPOCH is honoured: 1700000000 = 2023-11-14T22:13:20Z, in
# the PDF's ModDate, the EPUB's dcterms:modified and its zip entry times,
# whatever the time zone.
moddate=$(TZ=Asia/Tokyo pdfinfo -isodates B/django.pdf | sed -n 's/^ModDate: *//p')
[ "$moddate" = 2023-11-14T22:13:20Z ] || fail "PDF ModDate $moddate, expected 2023-11-14T22:13:20Z"
python3 - B/django.epub <<'PY' || fail "EPUB date is not SOURCE_DATE_EPOCH"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
opf = z.read('OEBPS/content.opf').decode()
m = re.search(r'<meta property="dcterms:modified">([^<]*)<', opf)
assert m and m.group(1) == '2023-11-14T22:13:20Z', m and m.group(1)
times = {i.date_time for i in z.infolist()}
assert times == {(2023, 11, 14, 22, 13, 20)}, times
PY
build H SOURCE_DATE_EPOCH=1800000000 TZ=Asia/Tokyo
moddate=$(pdfinfo -isodates H/django.pdf | sed -n 's/^ModDate: *//p')
[ "$moddate" = 2027-01-15T08:00:00Z ] || fail "PDF ModDate $moddate for 1800000000"
cmp -s A/django.epub H/django.epub && fail "another SOURCE_DATE_EPOCH, same EPUB"
cmp A/django.json H/django.json || fail "the question bank depends on the date"
note "SOURCE_DATE_EPOCH is the PDF's and the EPUB's date"

SOURCE_DATE_EPOCH=yesterday "$OCTAVO" build "$OCTAVO_SRC/content" -o I -q 2>bad.err ||
    fail "a bad SOURCE_DATE_EPOCH failed the build"
grep -q "SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds; ignored \[bad-source-date-epoch\]" \
    bad.err || fail "no [bad-source-date-epoch] warning"
note "a bad SOURCE_DATE_EPOCH: a warning, ignored"
