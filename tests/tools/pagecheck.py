#!/usr/bin/env python3
"""Page-breaking checks on a PDF, from `pdftotext -bbox-layout` (issue 11):

  block     every word of a body page lies inside its page's text block
            (two-sided margins: inner on the binding side), except the
            running head above it, the folio below it, and the marks in the
            binding-side margin (question numbers, check-boxes, "Q");
  heading   no page ends with a heading (a line taller than body text);
  lines     a paragraph that runs over a page break leaves at least two
            of its lines at the foot of the page and carries at least two
            to the next (no widow, no orphan).

usage: pagecheck.py PDF PAGE_W_MM PAGE_H_MM TOP BOTTOM INNER OUTER (mm)
"""
import html
import re
import subprocess
import sys

MM = 72 / 25.4
TOL = 1.5  # points


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True).stdout
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        blocks = []
        for bm in re.finditer(r"<block [^>]*>(.*?)</block>", pm.group(3), re.S):
            lines = []
            for lm in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                  r'yMax="([\d.]+)">(.*?)</line>', bm.group(1), re.S):
                words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w
                         in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                       r'yMax="([\d.]+)">(.*?)</word>', lm.group(5))]
                lines.append((*map(float, lm.groups()[:4]), words))
            blocks.append(lines)
        yield float(pm.group(1)), float(pm.group(2)), blocks


def is_mark(w):
    return re.fullmatch(r"Q|\d+\.?|☐|□", w) is not None


def main():
    pdf = sys.argv[1]
    _, _, top, bottom, inner, outer = (float(v) * MM for v in sys.argv[2:8])
    bad = []
    body = []  # per page: its text lines (y order), for the cross-page checks
    for n, (pw, ph, blocks) in enumerate(pages(pdf), 1):
        recto = n % 2 == 1
        left, right = (inner, pw - outer) if recto else (outer, pw - inner)
        lines = []
        for b in blocks:
            for (x0, y0, x1, y1, words) in b:
                if y1 < top + TOL or y0 > ph - bottom - TOL:
                    continue  # running head, folio
                lines.append((y0, y1, x0, x1, " ".join(w[4] for w in words)))
                for (a, _, c, _, w) in words:
                    if a < left - TOL and not is_mark(w):
                        bad.append(f"page {n}: '{w}' starts {left - a:.1f} pt into the margin at x={a:.1f}")
                    if c > right + TOL:
                        bad.append(f"page {n}: '{w}' ends {c - right:.1f} pt into the margin at x={c:.1f}")
        lines.sort()
        body.append(lines)
    heights = sorted(y1 - y0 for lines in body for (y0, y1, *_r) in lines)
    text_h = heights[len(heights) // 2] if heights else 0  # the body's line height
    for n, lines in enumerate(body, 1):
        if not lines:
            continue
        y0, y1, *_r, last = lines[-1]
        text = sum(1 for (a, b, *_x) in lines if b - a <= text_h * 1.25)
        # (a title page is all display type: not a page of running text)
        if y1 - y0 > text_h * 1.25 and n < len(body) and text >= 3:
            bad.append(f"page {n} ends with a heading: {last!r}")
    split = 0
    for n in range(1, len(body)):
        a, b = body[n - 1], body[n]
        if not a or not b:
            continue
        end, start = a[-1][4], b[0][4]
        if re.search(r"[.?!:;)\]]$", end) or not re.match(r"[a-z]", start):
            continue  # the paragraph does not run over the break
        split += 1
        foot = run(a, reverse=True)
        head = run(b)
        if foot < 2:
            bad.append(f"page {n} ends with one line of a paragraph (orphan): {end!r}")
        if head < 2:
            bad.append(f"page {n + 1} starts with one line of a paragraph (widow): {start!r}")
    for e in bad:
        print("pagecheck: " + e, file=sys.stderr)
    print(f"pagecheck: {len(body)} pages, {sum(len(l) for l in body)} lines, "
          f"{split} paragraphs over a page break, {len(bad)} problems")
    sys.exit(1 if bad else 0)


def run(lines, reverse=False):
    """How many lines of one paragraph: consecutive lines one line-pitch
    apart (a larger gap is a new block)."""
    seq = lines[::-1] if reverse else lines
    count = 1
    for prev, cur in zip(seq, seq[1:]):
        pitch = abs(cur[0] - prev[0])
        if pitch > (prev[1] - prev[0]) * 1.6:
            break
        count += 1
    return count


if __name__ == "__main__":
    main()
