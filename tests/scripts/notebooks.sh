#!/usr/bin/env bash
# Jupyter notebooks as notes (src/ingest/formats/): a directory of three
# notebooks (pandas interview questions in English, an R exercise book in
# Spanish, a Julia course in German in nbformat 3) builds to a PDF and an
# EPUB that pass the validators; no word of a cell or of a text output is
# lost; code is fenced in each kernel's language and highlighted, outputs
# are plain blocks set apart as outputs (a rule and "Out", in the booklet's
# language); output pictures and attachments are embedded; the study
# pass finds the questions (inspect --json) and the Anki deck carries code
# and explanation as the answer; a manifest lists notebooks; `normalize`
# prints a notebook's Markdown; a broken
# notebook is an error at its line and column, and nothing is written.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext pdfimages python3 unzip

data=$OCTAVO_SRC/tests/data/study
cd "$OCTAVO_TMP"
mkdir nb
cp "$data"/pandas-interview.ipynb "$data"/estadistica-r.ipynb "$data"/julia-kurs.ipynb nb/

build_ok build.log build nb -o out --lang en
expect_diagnostics build.log
if grep -q '\[notebook' build.log; then fail "the fixtures gave notebook diagnostics: $(cat build.log)"; fi
check_pdf out/nb.pdf
check_epub out/nb.epub

# The words of every cell and text output, as the notebook shows them
# (colour codes gone, a raw cell's text), against both outputs.
mkdir words
python3 - nb words <<'PY' || fail "could not extract the notebooks' words"
import json, os, re, sys
ansi = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
def text(v):
    return "".join(v) if isinstance(v, list) else (v or "")
for name in sorted(os.listdir(sys.argv[1])):
    nb = json.load(open(os.path.join(sys.argv[1], name), encoding="utf-8"))
    cells = nb.get("cells") or [c for w in nb.get("worksheets", []) for c in w["cells"]]
    out = []
    for c in cells:
        src = text(c.get("source", c.get("input")))
        if c["cell_type"] == "markdown":
            src = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", src)  # a picture: no words of its own
        out.append(src)
        for o in c.get("outputs", []):
            data = o.get("data", o)
            if "image/png" in data or "png" in data:
                continue
            out.append(text(o.get("text") or data.get("text/plain")))
            out.extend(o.get("traceback", []))
    with open(os.path.join(sys.argv[2], name + ".md"), "w", encoding="utf-8") as f:
        f.write(ansi.sub("", "\n\n".join(out)) + "\n")
