#!/usr/bin/env bash
# "Most asked": a bread-baking booklet of three sources
# (tests/data/most_asked) whose questions are asked in three, two or one
# source. The PDF has a "Most asked" page after the contents, entries in
# order (most sources first, then document order), each with "asked in N
# sources", a folio and a link to the question's page; the outline names
# it. The EPUB has its own document after the contents, in spine, nav and
# NCX, whose links reach existing ids. A booklet that asks nothing twice
# has no such page.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3 pdftotext qpdf

cd "$OCTAVO_TMP"
BOOK=$OCTAVO_SRC/tests/data/most_asked
build_ok build.log build "$BOOK" -o out
expect_diagnostics build.log
pdf=out/most_asked.pdf epub=out/most_asked.epub
check_pdf "$pdf"
check_epub "$epub"
wordcheck --manifest "$BOOK/booklet.yaml" --filler-log build.log --pdf "$pdf" --epub "$epub"

cat >want.txt <<'TXT'
Why does bread dough need to rise?|3
What is gluten?|3
How do you knead bread dough by hand?|2
What is a sourdough starter?|2
TXT

qpdf --json=2 --json-key=pages --json-key=qpdf "$pdf" >pdf.json
npages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for i in $(seq 1 "$npages"); do pdftotext -f "$i" -l "$i" -layout "$pdf" "page$i.txt"; done
python3 - pdf.json want.txt "$npages" <<'PY' || fail "PDF most-asked page wrong"
import json, re, sys
d = json.load(open(sys.argv[1]))
want = [l.split("|") for l in open(sys.argv[2]).read().split("\n") if l]
npages = int(sys.argv[3])
text = [open(f"page{i}.txt").read() for i in range(1, npages + 1)]
ma = [i for i, t in enumerate(text) if t.lstrip().startswith("Most asked")]
assert len(ma) == 1, f"pages starting 'Most asked': {ma}"
page = ma[0]
assert any(t.lstrip().startswith("Contents") for t in text[:page]), "not after the contents"
lines = [l.strip() for l in text[page].split("\n") if l.strip()]
got, counts = [], []
for l in lines[1:]:
    m = re.match(r"(.*?)\s+(\d+)$", l)
    if m and not l.startswith("asked in"):
        got.append((m.group(1), int(m.group(2))))
    m = re.match(r"asked in (\d+) sources$", l)
    if m:
        counts.append(m.group(1))
assert [g[0] for g in got] == [w[0] for w in want], got
assert counts == [w[1] for w in want], counts
objs = d["qpdf"][1]
def val(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) else ref
index = {p["object"]: k for k, p in enumerate(d["pages"])}
first_body = next(k for k, p in enumerate(d["pages"]) if p.get("label", {}).get("/S") == "/D")
annots = [val(a) for a in val(objs["obj:" + d["pages"][page]["object"]]["value"]).get("/Annots", [])]
links = [a for a in annots if a.get("/Subtype") == "/Link"]
assert len(links) == len(want), f"{len(links)} links on the page, want {len(want)}"
for (prompt, folio), a in zip(got, links):
    dest = val(a["/Dest"])
    target = index[dest[0]]  # an existing page of this document
    assert target - first_body + 1 == folio, (prompt, target, folio)
    assert prompt in " ".join(text[target].split()), f"{prompt!r} not on page {target + 1}"
outl = [o["title"] for o in d["pages"][page]["outlines"]]
assert "Most asked" in outl, outl
print(f"most_asked: PDF page {page + 1}: {len(got)} entries, links to pages "
      + ", ".join(str(index[val(a['/Dest'])[0]] + 1) for a in links))
PY

python3 - "$epub" want.txt <<'PY' || fail "EPUB most-asked document wrong"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
want = [l.split("|") for l in open(sys.argv[2]).read().split("\n") if l]
doc = z.read("OEBPS/most-asked.xhtml").decode()
items = re.findall(r'<li><a href="([^"#]+)#([^"]+)">([^<]*)</a> <span class="asked-in">asked in (\d+) sources</span></li>', doc)
assert [(t, n) for _, _, t, n in items] == [tuple(w) for w in want], items
for f, anchor, t, _ in items:
    target = z.read("OEBPS/" + f).decode()
    assert f'id="{anchor}"' in target, (f, anchor)
    assert t in re.sub(r"<[^>]+>", "", target), t
opf = z.read("OEBPS/content.opf").decode()
spine = re.findall(r'<itemref idref="([^"]+)"', opf)
assert spine.index("most-asked") == spine.index("nav") + 1, spine
assert "most-asked.xhtml" in z.read("OEBPS/nav.xhtml").decode()
assert 'src="most-asked.xhtml"' in z.read("OEBPS/toc.ncx").decode()
print(f"most_asked: EPUB: {len(items)} entries, every link resolves")
PY

# Nothing asked twice: no page, no document.
mkdir once
printf '# Once\n\n## What is rye?\n\nA cereal grass.\n\n## What is spelt?\n\nAn old wheat.\n' >once/a.md
build_ok once.log build once/a.md -o once/out
pdftotext once/out/a.pdf - | has "Most asked" && fail "a booklet asking nothing twice has a Most asked page"
python3 -c 'import sys, zipfile; n = zipfile.ZipFile(sys.argv[1]).namelist(); sys.exit("OEBPS/most-asked.xhtml" in n)' once/out/a.epub ||
    fail "a booklet asking nothing twice has a most-asked document"
note "ok"
