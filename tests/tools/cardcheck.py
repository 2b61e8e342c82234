#!/usr/bin/env python3
"""Flashcard PDF checks: sheet order and duplex registration, measured.

    cardcheck.py [--max-mm 0.5] [--cards N] [--expect-continued] FILE.pdf

Reads `pdftotext -bbox-layout` of every page. Page 1 is the instruction
sheet, page 2 its (blank) back; then pages 2k+1 / 2k+2 are the front and
the back of sheet k. A card is found by its label line (`Q12`, `F3 (1/2)`,
`Q12 (continued, 2/2)`: a capital letter and a number, then maybe a part in
brackets), printed on both faces. For every label of a front page the back
page must hold the same label at the mirror position: its box is the front
box reflected about the page's vertical centre line, same height, within
--max-mm. Labels must be unique in the deck, numbered 1..n without gaps
(parts of one number consecutive). Prints the card count, the sheets, the
continued cards and the largest registration error in mm.

Exit status: 0 ok, 1 a check failed, 2 usage or tool error.
"""
import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

LABEL = re.compile(r"^([A-Z])(\d+)(?: \((?:[^()]*, )?(\d+)/(\d+)\))?$")
NS = "{http://www.w3.org/1999/xhtml}"


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True)
    if out.returncode or out.stderr:
        sys.exit(f"pdftotext failed: {out.stderr.decode()[:400]}")
    text = out.stdout.decode()
    root = ET.fromstring(text)
    for page in root.iter(NS + "page"):
        w = float(page.get("width"))
        lines = []
        for line in page.iter(NS + "line"):
            words = [x.text or "" for x in line.iter(NS + "word")]
            box = tuple(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append((" ".join(words), box))
        yield w, lines


def labels(lines, where, errors):
    found = {}
    for text, box in lines:
        if LABEL.match(text):
            if text in found:
                errors.append(f"{where}: label {text!r} twice")
            found[text] = box
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--max-mm", type=float, default=0.5)
    ap.add_argument("--cards", type=int, help="expected number of card numbers (clusters)")
    ap.add_argument("--expect-continued", action="store_true")
    a = ap.parse_args()
    pgs = list(pages(a.pdf))
    errors = []
    if len(pgs) < 2 or len(pgs) % 2:
        errors.append(f"{len(pgs)} pages: not an instruction sheet plus whole sheets")
    if pgs and any(LABEL.match(t) for t, _ in pgs[0][1]):
        errors.append("page 1 (instructions) holds a card")
    if len(pgs) > 1 and pgs[1][1] and len(pgs[1][1]) > 1:
        errors.append("page 2 (the instructions' back) is not blank but for its note")
    worst, order, continued = 0.0, [], 0
    for k in range(2, len(pgs) - 1, 2):
        (w, front), (_, back) = pgs[k], pgs[k + 1]
        f = labels(front, f"page {k + 1}", errors)
        b = labels(back, f"page {k + 2}", errors)
        if not f:
            errors.append(f"page {k + 1}: a sheet without cards")
        if set(f) != set(b):
            errors.append(f"pages {k + 1}/{k + 2}: fronts {sorted(set(f) - set(b))} "
                          f"backs {sorted(set(b) - set(f))} have no other face")
        for lab in sorted(set(f) & set(b), key=lambda s: (f[s][1], f[s][0])):
            fx0, fy0, fx1, fy1 = f[lab]
            bx0, by0, bx1, by1 = b[lab]
            err = max(abs(bx0 - (w - fx1)), abs(bx1 - (w - fx0)), abs(by0 - fy0), abs(by1 - fy1))
            err_mm = err * 25.4 / 72
            worst = max(worst, err_mm)
            if err_mm > a.max_mm:
                errors.append(f"page {k + 1}: {lab!r} front x {fx0:.1f}..{fx1:.1f} y {fy0:.1f}, "
                              f"back x {bx0:.1f}..{bx1:.1f} y {by0:.1f}; mirror expects x "
                              f"{w - fx1:.1f}..{w - fx0:.1f}: off by {err_mm:.2f} mm")
        order += sorted(f, key=lambda s: (round(f[s][1]), f[s][0]))
    numbers, seen = [], set()
    for lab in order:
        m = LABEL.match(lab)
        n = int(m.group(2))
        if m.group(3):
            continued += int(m.group(3)) > 1
        if lab in seen:
            errors.append(f"label {lab!r} on two sheets")
        seen.add(lab)
        if not numbers or numbers[-1] != n:
            numbers.append(n)
    if numbers != list(range(1, len(numbers) + 1)):
        errors.append(f"card numbers out of order or with gaps: {numbers[:40]}")
    if a.cards is not None and len(numbers) != a.cards:
        errors.append(f"{len(numbers)} card numbers, expected {a.cards}")
    if a.expect_continued and not continued:
        errors.append("no continued card, though one was expected")
    for e in errors[:40]:
        print("cardcheck:", e, file=sys.stderr)
    print(f"cardcheck: {len(order)} cards ({len(numbers)} numbers, {continued} continuations) "
          f"on {(len(pgs) - 2) // 2} sheets, registration max error {worst:.3f} mm")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
