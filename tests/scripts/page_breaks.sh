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
    if q == 20:  # one block too long for a page: it splits, marked "continued"
        out += ["```python"] + [f"long_{k} = sample_depth({k})" for k in range(70)] + ["```", ""]
open("notes/glaciers.md", "w").write("\n".join(out))
PY
build_ok glaciers.log build notes -o out --lang en
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" out/notes.pdf "${A4[@]}" | tee check.out ||
    fail "long paragraphs: page breaking problems (above)"
python3 - out/notes.pdf <<'PY' || fail "a code block of up to 8 lines was split, or a long one not marked continued"
import re, subprocess, sys
pages = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout.split("\f")
where = {}
for n, page in enumerate(pages, 1):
    for q in re.findall(r"core_(\d+)_\d+ =", page):
        where.setdefault(q, set()).add(n)
split = {q: sorted(p) for q, p in where.items() if len(p) > 1}
# the long block: its next page opens with "python (continued)" (the
# running head above it), and no other page says so
cont = [n for n, page in enumerate(pages, 1) if "python (continued)" in page]
first = [n for n, page in enumerate(pages, 1) if "long_0 =" in page]
heads = [[l for l in page.split("\n") if l.strip()][:3] for n, page in enumerate(pages, 1) if n in cont]
print(f"long block from page {first}, marked continued on pages {cont}: {heads}")
if len(cont) != 1 or not first or cont[0] != first[0] + 1 or \
        "python (continued)" not in " ".join(heads[0]):
    sys.exit(1)
print(f"code blocks: {len(where)} checked, split: {split or 'none'}")
sys.exit(1 if split or len(where) < 30 else 0)
PY
# `justify: false`: the same notes ragged right, still inside the block.
printf 'justify: false\n' > ragged.yaml
build_ok ragged.log build notes -o ragged --lang en --layout "$PWD/ragged.yaml"
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" ragged/notes.pdf "${A4[@]}" >/dev/null ||
    fail "ragged right: page breaking problems"
python3 - out/notes.pdf ragged/notes.pdf <<'PY' || fail "justify: false did not set the text ragged right"
import re, subprocess, sys
def flush(pdf):  # the share of long lines of page 7 that end at the right edge
    x = subprocess.run(["pdftotext", "-bbox-layout", "-f", "7", "-l", "7", pdf, "-"],
                       capture_output=True, text=True).stdout
    ends = [float(m) for m in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', x)]
    edge = max(ends)
    long = [e for e in ends if e > edge * 0.7]
    return sum(1 for e in long if e >= edge - 1.0) / len(long)
j, r = flush(sys.argv[1]), flush(sys.argv[2])
print(f"long lines ending at the right edge: {j:.0%} justified, {r:.0%} ragged")
sys.exit(0 if j > 0.6 and r < 0.4 else 1)
PY
split=$(sed -n 's/.* \([0-9]*\) paragraphs over a page break.*/\1/p' check.out)
[ "${split:-0}" -ge 4 ] || fail "only ${split:-0} paragraphs ran over a page break: the check saw too little"
note "page breaks: every word inside the text block, no heading at a page foot, $split split paragraphs keep two lines each side"
