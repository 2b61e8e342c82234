#!/usr/bin/env python3
"""Page-breaking checks on a PDF, from `pdftotext -bbox-layout` (issue 11):

  block     every word of a body page lies inside its page's text block
            (two-sided margins: inner on the binding side), except the
            running head above it, the folio below it, and the marks in the
            binding-side margin (question numbers, check-boxes, "Q");
  heading   no page ends with a heading (a line taller than body text);
  colon     no page ends with a line that introduces what follows (its
            last character a colon: "Examples:", an item's lead line);
  lines     a paragraph that runs over a page break leaves at least KEEP
            (default 2) of its lines at the foot of the page and carries at
            least KEEP to the next (no widow, no orphan);
  prompt    no page ends with a question's prompt alone: after the prompt
            (the lines beside a question's number, hung at the left) and the
            small lines that introduce its answer ("Asked in", "Also asked",
            "Answer from"), at least one line of the answer follows on the
            same page ("No answer in the notes" counts: ruled lines follow);
  openers   a page that opens something (no running head) is a recto;
  ends      a chapter that runs over a page does not end on a page holding
            a line or two (the height of SHORT_END lines of body text, ink
            from the top of the text block: ruled lines count);
  running   a page that goes on with a question begun on an earlier page
            names it in its running head ("12. What is… (continued)"), and
            a head that names one names the question last begun.
It also counts the full pages whose last line reaches the foot of the text
block (flush bottom), for the caller to compare.

usage: pagecheck.py PDF PAGE_W_MM PAGE_H_MM TOP BOTTOM INNER OUTER (mm) [KEEP]
"""
import html
import re
import subprocess
import sys

MM = 72 / 25.4
TOL = 1.5  # points
SHORT_END = 2.5  # lines of body text: less is a near-empty last page


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


# Small lines between a prompt and its answer (English booklets).
LEAD_IN = re.compile(r"(Asked in|Also asked|Answer from|Answers? from)\b")


def read(pdf, top, bottom, inner, outer, bad):
    """Per page: body lines (y0, y1, x0, x1, text) in y order, question marks
    in the binding-side margin (y0, label), the running head's text, and
    the foot of the text block."""
    out = []
    for n, (pw, ph, blocks) in enumerate(pages(pdf), 1):
        recto = n % 2 == 1
        left, right = (inner, pw - outer) if recto else (outer, pw - inner)
        lines, marks, head = [], [], []
        for b in blocks:
            for (x0, y0, x1, y1, words) in b:
                if y1 < top + TOL:
                    head.append(" ".join(w[4] for w in words))
                if y1 < top + TOL or y0 > ph - bottom - TOL:
                    continue  # running head, folio
                text = " ".join(w[4] for w in words)
                if re.fullmatch(r"Q|\d+", text) and x0 < left + 30:
                    marks.append((y0, text, x1))  # a question's number, hung left of its prompt
                else:
                    lines.append((y0, y1, x0, x1, text))
                for (a, y, c, _, w) in words:
                    if a < left - TOL and not is_mark(w):
                        bad.append(f"page {n}: '{w}' starts {left - a:.1f} pt into the margin at x={a:.1f}")
                    if c > right + TOL:
                        bad.append(f"page {n}: '{w}' ends {c - right:.1f} pt into the margin at x={c:.1f}")
        lines.sort()
        # a number is a question's only with its prompt just right of it
        # (not a page number of the index standing alone on a line)
        marks = [(y, t) for (y, t, x) in sorted(marks)
                 if any(abs(l[0] - y) < 3 and 0 <= l[2] - x < 40 for l in lines)]
        out.append({"lines": lines, "marks": marks, "head": " ".join(head),
                    "foot": ph - bottom})
    return out


def check_openers(body, text_h, bad):
    """A page with no running head that starts with display type opens
    something (the title, the contents, a chapter, an appendix): it is a
    recto (odd page)."""
    for n, pg in enumerate(body, 1):
        first = pg["lines"][0] if pg["lines"] else None
        if first and not pg["head"] and first[1] - first[0] > text_h * 1.25 and n % 2 == 0:
            bad.append(f"page {n} opens on a verso: {pg['lines'][0][4]!r}")


def check_short_ends(body, top, pitch, bad):
    """A chapter's last page (a page with a running head, so not its first,
    followed by one without: an opener, a blank verso, or the end)."""
    for n, pg in enumerate(body):
        nxt = body[n + 1] if n + 1 < len(body) else None
        if not pg["head"] or not pg["lines"] or (nxt and nxt["head"] and nxt["lines"]):
            continue
        if pg["ink"] - top < SHORT_END * pitch:
            bad.append(f"page {n + 1} ends its chapter with a line or two: {pg['lines'][0][4]!r}")