PY
wordcheck --pdf out/nb.pdf --epub out/nb.epub words/*.md

# Code in the kernel's language, outputs in plain blocks; no colour code
# and no JSON left.
unzip -q -o out/nb.epub -d epub
cat epub/OEBPS/ch-*.xhtml >all.xhtml
for lang in python r julia; do
    grep -q "<code class=\"language-$lang\"" all.xhtml || fail "no $lang code block in the EPUB"
done
# an output is set apart from code as Jupyter sets it: <samp> in a
# pre.output (a rule and "Out" in the CSS), in the PDF under "Out"
grep -q '<pre class="output"><samp><span class="cl[ a-z0-9]*">   Min. 1st Qu.' all.xhtml ||
    fail "summary()'s output is not a plain block set apart as an output"
grep -q 'pre.output::before { content: "Out"' epub/OEBPS/*.css || fail "no style for outputs in the EPUB"
if grep -q '<pre class="output"><samp class=' all.xhtml; then fail "an output was highlighted"; fi
pdftotext out/nb.pdf nb.txt
grep -B2 -m1 'Min. 1st Qu.' nb.txt | has -x 'Out' ||
    fail "summary()'s output has no \"Out\" over it in the PDF"
# The label follows the booklet's language, as its other fixed words do:
# the Spanish exercise book built in Spanish says "Salida" in both books
# (the EPUB's stylesheet escapes what is not ASCII), the German course
# in Russian "Вывод".
mkdir es && cp "$data"/estadistica-r.ipynb es/
build_ok es.log build es -o es-out --lang es
unzip -q -o es-out/es.epub -d es-epub
grep -q 'pre.output::before { content: "Salida"; }' es-epub/OEBPS/*.css ||
    fail "the Spanish EPUB's output label is not \"Salida\""
pdftotext es-out/es.pdf es.txt
grep -B2 -m1 'Min. 1st Qu.' es.txt | has -x 'Salida' ||
    fail "the Spanish PDF's output has no \"Salida\" over it"
if grep -qx 'Out' es.txt; then fail "the Spanish PDF still prints \"Out\""; fi
mkdir ru && cp "$data"/julia-kurs.ipynb ru/
build_ok ru.log build ru -o ru-out --lang ru
unzip -q -o ru-out/ru.epub -d ru-epub
grep -q 'pre.output::before { content: "\\412 \\44B \\432 \\43E \\434 "; }' ru-epub/OEBPS/*.css ||
    fail "the Russian EPUB's output label is not an escaped \"Вывод\""
pdftotext ru-out/ru.pdf ru.txt
grep -qx 'Вывод' ru.txt || fail "the Russian PDF has no \"Вывод\" over an output"
grep -q 'KeyError: &#39;city&#39;\|KeyError: '"'"'city'"'" all.xhtml || fail "the KeyError traceback is missing"
if grep -q 'cell_type\|execution_count\|\[0;31m' all.xhtml; then fail "JSON or colour codes in the EPUB"; fi

# Pictures: the histogram (an output) and the box plot (an attachment).
n=$(find epub -path '*img/*.png' | wc -l)
[ "$n" -eq 2 ] || fail "the EPUB has $n pictures, not 2"
n=$(pdfimages -list out/nb.pdf | tail -n +3 | wc -l)
[ "$n" -ge 2 ] || fail "the PDF draws $n pictures, not 2"

# The study pass: questions and answers as the fixtures' README counts.
"$OCTAVO" inspect --json nb --lang en >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank of the notebooks is wrong (see above)"
import json, os, sys
bank = json.load(open(sys.argv[1]))
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
want = {"pandas-interview.ipynb": (7, 6), "estadistica-r.ipynb": (5, 5), "julia-kurs.ipynb": (5, 4)}
bad = ["%s: %r, expected %r" % (k, got.get(k), v) for k, v in want.items() if got.get(k) != v]
q = [x for x in bank["questions"] if x["prompt"].startswith("How do you select rows")]
if not q or q[0]["line"] != 31 or q[0]["number"] != 1:
    bad.append("question 1 of pandas-interview: %r (line 31 of the .ipynb expected)" % q)
print("\n".join(bad), file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# The Anki deck: the answer is the code, its output and the explanation.
build_ok anki.log build nb -o deck --lang en --format anki
python3 - deck/nb.anki.txt <<'PY' || fail "the Anki deck's notebook cards are wrong"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#")]
card = next(r for r in rows if r[3].startswith("How do you select rows by a condition?"))
back = card[4]
assert "df[df[&quot;age&quot;] &gt; 30]" in back or 'df[df["age"] &gt; 30]' in back, back
assert "0  Ada  36.0  red" in back, back
assert "Boolean indexing" in back, back
assert len(rows) == 17, len(rows)  # every question, the two open ones too
PY

# A manifest may list notebooks beside Markdown.
mkdir mixed
cp "$data"/julia-kurs.ipynb mixed/
printf '# Vorwort\n\nNotizen zum Kurs.\n' >mixed/vorwort.md
printf 'title: Julia\nlanguage: de\nsources: [vorwort.md, julia-kurs.ipynb]\n' >mixed/booklet.yaml
build_ok mixed.log build mixed/booklet.yaml -o mixed-out --format pdf
pdftotext mixed-out/*.pdf - | has 'Multiple Dispatch' || fail "the manifest's notebook is missing"

# `octavo normalize` shows the Markdown a notebook is read as.
"$OCTAVO" normalize nb/julia-kurs.ipynb >normalized.md 2>normalize.log || fail "normalize failed"
grep -q '^```julia$' normalized.md && grep -q '^## Frage 1: Was ist Multiple Dispatch?$' normalized.md ||
    fail "normalize did not show the notebook's Markdown: $(head -c 300 normalized.md)"

# Broken: an error at the fault's line and column, exit 1, nothing written.
mkdir broken
printf '{"cells": [\n  {"cell_type": "markdown", "source": ["ok"]},,\n]}\n' >broken/bad.ipynb
run_octavo broken.log build broken/bad.ipynb -o broken-out
[ "$RC" -eq 1 ] || fail "a broken notebook exited $RC, not 1"
grep -q '^broken/bad.ipynb:2:47: error: not a readable notebook: .*\[notebook\]$' broken.log ||
    fail "no [notebook] error at 2:47: $(cat broken.log)"
[ ! -e broken-out ] || [ -z "$(ls broken-out)" ] || fail "a failed build wrote $(ls broken-out)"
note "3 notebooks: PDF and EPUB valid, words kept, 17 questions, pictures, deck, errors"
