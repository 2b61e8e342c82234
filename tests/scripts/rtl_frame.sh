#!/usr/bin/env bash
# Right-to-left blocks in the PDF keep their furniture on the side their
# lines start (pdf/direction.c): an Arabic list's bullets and numbers, a
# question's number, a Hebrew table's first column stand on the right of
# the text they belong to; an English list beside them keeps its bullets
# on the left, and a code block with an Arabic comment reads left to right.
# So do the booklet's own pages: "Most asked" and "To
# research" numbers (".3", the period towards the prompt), and on
# flashcards a note's number; the first card of a sheet stands top right.
# Positions come from pdftotext -bbox (words and their boxes).
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

```python
# تعليق قصير
for acid in acids:
    print(acid)
```
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
# code reads left to right though its first comment is Arabic: the loop's
# words in order, its body indented from the left
left_of("for", "acid")
loop, body = find("for"), find("print(acid)")
if body[0] <= loop[0] + 5:
    bad.append(f"the loop's body (x {body[0]:.1f}) is not indented from 'for' (x {loop[0]:.1f})")
apple = find("apple")
if not any(same_line(b, apple) and b[2] < apple[0] for b in bullets):
    bad.append("no bullet left of the English item")
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# An arranged Arabic booklet of two sources: "Most asked" and "To research"
mkdir ar
cat >ar/lecture.md <<'EOF2'
# المحاضرة

## 1. ما هو الحمض؟

مادة تطلق أيونات الهيدروجين في الماء.[^1]

[^1]: تعريف أرهينيوس.

## 2. ما هي القاعدة؟

مادة تطلق أيونات الهيدروكسيد في الماء.

## 3. كيف نقيس درجة الحموضة؟
EOF2
cat >ar/review.md <<'EOF2'
# المراجعة

## 1. ما هو الحمض؟

مادة حامضة الطعم.

## 2. ما هي القاعدة؟

مادة مرة الطعم.
EOF2
cat >ar/booklet.yaml <<'EOF2'
title: الكيمياء
language: ar
sources:
  - file: lecture.md
    title: المحاضرة
  - file: review.md
    title: المراجعة
topics:
  - name: الأحماض
    keywords: [الحمض, القاعدة]
EOF2
build_ok ar.log build ar -o ar-out
check_pdf ar-out/ar.pdf
build_ok cards.log build ar -o cards-out --mode flashcards
check_pdf cards-out/ar.pdf
cat >sides.py <<'PY'
import re, subprocess, sys
def words(pdf, page):
    x = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                       capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), t) for a, b, c, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', x)]
def page_of(pdf, text, last=False):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True,
                                                       text=True).stdout).group(1))
    for i in (range(n, 0, -1) if last else range(1, n + 1)):
        if any(w[3] in (text, text[::-1]) for w in words(pdf, i)):
            return i
    raise SystemExit(f"{text!r} on no page of {pdf}")
def find(ws, text, near=None):
    hits = [w for w in ws if w[3] in (text, text[::-1])]
    if near:
        hits = [w for w in hits if abs(w[1] - near[1]) < 4]
    assert hits, f"{text!r} not in the text layer" + (" on its line" if near else "")
    return hits[0]
PY
python3 - ar-out/ar.pdf cards-out/ar.pdf <<'PY' || fail "booklet furniture on the wrong side (see above)"
import re, sys
sys.path.insert(0, ".")
from sides import words, page_of, find
book, cards = sys.argv[1], sys.argv[2]
bad = []
def right_of(ws, mark, word, what):
    """mark: a number, or "." and the number as a pattern (".N")."""
    w = find(ws, word)
    if mark == ".N":
        ms = [x for x in ws if re.fullmatch(r"\.\d+", x[3]) and abs(x[1] - w[1]) < 4]
        assert ms, f"{what}: no number .N on the line of {word!r}"
        m = ms[0]
    else:
        m = find(ws, mark, near=w)
    if m[0] < w[2]:
        bad.append(f"{what}: {mark!r} (x {m[0]:.1f}) should stand right of {word!r} (ends at {w[2]:.1f})")
# "Most asked": the cluster's number right of its prompt, ".1"
ws = words(book, page_of(book, "طرحً"))
right_of(ws, ".1", "الحمض؟", "Most asked")
# "To research": its booklet number right of the prompt
ws = words(book, page_of(book, "نقيس", last=True))  # the back, not the question
right_of(ws, ".N", "كيف", "To research")
# flashcards: the note's number right of the note; card 1 top right
ws = words(cards, page_of(cards, "أرهينيوس."))
right_of(ws, "1", "تعريف", "card note")
ws = words(cards, page_of(cards, "الحمض؟"))
acid, base = find(ws, "الحمض؟"), find(ws, "القاعدة؟")
if not (abs(acid[1] - base[1]) < 4 and acid[0] > base[2]):
    bad.append(f"card 1 ({acid[0]:.1f}) should stand right of card 2 ({base[2]:.1f})")
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
note "ok"
