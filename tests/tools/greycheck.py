#!/usr/bin/env python3
"""Measures, in real pixels, the greys that highlighted code prints in.

usage: greycheck.py [--flatten] [--dpi N] PDF

PDF is the highlight fixture as tests/scripts/highlight.sh builds it
(tests/data/highlight/polyglot.md plus that script's unknown.md). The pages
that hold the tokens below are rendered with `pdftoppm -gray` (what a
black-and-white printer or a greyscale viewer makes of the page) and each
token's box comes from `pdftotext -bbox-layout`. A token's ink grey is the
mean of the darkest INK_FRACTION of the pixels in its box: the box is mostly
background, antialiased edges are lighter than the fill, and the stems of
8.5 pt code at 300 dpi are 3+ pixels wide, so the darkest few per cent are
full-fill pixels while one stray pixel cannot decide alone.

Checks (exit status 1 and a reason on failure):
- tokens of one class measure within SPREAD of each other (a token picked
  from the wrong class, or a box that misses its word, shows up here);
- at least three classes have greys pairwise >= SEPARATION apart;
- body text (the control) measures near black (<= BODY_MAX);
- the negative case: every token of the two code blocks without a language
  (unknown.md) measures within SPREAD of the others and of plain code.
Prints every token's grey and the per-class medians.

--flatten first rewrites every text fill colour (rg inside BT..ET) of the
PDF to plain code's 0.102 grey, keeping byte offsets, to show that the
check fails when code is monochrome (highlight.sh expects that failure).

Standard library only: the PGM (P5) is parsed here."""
import html, os, re, statistics, subprocess, sys, tempfile

INK_FRACTION = 0.03
SEPARATION = 20  # /255, pairwise between the three classes that must part
SPREAD = 12  # /255, within one class or within an unhighlighted block
BODY_MAX = 60  # /255, body text is the layout's near-black
PLAIN_FILL = b"0.102 g"  # plain code's grey, shorter than any "r g b rg"

# (class, phrase, token): phrase is consecutive words as pdftotext reads
# them (after HTML unescaping), first occurrence in the document; token is
# the substring of one of its words that is measured. JetBrains Mono is
# monospaced, so a token inside a longer word gets its share of the box by
# character count. Classes come from src/highlight/ (source-highlight's
# language definitions) and are confirmed by the rg colour that draws them
# in src/pdf/code_hl.c's THEME.
TOKENS = [
    ("keyword", "def high_waters(path,", "def"),
    ("keyword", "SELECT route,", "SELECT"),
    ("keyword", "WHERE departs", "WHERE"),
    ("keyword", "ORDER BY", "ORDER"),
    ("string", "WHERE departs > '12:00'", "'12:00'"),
    ("string", "extends \"base.html\"", "\"base.html\""),
    ("string", "{\"buoy\": \"B-17\",", "\"B-17\""),
    ("comment", "# standard library only", "standard"),
    ("comment", "# standard library only", "library"),
    ("comment", "-- summer timetable", "timetable"),
    ("comment", "# keeps the dates", "keeps"),
    ("number", "limit=2.5):", "2.5"),
    ("number", "capacity >= 40", "40"),
    ("number", "* 1.5 :", "1.5"),
    ("number", "replicas: 3", "3"),
    ("plain", "import csv", "csv"),
    ("plain", "SELECT route, departs FROM ferries", "ferries"),
    ("plain", "SELECT route, departs FROM ferries", "route"),
    ("plain", "with open(path) as f:", "with"),
    ("body", "A small reader for harbour tide tables:", "reader"),
    ("body", "A small reader for harbour tide tables:", "harbour"),
    ("body", "A small reader for harbour tide tables:", "tables"),
]
# The negative case: the same kinds of tokens in blocks without a language
NEGATIVE = [
    ("nuqneH \"ghobe'\"", "nuqneH"),
    ("nuqneH \"ghobe'\"", "\"ghobe'\""),
    ("\"ghobe'\" 42", "42"),
    ("# not a comment here", "comment"),
    ("SELECT nothing FROM", "SELECT"),
    ("here -- no language,", "language"),
]


def fail(msg):
    sys.exit("greycheck: " + msg)


def run(*args):
    return subprocess.run(args, capture_output=True, check=True).stdout


def flatten(src, dst):
    """Text fills -> plain grey, padded to the same length (offsets hold)."""
    data = run("qpdf", "--qdf", "--object-streams=disable", src, "-")

    def text_object(m):
        def one(c):
            return PLAIN_FILL.ljust(len(c.group(0)))

        return re.sub(rb"[\d.]+ [\d.]+ [\d.]+ rg", one, m.group(0))

    flat = re.sub(rb"(?s)\bBT\b.*?\bET\b", text_object, data)
    with open(dst, "wb") as f:
        f.write(flat)


