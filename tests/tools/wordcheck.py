#!/usr/bin/env python3
"""The word check: no text of a source may silently vanish.

    wordcheck.py --print-text [--pdf FILE]... [--epub FILE]...
    wordcheck.py [--plain] [--manifest booklet.yaml] [--filler-log STDERR]...
                 [--pdf FILE]... [--epub FILE]... [--text FILE]... [--per-chapter]
                 [SOURCE...]

Words are runs of ASCII letters and digits, compared case-insensitively (a
layout may set headings in capitals). For every output, and for every word,
its count in the sources must not exceed its count among the output's
tokens; a shortfall is still accepted when the word occurs often enough as a
substring of the output's concatenated letters and digits (lines of code may
wrap mid-token behind a continuation mark, words may be hyphenated).

Sources are read line by line. Without --plain they are Markdown-ish notes:
link destinations `](...)`, reference definitions `[x]: url`, list and task
markers, Obsidian's callout markers, wikilink targets shown by other words and
block ids, question/answer labels ("Q1:", "Answer -", "Antwort:") and answer
captions (<summary>Show answer</summary>), which become structure, fence info strings, footnote labels and the tags (and attributes) of the raw-HTML
subset that becomes formatting are syntax, not text; entities are decoded.
Lines that octavo reported as dropped chat filler or as merged listed questions
(diagnostics with code [filler], [page-furniture], [merged-question], [merged-answer], [answer-key], [exam-paper], [mark-scheme], [html-title], [badges-dropped], [nav-link-dropped], [front-matter], [comment], [cloze], [shortcode], [tags] or [property]
in its captured stderr)
are skipped.

With --per-chapter each source is also checked against its own EPUB chapter
(one spine document per source, in order), where a lost word cannot hide
behind the same word elsewhere in the book.

Outputs: PDF through `pdftotext -raw` (anything on its stderr is a failure),
EPUB by reading every spine document in order and taking the text of its
body (plus image alt text), or plain text files.

Exit status: 0 all words present, 1 words missing, 2 usage or tool error.
"""
import argparse
import collections
import csv
import html
import html.parser
import os
import posixpath
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

WORD = re.compile(r"[A-Za-z0-9]+")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
HYPHENS = ("-", "\u2010", "\u2011")
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i",
          "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
          "time", "u", "var", "wbr"}

# Markdown syntax that is not text (see the module comment).
REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
LINK_DEST = re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
# (bullet symbols too: octavo makes "• item" a list item; a legacy-encoded
# file's bullet byte reads as U+FFFD here, since sources are read as UTF-8)
LIST_MARK = re.compile(
    r"^(\s*(?:>\s*)*)(?:(?:\d{1,9}[.)]|[-+*])(?=\s|$)|[\u2022\u25e6\u25aa\u25ab\u2023\u25cf\u25cb"
    r"\u25a0\u25a1\u25ba\u25b8\u27a4\u27a2\u2043\ufffd])")
