#!/usr/bin/env bash
# The PDF's own font pipeline (README "Fonts in the PDF") on our fixtures
# (tests/data/shaping/): HarfBuzz ligatures map back to their letters in the
# text layer; kerned pairs carry adjustments; code has no ligatures; marks
# and characters above U+FFFF are drawn; right-to-left words are reordered
# and right-to-left paragraphs set from the right margin; every embedded
# font is a small subset without layout tables. Validators and the word
# check pass.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cp "$OCTAVO_SRC"/tests/data/shaping/*.md notes/
build_ok build.log build notes -o out --lang en
check_pdf out/notes.pdf
check_epub out/notes.epub
wordcheck --filler-log build.log --pdf out/notes.pdf --epub out/notes.epub notes/typography.md
grep -q 'pdf-missing-glyph' build.log && fail "characters left out: $(grep pdf-missing-glyph build.log)"
qpdf --qdf --object-streams=disable out/notes.pdf plain.pdf

python3 - out/notes.pdf plain.pdf "$TOOLS" <<'PY' || fail "shaping checks failed (see above)"
import re, subprocess, sys
pdf, plain = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
from pdfops import operations, page_contents
data = open(plain, "rb").read().decode("latin-1")
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout

# 1. Ligatures: some glyph's ToUnicode is two or more letters (fi, ffi, fl),
#    and the words come back whole from the text layer.
multi = re.findall(r"<([0-9A-F]{4})> <((?:[0-9A-F]{4}){2,})>", data)
ligs = {bytes.fromhex(u).decode("utf-16-be") for _, u in multi}
assert ligs & {"fi", "ffi", "fl", "ff", "ffl"}, f"no ligature glyph in any ToUnicode map: {ligs}"
for word in ["Efficient", "office", "affidavits", "official", "flow", "traffic", "difficult", "reshuffle"]:
    assert word in text, f"{word!r} missing from the text layer"

# 2. Kerning: TJ arrays carry adjustments (a number between two glyph strings).
def kerned_array(a):
    return any(isinstance(a[k], float) and isinstance(a[k - 1], bytes) and isinstance(a[k + 1], bytes)
               for k in range(1, len(a) - 1))
kerned = [args for s in page_contents(data)
          for op, args in operations(s) if op == "TJ" and args and kerned_array(args[-1])]
assert len(kerned) >= 3, f"only {len(kerned)} kerned runs"

# 3. Code keeps its characters: no multi-letter ToUnicode entry is made of
#    the symbols of an arrow or an operator.
for _, u in multi:
    s = bytes.fromhex(u).decode("utf-16-be")
    assert not re.fullmatch(r"[-<>=!]+", s), f"a code ligature {s!r} was drawn"
for s in ["a -> b != c === d <= e", "value >= limit", "items[-1] -> None"]:
    assert s in text, f"code {s!r} not in the text layer"

# 4. Above U+FFFF and stacked marks.
for s in ["𝔸", "😀", "q̣̇"]:
    assert s in text, f"{s!r} not drawn"

# 5. Every font is a subset: no font file over 120 KB (the whole files are
#    300-900 KB).
for m in re.finditer(r"/Length1 (\d+)", data):
    assert int(m.group(1)) < 120_000, f"an embedded font of {m.group(1)} bytes"

# 6. ...without layout tables: the glyphs are drawn shaped, so GSUB, GPOS
#    and GDEF would only add bytes (fontobj.c).
fonts = 0
for m in re.finditer(r"/Length1 \d+[^>]*>>\s*stream\r?\n", data):
    head = data[m.end():m.end() + 12 + 16 * 64].encode("latin-1")
    n = int.from_bytes(head[4:6], "big")
    tags = {head[12 + 16 * i:16 + 16 * i].decode("latin-1") for i in range(n)}
    assert "glyf" in tags, f"a font program without glyf: {sorted(tags)}"
    assert not tags & {"GSUB", "GPOS", "GDEF"}, f"layout tables embedded: {sorted(tags)}"
    fonts += 1
assert fonts >= 3, f"only {fonts} font programs found"
print(f"shaping: ligatures {sorted(ligs)}, {len(kerned)} kerned runs, {fonts} fonts subset")
PY

# Right to left: the words of a right-to-left phrase run from the right, and
# a right-to-left paragraph ends at the right margin like the others.
pdftotext -bbox out/notes.pdf words.html
python3 - words.html <<'PY' || fail "right-to-left checks failed (see above)"
import re, sys
pages = open(sys.argv[1]).read().split("<page ")[1:]
def words(page):
    return [(float(a), float(c), w) for a, c, w in
            re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', page)]
# -bbox lists a right-to-left word's letters as drawn, left to right
def find(w):
    for k, page in enumerate(pages):
        for x, r, t in words(page):
            if t.strip(".,()") in (w, w[::-1]):
                return k, x, r
    raise AssertionError(f"{w!r} not found")
# "كتاب جديد": the first word (logically) is set to the right of the second.
assert find("كتاب")[1] > find("جديد")[1], "Arabic words in left-to-right order"
# A right-to-left paragraph starts at the right edge of the text column: as
# far right as anything on its page (the folio of a right-hand page too).
for first in ["هذه", "זוהי"]:
    k, x, r = find(first)
    right = max(rr for _, rr, _ in words(pages[k]))
    assert right - r < 2, f"{first!r} ends at {r}, the column at {right}"
print("shaping: right-to-left words ordered, paragraphs set from the right")
PY
# The EPUB declares what the letters say: an Arabic paragraph runs right to
# left in script Arab, a Hebrew one in Hebrew; English ones carry nothing.
python3 - out/notes.epub <<'PY' || fail "EPUB language and direction wrong (see above)"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
doc = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
def attrs(word):
    m = re.search(r'<p([^>]*)>[^<]*' + word, doc)
    assert m, f"no paragraph with {word!r}"
    return m.group(1)
assert 'xml:lang="und-Arab"' in attrs("هذه") and 'dir="rtl"' in attrs("هذه"), attrs("هذه")
assert 'xml:lang="he"' in attrs("זוהי") and 'dir="rtl"' in attrs("זוהי"), attrs("זוהי")
assert "lang" not in attrs("The word for library") and "dir" not in attrs("The word for library")
print("shaping: EPUB paragraphs carry xml:lang and dir from their letters")
PY
note "ok"