def check_headings(body, text_h, bad):
    for n, pg in enumerate(body, 1):
        lines = pg["lines"]
        if not lines:
            continue
        y0, y1, *_r, last = lines[-1]
        text = sum(1 for (a, b, *_x) in lines if b - a <= text_h * 1.25)
        # (a title page is all display type: not a page of running text)
        if y1 - y0 > text_h * 1.25 and n < len(body) and text >= 3:
            bad.append(f"page {n} ends with a heading: {last!r}")


def check_colons(body, text_h, bad):
    for n, pg in enumerate(body, 1):
        lines = pg["lines"]
        if not lines or n == len(body):
            continue
        y0, y1 = lines[-1][0], lines[-1][1]
        # (code is set smaller, and a code line ending in ':' may end a page)
        if y1 - y0 >= text_h * 0.97 and lines[-1][-1].rstrip().endswith(":"):
            bad.append(f"page {n} ends with a line that introduces what follows: {lines[-1][-1]!r}")


def check_split_paragraphs(body, keep, bad):
    split = 0
    for n in range(1, len(body)):
        a, b = body[n - 1]["lines"], body[n]["lines"]
        if not a or not b:
            continue
        end, start = a[-1][4], b[0][4]
        if re.search(r"[.?!:;)\]]$", end) or not re.match(r"[a-z]", start):
            continue  # the paragraph does not run over the break
        split += 1
        if run(a, reverse=True) < keep:
            bad.append(f"page {n} ends with fewer than {keep} lines of a paragraph (orphan): {end!r}")
        if run(b) < keep:
            bad.append(f"page {n + 1} starts with fewer than {keep} lines of a paragraph (widow): {start!r}")
    return split


def body_pitch(body):
    """The commonest distance between the tops of consecutive lines: the
    line pitch of running text (prompts are set on it too)."""
    count = {}
    for pg in body:
        ls = pg["lines"]
        for a, b in zip(ls, ls[1:]):
            p = round((b[0] - a[0]) * 2) / 2
            count[p] = count.get(p, 0) + 1
    return max(count, key=count.get) if count else 0


def same_block(lines, k, pitch):
    """Lines from k on set at the given pitch one after another (a gap
    between blocks makes the pitch larger)."""
    n = 1
    while k + n < len(lines) and abs(lines[k + n][0] - lines[k + n - 1][0] - pitch) < 1.0:
        n += 1
    return n


def check_prompts(body, pitch, bad):
    """Returns how many question prompts were seen."""
    seen = 0
    for n, pg in enumerate(body, 1):
        lines = pg["lines"]
        for (my, label) in pg["marks"]:
            at = [k for k, l in enumerate(lines) if abs(l[0] - my) < 3]
            if not at:
                continue
            seen += 1
            k = at[0] + same_block(lines, at[0], pitch)  # past the prompt
            right = max(l[3] for l in lines)
            while k < len(lines) and LEAD_IN.match(lines[k][4]):
                x = lines[k][2]  # a lead-in line and the lines it wrapped onto
                k += 1
                while k < len(lines) and abs(lines[k][2] - x) < 1 and lines[k - 1][3] > right - 40 and \
                        not LEAD_IN.match(lines[k][4]) and lines[k][0] - lines[k - 1][0] < pitch - 1:
                    k += 1
            if k >= len(lines):
                bad.append(f"page {n} ends with question {label}'s prompt alone: {lines[at[0]][4]!r}")
    return seen


def prompt_of(pg, mark):
    """The first line of the prompt beside a question mark (y0, label)."""
    at = [l for l in pg["lines"] if abs(l[0] - mark[0]) < 3]
    return at[0][4] if at else ""


def names(head, label, prompt):
    """Whether a running head names the question: its number, or (no
    number) the first words of its prompt."""
    if label != "Q":
        return re.search(r"(?:^|\s)%s\. " % re.escape(label), head) is not None
    return " ".join(prompt.split()[:3]) in head