TASK_MARK = re.compile(r"^(\s*(?:>\s*)*)\[[ xX]\](?=\s)")
# Obsidian: a callout's marker (its type names the quote only when no title
# follows), a wikilink's target when it shows other words, a block id.
CALLOUT = re.compile(r"^(\s*(?:>\s*)+)\[![A-Za-z0-9_-]+\][+-]?")
WIKI_TARGET = re.compile(r"\[\[[^\]|\[]*\|")
WIKI_BLOCK = re.compile(r"\^[A-Za-z0-9-]+(?=\]\])")
# Anki's cloze: "{{c1::" opens one (its words print, or its hint in brackets).
CLOZE_OPEN = re.compile(r"\{\{c\d+::", re.I)
# mkdocs' and Docusaurus' admonitions: their markers, type and CSS classes
# (a title in quotes or brackets is text).
ADMONITION = re.compile(r"^(\s*(?:>\s*)*)(?:(?:!!!|\?\?\?\+?) ?[\w-]+(?: +[\w-]+)*|:{3,} ?[\w-]*)")
# A line that is only a Hugo shortcode: a box's title (title=, summary= or
# a quoted argument) prints; the rest is the shortcode's syntax (the lines
# octavo leaves out are named by its [shortcode] note).
SHORTCODE = re.compile(r"^\s*\{\{[<%](.*)[>%]\}\}\s*$")
SHORTCODE_TITLE = re.compile(r'(?:\b(?:title|summary)=|(?<![=\w]))"([^"]*)"')
FENCE = re.compile(r"^(\s*(?:>\s*)*)(`{3,}|~{3,}).*$")
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
# Question/answer labels become structure (a numbered prompt, an answer
# block), like list markers: "Q:", "Q1:", "Q5)", "Question 9:", "Answer -",
# "A:", "Antwort:", "Réponse :" at the start of a line, and an answer
# caption such as <summary>Show answer</summary>.
Q_WORDS = (r"q|ques|question|qn|frage|pregunta|pergunta|quest\u00e3o|domanda|vraag|pytanie"
           r"|ot\u00e1zka|soru|k\u00e9rd\u00e9s|fr\u00e5ga|sp\u00f8rgsm\u00e5l|sp\u00f8rsm\u00e5l"
           r"|kysymys|\u00eentrebare|\u0432\u043e\u043f\u0440\u043e\u0441"
           r"|\u043f\u0438\u0442\u0430\u043d\u043d\u044f|\u03b5\u03c1\u03ce\u03c4\u03b7\u03c3\u03b7"
           r"|\u0633\u0624\u0627\u0644|\u05e9\u05d0\u05dc\u05d4|\u95ee\u9898|\u554f\u984c|\uc9c8\ubb38"
           r"|pertanyaan|soalan|swali|\u0e04\u0e33\u0e16\u0e32\u0e21|\u8cea\u554f|\ubb38\uc81c"
           r"|c\u00e2u h\u1ecfi|h\u1ecfi|\u0e16\u0e32\u0e21|\u0e02\u0e49\u0e2d|soal")
A_WORDS = (r"ans|answers?|antwort|r[\u00e9e]ponse|respuesta|resposta|solution|l(?:\u00f6|oe)sung"
           r"|risposta|antwoord|odpowied\u017a|odpov\u011b\u010f|cevap|v\u00e1lasz|svar|vastaus"
           r"|r\u0103spuns|\u043e\u0442\u0432\u0435\u0442|\u0432\u0456\u0434\u043f\u043e\u0432\u0456\u0434\u044c"
           r"|\u03b1\u03c0\u03ac\u03bd\u03c4\u03b7\u03c3\u03b7|\u062c\u0648\u0627\u0628"
           r"|\u0625\u062c\u0627\u0628\u0629|\u05ea\u05e9\u05d5\u05d1\u05d4|\u7b54\u6848|\u7b54\u3048"
           r"|\u89e3\u7b54|\uc815\ub2f5"
           r"|yan\u0131t|jawaban|jawapan|jibu|\u0e04\u0e33\u0e15\u0e2d\u0e1a|\u56de\u7b54|\ub2f5\ubcc0|\ub2f5"
           r"|tr\u1ea3 l\u1eddi|\u0111\u00e1p \u00e1n|l\u1eddi gi\u1ea3i|\u0111\u00e1p|\u0e15\u0e2d\u0e1a"
           r"|\u0e40\u0e09\u0e25\u0e22|jawab")
# Words that label a question only with its number ("Problem 1.",
# "Exercise 3:", a quiz bowl's "Tossup 2.").
Q_NUMBERED = (r"problem|exercise|exercice|aufgabe|\u00fcbung|ejercicio|problema|esercizio"
              r"|toss-?up")
QA_LABEL = re.compile(
    r"^(\s*(?:>\s*)*(?:#{1,6}\s+)?(?:\*\*|__)?)"
    r"(?:(?:" + Q_WORDS + "|" + A_WORDS + r")\s*#?\s*\d{0,6}\s*(?:[:.)\uff1a]|[-\u2013\u2014](?=\s))"
    r"|(?:" + Q_NUMBERED + r")\s*#?\s*\d{1,6}\s*(?:[:.)\uff1a]|[-\u2013\u2014](?=\s))"
    r"|(?:a|r)\s*\d{0,6}\s*:)", re.I)
