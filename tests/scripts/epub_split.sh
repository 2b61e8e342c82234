#!/usr/bin/env bash
# Long documents in the EPUB (src/epub/split.c): with the thresholds
# lowered for the test (OCTAVO_EPUB_DOC_KB, OCTAVO_EPUB_NAV_KB), the Django
# notes split into pieces under 20 KB (tests/tools/splitcheck.py), the
# spine keeps the unsplit book's text in order, the nav and NCX stay under
# their budget (questions left out) and list the same entries, every href
# and NCX entry resolves. In quiz mode, with a generated French chapter
# whose footnotes are referenced far from their definitions, pop-ups stay
# in their noteref's document, and both validators pass.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java python3

cd "$OCTAVO_TMP"
split() { OCTAVO_EPUB_DOC_KB=$1 OCTAVO_EPUB_NAV_KB=$2 build_ok "${@:3}"; }
split 0 0 whole.log build "$OCTAVO_SRC/content" -o whole --format epub -q
split 20 30 split.log build "$OCTAVO_SRC/content" -o split --format epub -q
python3 "$TOOLS/splitcheck.py" split/django.epub --doc-kb 20 --nav-kb 30 --min-pieces 5 \
    --whole whole/django.epub || fail "split EPUB wrong (see above)"
# without limits nothing is split and the nav lists the questions
python3 "$TOOLS/splitcheck.py" whole/django.epub --doc-kb 1000 --nav-kb 1000 --min-pieces 0 |
    grep -Eq ' 0 continuation pieces, .* [1-9][0-9]* questions in the nav' ||
    fail "unsplit book: pieces or no questions in the nav"

# Quiz mode, the Django files and a generated French chapter whose
# footnotes are referenced far from their definitions, one of them from
# several pieces: each piece that references a note ends with it.
mkdir -p astro
python3 - astro/astronomie.md <<'PY'
import sys
out = ["# Astronomie d'observation", "",
       "Notes de cours[^echelle], reprises pour la révision.", ""]
for k in range(1, 121):
    out += [f"### {k}. Que faut-il savoir sur l'objet céleste numéro {k} ?", ""]
    if k % 7 == 3:
        continue  # sans réponse : va dans « À chercher »
    body = (f"L'objet {k} se repère par sa déclinaison et son ascension droite ; "
            "sa magnitude apparente dépend de la distance et de l'extinction. ") * 2
    note = "[^echelle]" if k in (2, 60, 118) else "[^filtre]" if k == 90 else ""
    out += [body + note, ""]
out += ["[^echelle]: L'échelle des magnitudes est logarithmique : cinq magnitudes "
        "font un facteur cent en flux.", "",
        "[^filtre]: Un filtre interférentiel ne laisse passer qu'une raie étroite.", ""]
open(sys.argv[1], "w").write("\n".join(out))
PY
files=("$OCTAVO_SRC"/content/django/*.txt astro/astronomie.md)
split 20 30 quiz.log build "${files[@]}" -o quiz --format epub -q --mode quiz
split 0 0 quizw.log build "${files[@]}" -o quizw --format epub -q --mode quiz
python3 "$TOOLS/splitcheck.py" quiz/*.epub --doc-kb 20 --nav-kb 30 --min-pieces 8 \
    --whole quizw/*.epub || fail "split quiz EPUB wrong (see above)"
python3 - quiz/*.epub <<'PY' || fail "footnotes not with their references"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
docs = {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")}
where = {}  # footnote id -> documents whose noterefs point at it
for n, d in docs.items():
    for h in re.findall(r'<a epub:type="noteref"[^>]* href="#(fn-[^"]+)"', d):
        where.setdefault(h, set()).add(n)
held = {m: {n for n, d in docs.items() if re.search(r'<aside [^>]*id="%s"' % m, d)}
        for m in where}
assert len(where) == 2, where
for m, ns in where.items():
    assert held[m] == ns, f"{m} in {sorted(held[m])}, referenced from {sorted(ns)}"
many = [m for m, ns in where.items() if len(ns) >= 3]
assert len(many) == 1, f"one note referenced from three pieces: {where}"
last = max((n for n in docs if "astronomie" in n), key=lambda n: int(
    (re.search(r"-(\d+)\.xhtml$", n) or [0, 1])[1]))
one = [m for m, ns in where.items() if len(ns) == 1][0]
assert last not in where[one], f"{one}: referenced in the last piece, nothing moved"
print(f"notes: {sum(map(len, where.values()))} references in "
      f"{len(set().union(*where.values()))} pieces, each piece with its notes")
PY
# both validators side by side (2 cores)
run_epubcheck "$EPUBCHECK4_JAR" quiz/*.epub >ec4.log 2>&1 &
ec4=$!
jar5=$(epubcheck5_jar)
[ -z "$jar5" ] || run_epubcheck "$jar5" quiz/*.epub
wait "$ec4" || { cat ec4.log >&2; fail "epubcheck 4.2.6 rejects the split quiz EPUB"; }
cat ec4.log
check_links quiz/*.epub
note "epub split ok"