def check_running_heads(body, text_h, bad):
    """Returns how many pages name a question that goes on."""
    named, last = 0, None  # last: (label, page, y, prompt) of the question last begun
    entry = None  # (label, prompt): the answer key's entry last begun ("41. How do…")
    for n, pg in enumerate(body, 1):
        head, lines = pg["head"], pg["lines"]
        starts_q = bool(pg["marks"]) and lines and abs(pg["marks"][0][0] - lines[0][0]) < 3
        if "(continued)" in head and not starts_q:
            named += 1
            by_entry = entry and not pg["marks"] and names(head, entry[0], entry[1])
            if not by_entry and (not last or not names(head, last[0], last[3])):
                bad.append(f"page {n}: the head {head!r} does not name the question last "
                           f"begun, {last and last[0]}: {last and last[3]!r}")
        elif last and last[1] == n - 1 and lines and not starts_q and pg["head"] and \
                not any(l[1] - l[0] > text_h * 1.25 for l in body[n - 2]["lines"] if l[0] > last[2]):
            bad.append(f"page {n} goes on with question {last[0]} but its head does not say so: {head!r}")
        if not pg["marks"] and lines:
            x_left = min(l[2] for l in lines)  # entries start at the text block's edge
            for l in lines:
                m = re.match(r"(\d+)\. (.*)", l[4]) if l[2] < x_left + 1 else None
                if m:
                    entry = (m.group(1), m.group(2))
        if pg["marks"]:
            last = (pg["marks"][-1][1], n, pg["marks"][-1][0], prompt_of(pg, pg["marks"][-1]))
        elif lines and lines[0][1] - lines[0][0] > text_h * 1.25:
            last = None  # a heading: the question is over
    return named


def ink_bottoms(pdf, top, foot_margin):
    """Per page, the lowest point (pt from the top) of anything drawn in the
    text block: text, ruled lines, code backgrounds (a greyscale render at
    36 dpi; pdftotext sees only text)."""
    import os
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-gray", "-r", "36", pdf, os.path.join(d, "p")], check=True)
        out = []
        for name in sorted(os.listdir(d), key=lambda f: int(re.findall(r"\d+", f)[-1])):
            data = open(os.path.join(d, name), "rb").read()
            m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
            w, h = int(m.group(1)), int(m.group(2))
            px = data[m.end():]
            scale = 36 / 72
            lo = int(top * scale)
            hi = min(h, int((h / scale - foot_margin) * scale) + 1)
            low = 0
            for row in range(lo, hi):
                if min(px[row * w:(row + 1) * w]) < 250:
                    low = row + 1
            out.append(low / scale)
        return out


def is_full(body, n):
    """Page n (0-based) is followed by a page of the same chapter: both
    carry a running head (a chapter opener and a blank page have none)."""
    return n + 1 < len(body) and all(body[k]["lines"] and body[k]["head"] for k in (n, n + 1))


def flush_pages(body):
    """(full pages whose last line reaches the foot of the text block, full
    pages, spreads of two full pages whose last lines are level, such
    spreads). Page 1 is a recto: a spread is pages 2k and 2k + 1."""
    full = [n for n in range(len(body)) if is_full(body, n)]
    flush = sum(1 for n in full if body[n]["foot"] - body[n]["ink"] < 4)
    spreads = [(n, n + 1) for n in full if n % 2 == 1 and n + 1 in full]
    level = sum(1 for a, b in spreads if abs(body[a]["ink"] - body[b]["ink"]) < 4)
    return flush, len(full), level, len(spreads)


def main():
    pdf = sys.argv[1]
    _, _, top, bottom, inner, outer = (float(v) * MM for v in sys.argv[2:8])
    keep = int(sys.argv[8]) if len(sys.argv) > 8 else 2
    bad = []
    body = read(pdf, top, bottom, inner, outer, bad)
    for pg, ink in zip(body, ink_bottoms(pdf, top, bottom)):
        pg["ink"] = ink
    heights = sorted(y1 - y0 for pg in body for (y0, y1, *_r) in pg["lines"])
    text_h = heights[len(heights) // 2] if heights else 0  # the body's line height
    check_headings(body, text_h, bad)
    check_colons(body, text_h, bad)
    check_openers(body, text_h, bad)
    split = check_split_paragraphs(body, keep, bad)
    prompts = check_prompts(body, body_pitch(body), bad)
    check_short_ends(body, top, body_pitch(body), bad)
    named = check_running_heads(body, text_h, bad)
    flush, full, level, spreads = flush_pages(body)
    for e in bad:
        print("pagecheck: " + e, file=sys.stderr)
    print(f"pagecheck: {len(body)} pages, {sum(len(p['lines']) for p in body)} lines, "
          f"{split} paragraphs over a page break, {prompts} prompts, "
          f"{named} running heads name a question that goes on, "
          f"{flush} of {full} full pages flush at the foot, "
          f"{level} of {spreads} spreads level, {len(bad)} problems")
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
