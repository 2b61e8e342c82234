#!/usr/bin/env python3
"""Checks a PDF and an EPUB built from tests/data/multilingual/ (issue 10).

    multicheck.py FIXTURE_DIR PDF EPUB

Reads the fixture's Markdown sources: every paragraph and question heading
is one "line" (its source lines joined), filed under its section (## Chinese,
## Arabic...). Then checks, and prints one precise message per problem:

  text      every line comes back from `pdftotext` (white space ignored, NFC;
            right-to-left lines put back in logical order, see rtl_logical),
            no U+FFFD anywhere;
  emoji     every RGI emoji sequence of the fixture (emoji-test.txt,
            fully-qualified, longest match) is in the text layer whole, is
            drawn as one image (pdfimages: one image object per distinct
            sequence) and the text under the images is invisible (3 Tr);
  fonts     pdffonts lists a CJK, an Arabic, a Devanagari, a Thai, a Tamil,
            a Bengali, a Sinhala, a Khmer and an Ethiopic font;
  epub      the paragraphs of each language section carry xml:lang and lang
            for that language, Arabic and Hebrew also dir="rtl";
  breaks    the long Thai and Chinese paragraphs wrap over three lines or
            more, and every PDF line ends where a line may end (Thai: between
            two words of thai-words.txt; Chinese: not before closing or after
            opening punctuation).

Exit status 1 if anything failed; every failure is printed first."""
import collections
import ctypes
import glob
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("  FAIL " + msg, file=sys.stderr)


def ok(msg):
    print("  ok   " + msg)


def u(s):
    """A string with its code points, for messages: 'ab' (U+0061 U+0062)."""
    return f"{s!r} ({' '.join(f'U+{ord(c):04X}' for c in s)})"


# --- the fixture --------------------------------------------------------------

# Section name -> (languages its EPUB paragraphs may declare, right to left).
LANGS = {
    "Chinese": ({"zh", "zh-Hans", "zh-Hant", "und-Hani"}, False),
    "Japanese": ({"ja", "ja-JP"}, False),
    "Korean": ({"ko", "ko-KR"}, False),
    "Hindi": ({"hi", "und-Deva"}, False),
    "Thai": ({"th"}, False),
    "Arabic": ({"ar", "und-Arab"}, True),
    "Hebrew": ({"he"}, True),
    "Russian": ({"ru", "und-Cyrl"}, False),
    "Greek": ({"el", "und-Grek"}, False),
}
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

Line = collections.namedtuple("Line", "where section text is_heading")


def fixture_lines(fixture):
    """Paragraphs and headings of every .md of the fixture, in order."""
    out = []
    for path in sorted(glob.glob(os.path.join(fixture, "*.md"))):
        section, para, start = "", [], 0
        name = os.path.basename(path)

        def flush():
            if para:
                out.append(Line(f"{name}:{start}", section, " ".join(para), False))
            para.clear()

        for no, raw in enumerate(open(path, encoding="utf-8"), 1):
            s = raw.strip()
            if not s:
                flush()
            elif s.startswith("#"):
                flush()
                level, title = re.match(r"(#+)\s*(.*)", s).groups()
                if len(level) == 2:
                    section = title
                out.append(Line(f"{name}:{no}", section, title, True))
            else:
                if not para:
                    start = no
                para.append(s)
        flush()
    return out


def rgi_sequences():
    """Every fully-qualified RGI emoji sequence (Unicode's emoji-test.txt)."""
    seqs = set()
    for path in ["/usr/share/unicode/emoji/emoji-test.txt"]:
        for line in open(path, encoding="utf-8"):
            m = re.match(r"([0-9A-F ]+);\s*fully-qualified", line)
            if m:
                seqs.add("".join(chr(int(h, 16)) for h in m.group(1).split()))
    return seqs


def emoji_in(text, rgi, longest):
    """The RGI sequences in text, longest match first, in order."""
    found, i = [], 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + n] in rgi:
                found.append(text[i : i + n])
                i += n
                break
        else:
            i += 1
    return found


# --- the PDF's text -----------------------------------------------------------

def _open_icu():
    """ICU's common library (the one octavo links) and its symbol suffix."""
    for path in sorted(glob.glob("/usr/lib/*/libicuuc.so.*") + glob.glob("/usr/lib/libicuuc.so.*")):
        m = re.search(r"libicuuc\.so\.(\d+)$", path)
        if m:
            return ctypes.CDLL(path), "_" + m.group(1)
    return ctypes.CDLL("libicuuc.so.72"), "_72"


icu, ICU_SUFFIX = _open_icu()


def icu_fn(name):
    return getattr(icu, name + ICU_SUFFIX)


