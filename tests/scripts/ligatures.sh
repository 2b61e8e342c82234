#!/usr/bin/env bash
# Ligatures and kerning glyph by glyph (issue 10). The default layout's body
# face (Charis SIL) draws "fi" and "fl" as its own ligature glyphs: a glyph
# whose ToUnicode entry is the two letters, found in a TJ array while that
# face is selected; pdftotext still reads "office", "find" and "flow" letter
# by letter. Charis SIL has no kerning pairs (its GPOS only places marks:
# HarfBuzz gives AVATAR its nominal advances), so kerning is checked in the
# heading face (Noto Sans Bold): "AV" and "Wa" carry a positive number
# (drawn closer) between their glyphs in the TJ array, and the body face
# draws AV with none. (shaping.sh checks that some ligature and some
# kerning exist in any font; this test pins them to faces and glyph pairs.)
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cat >notes/workshop.md <<'EOF'
# Workshop notes

## AVATAR, Wave and the office

### Where do we find the office?

The office is on the first floor: find the flow chart of the fire drill by
the fifth door. AVATAR and Wave were the two films we saw afterwards.
EOF
build_ok build.log build notes -o out --format pdf --lang en
check_pdf out/notes.pdf
qpdf --qdf --object-streams=disable out/notes.pdf plain.pdf

python3 - plain.pdf out/notes.pdf "$TOOLS" <<'PY' || fail "ligature or kerning check failed (see above)"
import re, subprocess, sys
plain, pdf = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
from pdfops import text_runs
data = open(plain, "rb").read().decode("latin-1")
objs = {int(m.group(1)): m.group(2) for m in
        re.finditer(r"\n(\d+) 0 obj\n(.*?)\nendobj", data, re.S)}

def stream(n):
    m = re.search(r"stream\n(.*?)\nendstream", objs[n], re.S)
    return m.group(1) if m else ""

def ref(text, key):
    m = re.search(r"/" + key + r" (\d+) 0 R", text)
    return int(m.group(1)) if m else None

def face(name):
    """The Type0 font <tag>+name, its ToUnicode (text -> lowest glyph id) and
    its runs: every TJ array or Tj string drawn while it is selected, as
    glyph ids (int) and adjustments (float)."""
    found = [n for n, t in objs.items()
             if "/Type0" in t and re.search(r"/BaseFont /[A-Z]{6}\+" + name + r"(?![-\w])", t)]
    assert len(found) == 1, f"want one Type0 font {name}, found {found}"
    obj = found[0]
    tounicode = {}
    cmap = stream(ref(objs[obj], "ToUnicode"))
    for blk in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for g, t in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            tounicode[int(g, 16)] = bytes.fromhex(t).decode("utf-16-be")
    for blk in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for a, b, t in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            base = bytes.fromhex(t).decode("utf-16-be")
            for k in range(int(b, 16) - int(a, 16) + 1):
                tounicode[int(a, 16) + k] = base[:-1] + chr(ord(base[-1]) + k)
    glyph = {}
    for g, t in sorted(tounicode.items()):
        glyph.setdefault(t, g)
    # each page's content streams, read with the page's own font names
    runs = []
    for t in objs.values():
        if not re.search(r"/Type /Page\b", t):
            continue
        res = t
        m = re.search(r"/Resources (\d+) 0 R", t)
        if m:
            res = objs[int(m.group(1))]
        fm = re.search(r"/Font\s*(<<.*?>>|\d+ 0 R)", res, re.S)
        if not fm:
            continue  # a page without text (a blank verso)
        fonts = fm.group(1)
        if fonts.endswith("R"):
            fonts = objs[int(fonts.split()[0])]
        names = {k for k, num in re.findall(r"/([\w.+-]+) (\d+) 0 R", fonts) if int(num) == obj}
        m = re.search(r"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", t)
        for c in re.findall(r"(\d+) 0 R", m.group(1)):
            runs.extend(items for font, items in text_runs(stream(int(c))) if font in names)
    assert runs, f"no text drawn in {name}"
    return obj, glyph, runs

# Ligatures in the body face.
body, glyph, runs = face("CharisSIL")
for lig in ("fi", "fl"):
    assert lig in glyph, (f"the body face has no glyph mapped to {lig!r} in its ToUnicode "
                          f"(multi-letter entries: {sorted(t for t in glyph if len(t) > 1)})")
print(f"ligatures: body face object {body}, fi = glyph {glyph['fi']}, fl = glyph {glyph['fl']}")
drawn = {x for r in runs for x in r if isinstance(x, int)}
for lig in ("fi", "fl"):
    assert glyph[lig] in drawn, f"the {lig} ligature glyph {glyph[lig]} is never drawn in the body face"
print(f"ligatures: fi and fl glyphs drawn in {len(runs)} body-face runs")

