#!/usr/bin/env python3
"""Checks a saddle-stitch imposed PDF against the same booklet not imposed.

usage: imposecheck.py REF.pdf IMPOSED.pdf PAGE_W PAGE_H SHEET_W SHEET_H SIGNATURE CREEP MARGIN_BOTTOM

REF has one logical page a PDF page. IMPOSED must have 2 * ceil(n / 4)
sheet sides of SHEET_W x SHEET_H points; in a signature of m pages
(4 * SIGNATURE, the last one only what it needs; 0: one signature) sheet s
carries front [m-1-2s | 2s] and back [2s+1 | m-2-2s] (pages >= n blank).
Each half is read with pdftotext -x -y -W -H: its folio strip (the bottom
margin) and its whole text must be the logical page's, and blank halves
have no text. Every link annotation and outline entry must land on the
side and half (XYZ left) where its target page was imposed. Prints one
summary line."""
import json, math, re, subprocess, sys

ref, imp = sys.argv[1], sys.argv[2]
pw, ph, sw, sh, sig, creep, mb = (float(a) for a in sys.argv[3:10])
sig = int(sig)


def fail(msg):
    sys.exit("imposecheck: " + msg)


def info(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    w, h = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
    return pages, w, h


def text(pdf, page, x, y, w, h):
    args = ["pdftotext", "-q", "-f", str(page), "-l", str(page), "-x", str(int(x)), "-y",
            str(int(y)), "-W", str(int(w)), "-H", str(int(h)), pdf, "-"]
    return " ".join(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())


n, rw, rh = info(ref)
if abs(rw - pw) > 0.5 or abs(rh - ph) > 0.5:
    fail(f"reference pages are {rw} x {rh}, not {pw} x {ph}")
sheets = math.ceil(n / 4)
sides, iw, ih = info(imp)
if sides != 2 * sheets:
    fail(f"{n} pages need {sheets} sheets, {2 * sheets} sides; the PDF has {sides}")
if abs(iw - sw) > 0.5 or abs(ih - sh) > 0.5:
    fail(f"sheet sides are {iw} x {ih}, not {sw} x {sh} (landscape)")

# where each logical page (and blank) goes: side (0-based), right half?, sheet in signature
where = {}
k = sig if sig > 0 else sheets
first = 0
while first < sheets:
    t = min(k, sheets - first)
    m, b = 4 * t, 4 * first
    for s in range(t):
        front, back = 2 * (first + s), 2 * (first + s) + 1
        where[b + m - 1 - 2 * s] = (front, False, s)
        where[b + 2 * s] = (front, True, s)
        where[b + 2 * s + 1] = (back, False, s)
        where[b + m - 2 - 2 * s] = (back, True, s)
    first += t
assert sorted(where) == list(range(4 * sheets))


def offset(i):
    side, right, s = where[i]
    x = sw / 2 - (0 if right else pw) + (-1 if right else 1) * s * creep
    return side, x, (sh - ph) / 2


def bbox_words(pdf):
    """Per page: (xMin, yMin, word) of every word (one pdftotext -bbox run)."""
    out = subprocess.run(["pdftotext", "-q", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        pages.append([(float(a), float(b), w) for a, b, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)])
    return pages


rwords, iwords = bbox_words(ref), bbox_words(imp)
blank = 0
for i in range(4 * sheets):
    side, right, _ = where[i]
    hx = sw / 2 if right else 0
    half = [(x, y, w) for x, y, w in iwords[side] if hx <= x < hx + sw / 2]
    if i >= n:
        if half:
            fail(f"blank half (page {i + 1}) on side {side + 1} has text: {half[:5]}")
        blank += 1
        continue
    _, ox, oy = offset(i)
    want = sorted((w, y + oy, x + ox) for x, y, w in rwords[i])
    got = sorted((w, y, x) for x, y, w in half)
    if len(want) != len(got) or any(a[0] != b[0] or abs(a[1] - b[1]) > 0.05 or
                                    abs(a[2] - b[2]) > 0.05 for a, b in zip(want, got)):
        fail(f"side {side + 1} {'right' if right else 'left'} is not page {i + 1} moved by "
             f"({ox:.2f}, {oy:.2f}):\n  got  {sorted(got)[:6]}\n  want {sorted(want)[:6]}")
    # the folio as a reader finds it: the bottom margin of the half
    want_folio = " ".join(w for x, y, w in rwords[i] if y > ph - mb)
    got_folio = text(imp, side + 1, ox, oy + ph - mb, pw, mb)
    if want_folio != got_folio:
        fail(f"side {side + 1} {'right' if right else 'left'}: folio {got_folio!r}, "
             f"expected page {i + 1}'s {want_folio!r}")


# ---- links and outline
def load(pdf):
    q = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", pdf],
                                  capture_output=True, text=True, check=True).stdout)["qpdf"][1]
    obj = lambda ref: q["obj:" + ref]["value"]
    deref = lambda v: obj(v) if isinstance(v, str) else v
    cat = obj("1 0 R")
    pages = obj(cat["/Pages"])["/Kids"]
    index = {p: i for i, p in enumerate(pages)}
    links = []
    for i, p in enumerate(pages):
        for a in obj(p).get("/Annots", []):
            a = obj(a) if isinstance(a, str) else a
            if "/Dest" in a:
                links.append((i, a["/Rect"], deref(a["/Dest"])))
    outline = []
    def walk(o):
        while o:
            node = obj(o)
            outline.append(deref(node["/Dest"]))
            walk(node.get("/First"))
            o = node.get("/Next")
    walk(obj(cat["/Outlines"]).get("/First") if "/Outlines" in cat else None)
    return index, links, outline


rindex, rlinks, rout = load(ref)
iindex, ilinks, iout = load(imp)


def expect_dest(rd):
    page = rindex[rd[0]]
    side, x, y = offset(page)
    return side, x, rd[3] + y


def same_dest(rd, idest):
    side, x, top = expect_dest(rd)
    return (iindex[idest[0]] == side and idest[1] == "/XYZ" and abs(idest[2] - x) < 0.01
            and abs(idest[3] - top) < 0.01)


if len(rlinks) != len(ilinks):
    fail(f"{len(ilinks)} internal links, the reference has {len(rlinks)}")
# links are matched as sets: a side holds the annotations of two pages
by_side = {}
for ip, ir, idest in ilinks:
    by_side.setdefault(ip, []).append((ir, idest))
for rp, rr, rd in rlinks:
    side, x, y = offset(rp)
    want = [rr[0] + x, rr[1] + y, rr[2] + x, rr[3] + y]
    found = [d for r, d in by_side.get(side, []) if all(abs(a - b) < 0.01 for a, b in zip(r, want))]
    if not found:
        fail(f"a link of page {rp + 1} at {rr} is not on side {side + 1} moved by ({x}, {y})")
    if not any(same_dest(rd, d) for d in found):
        fail(f"a link of page {rp + 1} goes to {found}, expected {expect_dest(rd)}")
if len(rout) != len(iout) or not rout:
    fail(f"{len(iout)} outline entries, the reference has {len(rout)}")
for rd, idest in zip(rout, iout):
    if not same_dest(rd, idest):
        fail(f"an outline entry goes to {idest}, expected {expect_dest(rd)}")
print(f"{n} pages on {sheets} sheets ({blank} blank halves), {len(ilinks)} links and "
      f"{len(iout)} outline entries on the right halves")