icu_fn("ubidi_open").restype = ctypes.c_void_p
UBIDI_REORDER_INVERSE_LIKE_DIRECT = 5
UBIDI_REMOVE_BIDI_CONTROLS = 8


def inverse_bidi(visual):
    """The logical order of a right-to-left line given left to right as drawn
    (ICU's inverse of the bidi algorithm, paragraph level RTL)."""
    b = ctypes.c_void_p(icu_fn("ubidi_open")())
    icu_fn("ubidi_setReorderingMode")(b, UBIDI_REORDER_INVERSE_LIKE_DIRECT)
    src = visual.encode("utf-16-le")
    n = len(src) // 2
    buf = ctypes.create_string_buffer(src, len(src) + 2)
    err = ctypes.c_int(0)
    icu_fn("ubidi_setPara")(b, buf, n, ctypes.c_uint8(1), None, ctypes.byref(err))
    out = ctypes.create_string_buffer(4 * n + 8)
    m = icu_fn("ubidi_writeReordered")(
        b, out, 2 * n + 4, ctypes.c_uint16(UBIDI_REMOVE_BIDI_CONTROLS), ctypes.byref(err)
    )
    icu_fn("ubidi_close")(b)
    if err.value > 0:
        raise RuntimeError(f"ICU ubidi error {err.value}")
    return out.raw[: 2 * m].decode("utf-16-le")


def rtl_logical(line):
    """pdftotext sets a line of a left-to-right page as its runs from left to
    right, each right-to-left run (wrapped in U+202B ... U+202C) in logical
    order. A line whose rightmost strong letter is right to left is taken
    for a line of a right-to-left paragraph (true of the fixture): it is
    rebuilt as drawn (those runs reversed) and put back in logical order by
    ICU's inverse bidi. Other lines are left as they are."""
    if "\u202b" not in line:
        return line
    runs = re.findall(r"\u202b([^\u202c]*)\u202c?|([^\u202b]+)", line)
    visual = "".join(r[::-1] if r else o for r, o in runs)
    strong = [unicodedata.bidirectional(c) for c in visual]
    strong = [b for b in strong if b in ("L", "R", "AL")]
    if not strong or strong[-1] == "L":
        return line
    return inverse_bidi(visual)


IGNORABLE = re.compile("[\\s\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\ufe0e]")


# octavo sets its language's quotation marks for straight quotes
# (src/tree/quotes.c): every quotation mark compares as a straight one.
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2039": "'",
                        "\u203a": "'", "\u300e": "'", "\u300f": "'", "\u201c": '"',
                        "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                        "\u300c": '"', "\u300d": '"'})


def squash(s):
    """What the comparison sees: NFC, no white space, no bidi controls, no
    soft hyphen, no text-presentation selector (VS15 is not drawn), every
    quotation mark straight."""
    return IGNORABLE.sub("", unicodedata.normalize("NFC", s)).translate(QUOTES)


FOLIO = re.compile(r"^\s*([0-9]+|[ivxlcdm]+)\s*$")


def body_lines(raw, heads):
    """The lines of each page without its furniture: a first line that is
    a running head (the booklet's or a chapter's title) and a last line
    that is a folio, so a paragraph running over a page break reads on."""
    out = []
    for page in raw.split("\f"):
        lines = page.split("\n")
        filled = [i for i, l in enumerate(lines) if l.strip()]
        drop = set()
        if filled and FOLIO.match(lines[filled[-1]]):
            drop.add(filled[-1])
        if filled and squash(lines[filled[0]]) in heads:
            drop.add(filled[0])
        out += [l for i, l in enumerate(lines) if i not in drop]
    return out


class PdfText:
    def __init__(self, pdf, heads=frozenset()):
        r = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True)
        self.raw = r.stdout.decode("utf-8", "replace")
        self.lines = [rtl_logical(l) for l in body_lines(self.raw, heads)]
        # one string without white space, and where each line ends in it
        self.flat, self.ends = "", []
        for l in self.lines:
            self.flat += squash(l)
            self.ends.append(len(self.flat))
        # a word hyphenated at a line end, joined (a hyphen before a
        # lower-case letter of the next line)
        self.dehyph = squash(re.sub(r"(?<=\w)[-\u2010]\n(?=[a-z])", "", "\n".join(self.lines)))

    def find(self, needle):
        i = self.flat.find(needle)
        return i if i >= 0 else None

    def explain(self, needle):
        """Why needle is not in the text: the longest prefix that is, and
        what the PDF has where the next character should be."""
        lo, hi = 0, len(needle)
        while lo < hi:  # the longest prefix found (prefixes shrink monotonically)
            mid = (lo + hi + 1) // 2
            if needle[:mid] in self.flat:
                lo = mid
            else:
                hi = mid - 1
        if lo == 0:
            return f"not even its first character {u(needle[0])} is in the PDF text"
        at = self.flat.find(needle[:lo]) + lo
        want = needle[lo : lo + 6]
        have = self.flat[at : at + 6]
        return (
            f"the first {lo} of {len(needle)} characters match "
            f"(...{needle[max(0, lo - 8):lo]!r}), then the source has {u(want)} "
            f"where the PDF has {u(have) if have else 'nothing'}"
        )


