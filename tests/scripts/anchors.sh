#!/usr/bin/env bash
# Links inside the booklet (tests/data/anchors/): a README-style collection
# whose table of contents links to its "### N. …" headings by GitHub's
# anchors (accents, emoji, punctuation, duplicates), hand-set <a name>/<a id>
# anchors, id= on an HTML heading, links to and from a second file of the
# booklet, and "back to top" lines. Every link that names a place works in
# both outputs and lands on its target; the back-to-top lines are gone with
# one note per file; both validators, qpdf and the word check pass.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cp "$OCTAVO_SRC"/tests/data/anchors/*.md notes/

build_ok build.log build notes -o out --lang en
expect_diagnostics build.log
check_epub out/notes.epub
check_pdf out/notes.pdf
wordcheck --filler-log build.log --pdf out/notes.pdf --epub out/notes.epub notes/*

# Only the link that names nothing keeps today's fallback.
links=$(grep -c '\[epub-link-text\]' build.log || true)
[ "$links" -eq 1 ] && grep -q "'#no-such-heading'.*\[epub-link-text\]" build.log ||
    fail "expected exactly one [epub-link-text] note, for #no-such-heading; got $links"
# One note per file, naming every back-to-top line.
for f in interview.md glossary.md; do
    n=$(grep -c "$f:.*\[nav-link-dropped\]" build.log || true)
    [ "$n" -eq 1 ] || fail "$f: $n [nav-link-dropped] notes, expected 1"
done
grep -q "interview.md:.*dropped 22 'back to top' links.*lines 43, 49, 55" build.log ||
    fail "the note does not count and name the 22 back-to-top lines of interview.md"

pdftotext out/notes.pdf notes.txt
epub_text out/notes.epub >epub.txt
for t in "Back to Top" "back to top" "Top" "nach oben"; do
    ! grep -q "$t" notes.txt || fail "PDF still prints '$t'"
    ! grep -q "$t" epub.txt || fail "EPUB still prints '$t'"
done
grep -q "Table of Contents" notes.txt || fail "the author's table of contents is gone from the PDF"

# Where each link must land: link text, the text at its target (the prompt
# or heading; in the EPUB, what follows the target's id), [the PDF band to read].
cat >expect.tsv <<'TSV'
What is a closure?	1 What is a closure?
What does let change compared to var?	What does let change compared to var?
Explain the event loop	3 Explain the event loop
Qu'est-ce qu'un « closure » ?	7 Qu'est-ce qu'un « closure » ?
Why use strict mode? 🚀	8 Why use strict mode? 🚀
Café-style currying: what is it?	14 Café-style currying: what is it?
What is throttling?	16 What is throttling?
Object.freeze() and its limits	18 Object.freeze() and its limits
Difference between == and ===	5 Difference between == and ===
Explain async/await	20 Explain async/await
What is a closure used for in practice?	22 What is a closure used for in practice?
Examples, once more	Example A method passed as a callback	60
Strict mode, by its hand-set anchor	8 Why use strict mode?
question 13	13 What are generators?
question 11	11 What is a WeakMap?
glossary	Glossar	400
an entry of its own	Lexikalischer Gültigkeitsbereich (lexical scope)
notes-1	Notes
Frage 1	1 What is a closure?
Fragen	Questions
oben	Ereignisschleife
TSV

# PDF: every link annotation whose text is one of these goes to a page
# that shows its target; every entry has one.
qpdf --json=2 out/notes.pdf >pdf.json
python3 - out/notes.pdf pdf.json expect.tsv <<'PY' || fail "PDF links do not land on their targets (see above)"
import json, subprocess, sys
pdf, js, tsv = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(tsv, encoding="utf-8") if l.strip()]
want = {r[0]: r[1] for r in rows}
bands = {r[0]: int(r[2]) for r in rows if len(r) > 2}  # pt below the top to read
j = json.load(open(js))
objs = j["qpdf"][1]
pages = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
def val(ref):
    return objs.get("obj:" + ref, {}).get("value")
def page_text(n, box=None):
    cmd = ["pdftotext", "-q", "-f", str(n), "-l", str(n)]
    if box:
        cmd += ["-r", "72", "-x", str(int(box[0])), "-y", str(int(box[1])),
                "-W", str(int(box[2]) + 1), "-H", str(int(box[3]) + 1)]
    out = subprocess.run(cmd + [pdf, "-"], capture_output=True, text=True).stdout
    return " ".join(out.replace("\u00ad", "").split())
# link annotations in file order; a link broken over two lines is two
# annotations with one destination: their texts are joined
links = []
for key, o in objs.items():
    v = o.get("value") if isinstance(o, dict) else None
    if not (isinstance(v, dict) and v.get("/Subtype") == "/Link" and "/Dest" in v):
        continue
    src = pages[v["/P"]]
    mb = val(v["/P"]).get("/MediaBox", [0, 0, 595, 842])
    x0, y0, x1, y1 = v["/Rect"]
    # (the apostrophes are typographic in print: src/tree/quotes.c)
    text = page_text(src, (x0, mb[3] - y1, x1 - x0, y1 - y0)).rstrip(".,;").replace("\u2019", "'")
    if links and val(links[-1][2]) == val(v["/Dest"]) and links[-1][0] == src:
        links[-1][1] += " " + text
    else:
        links.append([src, text, v["/Dest"]])
bad, found = [], set()
for src, text, dest in links:
    dest = val(dest) if isinstance(dest, str) and dest.endswith(" R") else dest
    target = pages.get(dest[0]) if isinstance(dest, list) else None
    if target is None:
        bad.append("link %r on page %d has no page destination" % (text, src))
        continue
    if text in want:
        found.add(text)
        # the target's text just below the destination's top (a chapter
        # opens lower on its page); the question before is ~40 pt higher
        mb = val(dest[0]).get("/MediaBox", [0, 0, 595, 842])
        top = dest[3] if len(dest) > 3 and isinstance(dest[3], (int, float)) else mb[3]
        band = bands.get(text, 34)
        there = page_text(target, (0, max(0, mb[3] - top), mb[2], band)).replace("\u2019", "'")
        if want[text] not in there:
            bad.append("link %r (page %d) lands on page %d at %r, not at %r"
                       % (text, src, target, there[:80], want[text]))
internal = len(links)
bad += ["no PDF link for %r" % t for t in want if t not in found]
if internal < 30:
    bad.append("only %d internal link annotations" % internal)
print("anchors: %d internal PDF links, %d checked against their targets" % (internal, len(found)))
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# EPUB: every href inside the book names a file and an id that exist, and
# the links of expect.tsv lead to their target text.
python3 - out/notes.epub expect.tsv <<'PY' || fail "EPUB links do not land on their targets (see above)"
import html.parser, posixpath, re, sys, zipfile
epub, tsv = sys.argv[1:]
want = {r[0]: r[1] for r in (l.rstrip("\n").split("\t") for l in open(tsv, encoding="utf-8")
                             if l.strip())}
z = zipfile.ZipFile(epub)
class Doc(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.flat, self.ids, self.links, self.cur = [], {}, [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = sum(len(s) for s in self.flat)
        if tag == "a" and "href" in a:
            self.cur = [a["href"], ""]
    def handle_endtag(self, tag):
        if tag == "a" and self.cur:
            self.links.append((self.cur[0], " ".join(self.cur[1].split())))
            self.cur = None
    def handle_data(self, d):
        d = d.replace("\u2019", "'")  # typographic apostrophes (src/tree/quotes.c)
        self.flat.append(d)
        if self.cur:
            self.cur[1] += d
docs = {}
for name in z.namelist():
    if name.endswith(".xhtml"):
        d = Doc()
        d.feed(z.read(name).decode("utf-8"))
        d.text = " ".join("".join(d.flat).split())
        d.raw = "".join(d.flat)
        docs[name] = d
bad, found, internal = [], set(), 0
for name, d in docs.items():
    if name.endswith("nav.xhtml"):
        continue
    for href, text in d.links:
        if href.startswith(("http:", "https:", "mailto:", "ftp:")):
            continue
        internal += 1
        f, _, frag = href.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(name), f)) if f else name
        if path not in docs or (frag and frag not in docs[path].ids):
            bad.append("%s: href %r names nothing" % (name, href))
            continue
        if text in want:
            found.add(text)
            # the target's text opens right after its id (the EPUB prints
            # "16." where the PDF has "16" in the margin: labels aside)
            at = docs[path].ids.get(frag, 0)
            after = " ".join(docs[path].raw[at:at + 200].split())[:120]
            if re.sub(r"^[0-9]+ ", "", want[text]) not in after:
                bad.append("%s: link %r -> %r does not lead to %r" % (name, text, href, want[text]))
bad += ["no EPUB link for %r" % t for t in want if t not in found]
print("anchors: %d internal EPUB links, %d checked against their targets" % (internal, len(found)))
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# The ids follow the labels and the bank keeps the 22 questions.
"$OCTAVO" inspect --json notes >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank of the anchors booklet is wrong"
import json, os, sys
bank = json.load(open(sys.argv[1]))
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
ok = got.get("interview.md") == (22, 22)
ids = [q["id"] for q in bank["questions"] if q["source"].endswith("interview.md")]
ok = ok and ids[:2] == ["q1-what-is-a-closure", "q2-what-does-let-change-compared-to-var"]
if not ok:
    print(got, ids[:3], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
note "ok"
