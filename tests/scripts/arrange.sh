#!/usr/bin/env bash
# Arranged booklets (README "Each question once, by topic"): two booklets
# of our own, tests/data/arrange/chemistry (English, three sources in
# three styles, footnotes with clashing numbers, a source linking to
# another) and tests/data/arrange/geologie (German, topic order set by
# 'order'). Each cluster is printed once, in its topic's chapter, under
# its clearest wording, with every source that asks it, its other
# wordings and every distinct answer marked with its source; an answer
# two sources share is printed once; each footnote stays with its answer;
# a "Sources" chapter keeps each source's other text and links to where
# its questions went; links to a source file open that source. Both
# validators, qpdf, every link and the word check pass; --group-by source
# keeps one chapter per source; inspect --json still lists every wording.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3 unzip

cd "$OCTAVO_TMP"
CHEM=$OCTAVO_SRC/tests/data/arrange/chemistry
GEO=$OCTAVO_SRC/tests/data/arrange/geologie
for b in "$CHEM" "$GEO"; do
    name=$(basename "$b")
    build_ok "$name.log" build "$b" -o out
    expect_diagnostics "$name.log"
    check_pdf "out/$name.pdf"
    check_epub "out/$name.epub"
    wordcheck --manifest "$b/booklet.yaml" --filler-log "$name.log" --pdf "out/$name.pdf" \
        --epub "out/$name.epub"
    pdftotext -layout "out/$name.pdf" "$name.txt"
done

python3 - chemistry.txt geologie.txt <<'PY' || fail "arranged PDF text wrong (see above)"
import re, sys
def flat(f):
    t = open(f).read()
    return t, " ".join(t.split())
chem, cf = flat(sys.argv[1])
geo, gf = flat(sys.argv[2])
# chapters in taxonomy order, then Sources and the appendix
# (the contents page: the first after the title page with text, a blank
# verso may stand between them)
contents = [pg for pg in chem.split("\f")[1:] if pg.strip()][0]
heads = [l.strip() for l in contents.split("\n") if re.match(r"^\S.*\s\d+$", l.strip())]
order = [re.sub(r"\s+\d+$", "", h) for h in heads]
assert order[:4] == ["Atoms", "Bonding", "Reactions", "Sources"], order
# the isotope cluster: once, under the question rather than the chat message
assert cf.count("Isotopes are atoms of one element") == 1, "shared answer printed twice"
for want in ["1 What is an isotope? Asked in 3 sources: Lecture Notes #1 · Forum Thread · Cheat Sheet",
             "Also asked as “Can someone explain what isotopes are?” — Forum Thread",
             "Answer from Lecture Notes #1 (the same in Cheat Sheet)",
             "Answer from Forum Thread Same element, different neutron count.",
             "Also asked as “What does a catalyst do?” — Lecture Notes #3",
             "Also asked as “What is a catalyst?” — Cheat Sheet",
             "Carbon-14 is radioactive", "Lewis drew these shared pairs",
             "Collected from a study-group thread",
             "To research 7. How does temperature change the rate of a reaction? (Reactions)"]:
    assert want in cf, f"missing: {want!r}"
pages = chem.split("\f")
first = next(i for i, p in enumerate(pages) if p.strip().startswith("Atoms"))
last = next(i for i, p in enumerate(pages) if p.strip().startswith("Sources"))
body = " ".join(" ".join(pages[first:last]).split())
for q in ["What is an isotope?", "What is a catalyst used for?", "What is electronegativity?"]:
    assert body.count(q) == 1, f"{q!r} printed {body.count(q)} times in the topic chapters"
assert "No answer in the notes" in cf and cf.count("No answer in the notes") == 1
# German: Plattentektonik (order 1) before Gesteine (order 2); merged
# wordings; the booklet's own words in German
assert gf.index("Plattentektonik") < gf.index("Gesteine"), "topic order ignored"
for want in ["Was versteht man unter Subduktion? In 2 Quellen gefragt: Vorlesungsskript · Fragenkatalog #1",
             "Auch gefragt als „Was ist Subduktion?“ — Vorlesungsskript",
             "Antwort aus Vorlesungsskript", "Antwort aus Fragenkatalog #1",
             "Inhalt Plattentektonik 1 Gesteine 3 Quellen 5", "Am häufigsten gefragt",
             "Keine Antwort in den Notizen", "Quellen Vorlesungsskript Fragen 1, 3, 2",
             "Noch zu klären 4. Wie entsteht Basalt? (Gesteine)"]:
    assert want in gf, f"missing: {want!r}"
# six index terms are no index: no "Register" pages, nor a contents line for them
assert "Register" not in gf, "an index of a handful of terms"
assert "Index A" in cf, "the chemistry booklet's index is gone"
for english in ["Asked in", "Answer from", "Sources", "To research", "No answer", "Contents"]:
    assert english not in gf, f"English {english!r} in the German booklet"
print("arrange: PDF text ok")
PY

python3 - out/chemistry.epub <<'PY' || fail "arranged EPUB wrong (see above)"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
read = lambda n: z.read("OEBPS/" + n).decode()
spine = re.findall(r'<itemref idref="([^"]+)"', read("content.opf"))
atoms = read("ch-atoms.xhtml")
assert atoms.count('class="answer"') == 2, "the isotope question should show two answers"
assert 'class="asked-in"' in atoms and 'class="also-asked"' in atoms
assert atoms.count('class="answer-source"') == 2
# the forum's footnote went with its answer, numbered 1 in its new chapter
assert "Carbon-14 is radioactive" in atoms and "Lewis drew" not in atoms
assert "Lewis drew" in read("ch-bonding.xhtml")
src = read("ch-sources.xhtml")
# the forum's links to the other sources open their headings
assert re.search(r'<a href="ch-sources.xhtml#s-lecture-notes">the lecture</a>', src), src
assert re.search(r'<a href="ch-sources.xhtml#s-cheat-sheet">cheat sheet</a>', src), src
refs = re.findall(r'<a href="(ch-[a-z]+\.xhtml)#(q\d+-[^"]+)">(\d+)</a>', src)
assert len(refs) == 11, refs  # one a wording
for f, anchor, num in refs:
    assert f'id="{anchor}"' in read(f), (f, anchor)
    assert anchor.startswith(f"q{num}-"), (anchor, num)
print(f"arrange: EPUB ok ({len(refs)} source references)")
PY

# --group-by source: the sources as chapters, no Sources chapter, the
# wording without an answer points at the one with it
build_ok by-source.log build "$CHEM" -o by-source --group-by source
check_pdf by-source/chemistry.pdf
check_epub by-source/chemistry.epub
pdftotext by-source/chemistry.pdf - | flat_text >by-source.txt
grep -q "Answered under question" by-source.txt || fail "--group-by source lost the cross-links"
! grep -q "Asked in 3 sources" by-source.txt || fail "--group-by source arranged anyway"
unzip -l by-source/chemistry.epub | has "ch-sources.xhtml" && fail "--group-by source made a Sources chapter"

# inspect --json is the bank as found: all 11 wordings, 7 clusters
run_octavo inspect.log inspect --json "$CHEM" >bank.json
python3 - bank.json <<'PY' || fail "inspect --json changed by the arrangement"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["questions"]) == 11, len(d["questions"])
assert len(d["clusters"]) == 7, len(d["clusters"])
iso = [q for q in d["questions"] if "isotope" in q["prompt"].lower()]
assert len({q["cluster"] for q in iso}) == 1 and all(q["asked_in"] == 3 for q in iso), iso
print("arrange: inspect --json ok")
PY
note "arrange ok"