# --- the checks --------------------------------------------------------------


def check_text(lines, text, rgi, longest):
    missing = 0
    for ln in lines:
        needle = squash(ln.text.replace("**", "").replace("`", ""))
        if not needle:
            continue
        if needle in text.flat or needle in text.dehyph:
            continue
        missing += 1
        kind = "heading" if ln.is_heading else "line"
        emo = " (has emoji)" if emoji_in(ln.text, rgi, longest) else ""
        fail(f"{ln.where} [{ln.section or 'intro'}] {kind}{emo} not in pdftotext: {text.explain(needle)}")
    (fail if missing else ok)(f"text: {len(lines) - missing} of {len(lines)} paragraphs and headings found in pdftotext")
    bad = [k for k, l in enumerate(text.raw.split("\n"), 1) if "\ufffd" in l]
    if bad:
        fail(f"U+FFFD in pdftotext output on lines {bad[:10]}")
    else:
        ok("text: no U+FFFD in pdftotext output")


def check_emoji(lines, text, rgi, longest, pdf, qdf):
    seqs = []
    for ln in lines:
        for s in emoji_in(ln.text, rgi, longest):
            if s not in seqs:
                seqs.append(s)
    if len(seqs) < 10:
        fail(f"emoji: the fixture has only {len(seqs)} distinct emoji sequences")
    raw = unicodedata.normalize("NFC", text.raw)
    gone = [s for s in seqs if s not in raw]
    for s in gone:
        base = [c for c in s if unicodedata.category(c) == "So"]
        part = "".join(c for c in s if c in raw)
        fail(f"emoji: sequence {u(s)} not whole in pdftotext (characters of it found: {u(part) if part else 'none'}; base {u(''.join(base))})")
    if not gone:
        ok(f"emoji: all {len(seqs)} distinct sequences whole in the text layer")
    r = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True)
    if r.stderr.strip():
        fail(f"pdfimages -list wrote to stderr: {r.stderr.strip()[:300]}")
    objs = set()
    for row in r.stdout.splitlines()[2:]:
        f = row.split()
        if len(f) > 11 and f[2] == "image":
            objs.add((f[10], f[11]))
    if len(objs) != len(seqs):
        fail(
            f"emoji: {len(objs)} image objects in the PDF (pdfimages -list), "
            f"want one per distinct emoji sequence: {len(seqs)} ({' '.join(seqs)})"
        )
    else:
        ok(f"emoji: {len(objs)} image objects, one per distinct sequence")
    if not re.search(rb"(^|\s)3 Tr(\s|$)", qdf):
        fail("emoji: no invisible text (3 Tr) in any content stream: the emoji are not kept as text under their images")
    else:
        ok("emoji: invisible text (3 Tr) in the content streams")


FONT_KINDS = {
    "CJK": r"CJK|DroidSansFallback|WenQuanYi|Hei|Ming|Song|Gothic|(SC|TC|JP|KR|HK)\b",
    "Arabic": r"Arabic|Naskh|Kufi",
    "Devanagari": r"Devanagari",
    "Thai": r"Thai",
    "Tamil": r"Tamil",
    "Bengali": r"Bengali",
    "Sinhala": r"Sinhala",
    "Khmer": r"Khmer",
    "Ethiopic": r"Ethiopic",
}


def check_fonts(pdf):
    r = subprocess.run(["pdffonts", pdf], capture_output=True, text=True)
    # the names without their subset tags (ABCDEF+)
    names = [row.split()[0].split("+")[-1] for row in r.stdout.splitlines()[2:] if row.strip()]
    lacking = [k for k, pat in FONT_KINDS.items() if not any(re.search(pat, n) for n in names)]
    for kind in lacking:
        fail(f"fonts: no {kind} font among the embedded fonts {names}")
    if not lacking:
        ok(f"fonts: {len(names)} embedded ({', '.join(n.split('+')[-1] for n in names)})")


