#!/usr/bin/env bash
# Justified lines widen word spaces, never the spaces inside inline code
# (pdf_stretchable_space): a command's columns stay as typed. On a full
# justified line the gap between two words of a code span is exactly its
# spaces' monospace width (two spaces, twice one), whatever the prose does.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cat >notes/queue.md <<'EOF2'
# Queue

## How do I drain the queue safely before a deploy?

Run `fastqueue drain --stale  --older-than=15m  --queue=emails` on every worker, then wait for the counter to reach zero before the deploy starts; the workers keep their leases until then, and a second run does nothing.
EOF2
build_ok build.log build notes/queue.md -o out --format pdf --lang en
check_pdf out/queue.pdf
pdftotext -bbox out/queue.pdf bbox.html
python3 - bbox.html <<'PY' || fail "spaces inside inline code were stretched (see above)"
import re, sys
# (xMin, vertical middle, xMax, text): code and prose words of one line
# have boxes of different heights around one baseline
words = [(float(a), (float(b) + float(d)) / 2, float(c), t) for a, b, c, d, t in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
    open(sys.argv[1], encoding="utf-8").read())]
stale = [w for w in words if w[3] == "--stale"]
assert stale, "--stale not in the text layer"
line = sorted((w for w in words if abs(w[1] - stale[0][1]) < 3), key=lambda w: w[0])
def at(text):
    hits = [w for w in line if w[3] == text]
    assert hits, f"{text!r} not on the code's line: {[w[3] for w in line]}"
    return hits[0]
one = at("drain")[0] - at("fastqueue")[2]  # one monospace space
two = at("--older-than=15m")[0] - at("--stale")[2]
assert abs(two - 2 * one) < 0.3, f"two code spaces are {two:.2f} pt, one is {one:.2f} pt"
prose = at("on")[0] - at("--queue=emails")[2]
print(f"code spaces: one {one:.2f} pt, two {two:.2f} pt; the word space after them {prose:.2f} pt")
PY
note "ok"
