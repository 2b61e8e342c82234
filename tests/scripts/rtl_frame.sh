#!/usr/bin/env bash
# Right-to-left blocks in the PDF keep their furniture on the side their
# lines start (pdf/direction.c): an Arabic list's bullets and numbers, a
# question's number, a Hebrew table's first column stand on the right of
# the text they belong to; an English list beside them keeps its bullets
# on the left. Positions come from pdftotext -bbox (words and their boxes).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cat >notes/chem.md <<'EOF2'
# الأحماض

## ما هو الحمض؟

مادة تطلق أيونات الهيدروجين في الماء.

- الخل
- الليمون

1. أولا
2. ثانيا

> ملاحظة قصيرة عن الماء.

| עמודה | שנייה |
|---|---|
| ראשון | אחרון |

English list:

- apple
- pear
EOF2
build_ok build.log build notes/chem.md -o out --format pdf --lang ar
check_pdf out/chem.pdf
pdftotext -bbox out/chem.pdf bbox.html
python3 - bbox.html <<'PY' || fail "furniture on the wrong side (see above)"
import re, sys
words = [(float(a), float(b), float(c), t) for a, b, c, t in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
    open(sys.argv[1], encoding="utf-8").read())]

def find(text):
    # -bbox gives right-to-left words in drawing order: letters reversed
    hits = [w for w in words if w[3] in (text, text[::-1])]
    assert hits, f"{text!r} not in the text layer"
    return hits[0]

def same_line(a, b):
    return abs(a[1] - b[1]) < 4

bad = []
def right_of(mark, word):
    m, w = find(mark), find(word)
    if not same_line(m, w) or m[0] < w[2]:
        bad.append(f"{mark!r} (x {m[0]:.1f}) should stand right of {word!r} (ends at {w[2]:.1f})")

def left_of(mark, word):
    m, w = find(mark), find(word)
    if not same_line(m, w) or m[2] > w[0]:
        bad.append(f"{mark!r} (ends at {m[2]:.1f}) should stand left of {word!r} (x {w[0]:.1f})")

bullets = [w for w in words if w[3] == "\u2022"]
item = find("الخل")
if not any(same_line(b, item) and b[0] > item[2] for b in bullets):
    bad.append("no bullet right of the Arabic item")
right_of(".1", "أولا")
right_of("Q", "الحمض؟")
right_of("עמודה", "שנייה")  # the first column is the rightmost
apple = find("apple")
if not any(same_line(b, apple) and b[2] < apple[0] for b in bullets):
    bad.append("no bullet left of the English item")
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
note "ok"
