#!/usr/bin/env bash
# The command line: help and version, usage errors (exit 2), bad input
# (exit 1, diagnostics naming file:line and the key), I/O failures (exit 1
# or 3), --format, --lang, -W error, the default output directory and the
# three ways a directory becomes booklets.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3 pdftotext unzip

cd "$OCTAVO_TMP"

# run WANT ARGS...: the program exits with one of WANT (e.g. "1|3");
# its stdout is in run.out, its stderr in run.err.
run() {
    local want=$1 rc=0
    shift
    "$OCTAVO" "$@" >run.out 2>run.err || rc=$?
    if ! [[ "$rc" =~ ^($want)$ ]]; then
        sed 's/^/  stderr: /' run.err >&2
        fail "octavo $*: exit $rc, expected $want"
    fi
}

# has_diag REGEX: run.err has an error diagnostic matching REGEX.
has_diag() {
    grep -Eq "$DIAG_RE" run.err || fail "no diagnostic in the documented form on stderr: $(cat run.err)"
    grep -Eq "$1" run.err || fail "stderr does not match /$1/: $(cat run.err)"
}

only_files() { # only_files DIR NAME...: DIR holds exactly these files
    local dir=$1 got want
    shift
    got=$(cd "$dir" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    [ "$got" = "$want" ] || fail "$dir holds '$got', expected '$want'"
}

mkdir notes
cat >notes/alpha.md <<'EOF'
# Alpha chapter

What is an alphabet?

An alphabet is a set of letters.
EOF
printf 'Beta text follows alpha.\n' >notes/beta.txt

# --help and --version.
run 0 --help
grep -q "build" run.out && grep -q "inspect" run.out || fail "--help does not describe build/inspect: $(cat run.out)"
run 0 --version
grep -Eq '[0-9]+\.[0-9]+\.[0-9]+' run.out || fail "--version prints no version: $(cat run.out)"
note "--help and --version ok"

# Usage errors: exit 2, a message on stderr, nothing written.
for args in "" "frobnicate" "build --no-such-option notes" "build notes -o" \
    "build notes --format docx -o usage-out" "build notes --layout"; do
    # shellcheck disable=SC2086 # word splitting is the point
    run 2 $args
    [ -s run.err ] || fail "octavo $args: exit 2 but nothing on stderr"
    [ ! -e usage-out ] || fail "octavo $args: wrote output despite a usage error"
done
note "usage errors exit 2"

# A missing input file: exit 1 or 3 and a diagnostic naming it.
run "1|3" build missing.md -o out-missing
has_diag '^([^:]*/)?missing\.md(:[0-9]+:[0-9]+)?: error: '
note "missing file: exit 1/3 with a diagnostic"

# A bad manifest: exit 1, file:line naming the key.
mkdir -p badman
printf 'Some text.\n' >badman/a.md
cat >badman/booklet.yaml <<'EOF'
title: Bad manifest
sources:
  - a.md
colour: blue
EOF
run 1 build badman -o out-badman
has_diag 'booklet\.yaml:4(:[0-9]+)?: error: .*colour'
cat >badman/booklet.yaml <<'EOF'
title: Bad manifest
sources:
  - a.md
  - nowhere.md
EOF
run 1 build badman -o out-badman
has_diag 'booklet\.yaml:4(:[0-9]+)?: error: .*nowhere\.md'
cat >badman/booklet.yaml <<'EOF'
title: Bad manifest
sources: 42
EOF
run 1 build badman -o out-badman
has_diag 'booklet\.yaml:2(:[0-9]+)?: error: .*sources'
[ ! -e out-badman ] || [ -z "$(ls -A out-badman)" ] || fail "a bad manifest still wrote output"
note "bad manifests: exit 1, file:line naming the key"

# A bad layout: exit 1, file:line naming the key.
cat >bad-layout.yaml <<'EOF'
sizes:
  body: 11
  wibble: 3
EOF
run 1 build notes --layout bad-layout.yaml -o out-badlayout
has_diag 'bad-layout\.yaml:3(:[0-9]+)?: error: .*wibble'
cat >bad-layout.yaml <<'EOF'
page:
  size: A4
sizes:
  body: enormous
EOF
run 1 build notes --layout bad-layout.yaml -o out-badlayout
has_diag 'bad-layout\.yaml:4(:[0-9]+)?: error: .*body'
run 1 build notes --layout no-such-layout -o out-badlayout
has_diag 'no-such-layout'
note "bad layouts: exit 1, file:line naming the key"

# A shipped layout by name works.
for layout in "$OCTAVO_SRC"/layouts/*.yaml; do
    name=$(basename "$layout" .yaml)
    run 0 build notes --layout "$name" --format pdf -o "out-layout-$name"
    only_files "out-layout-$name" notes.pdf
done
note "shipped layouts build"

# A directory without a manifest: one booklet of its files in name order,
# named after the directory; --format selects the outputs.
run 0 build notes -o out-pdf --format pdf
only_files out-pdf notes.pdf
run 0 build notes -o out-epub --format epub
only_files out-epub notes.epub
run 0 build notes -o out-both --format pdf,epub
only_files out-both notes.pdf notes.epub
epub_text out-both/notes.epub | flat_text >both.txt
grep -q "alphabet.*Beta text follows" both.txt || fail "files not in name order: $(cat both.txt)"
note "--format and name order ok"

# The default output directory is ./out.
(cd notes && "$OCTAVO" build alpha.md -q >../run.out 2>../run.err) || fail "build with default -o failed: $(cat run.err)"
ls notes/out/*.pdf notes/out/*.epub >/dev/null 2>&1 || fail "no ./out/*.pdf and *.epub: $(ls -R notes)"
note "default -o is ./out"

# --lang sets the language of the EPUB (package and documents).
run 0 build notes --lang de -o out-de --format epub
python3 - out-de/notes.epub <<'EOF' || fail "--lang de not applied to the EPUB"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
opf = next(n for n in z.namelist() if n.endswith(".opf"))
text = z.read(opf).decode()
assert re.search(r"<dc:language>\s*de\s*</dc:language>", text), "dc:language"
docs = [n for n in z.namelist() if n.endswith((".xhtml", ".html"))]
for n in docs:
    html = z.read(n).decode()
    m = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html)
    assert m and m.group(1) == "de", "%s: lang=%s" % (n, m and m.group(1))
EOF
note "--lang ok"

# A booklet directory tree: every booklet below builds, named by slug.
mkdir -p shelf/one shelf/two
printf 'One text.\n' >shelf/one/a.md
printf 'Two text.\n' >shelf/two/b.md
printf 'title: One\nsources:\n  - a.md\n' >shelf/one/booklet.yaml
printf 'title: Two\nsources:\n  - b.md\n' >shelf/two/booklet.yaml
run 0 build shelf -o out-shelf
only_files out-shelf one.pdf one.epub two.pdf two.epub
run 0 build shelf/one/booklet.yaml -o out-one --format epub
only_files out-one one.epub
note "booklet directories ok"

# -W error turns a warning (a file that is not UTF-8) into a failure, and
# only then.
mkdir -p warn clean
printf 'caf\377 au lait\n' >warn/w.md
printf 'Clean text.\n' >clean/c.md
run 0 build warn --lang en -o out-warn
has_diag 'w\.md(:[0-9]+:[0-9]+)?: warning: '
run 1 build warn --lang en -o out-werror -W error
has_diag ': error: '
[ ! -e out-werror ] || [ -z "$(ls -A out-werror)" ] || fail "-W error still wrote output"
run 0 build clean --lang en -o out-clean -W error
only_files out-clean clean.pdf clean.epub
note "-W error ok"

# normalize and inspect.
run 0 normalize notes/alpha.md
grep -q "alphabet" run.out || fail "normalize lost the text: $(cat run.out)"
printf 'Piped text.\n' | "$OCTAVO" normalize - >run.out 2>run.err || fail "normalize - failed: $(cat run.err)"
grep -q "Piped text" run.out || fail "normalize - lost the text: $(cat run.out)"
run 0 inspect --tree notes/alpha.md
head -n 1 run.out | has '^document' || fail "inspect --tree does not start with the document: $(head -n 3 run.out)"
grep -q '"Alpha chapter"\|alphabet' run.out || fail "inspect --tree lacks the text"
run 0 inspect --json notes/alpha.md
python3 -c '
import json, sys
d = json.load(open("run.out"))
assert {"sources", "questions", "diagnostics"} <= set(d), sorted(d)
assert any("alphabet" in q["prompt"] for q in d["questions"]), d["questions"]
' || fail "inspect --json: not the documented question bank: $(head -c 600 run.out)"
note "normalize and inspect ok"

# A loose note whose front matter names its language: the booklet's
# language (no no-language warning), and the language's quotation marks
# for the straight quotes of its text, not of its code.
mkdir -p lang
printf -- '---\ntitle: Citations\nlanguage: fr\n---\n\nSelon le GIEC, "le climat change". Le code `print("ok")` reste.\n' >lang/citations.md
run 0 build lang/citations.md -o out-lang
! grep -q "no-language" run.err || fail "front matter language ignored: $(cat run.err)"
unzip -p out-lang/citations.epub OEBPS/content.opf | has '<dc:language>fr</dc:language>' ||
    fail "the EPUB's language is not fr"
pdftotext out-lang/citations.pdf - | has "GIEC, « le climat change »" ||
    fail "no French quotation marks in the PDF: $(pdftotext out-lang/citations.pdf - | grep GIEC)"
pdftotext out-lang/citations.pdf - | has 'print("ok")' || fail "code lost its straight quotes"
# One French note beside English ones does not make the booklet French:
# English, a warning naming both, and the French chapter tagged fr.
printf '# Revision

What is a ribosome? The machine that translates messenger RNA into a protein, one codon at a time, in every living cell of the body.

What does the nucleus hold? The chromosomes, which carry the genes of the organism and are copied before the cell divides.
' >lang/english.md
run 0 build lang/english.md lang/citations.md -o out-mixed
grep -q "front matter names 'fr', the other notes' text says 'en'.*\[no-language\]" run.err ||
    fail "no warning for one note's language: $(cat run.err)"
unzip -p out-mixed/english.epub OEBPS/content.opf | has '<dc:language>en</dc:language>' ||
    fail "one note's front matter set the whole booklet's language"
unzip -p out-mixed/english.epub 'OEBPS/ch-*.xhtml' | has '<section[^>]*xml:lang="fr"' ||
    fail "the French chapter is not tagged fr"
note "front matter language and quotation marks ok"
