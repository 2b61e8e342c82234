#!/usr/bin/env bash
# Numbered collections (tests/data/numbered/) compiled as one booklet: runs
# of numbered headings are questions whatever their phrasing, sub-numbers
# ("4a", "12.1") are the questions' labels in the JSON bank and in both
# outputs, subheadings and numbered steps stay inside answers, a tutorial's
# numbered sections and topic headings stay sections, and the plain-text
# sublists indented less than a wide number print as lists of the answer.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cp "$OCTAVO_SRC"/tests/data/numbered/*.md "$OCTAVO_SRC"/tests/data/numbered/*.txt notes/
rm -f notes/README.md

build_ok build.log build notes -o out --lang en
expect_diagnostics build.log
check_epub out/notes.epub
check_pdf out/notes.pdf
wordcheck --filler-log build.log --pdf out/notes.pdf --epub out/notes.epub notes/*

"$OCTAVO" inspect --json notes >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank of the numbered collections is wrong (see above)"
import json, os, sys
bank = json.load(open(sys.argv[1]))
bad = []
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
want = {"python-collection.md": (8, 8), "sql-collection.md": (7, 7),
        "chemie-fragen.md": (5, 5), "espanol-javascript.md": (15, 15),
        "tutorial.md": (1, 1), "plain-article.md": (0, 0), "topics-chapters.md": (6, 6),
        "nested-numbers.md": (6, 6), "general-headings.md": (5, 5),
        "subquestion-headings.md": (4, 4),
        "wide-numbers.txt": (5, 5), "answer-key.txt": (5, 4), "cle-reponses.md": (4, 4)}
bad += ["%s: %r questions/answered, expected %r" % (k, got.get(k), v)
        for k, v in want.items() if got.get(k) != v]
by = {}
for q in bank["questions"]:
    for key in ("id", "source", "line", "number", "label", "prompt", "answered"):
        if key not in q:
            bad.append("question without %r: %r" % (key, q))
    by.setdefault(os.path.basename(q["source"]), []).append(q)
def seq(f, key):
    return [q[key] for q in by.get(f, [])]
labels = ["1", "2", "3", "4a", "4b", "5", "6", "7", "8", "9", "10", "11", "12", "12.1", "12.2"]
checks = [
    (seq("espanol-javascript.md", "label"), labels),
    (seq("espanol-javascript.md", "number"), [1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12]),
    (seq("python-collection.md", "number"), list(range(1, 9))),
    (seq("sql-collection.md", "label"), [str(n) for n in range(1, 8)]),
    (seq("chemie-fragen.md", "prompt")[0], "Atombau"),
    (seq("nested-numbers.md", "label"), ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"]),
    (seq("wide-numbers.txt", "number"), list(range(98, 103))),
    (seq("topics-chapters.md", "label"), [None] * 6),
    (seq("tutorial.md", "prompt"), ["What if no readings appear?"]),
    # the key skips 4: the unanswered question keeps its place in the list
    (seq("answer-key.txt", "number"), [1, 2, 3, 4, 5]),
]
bad += ["got %r, expected %r" % (g, w) for g, w in checks if g != w]
prompts = {q["prompt"] for q in bank["questions"]}
for sub in ("Why does it exist?", "When should you avoid them?", "Estados de una promesa",
            "Warum ist Wasser ein Ampholyt?", "Why use one?", "What do you know about views?",
            "Install", "1. Install", "Configure", "Introduction",
            "Define the wrapper function: it receives the arguments of the call.",
            "Define the view function: it returns a response."):
    if sub in prompts:
        bad.append("%r is a question of its own" % sub)
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# The labels as written, in print and in the EPUB; the tutorial's steps
# keep their numbers as section titles.
pdftotext -layout out/notes.pdf notes.txt
epub_text out/notes.epub >epub.txt
for lab in 4a 4b 12.1 12.2 1.1 3.2; do
    grep -Eq "(^|[^0-9A-Za-z.])$lab([^0-9A-Za-z]|$)" notes.txt || fail "PDF text lacks the label $lab"
    # "4a." but "12.1" (a label with a dot of its own takes no second one)
    case $lab in
    *.*) re="(^|[^0-9A-Za-z.])${lab//./\\.}( |$)" ;;
    *) re="(^|[^0-9A-Za-z.])$lab\." ;;
    esac
    grep -Eq "$re" epub.txt || fail "EPUB text lacks the label $lab"
done
grep -q "1\. Install" notes.txt || fail "PDF lacks the tutorial section '1. Install'"
# the sublist of item 100 is a list in the answer, not text of the prompt
python3 - out/notes.epub <<'PY' || fail "the sublist of question 100 is not a list of its answer"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
html = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
m = re.search(r'What are the phases of the Moon\?</p>\s*<div class="answer"[^>]*>\s*<ul[^>]*>(.*?)</ul>',
              html, re.S)
sys.exit(0 if m and m.group(1).count("<li") == 4 else 1)
PY
note "numbered collections: bank, labels, validators and word check ok"
