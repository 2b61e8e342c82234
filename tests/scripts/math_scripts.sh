#!/usr/bin/env bash
# A subscript and a superscript on one symbol ($x_i^2$, $H_2^+$) stand one
# above the other, as TeX sets them: in the PDF both start where the symbol
# ends and what follows starts after the wider; in the EPUB they are one
# span.scripts (css.c stacks it). A root's index is the root's: $\sqrt[3]{x}$
# is ∛x, not √[3]x. Read back with pdftotext -bbox.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext python3 unzip

cd "$OCTAVO_TMP"
mkdir notes
cat >notes/math.md <<'MD'
# Math

Index $x_i^2 + y^2_j$ and the ion $H_2^+$ and $a_{12}^{3}$ end.

Root $\sqrt[3]{x}$ and $\sqrt[n]{a+b}$ and $\sqrt{2}$.
MD
build_ok math.log build notes -o out --lang en
check_pdf out/notes.pdf
check_epub out/notes.epub
pdftotext -bbox out/notes.pdf bbox.html
python3 - bbox.html <<'PY' || fail "scripts on one symbol are not stacked in the PDF (see above)"
import re, sys
words = [(float(a), float(b), float(c), t) for a, b, c, t in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
    open(sys.argv[1], encoding="utf-8").read())]
def near(text, x, y, first=False):
    """The word `text` starting within 20 pt right of x, on the line at y."""
    hits = [w for w in words if w[3] == text and x - 1 <= w[0] <= x + 20 and abs(w[1] - y) < 10]
    assert hits, f"{text!r} not found after x={x:.1f}"
    return hits[0]
bad = []
line = next(w for w in words if w[3] == "Index")
for base, sup, sub, nxt in [("x", "2", "i", "+"), ("H", "+", "2", "and"), ("a", "3", "12", "end.")]:
    b = next(w for w in words if w[3] == base and abs(w[1] - line[1]) < 3)
    p, s = near(sup, b[2], b[1]), near(sub, b[2], b[1])
    if abs(p[0] - s[0]) > 0.5 or abs(p[0] - b[2]) > 0.5:
        bad.append(f"{base}: superscript at {p[0]:.1f}, subscript at {s[0]:.1f}, symbol ends at {b[2]:.1f}")
    n = near(nxt, max(p[2], s[2]) - 5, b[1])
    if n[0] < max(p[2], s[2]) - 0.1:
        bad.append(f"{base}: {nxt!r} at {n[0]:.1f} runs into the scripts (end {max(p[2], s[2]):.1f})")
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
pdftotext out/notes.pdf - | flat_text >text.txt
grep -q "Root ∛x and" text.txt || fail "\\sqrt[3]{x} is not ∛x"
! grep -q "√\[" text.txt || fail "a root's index is set as text"
unzip -p out/notes.epub OEBPS/ch-math.xhtml >ch.xhtml
grep -q 'x<span class="scripts"><sup>2</sup><sub>i</sub></span>' ch.xhtml ||
    fail "EPUB: x_i^2 is not one stacked span"
grep -q 'H<span class="scripts"><sup>+</sup><sub>2</sub></span>' ch.xhtml ||
    fail "EPUB: H_2^+ is not one stacked span"
unzip -p out/notes.epub OEBPS/style.css | has '^\.scripts ' || fail "EPUB: no style stacks them"
note "ok"
