#!/usr/bin/env bash
# GitHub-style HTML becomes structure (README "GitHub HTML"): three
# collections written the way READMEs are (tests/data/html: a 22-question
# <details><summary>N. …?</summary> collection on chemistry, a French
# multiple-choice quiz whose boxes say "Réponse"/"Answer"/"Solution", a
# German README with HTML headings, a table, lists, <kbd>, <sup>, a badge
# row, <form>/<object>/<video>) compile into outputs that pass the
# validators; the question bank holds exactly their questions, each with its
# answer; no tag of a mapped or dropped element is printed in either output,
# while text that only looks like a tag stays; every dropped element kind is
# one [html-dropped] warning naming its lines.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir coll
cp "$OCTAVO_SRC"/tests/data/html/*.md coll/

build_ok build.log build coll -o out --lang en
expect_diagnostics build.log
check_epub out/coll.epub
check_pdf out/coll.pdf

# One warning per dropped element kind and file, naming its lines.
for want in 'chemistry-details.md:123:1: warning: <script> dropped with its content (line 123)' \
    'quiz-reponses.md:3:1: warning: <style> dropped with its content (line 3)' \
    'quiz-reponses.md:56:1: warning: <iframe> dropped with its content (line 56)' \
    'readme-werkzeug.md:40:1: warning: <form> dropped with its content (line 40)' \
    'readme-werkzeug.md:42:1: warning: <object> dropped with its content (line 42)' \
    'readme-werkzeug.md:61:1: warning: <video> dropped with its content (line 61)'; do
    grep -qF -- "$want" build.log || fail "no warning '$want' in: $(cat build.log)"
done
[ "$(grep -c 'html-dropped' build.log)" = 6 ] || fail "expected 6 html-dropped warnings: $(cat build.log)"
grep -q "chemistry-details.md:3:1: note: dropped 2 status badge images.*\[badges-dropped\]" build.log || fail "expected the badge row dropped with a note: $(cat build.log)"

"$OCTAVO" inspect --json coll >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank of the HTML collections is wrong (see above)"
import json, os, sys
bank = json.load(open(sys.argv[1]))
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
want = {"chemistry-details.md": (22, 22), "quiz-reponses.md": (6, 6), "readme-werkzeug.md": (2, 2)}
assert got == want, got
qs = [q for q in bank["questions"] if q["source"].endswith("chemistry-details.md")]
assert [q["number"] for q in qs] == list(range(1, 23)), [q["number"] for q in qs]
assert qs[0]["prompt"] == "What is an atom?", qs[0]
assert qs[19]["prompt"] == "Difference between an element and a molecule", qs[19]
for q in bank["questions"]:
    assert "<" not in q["prompt"] and ">" not in q["prompt"], q
    assert q["answered"], q
quiz = [q["prompt"] for q in bank["questions"] if q["source"].endswith("quiz-reponses.md")]
assert quiz[1] == "Quel fleuve traverse Paris ? A) La Loire B) La Seine C) Le Rhône", quiz
PY

pdf_text out/coll.pdf >pdf.txt
epub_text out/coll.epub >epub.txt
for kind in pdf epub; do
    for tag in '<details' '</details' '<summary' '</summary>' '<h1' '<h2' '</h2>' '<h3' '<p' '</p>' \
        '<div' '</div>' '<table' '<tr' '<td' '<th' '<kbd' '<sup' '<sub' '<br' '<b>' '</b>' '<a ' \
        '<img' '<ol' '<li' '<hr' '<blockquote' '<pre' '<code' '<script' '</script>' '<style' \
        '<iframe' '<form' '<input' '<button' '<object' '<video' '<!--' '&amp;' '&nbsp;' '&times;'; do
        if grep -qiF -- "$tag" $kind.txt; then
            fail "$kind text shows '$tag': $(grep -iF -- "$tag" $kind.txt | head -3)"
        fi
    done
    for gone in 'window.track' 'teal' 'steal' 'Senden' 'Ihr Browser zeigt kein Video' 'Maintainers'; do
        if grep -qF -- "$gone" $kind.txt; then fail "$kind text keeps dropped '$gone'"; fi
    done
    for kept in 'Authorization: Token <token>' 'Bearer <jwt>' 'List<String>' 'a < b' \
        'packt & komprimiert' 'Strg' 'Werkzeugkasten für Shell-Skripte' 'Table of contents' \
        'werkzeug pack archiv.tar' 'What is an atom?'; do
        grep -qF -- "$kept" $kind.txt || fail "$kind text lacks '$kept'"
    done
    # the badge row is dropped with a note (README "Pictures")
    if grep -qF -- 'build status' $kind.txt; then fail "$kind text keeps the badge row"; fi
done

# The EPUB carries structure, never an escaped tag or an active element.
python3 - out/coll.epub <<'PY' || fail "the EPUB carries HTML of the sources as text or markup"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
body = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xhtml"))
for bad in (b"&lt;details", b"&lt;summary", b"&lt;h2", b"&lt;td", b"&lt;script", b"&lt;kbd",
            b"<script", b"<iframe", b"<form", b"<object", b"<video", b"<style", b"onclick"):
    assert bad not in body, bad
for good in (b"<sup>2</sup>", b"<sub>2</sub>", b"<table", b"<code>Strg</code>", b"&lt;token&gt;"):
    assert good in body, good
PY
note "HTML collections: 30 questions, 6 dropped kinds, no tag printed"