def words(pdf):
    """[(page, unescaped word, xmin, ymin, xmax, ymax)] in reading order."""
    out = run("pdftotext", "-q", "-bbox-layout", pdf, "-").decode("utf-8")
    res = []
    for page, chunk in enumerate(out.split("<page ")[1:], 1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</word>', chunk):
            x0, y0, x1, y1 = (float(m.group(k)) for k in range(1, 5))
            res.append((page, html.unescape(m.group(5)), x0, y0, x1, y1))
    return res


def locate(ws, phrase, token):
    """(page, box in points) of token inside the first match of phrase."""
    want = phrase.split()
    for i in range(len(ws) - len(want) + 1):
        run_ = ws[i:i + len(want)]
        if [w[1] for w in run_] != want or len({w[0] for w in run_}) != 1:
            continue
        for page, text, x0, y0, x1, y1 in run_:
            at = text.find(token)
            if at >= 0:
                adv = (x1 - x0) / len(text)
                return page, (x0 + at * adv, y0, x0 + (at + len(token)) * adv, y1)
    fail(f"phrase {phrase!r} with token {token!r} not found in the PDF text")


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    m = re.match(rb"P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not m or int(m.group(3)) != 255:
        fail(f"{path}: not an 8-bit binary PGM")
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h]


def ink(img, box, dpi):
    """Mean of the darkest INK_FRACTION of the pixels inside box."""
    w, h, px = img
    s = dpi / 72.0
    x0, x1 = max(0, round(box[0] * s)), min(w, round(box[2] * s))
    y0, y1 = max(0, round(box[1] * s)), min(h, round(box[3] * s))
    vals = sorted(v for y in range(y0, y1) for v in px[y * w + x0:y * w + x1])
    if len(vals) < 50:
        fail(f"box {box} too small at {dpi} dpi")
    k = max(3, int(len(vals) * INK_FRACTION))
    return sum(vals[:k]) / k


def main(argv):
    dpi, flat = 300, False
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        if opt == "--flatten":
            flat = True
        elif opt == "--dpi":
            dpi = int(argv.pop(0))
        else:
            fail(f"unknown option {opt}")
    if len(argv) != 1:
        fail("usage: greycheck.py [--flatten] [--dpi N] PDF")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = argv[0]
        if flat:
            pdf = os.path.join(tmp, "flat.pdf")
            flatten(argv[0], pdf)
        ws = words(pdf)
        found = [(c, p, t, locate(ws, p, t)) for c, p, t in TOKENS]
        neg = [("unhighlighted", p, t, locate(ws, p, t)) for p, t in NEGATIVE]
        imgs = {}
        for page in sorted({f[3][0] for f in found + neg}):
            base = os.path.join(tmp, f"p{page}")
            run("pdftoppm", "-q", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                "-singlefile", pdf, base)
            imgs[page] = read_pgm(base + ".pgm")
        greys = {}
        for cls, _, token, (page, box) in found + neg:
            g = ink(imgs[page], box, dpi)
            greys.setdefault(cls, []).append(g)
            print(f"  {cls:13} {token:12} page {page}: {g:5.1f}")
    return verdict(greys)


def verdict(greys):
    for cls, gs in greys.items():
        if max(gs) - min(gs) > SPREAD:
            fail(f"{cls} tokens measure {min(gs):.0f}..{max(gs):.0f}, more than {SPREAD} apart")
    med = {cls: statistics.median(gs) for cls, gs in greys.items()}
    print("class greys (median, /255):", ", ".join(f"{c} {g:.0f}" for c, g in med.items()))
    if med["body"] > BODY_MAX:
        fail(f"body text measures {med['body']:.0f}, want <= {BODY_MAX} (near black)")
    neg = greys["unhighlighted"] + greys["plain"]
    if max(neg) - min(neg) > SPREAD:
        fail(f"code without a language measures {min(neg):.0f}..{max(neg):.0f}, "
             "want one grey, that of plain code")
    # Highlighted classes only: plain code's ink does not count as a colour.
    hl = sorted((g, c) for c, g in med.items() if c in ("keyword", "string", "comment", "number"))
    for (g1, c1), (g2, c2) in zip(hl, hl[1:]):
        if g2 - g1 < SEPARATION:
            print(f"note: {c1} ({g1:.0f}) and {c2} ({g2:.0f}) are only {g2 - g1:.0f} apart")
    picked = []  # greedy from the darkest finds the largest set spaced >= SEPARATION
    for g, c in hl:
        if not picked or g - picked[-1][0] >= SEPARATION:
            picked.append((g, c))
    print(f"classes apart by >= {SEPARATION}:", ", ".join(f"{c} {g:.0f}" for g, c in picked))
    if len(picked) < 3:
        fail(f"only {len(picked)} highlighted classes stay {SEPARATION}/255 apart in "
             "greyscale, want 3")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