# Kerning: first glyph, a number, second glyph in one TJ array.
def kern(glyph, runs, first, second):
    """The adjustment between the glyphs of first and second (0.0: drawn
    side by side with none), or None when the pair is never drawn."""
    a, b = glyph.get(first), glyph.get(second)
    assert a is not None and b is not None, f"{first!r} or {second!r} is not drawn in this face"
    for r in runs:
        for k in range(len(r) - 1):
            if r[k] == a and r[k + 1] == b:
                return 0.0
            if r[k] == a and isinstance(r[k + 1], float) and k + 2 < len(r) and r[k + 2] == b:
                return r[k + 1]
    return None

head, hglyph, hruns = face("NotoSans-Bold")
for pair in ("AV", "Wa"):
    adj = kern(hglyph, hruns, pair[0], pair[1])
    assert adj is not None, f"{pair} not drawn in one TJ array of the heading face"
    assert adj > 0, f"{pair} in the heading face (Noto Sans Bold kerns it) has adjustment {adj}, want > 0"
    print(f"kerning: {pair} in the heading face drawn {adj:g}/1000 em closer")
adj = kern(glyph, runs, "A", "V")
assert adj == 0.0, f"AV in the body face (no kerning pairs) has adjustment {adj}, want none"
print("kerning: AV in the body face drawn with no adjustment (Charis SIL does not kern)")

# The text layer gives the letters, not the ligature characters.
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
for w in ("office", "find", "flow", "fifth", "fire", "first", "AVATAR", "Wave"):
    assert re.search(r"\b" + w + r"\b", text), f"{w!r} is not in the text layer"
assert not re.search("[\ufb00-\ufb06]", text), "a ligature character (U+FB0x) in the text layer"
print("ligatures: office, find, flow, fifth read back letter by letter")
PY

# A glyph drawn for a letter and a combining mark ("e" + U+0301, composed
# by the font) is the glyph of the precomposed letter: its one ToUnicode
# entry must be "é", so the "é"s typed precomposed after it copy as typed.
printf 'Decomposed cafe\xcc\x81 first, then precomposed caf\xc3\xa9 and r\xc3\xa9sum\xc3\xa9.\n' >notes/accents.md
build_ok build2.log build notes/accents.md -o out2 --format pdf --lang en
check_pdf out2/accents.pdf
python3 - out2/accents.pdf <<'PY' || fail "accent extraction check failed (see above)"
import subprocess, sys
text = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout
assert "\u0301" not in text, "a combining acute accent in the text layer: " + repr(text)
assert text.count("caf\u00e9") == 2 and "r\u00e9sum\u00e9" in text, repr(text)
print("accents: a letter and its mark and the precomposed letter read back as one character")
PY

# Two of the body face's wide mathematical signs side by side (">>", "<<",
# "<=") are drawn closer than two signs alone would be: Charis SIL gives
# "<" and ">" an em each with a fifth of an em of space on either side, so
# ">>" printed as "> >". From pdftotext's boxes, the second sign of ">>"
# starts under 0.8 of a lone ">"'s width after the first in prose, a whole
# one in code (monospace, as typed); the text layer still reads ">>".
cat >notes/shifts.md <<'EOF'
# Shifts

In C, x >> 1 halves x and y << 2 multiplies y by four; the loop runs while
i <= n. A sign alone: > and < and =.

In code the signs stay as typed: `x >> 1`, `y << 2`, `i <= n`, `>` and `<`.
EOF
build_ok build3.log build notes/shifts.md -o out3 --format pdf --lang en
check_pdf out3/shifts.pdf
python3 - out3/shifts.pdf <<'PY' || fail "sign pair spacing check failed (see above)"
import html, re, subprocess, sys
pdf = sys.argv[1]
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
for w in ("x >> 1", "y << 2", "i <= n"):
    assert text.count(w) == 2, f"{w!r} read back {text.count(w)} times, want 2: {text!r}"
bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
box = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
lines = {}  # line (by its top) -> word -> width
for x0, y, x1, w in re.findall(box, bbox):
    lines.setdefault(y, {}).setdefault(html.unescape(w), float(x1) - float(x0))
prose = [l for l in lines.values() if ">>" in l and "halves" in l]
code = [l for l in lines.values() if ">>" in l and "halves" not in l]
alone = [l for l in lines.values() if ">" in l]
assert len(prose) == 1 and len(code) == 1 and len(alone) == 2, f"lines not found: {lines}"
prose_sign = [l for l in alone if "alone:" in l][0][">"]
code_sign = [l for l in alone if "alone:" not in l][0][">"]
r = (prose[0][">>"] - prose_sign) / prose_sign
c = (code[0][">>"] - code_sign) / code_sign
assert r < 0.8, f">> in prose: its second sign {r:.2f} of a sign's width after the first, want < 0.8"
assert abs(c - 1) < 0.02, f">> in code: its second sign {c:.2f} of a sign's width after the first, want 1"
print(f"signs: the second '>' of '>>' {r:.2f} of a sign after the first in prose, {c:.2f} in code")
PY
note "ok"
