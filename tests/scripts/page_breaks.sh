#!/usr/bin/env bash
# Page breaking, read back from the PDF with `pdftotext -bbox-layout`
# (tests/tools/pagecheck.py, issue 11): every word inside its page's text
# block (two-sided margins of layouts/a4.yaml; only running heads, folios
# and question marks outside it), no page ending with a heading, and no
# paragraph leaving one line at the foot of a page or carrying one to the
# next. On the Django booklet and on long generated paragraphs that must
# run over page breaks.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext python3

cd "$OCTAVO_TMP"
A4=(210 297 22 30 25 45) # page width, height; margins top, bottom, inner, outer (mm)
build_ok django.log build "$OCTAVO_SRC/content" -o django
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" django/django.pdf "${A4[@]}" ||
    fail "Django booklet: page breaking problems (above)"

# Long paragraphs of varying length under numbered headings, so that
# paragraphs fall across page breaks in many positions.
mkdir notes
python3 - <<'PY'
import random
random.seed(11)
words = ("the glacier moves down the valley a few metres each year and grinds the rock "
         "beneath it into fine flour that rivers carry to the lakes where it settles in "
         "thin layers one for every summer so that a core drilled from the bed reads like "
         "a calendar of warm and cold years").split()
out = ["# Glaciers and lakes", ""]
for q in range(1, 41):
    out += [f"## What does layer {q} of the lake bed record?", ""]
    for _ in range(random.randint(1, 3)):
        s = " ".join(random.choice(words) for _ in range(random.randint(30, 190)))
        out += [s[0].upper() + s[1:] + ".", ""]
    # a code block of up to 8 lines: never split over a page break
    out += ["```python"] + [f"core_{q}_{k} = read_layer({q}, {k})"
                            for k in range(random.randint(3, 8))] + ["```", ""]
open("notes/glaciers.md", "w").write("\n".join(out))
PY
build_ok glaciers.log build notes -o out --lang en
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" out/notes.pdf "${A4[@]}" | tee check.out ||
    fail "long paragraphs: page breaking problems (above)"
python3 - out/notes.pdf <<'PY' || fail "a code block of up to 8 lines was split over a page break"
import re, subprocess, sys
pages = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout.split("\f")
where = {}
for n, page in enumerate(pages, 1):
    for q in re.findall(r"core_(\d+)_\d+ =", page):
        where.setdefault(q, set()).add(n)
split = {q: sorted(p) for q, p in where.items() if len(p) > 1}
print(f"code blocks: {len(where)} checked, split: {split or 'none'}")
sys.exit(1 if split or len(where) < 30 else 0)
PY
split=$(sed -n 's/.* \([0-9]*\) paragraphs over a page break.*/\1/p' check.out)
[ "${split:-0}" -ge 4 ] || fail "only ${split:-0} paragraphs ran over a page break: the check saw too little"
note "page breaks: every word inside the text block, no heading at a page foot, $split split paragraphs keep two lines each side"