# A card on one line ("Q: What is X? A: Y."): its answer label, after the
# question's end (and a separator), becomes structure too.
INLINE_ANSWER = re.compile(
    r"(?<=[.?!)\"\u201d\u00bb\uff1f])(\s+(?:--|-|\u2014|\u2013|\||/|=>)?\s*)"
    r"(?:" + A_WORDS + r"|a|r)\s*(?::|\uff1a)(?=\s)", re.I)
# A question bank kept as a table: the header cells naming its question
# and answer columns become labels (study/qatable.c).
QA_HEADER_CELL = re.compile(
    r"(?<=\|)\s*(?:" + Q_WORDS + "|" + A_WORDS + r"|questions|prompt|front|back|a|r)\s*(?=\|)",
    re.I)
# TeX math ($\frac{1}{2} m v^2$, \(\alpha\)) is set as Unicode (unicode/
# texmath.c): its commands are no words of the text.
MATH_SPAN = re.compile(r"\$\$.+?\$\$|\$[^$\s](?:[^$]*?[^$\s])?\$|\\\(.+?\\\)|\\\[.+?\\\]")
TEX_COMMAND = re.compile(r"\\[A-Za-z]+")
ANSWER_CAPTION = re.compile(
    r"<summary>\s*(?:(?:show|see|reveal|click(?: to (?:see|show|reveal))?|click for)\s+)?"
    r"(?:the\s+)?(?:answers?|antwort(?: anzeigen)?|r[\u00e9e]ponse|l(?:\u00f6|oe)sung|solution)"
    r"\s*</summary>", re.I)
SAFE_TAG = re.compile(r"</?(?:details|summary|b|i|br|sup|sub|kbd|a|h[1-6])(?:\s[^<>]*)?/?>", re.I)
DIAG = re.compile(r"^(.*?):(\d+)(?::\d+)?: (?:warning|note|error): (.*)\[(?:filler|page-furniture|merged-question|merged-answer|answer-key|exam-paper|mark-scheme|html-title|badges-dropped|nav-link-dropped|front-matter|comment|cloze|shortcode|tags|property)\]\s*$")
LINE_LIST = re.compile(r"\blines?\s+((?:\d+(?:\s*[-\u2013]\s*\d+)?(?:\s*(?:,|and)\s*)?)+)")


def fail(msg):
    sys.stderr.write("wordcheck: %s\n" % msg)
    sys.exit(2)


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    return data.decode("utf-8", "replace")


def manifest_sources(path):
    """The `sources:` list of a booklet.yaml, without needing PyYAML."""
    base = os.path.dirname(path)
    out, inside = [], False
    for line in read_text(path).splitlines():
        if re.match(r"^sources\s*:", line):
            inside = True
            continue
        if not inside or not line.strip() or line.lstrip().startswith("#"):
            continue
        if re.match(r"^\S", line):
            break  # the next top-level key
        m = re.match(r"^\s*(?:-\s*)?file\s*:\s*(.+?)\s*$", line) or re.match(
            r"^\s*-\s*([^:{}]+?)\s*$", line
        )
        if m:
            out.append(os.path.join(base, m.group(1).strip("'\"")))
    if not out:
        fail("%s: no sources found" % path)
    return out


def filler_lines(logs):
    """(realpath, line) and (basename, line) pairs reported as dropped filler."""
    dropped = set()
    for log in logs:
        for diag in read_text(log).splitlines():
            m = DIAG.match(diag)
            if not m:
                continue
            path, line, msg = m.group(1), int(m.group(2)), m.group(3)
            lines = {line}
            for group in LINE_LIST.findall(msg):
                for a, b in re.findall(r"(\d+)(?:\s*[-\u2013]\s*(\d+))?", group):
                    lo, hi = int(a), int(b or a)
                    if hi - lo < 100000:
                        lines.update(range(lo, hi + 1))
            for n in lines:
                dropped.add((os.path.realpath(path), n))
                dropped.add((os.path.basename(path), n))
    return dropped


