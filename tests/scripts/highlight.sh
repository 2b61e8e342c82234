#!/usr/bin/env bash
# Highlighted code (issue 11, part 3): a note with fenced code in nine
# languages builds; in the PDF, text drawn in JetBrains Mono takes at least
# three fill colours (rg) whose greys (Rec. 601, what a greyscale print
# makes of them, computed from the colours the PDF sets) stay at least
# 20/255 apart, and the
# code still reads back as text; a block in an unknown language stays
# plain. The EPUB wraps tokens in hl-* spans that its CSS styles (both
# epubchecks run on the same fixture in other_notes.sh).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext python3 unzip

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
qpdf --qdf --object-streams=disable out/notes.pdf plain.pdf

python3 - plain.pdf <<'PY' || fail "code colours (see above)"
import re, sys, zlib
data = open(sys.argv[1], "rb").read()
objs = {int(m.group(1)): m.group(2) for m in
        re.finditer(rb"(?m)^(\d+) 0 obj\n(.*?)\nendobj", data, re.S)}
mono = {n for n, b in objs.items() if re.search(rb"/BaseFont /[A-Z]{6}\+JetBrainsMono", b)}
# Font resource names (/F1 ...) that point at a JetBrains Mono font, any page
names = set()
for b in objs.values():
    for m in re.finditer(rb"/Font\s*<<(.*?)>>", b, re.S):
        for f, n in re.findall(rb"/(\S+) (\d+) 0 R", m.group(1)):
            if int(n) in mono:
                names.add(f)
if not names:
    sys.exit("no JetBrains Mono font in use")
seen = {}
for b in objs.values():
    m = re.search(rb"stream\n(.*)\nendstream", b, re.S)
    if not m or b"Tf" not in m.group(1):
        continue
    font, fill = None, (0.0, 0.0, 0.0)
    for tok in re.finditer(rb"/(\S+) [\d.]+ Tf|([\d.]+) ([\d.]+) ([\d.]+) rg|\((?:\\.|[^\\)])*\)\s*Tj|\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj",
                           m.group(1)):
        if tok.group(1):
            font = tok.group(1)
        elif tok.group(2):
            fill = tuple(round(float(tok.group(k)), 3) for k in (2, 3, 4))
        elif font in names:
            seen[fill] = seen.get(fill, 0) + 1
grey = {c: 255 * (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) for c in seen}
print("code fill colours (rgb: draws, grey):",
      ", ".join(f"{c}: {n}, {grey[c]:.0f}" for c, n in sorted(seen.items(), key=lambda x: -x[1])))
if len(seen) < 3:
    sys.exit(f"code is drawn in {len(seen)} colours, want at least 3")
# three colours, greys pairwise >= 20 apart: greedy over sorted greys
levels = sorted(set(round(g) for g in grey.values()))
picked = []
for g in levels:
    if not picked or g - picked[-1] >= 20:
        picked.append(g)
print("separated grey levels:", picked)
if len(picked) < 3:
    sys.exit("fewer than three code colours stay apart in greyscale")
PY

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
