#!/usr/bin/env bash
# Notes that are not the Django seeds — other subjects, styles and encodings
# (Q:/A: biology, `Question 9:`/`Answer -` history, multiple choice with
# <details> answers, French and German notes, a question list answered
# later, an Obsidian note with front matter, callouts and wikilinks, a plain
# text note naming HTML tags and writing paths and patterns with backslashes,
# Latin-1, Windows-1252 and MacRoman files, pasted code and aligned
# tables) — compiled as one booklet: both outputs pass the validators, no
# word is lost, and the question bank holds what the notes ask and answer.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

data=$OCTAVO_SRC/tests/data
cd "$OCTAVO_TMP"
mkdir notes
cp "$data"/study/*.md "$data"/study/*.txt "$data"/study/*.ipynb "$data"/study/*.org \
    "$data"/study/*.rst notes/
rm -f notes/README.md
for f in latin1-french cp1252-quotes macroman-notes; do
    cp "$data/encodings/$f.txt" "notes/enc-$f.txt"
done
for f in chemistry-sql python-de shell-fr tables-mixed js-snippets; do
    cp "$data/normalize/$f.txt" "notes/norm-$f.txt"
done
# code in nine languages: its highlighted EPUB passes both epubchecks here
# (highlight.sh checks the colours without a second pair of JVM runs)
cp "$data/highlight/polyglot.md" notes/

build_ok build.log build notes -o out --lang en
expect_diagnostics build.log
grep -q '\[legacy-encoding\]' build.log || fail "no legacy-encoding warning for the Latin-1/cp1252 files"
check_epub out/notes.epub
check_pdf out/notes.pdf
# (a notebook's words are checked cell by cell in notebooks.sh: its file is
# JSON; the Org and rst notes' own markup is not words: org_rst.sh checks them)
wordcheck --filler-log build.log --pdf out/notes.pdf --epub out/notes.epub \
    $(find notes -type f \( -name '*.md' -o -name '*.txt' \) | sort)

# The study pass on the booklet: questions found and answered where the
# notes answer them.
"$OCTAVO" inspect --json notes >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank of the other notes is wrong (see above)"
import json, sys, os
bank = json.load(open(sys.argv[1]))
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
# The fixtures' own counts (tests/data/study/README.md), here through the
# whole program, plus the legacy-encoded notes (each a small Q/A set).
want = {"biology-qa.md": (8, 7), "history-labels.txt": (6, 5), "mcq-details.md": (5, 5),
        "french-notes.md": (6, 4), "german-notes.md": (6, 4),
        "chemistry-numbered.txt": (8, 7), "plain-prose.md": (0, 0),
        "obsidian-vault.md": (5, 4), "spaced-repetition.md": (8, 8),
        "one-line-cards.txt": (7, 7), "deck-export.txt": (5, 5), "deck-tags.txt": (4, 4),
        "deck-quoted.txt": (4, 4), "deck-comma.txt": (4, 4), "web-plain.txt": (5, 5),
        "one-line-answers.md": (8, 7), "mcq-plain.txt": (3, 3),
        "key-plain.txt": (2, 2), "quoted-cards.md": (2, 2),
        "quoted-astronomy.md": (4, 4), "quoted-repaso.md": (5, 5),
        "table-bank.md": (5, 5), "labels-world.txt": (9, 9), "forum-copy.txt": (3, 2), "physics-math.md": (6, 6),
        "chemistry-math.md": (4, 4),
        "obsidian-comments.md": (4, 4), "cloze-deck.md": (6, 6), "cloze-notes.md": (2, 2),
        "site-admonitions.md": (3, 3), "hugo-shortcodes.md": (2, 2),
        "worksheet-instructions.md": (6, 6), "worked-problems.txt": (7, 7),
        "exam-commands.md": (10, 10), "callout-answers.md": (4, 4), "deck-notes.md": (4, 4),
        "obsidian-tags.md": (2, 2), "logseq-chemistry.md": (3, 3),
        "glossary-lists.md": (6, 6), "cheat-sheet-tails.md": (12, 12),
        "repeats-revision.md": (6, 6), "pub-quiz.txt": (6, 6), "trivia-es.md": (4, 4),
        "quiz-keys.txt": (5, 5), "vrai-faux.md": (3, 3), "richtig-falsch.txt": (4, 4),
        "mcq-bullets.md": (5, 5), "test-opcion.md": (3, 3),
        "mcq-key.md": (3, 3), "key-inline.md": (8, 8), "key-bullets.md": (9, 6),
        "french-drill.org": (6, 6), "physics-lecture.org": (3, 3),
        "sql-interview.rst": (3, 3), "portugues-cheatsheet.rst": (2, 2),
        "exam-chemistry.txt": (6, 6), "exam-calculus.md": (5, 5), "exam-klausur.txt": (4, 4),
        "exam-controle.txt": (5, 5), "exam-biology.txt": (9, 8),
        "exam-geography.txt": (6, 6), "exam-quimica.txt": (5, 5),
        "nonexam-recipe.txt": (0, 0), "nonexam-changelog.txt": (0, 0),
        "nonexam-todo.txt": (0, 0), "nonexam-song.txt": (0, 0),
        "remnote-cells.md": (8, 8), "remnote-geschichte.txt": (7, 7),
        "thai-biology.md": (5, 5), "java-mianshi.md": (5, 5), "kagaku-nihongo.md": (4, 4),
        "hindi-vigyan.md": (3, 3), "russian-os.md": (4, 4), "turkce-biyoloji.txt": (4, 4),
        "shell-redirects.md": (0, 0),
        "enc-latin1-french.txt": (3, 3), "enc-cp1252-quotes.txt": (2, 2),
        "pandas-interview.ipynb": (7, 6), "estadistica-r.ipynb": (5, 5),
        "julia-kurs.ipynb": (5, 4),
        "enc-macroman-notes.txt": (2, 2)}
bad = ["%s: %r questions/answered, expected %r" % (k, got.get(k), v)
       for k, v in want.items() if got.get(k) != v]
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
note "other notes: validators, word check and question bank ok"