def check_epub(lines, epub):
    z = zipfile.ZipFile(epub)
    doc = "".join(z.read(n).decode() for n in sorted(z.namelist()) if n.endswith(".xhtml"))
    paras = [
        (m.group(1), unicodedata.normalize("NFC", re.sub(r"<[^>]*>", "", m.group(2))))
        for m in re.finditer(r"<p\b([^>]*)>(.*?)</p>", doc, re.S)
    ]
    checked = 0
    for ln in lines:
        if ln.is_heading or ln.section not in LANGS:
            continue
        want, rtl = LANGS[ln.section]
        head = squash(ln.text)[:12]
        hits = [a for a, t in paras if head in squash(t)]
        if not hits:
            fail(f"epub: {ln.where} [{ln.section}] paragraph {ln.text[:20]!r} not found in the EPUB")
            continue
        attrs = hits[0]
        xml = re.search(r'xml:lang="([^"]*)"', attrs)
        html = re.search(r'(?<![:\w])lang="([^"]*)"', attrs)
        checked += 1
        if not xml or xml.group(1) not in want:
            fail(f"epub: {ln.where} [{ln.section}] <p{attrs}>: xml:lang should be one of {sorted(want)}")
        if not html or (xml and html.group(1) != xml.group(1)):
            fail(f"epub: {ln.where} [{ln.section}] <p{attrs}>: lang should repeat xml:lang")
        if rtl != ('dir="rtl"' in attrs):
            fail(f"epub: {ln.where} [{ln.section}] <p{attrs}>: dir=\"rtl\" {'missing' if rtl else 'unexpected'}")
    if checked < len(LANGS):
        fail(f"epub: only {checked} language paragraphs checked")
    if not [f for f in FAILS if f.startswith("epub")]:
        ok(f"epub: xml:lang/lang/dir of {checked} paragraphs in {len(LANGS)} languages")


CLOSING = set("，。、！？：；」』）〉》”’・ー…")
OPENING = set("「『（〈《“‘")


def check_breaks(lines, text, fixture):
    words = [
        w.strip()
        for w in open(os.path.join(fixture, "thai-words.txt"), encoding="utf-8")
        if w.strip() and not w.startswith("#")
    ]
    thai = "".join(words)
    bounds, k = set(), 0
    for w in words:
        k += len(w)
        bounds.add(k)
    paras = {ln.section: [] for ln in lines}
    for ln in lines:
        if not ln.is_heading:
            paras[ln.section].append(squash(ln.text))
    if thai not in paras.get("Thai", []):
        fail("breaks: the Thai paragraph of asia.md is not the words of thai-words.txt run together")
    chinese = max(paras.get("Chinese", [""]), key=len)

    def wrap(name, para, allowed):
        at = text.find(para)
        if at is None:
            fail(f"breaks: the long {name} paragraph is not in the PDF text whole (see text)")
            return
        cuts = [e - at for e in text.ends if at < e < at + len(para)]
        cuts = sorted(set(cuts))
        if len(cuts) < 2:
            fail(f"breaks: the long {name} paragraph is set on {len(cuts) + 1} lines, want 3 or more")
        for c in cuts:
            if not allowed(c):
                fail(
                    f"breaks: a {name} line ends at a place no line may end: "
                    f"...{para[max(0, c - 6):c]} | {para[c:c + 6]}... (character {c} of {len(para)})"
                )
        if cuts and all(allowed(c) for c in cuts):
            ok(f"breaks: the {name} paragraph is set on {len(cuts) + 1} lines, ends at {cuts}")

    wrap("Thai", thai, lambda c: c in bounds)
    wrap("Chinese", chinese, lambda c: chinese[c] not in CLOSING and chinese[c - 1] not in OPENING)


def running_heads(fixture):
    """The titles a running head can show: the booklet's and its sources'
    (booklet.yaml `title:` lines), squashed."""
    heads = set()
    for line in open(os.path.join(fixture, "booklet.yaml"), encoding="utf-8"):
        m = re.match(r"\s*(?:- )?title:\s*(.+?)\s*$", line)
        if m:
            heads.add(squash(m.group(1).strip("'\"")))
    return frozenset(heads)


def main():
    fixture, pdf, epub = sys.argv[1:4]
    lines = fixture_lines(fixture)
    rgi = rgi_sequences()
    longest = max(len(s) for s in rgi)
    text = PdfText(pdf, running_heads(fixture))
    qdf = subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", pdf, "-"], capture_output=True
    ).stdout
    for step in (
        lambda: check_text(lines, text, rgi, longest),
        lambda: check_emoji(lines, text, rgi, longest, pdf, qdf),
        lambda: check_fonts(pdf),
        lambda: check_epub(lines, epub),
        lambda: check_breaks(lines, text, fixture),
    ):
        step()
    if FAILS:
        print(f"multicheck: {len(FAILS)} problems", file=sys.stderr)
        sys.exit(1)
    print("multicheck: all checks pass")


if __name__ == "__main__":
    main()
