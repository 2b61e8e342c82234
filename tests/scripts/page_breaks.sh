#!/usr/bin/env bash
# Page breaking, read back from the PDF with `pdftotext -bbox-layout`
# (tests/tools/pagecheck.py, issue 11): every word inside its page's text
# block (two-sided margins of layouts/a4.yaml; only running heads, folios
# and question marks outside it), no page ending with a heading or with a
# question's prompt alone, no paragraph leaving one line at the foot of a
# page or carrying one to the next (three with `breaks: orphans/widows: 3`),
# running heads naming the question a page goes on with, and (from a
# greyscale render) full pages ending at the foot of the text block with
# both pages of a spread level, which `flush-bottom: false` turns off. On
# the Django booklet and on long generated paragraphs that must run over
# page breaks.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext pdfinfo python3

cd "$OCTAVO_TMP"
A4=(210 297 22 30 25 45) # page width, height; margins top, bottom, inner, outer (mm)
build_ok django.log build "$OCTAVO_SRC/content" -o django
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" django/django.pdf "${A4[@]}" | tee django.out ||
    fail "Django booklet: page breaking problems (above)"
# the same notes on A5 (layouts/a5.yaml): a narrow measure, other breaks
build_ok a5.log build "$OCTAVO_SRC/content" -o a5 --layout a5
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" a5/django.pdf 148 210 15 20 18 22 | tee a5.out ||
    fail "Django booklet on A5: page breaking problems (above)"
# figures of the summary line: named heads, flush pages, level spreads
figures() {
    sed -n 's/.* \([0-9]*\) running heads name.* \([0-9]*\) of \([0-9]*\) full pages flush.* \([0-9]*\) of \([0-9]*\) spreads level.*/\1 \2 \3 \4 \5/p' "$1"
}
read -r named flush full level spreads < <(figures django.out)
[ "$named" -ge 5 ] || fail "only $named running heads name a question that goes on"
[ $((flush * 10)) -ge $((full * 8)) ] || fail "only $flush of $full full pages end at the foot"
[ $((level * 10)) -ge $((spreads * 7)) ] || fail "only $level of $spreads spreads end level"
# flush-bottom: false leaves pages where they end (so the figures above
# come from the stretching, not from luck)
printf 'breaks:\n  flush-bottom: false\n' >ragged-bottom.yaml
build_ok rb.log build "$OCTAVO_SRC/content" -o rb --layout "$PWD/ragged-bottom.yaml"
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" rb/django.pdf "${A4[@]}" >rb.out ||
    fail "flush-bottom: false: page breaking problems"
read -r _ rflush rfull _ _ < <(figures rb.out)
[ $((rflush * 2)) -lt "$rfull" ] || fail "flush-bottom: false still ends $rflush of $rfull pages at the foot"

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
# `breaks: orphans: 3, widows: 3`: a paragraph of 40 to 63 lines opening
# each chapter, so that each overflows its first page by a different
# number of lines, then, after a thematic break, one of some 20 (the break is not the
# chapter's end, where a line or two left over is not wanted anyway): the default
# carries exactly 2 to the next page somewhere, the layout at least 3
# everywhere.
mkdir tall
python3 - <<'PY'
import random
random.seed(5)
words = ("sediment settles slowly in the still water of the basin and every grain "
         "records the colour of the season that carried it down from the ice").split()
def para(n, rng=random):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."
more = random.Random(6)  # its own: the first paragraphs stay what they were
for ch in range(12):  # a file is a chapter: it opens a page
    open(f"tall/basin{ch:02}.md", "w").write(
        f"# Basin {ch + 1}\n\n{para(500 + 25 * ch)}\n\n---\n\n{para(300, more)}\n")
PY
build_ok tall.log build tall -o tall2 --lang en
printf 'breaks:\n  orphans: 3\n  widows: 3\n' >three.yaml
build_ok three.log build tall -o tall3 --lang en --layout "$PWD/three.yaml"
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" tall3/tall.pdf "${A4[@]}" 3 | tee three.out ||
    fail "orphans/widows 3: a paragraph keeps fewer than 3 lines at a break"
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" tall2/tall.pdf "${A4[@]}" 2 >/dev/null ||
    fail "tall paragraphs: page breaking problems"
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" tall2/tall.pdf "${A4[@]}" 3 >/dev/null 2>&1 &&
    fail "the default (2) never kept exactly 2 lines at a break: the 3-line check saw nothing"
# A chapter never ends on a page holding a line or two (pagecheck "ends"):
# one paragraph a chapter, of 40 to 63 lines, overflows its first page by
# every number of lines; where two or fewer would go over, more go (the
# page before breaks earlier) or none (its gaps shrink to take them back).
mkdir ends
python3 - <<'PY'
import random
random.seed(5)
words = ("sediment settles slowly in the still water of the basin and every grain "
         "records the colour of the season that carried it down from the ice").split()
for ch in range(12):
    s = " ".join(random.choice(words) for _ in range(500 + 25 * ch))
    open(f"ends/basin{ch:02}.md", "w").write(f"# Basin {ch + 1}\n\n{s[0].upper() + s[1:]}.\n")
PY
build_ok ends.log build ends -o ends-out --lang en
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" ends-out/ends.pdf "${A4[@]}" | tee ends.out ||
    fail "a chapter ends on a page holding a line or two (above)"
# an item's own line never ends a page without its sub-items: forty
# paragraphs with numbered stages of two to five details each meet page
# feet somewhere (before the fix, two of the pages ended on a stage)
mkdir leads
python3 - <<'PY'
import random
random.seed(11)
words = ("the valve opens when the pressure rises past the set point and closes "
         "again once the line has drained").split()
out = ["# Valves", ""]
for k in range(40):
    s = " ".join(random.choice(words) for _ in range(30 + k % 23))
    out += [f"{s.capitalize()}.", ""]
    for j in range(3):
        out += [f"{j + 1}. Stage {j + 1} of step {k + 1}", ""]
        out += [f"   - detail {i + 1} of stage {j + 1}" for i in range(2 + (k + j) % 4)] + [""]
open("leads/valves.md", "w").write("\n".join(out))
PY
build_ok leads.log build leads -o leads --lang en
python3 "$OCTAVO_SRC/tests/tools/pagecheck.py" leads/leads.pdf "${A4[@]}" >/dev/null ||
    fail "stages and details: page breaking problems"
pages=$(pdfinfo leads/leads.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
for ((pg = 1; pg < ${pages:-0}; pg++)); do
    last=$(pdftotext -f "$pg" -l "$pg" leads/leads.pdf - | { grep -v '^[[:space:]]*[0-9ivx]*[[:space:]]*$' || true; } | tail -1)
    case $last in *"Stage "*" of step "*) fail "page $pg ends with an item's line, its details on the next: $last" ;; esac
done
split=$(sed -n 's/.* \([0-9]*\) paragraphs over a page break.*/\1/p' check.out)
[ "${split:-0}" -ge 4 ] || fail "only ${split:-0} paragraphs ran over a page break: the check saw too little"
note "page breaks: every word inside the text block, no heading or prompt alone at a page foot, $split split paragraphs keep two lines each side; Django: $named heads name a continuing question, $flush of $full full pages flush ($rflush with flush-bottom: false), $level of $spreads spreads level"
