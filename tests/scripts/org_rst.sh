#!/usr/bin/env bash
# Org-mode and reStructuredText notes (src/ingest/formats/): a directory
# holding only .org and .rst files (it used to be refused) builds to a PDF
# and an EPUB that qpdf and both epubchecks pass; every word of the notes
# but their markup and the lines octavo reports as metadata or comments
# reaches the Markdown the readers write (octavo normalize), and every
# word of that Markdown the booklet; messages name the Org/rst line; the
# study pass finds the fixtures' questions; #+TITLE and #+LANGUAGE name
# the chapter and the book's language; same bytes twice.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

data=$OCTAVO_SRC/tests/data/study
cd "$OCTAVO_TMP"
mkdir notes
cp "$data"/*.org "$data"/*.rst notes/
python3 - notes <<'PY'
import struct, sys, zlib
def png(w, h):
    def chunk(k, d):
        return struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d) & 0xFFFFFFFF)
    rows = b"".join(b"\0" + bytes((x * 7 + y * 3) & 255 for x in range(w * 3)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
open(sys.argv[1] + "/spring.png", "wb").write(png(40, 24))
PY
cat >notes/springs.org <<'ORG'
#+TITLE: Springs
* Hooke's law
The spring of [[file:spring.png]] stretches.
[[file:missing.png]]
ORG
cat >notes/cells.rst <<'RST'
Cells
=====

.. image:: spring.png
   :alt: A coiled spring

.. image:: absent.png
RST

build_ok build.log build notes -o out --lang en
expect_diagnostics build.log
grep -q '^notes/springs.org:4:1: warning: .*\[image-missing\]' build.log ||
    fail "the Org picture's warning does not name its line 4"
grep -q '^notes/cells.rst:7:1: warning: .*\[image-missing\]' build.log ||
    fail "the rst picture's warning does not name its line 7"
for code in org-metadata org-comment rst-metadata rst-comment tags; do
    grep -q "\[$code\]" build.log || fail "no [$code] note"
done
check_pdf out/notes.pdf
check_epub out/notes.epub
# (unzip into files: grep -q closing a pipe early would fail unzip's side)
unzip -p out/notes.epub '*.xhtml' >book.xhtml
grep -q 'alt="A coiled spring"' book.xhtml || fail "the rst picture is not in the EPUB"
unzip -l out/notes.epub >book.list
grep -q '\.png$' book.list || fail "no picture in the EPUB"

# The readers keep every word (tests/tools/ has the Markdown word check;
# this one knows the two markups' syntax).
for f in notes/*.org notes/*.rst; do
    "$OCTAVO" normalize "$f" >"md-$(basename "$f").md" 2>/dev/null || fail "normalize $f failed"
done
python3 - build.log notes/*.org notes/*.rst <<'PY' || fail "a reader lost words (see above)"
import collections, os, re, sys
log, sources = sys.argv[1], sys.argv[2:]
hidden = collections.defaultdict(set)
for line in open(log, encoding="utf-8"):
    m = re.match(r"^(.+?):\d+:\d+: note: .*: lines? ([\d, -]+) \[(org-metadata|org-comment|rst-metadata|rst-comment)\]$", line.strip())
    if not m:
        continue
    for part in m.group(2).split(","):
        a, _, b = part.strip().partition("-")
        hidden[m.group(1)].update(range(int(a), int(b or a) + 1))
SYNTAX = set("""begin end src example quote verse export comment center tip note warning
 results exports output both drill answer back front fn file http https www
 code block sourcecode image figure alt caption linenos local contents toctree
 hidden maxdepth replace func meth ref term math highlight admonition seealso
 c1 c2 c3 c4 c5 png""".split())
def words(text):
    return collections.Counter(w.lower() for w in re.findall(r"[A-Za-z0-9]+", text))
bad = 0
for src in sources:
    out = words(open("md-" + os.path.basename(src) + ".md", encoding="utf-8").read())
    need = collections.Counter()
    for n, line in enumerate(open(src, encoding="utf-8"), 1):
        if n in hidden[src]:
            continue
        line = re.sub(r"\s:[\w@#%:]+:\s*$", "", line)             # Org tags
        line = re.sub(r"\[#[A-Z]\]|\[\d+/\d+\]|\[\d+%\]", "", line)  # priority, cookies
        line = re.sub(r"^\*+\s+(TODO|DONE)\b", "", line)
        line = re.sub(r"https?://\S+?(?=[>\]\s]|$)", "", line)
        line = re.sub(r"\[\[[^\]]*\]\[", "[[", line)               # a described link's target
        line = re.sub(r"<[^<>\s]+>`_", "", line)                  # `words <target>`_
        line = re.sub(r"^\s*:[\w -]+:", "", line)                 # options, fields' names
        line = re.sub(r":[\w:+-]+:`", "`", line)                  # roles
        line = re.sub(r"\|[\w -]+\|", "", line)                   # substitutions
        need.update(words(line))
    for w, k in need.items():
        if w not in SYNTAX and out[w] < k:
            print("%s: '%s' %d times in the notes, %d in the Markdown" % (src, w, k, out[w]),
                  file=sys.stderr)
            bad += 1
sys.exit(1 if bad else 0)
PY
wordcheck --filler-log build.log --pdf out/notes.pdf --epub out/notes.epub md-*.md

# The study pass: the fixtures' counts (tests/data/study/README.md).
"$OCTAVO" inspect --json notes >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank of the Org and rst notes is wrong (see above)"
import json, os, sys
bank = json.load(open(sys.argv[1]))
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
want = {"french-drill.org": (6, 6), "physics-lecture.org": (3, 3),
        "sql-interview.rst": (3, 3), "portugues-cheatsheet.rst": (2, 2)}
bad = ["%s: %r, expected %r" % (k, got.get(k), v) for k, v in want.items() if got.get(k) != v]
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# #+TITLE names the chapter, #+LANGUAGE the book's language.
mkdir fr
cp "$data/french-drill.org" fr/
build_ok fr.log build fr -o outfr
unzip -p outfr/fr.epub '*.opf' >fr.opf
unzip -p outfr/fr.epub '*.xhtml' >fr.xhtml
grep -q '<dc:language>fr</dc:language>' fr.opf ||
    fail "#+LANGUAGE: fr is not the book's language"
grep -q '<h1>Vocabulaire.*la cuisine</h1>' fr.xhtml ||
    fail "#+TITLE does not name the chapter"

# Same input, same bytes.
build_ok build2.log build notes -o out2 --lang en
cmp -s out/notes.pdf out2/notes.pdf || fail "the PDF differs between two builds"
cmp -s out/notes.epub out2/notes.epub || fail "the EPUB differs between two builds"
note "Org and rst notes: validators, words, lines, questions, title and language ok"