EMPTY_SOURCE = re.compile(r"^(?:octavo: )?(.+?): warning: .*\[empty-source\]\s*$")


def empty_sources(logs):
    """Real paths of the sources a log reports as holding no text (they
    give the book no chapter)."""
    empty = set()
    for log in logs:
        for diag in read_text(log).splitlines():
            m = EMPTY_SOURCE.match(diag.strip())
            if m:
                empty.add(os.path.realpath(m.group(1)))
    return empty


def markdown_words(line):
    """The text of one Markdown line, with syntax that is not text removed."""
    if REF_DEF.match(line):
        return ""
    if FENCE.match(line):
        return ""
    shortcode = SHORTCODE.match(line)
    if shortcode:
        return " ".join(SHORTCODE_TITLE.findall(shortcode.group(1)))
    line = LIST_MARK.sub(r"\1", line, count=1)
    line = TASK_MARK.sub(r"\1", line, count=1)
    line = CALLOUT.sub(r"\1", line, count=1)
    line = ADMONITION.sub(r"\1", line, count=1)
    line = WIKI_TARGET.sub("[[", line)
    line = WIKI_BLOCK.sub("", line)
    line = CLOZE_OPEN.sub(" ", line)
    if line.lstrip().startswith("|"):
        line = QA_HEADER_CELL.sub(" ", line)
    if "$" in line or "\\" in line:
        line = MATH_SPAN.sub(lambda m: TEX_COMMAND.sub(" ", m.group(0)), line)
    labelled = QA_LABEL.search(line)
    line = QA_LABEL.sub(r"\1", line, count=1)
    if labelled:
        line = INLINE_ANSWER.sub(r"\1", line, count=1)
    line = ANSWER_CAPTION.sub(" ", line)
    line = LINK_DEST.sub("]", line)
    line = FOOTNOTE.sub("", line)
    line = SAFE_TAG.sub(" ", line)
    return html.unescape(line)


DECK_COLUMN = re.compile(r"^#(?:tags|deck|notetype|guid) column:(\d+)\s*$")
DECK_SEPARATOR = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|",
                  ",": ",", ";": ";", "|": "|"}


def deck_separator(lines):
    """The separator an Anki deck's "#separator:" setting names (tab)."""
    for line in lines:
        if not line.startswith("#"):
            break
        if line.startswith("#separator:"):
            return DECK_SEPARATOR.get(line[len("#separator:"):].strip().lower(), "\t")
    return "\t"


def deck_lines(lines, other):
    """The lines of an Anki deck with the columns `other` left out: each
    record (its fields quoted as in CSV may run over several lines) becomes
    its fields' text at the line where it starts, the lines it continues on
    empty, so words keep their line numbers (normalize_deck.c)."""
    out = list(lines)
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        start += 1
    sep = deck_separator(lines)
    body = lines[start:]
    reader = csv.reader(body, delimiter=sep, quotechar='"')
    first = 0
    for record in reader:
        end = reader.line_num  # lines [first, end) of the body
        fields = [f for k, f in enumerate(record) if k not in other]
        for i in range(first, end):
            out[start + i] = " ".join(fields) if i == first else ""
        first = end
    return out


def deck_other_columns(lines):
    """The 0-based columns an Anki deck's settings lines say are no field
    (octavo leaves them out of the cards: src/ingest/normalize/normalize_deck.c)."""
    cols = set()
    for line in lines:
        if not line.startswith("#"):
            break
        m = DECK_COLUMN.match(line)
        if m:
            cols.add(int(m.group(1)) - 1)
    return cols


