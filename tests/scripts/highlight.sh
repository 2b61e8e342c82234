#!/usr/bin/env bash
# Highlighted code (issue 11, part 3): a note with fenced code in nine
# languages builds and the code still reads back as text. The greyscale
# check is by pixels (tests/tools/greycheck.py): the code pages are rendered
# with pdftoppm -gray at 300 dpi, known tokens are found with pdftotext
# -bbox-layout, and the darkest 3% of each token's box gives its printed
# grey. Keywords, strings, comments and numbers must give at least three
# greys pairwise >= 20/255 apart, body text near black, and the two blocks
# without a language (unknown language, none) one grey, that of plain code.
# The same check run on a copy of the PDF whose text fills are flattened to
# one grey must fail. The EPUB wraps tokens in hl-* spans that its CSS
# styles (both epubchecks run on the same fixture in other_notes.sh).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext pdftoppm python3 unzip

cd "$OCTAVO_TMP"
mkdir notes
cp "$OCTAVO_SRC/tests/data/highlight/polyglot.md" notes/
cat >notes/unknown.md <<'EOF2'
# Plain code

## Which spell opens the gate?

```klingon
nuqneH "ghobe'" 42 # not a comment here
```

```
SELECT nothing FROM here -- no language, no colour
```
EOF2
build_ok build.log build notes -o out --lang en
check_pdf out/notes.pdf
# The printed greys, measured in pixels of a 300 dpi greyscale render
python3 "$TOOLS/greycheck.py" out/notes.pdf >grey.log 2>&1 || {
    cat grey.log
    fail "highlighted code does not separate in greyscale (see above)"
}
sed 's/^/  /' grey.log
# ... and the same check must fail once every text fill is one grey
if python3 "$TOOLS/greycheck.py" --flatten out/notes.pdf >flat.log 2>&1; then
    cat flat.log
    fail "greycheck passes a PDF whose code is monochrome"
fi
grep -q 'highlighted classes stay 20/255 apart' flat.log || {
    cat flat.log
    fail "greycheck failed the monochrome PDF for another reason"
}

pdftotext out/notes.pdf text.txt
grep -q 'def high_waters(path, limit=2.5):' text.txt || fail "Python code does not read back"
grep -q 'nuqneH "ghobe' text.txt || fail "unknown-language code lost"

unzip -o -q out/notes.epub -d epub
css=$(find epub -name '*.css' | head -n 1)
for cls in keyword string comment number; do
    grep -q "\.hl-$cls" "$css" || fail "CSS has no rule for hl-$cls"
done
find epub -name '*.xhtml' -exec cat {} + >all.xhtml
all=$(cat all.xhtml)
for cls in keyword string comment number tag variable; do
    n=$(grep -o "class=\"hl-$cls\"" <<<"$all" | wc -l)
    [ "$n" -gt 0 ] || fail "no hl-$cls span in the EPUB"
done
grep -q '<span class="hl-keyword">def</span>' <<<"$all" || fail "def is not a keyword span"
grep -q '<span class="hl-comment">-- summer timetable</span>' <<<"$all" ||
    fail "the SQL comment is not a comment span"
python3 - all.xhtml <<'PY' || fail "unknown-language or bare code got spans"
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
for needle in ("nuqneH", "SELECT nothing"):
    i = t.find(needle)
    if i < 0:
        sys.exit(f"{needle} missing from the EPUB")
    block = t[t.rfind("<pre", 0, i):t.find("</pre>", i)]
    if "hl-" in block:
        sys.exit(f"spans in the plain block of {needle}")
PY
note "ok"
