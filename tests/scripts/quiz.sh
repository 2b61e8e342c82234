#!/usr/bin/env bash
# Quiz mode (--mode quiz, 'mode: quiz' in the manifest or layout): the questions
# alone, each answered one linking to its entry in an answer key at the
# back of the PDF, and each entry linking back; in the EPUB each answered
# question has a noteref to a footnote aside in the same document that
# holds its answers and links back. Both validators, qpdf and every link
# pass; the key holds the answers the body no longer shows; the manifest
# key works and rejects what is not a mode; a German booklet says it in
# German.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3 unzip

cd "$OCTAVO_TMP"
build_ok quiz.log build "$OCTAVO_SRC/content" -o out --mode quiz
check_pdf out/django.pdf
check_epub out/django.epub
run_octavo inspect.log inspect --json "$OCTAVO_SRC/content" >bank.json
answered=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["clusters"]) - d["unanswered_clusters"])' bank.json)

npages=$(pdfinfo out/django.pdf | awk '/^Pages:/ {print $2}')
for i in $(seq 1 "$npages"); do pdftotext -f "$i" -l "$i" out/django.pdf "p$i.txt"; done
qpdf --json=2 --json-key=pages --json-key=qpdf --json-key=pagelabels out/django.pdf >pdf.json
python3 - pdf.json "$npages" "$answered" <<'PY' || fail "PDF quiz links wrong (see above)"
import json, re, sys
d = json.load(open(sys.argv[1]))
npages, answered = int(sys.argv[2]), int(sys.argv[3])
text = [" ".join(open(f"p{i}.txt").read().split()) for i in range(1, npages + 1)]
# the key opens on the first page starting "Answer key"; its later rectos
# start with the same words, their running head
key = [i for i, t in enumerate(text) if t.startswith("Answer key")]
assert key, "no answer key"
k0 = key[0]
k1 = next((i for i in range(k0 + 1, npages) if text[i].startswith("To research")), npages)
objs = d["qpdf"][1]
def val(x):
    return objs["obj:" + x]["value"] if isinstance(x, str) and x.endswith(" R") else x
index = {p["object"]: n for n, p in enumerate(d["pages"])}
# the body's folios count from its first page (the decimal page label)
body1 = next(l["index"] for l in d["pagelabels"] if l["label"].get("/S") == "/D")
to_key = from_key = 0
for n, p in enumerate(d["pages"]):
    # each line under a question names the page its link goes to
    said = sorted(int(x) for x in re.findall(r"Answer on p\. (\d+)", text[n]))
    went = []
    for a in val(val(objs["obj:" + p["object"]]["value"]).get("/Annots", [])) or []:
        a = val(a)
        dest = val(a.get("/Dest"))
        if a.get("/Subtype") != "/Link" or not isinstance(dest, list):
            continue
        target = index[dest[0]]
        if n < k0 and k0 <= target < k1:
            to_key += 1
            if n >= body1:  # not the contents' entry for the key
                went.append(target - body1 + 1)
        if k0 <= n < k1 and target < k0:
            from_key += 1
    assert said == sorted(went), f"page {n + 1}: lines say {said}, links go to {sorted(went)}"
assert to_key >= answered, f"{to_key} links from questions to the key, {answered} answered"
assert from_key >= answered, f"{from_key} links from the key back, {answered} answered"
body, keytext = " ".join(text[:k0]), " ".join(text[k0:k1])
probe = "Django uses URL routing to map requests to views"
assert probe not in body and probe in keytext, "an answer is not (only) in the key"
assert body.count("Answer on p. ") == answered, body.count("Answer on p. ")
print(f"quiz: PDF {answered} answered questions, {to_key} links to the key, {from_key} back")
PY

python3 - out/django.epub "$answered" <<'PY' || fail "EPUB quiz pop-ups wrong (see above)"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
answered = int(sys.argv[2])
n = 0
for name in z.namelist():
    if not name.endswith(".xhtml"):
        continue
    doc = z.read(name).decode()
    for ref in re.findall(r'<a epub:type="noteref" role="doc-noteref" href="#(key-[^"]+)">', doc):
        m = re.search(r'<aside epub:type="footnote" role="doc-footnote" class="quiz-answer" id="%s">(.*?)</aside>' % re.escape(ref), doc, re.S)
        assert m, f"{name}: no aside {ref}"
        back = re.search(r'<a href="#([^"]+)">Back to the question</a>', m.group(1))
        assert back and f'id="{back.group(1)}"' in doc, f"{name}: {ref} does not link back"
        assert 'class="answer"' in m.group(1), f"{name}: {ref} holds no answer"
        # the answers close the document, after every question, so a reader
        # without pop-ups does not see them under the question
        key = doc.find('<section class="quiz-key">')
        assert 0 < key < m.start(), f"{name}: {ref} is not in the key at the end"
        assert doc.rfind('class="question"') < key, f"{name}: a question after the key"
        n += 1
assert n == answered, f"{n} pop-up answers, {answered} answered questions"
print(f"quiz: EPUB {n} noteref pop-ups, each back-linked")
PY

# a layout may say it; --mode study overrides it
cp "$OCTAVO_SRC/layouts/a4.yaml" quiz-a4.yaml
printf 'mode: quiz\n' >>quiz-a4.yaml
build_ok chem.log build "$OCTAVO_SRC/tests/data/arrange/chemistry" -o chem --layout "$PWD/quiz-a4.yaml"
pdftotext chem/chemistry.pdf - | has "Answer on p" || fail "layout 'mode: quiz' ignored"
build_ok chem2.log build "$OCTAVO_SRC/tests/data/arrange/chemistry" -o chem2 \
    --layout "$PWD/quiz-a4.yaml" --mode study
! pdftotext chem2/chemistry.pdf - | has "Answer on p" || fail "--mode study did not win"

# the manifest says it too; a German booklet in German; a wrong mode is an error
cp -r "$OCTAVO_SRC/tests/data/arrange/geologie" geo
printf 'mode: quiz\n' >>geo/booklet.yaml
build_ok geo.log build geo -o geo-out
check_pdf geo-out/geo.pdf
check_epub geo-out/geo.epub
pdftotext geo-out/geo.pdf - | flat_text >geo.txt
grep -q "Antwort auf S. [0-9]" geo.txt || fail "German quiz line missing"
grep -q "Lösungen 1. Was versteht man unter Subduktion?" geo.txt || fail "German answer key missing"
printf 'mode: flashcard\n' >>geo/booklet.yaml
run_octavo bad.log build geo -o bad-out
[ "$RC" -eq 1 ] || fail "mode: flashcard should fail with 1, got $RC"
grep -Eq "booklet.yaml:[0-9]+:[0-9]+: error: .*'mode'" bad.log || fail "no file:line diagnostic for a bad mode"
run_octavo usage.log build geo -o u --mode cards
[ "$RC" -eq 2 ] || fail "--mode cards should be a usage error (2), got $RC"
note "quiz ok"