def source_words(sources, plain, dropped):
    """Counter of words and, per word, where it occurs (file:line)."""
    counts, where = collections.Counter(), collections.defaultdict(list)
    skipped = 0
    for path in sources:
        real, base = os.path.realpath(path), os.path.basename(path)
        lines = read_text(path).splitlines()
        other = deck_other_columns(lines)
        if other:
            lines = deck_lines(lines, other)
        for n, line in enumerate(lines, 1):
            if (real, n) in dropped or (base, n) in dropped:
                skipped += 1
                continue
            text = line if plain else markdown_words(line)
            for w in WORD.findall(text):
                w = w.lower()
                counts[w] += 1
                where[w].append("%s:%d" % (path, n))
    return counts, where, skipped


def pdf_text(path):
    proc = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", path, "-"], capture_output=True
    )
    if proc.returncode != 0 or proc.stderr:
        fail("pdftotext %s: exit %d: %s" % (path, proc.returncode, proc.stderr.decode(errors="replace")))
    return proc.stdout.decode("utf-8", "replace")


class _TextParser(html.parser.HTMLParser):
    """Fallback for spine documents that are not well-formed XML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.depth += 1
        if tag == "img" and self.depth:
            self.parts.append(" %s " % (dict(attrs).get("alt") or ""))
        if tag in ("p", "div", "br", "li", "tr", "td", "th", "pre", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "body":
            self.depth -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def xhtml_text(data):
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        p = _TextParser()
        p.feed(data.decode("utf-8", "replace"))
        return "".join(p.parts)
    body = next((e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "body"), None)
    if body is None:
        return ""
    parts = []

    def walk(e):
        # Block elements are separated by a space (`<p>a</p><p>b</p>` is
        # two words), inline ones are not (`<b>a</b>b` is one).
        tag = e.tag.rsplit("}", 1)[-1]
        if tag == "img":
            parts.append(" %s " % (e.get("alt") or ""))
        sep = " " if tag not in INLINE else ""
        parts.append(sep + (e.text or ""))
        for child in e:
            walk(child)
            parts.append(child.tail or "")
        parts.append(sep)

    walk(body)
    return "".join(parts)


def epub_documents(path):
    """(name in the zip, body text) of every spine document, in spine order."""
    try:
        z = zipfile.ZipFile(path)
        container = ET.fromstring(z.read("META-INF/container.xml"))
        rootfile = next(e for e in container.iter() if e.tag.endswith("rootfile"))
        opf_path = rootfile.get("full-path")
        opf = ET.fromstring(z.read(opf_path))
    except (zipfile.BadZipFile, KeyError, StopIteration, ET.ParseError) as e:
        fail("%s: not a readable EPUB: %s" % (path, e))
    base = posixpath.dirname(opf_path)
    items = {
        e.get("id"): e.get("href")
        for e in opf.iter()
        if e.tag.rsplit("}", 1)[-1] == "item"
    }
    docs = []
    for ref in (e for e in opf.iter() if e.tag.rsplit("}", 1)[-1] == "itemref"):
        href = items.get(ref.get("idref"))
        if href is None:
            fail("%s: spine refers to unknown item %s" % (path, ref.get("idref")))
        name = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
        docs.append((name, xhtml_text(z.read(name))))
    if not docs:
        fail("%s: empty spine" % path)
    return docs


def epub_text(path):
    return "\n".join(text for _, text in epub_documents(path))


def output_tokens(text):
    """Counter of output tokens and the concatenated letters-and-digits stream."""
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).lower()
    tokens = collections.Counter(WORD.findall(text))
    # A word hyphenated at a line end also counts as the joined word.
    lines = text.split("\n")
    for a, b in zip(lines, lines[1:]):
        a, b = a.rstrip(), b.lstrip()
        if a.endswith(HYPHENS) and b:
            head, tail = WORD.search(a[:-1][::-1]), WORD.match(b)
            if head and tail and head.start() == 0:
                tokens[head.group(0)[::-1] + tail.group(0)] += 1
    stream = "".join(WORD.findall(text))
    return tokens, stream


def missing_words(text, counts):
    """(word, needed, found) for every word of counts the text lacks."""
    tokens, stream = output_tokens(text)
    missing = []
    for w, need in counts.items():
        have = tokens.get(w, 0)
        if have < need:
            have = max(have, stream.count(w))
        if have < need:
            missing.append((w, need, have))
    return missing


def check(label, text, counts, where):
    missing = sorted((where[w][0], w, need, have) for w, need, have in missing_words(text, counts))
    for _, w, need, have in missing:
        places = where[w]
        shown = places if have == 0 or len(places) <= 8 else places[:8] + ["…"]
        print(
            "%s: missing word %r: %d in the sources, %d in the output; at %s"
            % (label, w, need, have, ", ".join(shown))
        )
    total = sum(counts.values())
    if missing:
        print("%s: FAIL: %d of %d distinct words missing" % (label, len(missing), len(counts)))
    else:
        print("%s: ok: all %d words (%d distinct) present" % (label, total, len(counts)))
    return not missing


def check_chapters(label, docs, sources, plain, dropped):
    """Each source against its own chapter: the spine holds one document per
    source, in source order, possibly between front and back matter; every
    such alignment is tried and the best one (fewest failing sources) judged.
    Across the whole book a word lost in one chapter can hide behind the same
    word in another; here it cannot."""
    per_source = [source_words([path], plain, dropped)[:2] for path in sources]
    extra = len(docs) - len(sources)
    if extra < 0:
        print("%s: FAIL: %d sources but only %d spine documents" % (label, len(sources), len(docs)))
        return False
    best = None
    for offset in range(extra + 1):
        bad = [
            i
            for i, (counts, _) in enumerate(per_source)
            if counts and missing_words(docs[offset + i][1], counts)
        ]
        if best is None or len(bad) < len(best[1]):
            best = (offset, bad)
        if not bad:
            break
    offset, bad = best
    for i in bad:
        counts, where = per_source[i]
        check("%s [%s]" % (label, docs[offset + i][0]), docs[offset + i][1], counts, where)
    print("%s: per chapter: %d sources (from spine document %d), %s"
          % (label, len(sources), offset + 1, "%d with missing words" % len(bad) if bad else "ok"))
    return not bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="*")
    ap.add_argument("--plain", action="store_true", help="sources are plain text")
    ap.add_argument("--manifest", action="append", default=[])
    ap.add_argument("--filler-log", action="append", default=[])
    ap.add_argument("--pdf", action="append", default=[])
    ap.add_argument("--epub", action="append", default=[])
    ap.add_argument("--text", action="append", default=[])
    ap.add_argument("--per-chapter", action="store_true",
                    help="also check each source against its own EPUB chapter")
    ap.add_argument("--print-text", action="store_true", help="print the outputs' text")
    args = ap.parse_args()
    if args.print_text:
        for path in args.pdf:
            sys.stdout.write(pdf_text(path))
        for path in args.epub:
            sys.stdout.write(epub_text(path) + "\n")
        return 0
    sources = list(args.sources)
    for m in args.manifest:
        sources += manifest_sources(m)
    if not sources:
        fail("no sources")
    if not (args.pdf or args.epub or args.text):
        fail("no outputs")
    for path in sources:
        if not os.path.isfile(path):
            fail("%s: no such source" % path)
    dropped = filler_lines(args.filler_log)
    counts, where, skipped = source_words(sources, args.plain, dropped)
    if skipped:
        print("wordcheck: %d source lines skipped as reported filler" % skipped)
    if not counts:
        fail("the sources contain no words at all")
    ok = True
    for path in args.pdf:
        ok &= check("PDF " + path, pdf_text(path), counts, where)
    for path in args.epub:
        docs = epub_documents(path)
        ok &= check("EPUB " + path, "\n".join(text for _, text in docs), counts, where)
        if args.per_chapter:
            empty = empty_sources(args.filler_log)
            chaptered = [p for p in sources if os.path.realpath(p) not in empty]
            ok &= check_chapters("EPUB " + path, docs, chaptered, args.plain, dropped)
    for path in args.text:
        ok &= check("text " + path, read_text(path), counts, where)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
