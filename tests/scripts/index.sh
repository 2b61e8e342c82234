#!/usr/bin/env bash
# The index at the back: the Django booklet's PDF ends with "Index" pages
# (after "To research"), terms in two columns, each page number a link to
# an existing page on which the term really is; the contents and the
# outline name it. The EPUB has index.xhtml (epub:type="index", the EPUB
# Indexes vocabulary) last in spine, nav and NCX, every locator an id of
# a chapter document; both epubchecks pass.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3 pdftotext qpdf

cd "$OCTAVO_TMP"
build_ok build.log build "$OCTAVO_SRC/content" -o out
pdf=out/django.pdf epub=out/django.epub
check_pdf "$pdf"
check_epub "$epub"

qpdf --json=2 --json-key=pages --json-key=qpdf "$pdf" >pdf.json
pdftotext -f 1 -l 4 "$pdf" front.txt
grep -q "^Index" front.txt || fail "the contents do not list the index"
python3 - "$pdf" pdf.json <<'PY' || fail "PDF index wrong"
import json, re, subprocess, sys, unicodedata
pdf, jsonf = sys.argv[1], sys.argv[2]
d = json.load(open(jsonf))
objs = d["qpdf"][1]
def val(ref):
    return objs["obj:" + ref]["value"] if isinstance(ref, str) else ref
pages = d["pages"]
npages = len(pages)
index = {p["object"]: k for k, p in enumerate(pages)}
first_body = next(k for k, p in enumerate(pages) if p.get("label", {}).get("/S") == "/D")
def text(i, crop=None):
    args = ["pdftotext", "-f", str(i + 1), "-l", str(i + 1)]
    if crop: args += ["-x", str(int(crop[0])), "-y", "0", "-W", str(int(crop[1])), "-H", "2000", "-r", "72"]
    return subprocess.run(args + [pdf, "-"], capture_output=True, text=True, check=True).stdout
full = [text(i) for i in range(npages)]
ix = [i for i, t in enumerate(full) if t.lstrip().startswith("Index")]
assert ix, "no page starts with Index"
# the index opens on the first such page after the front matter; its later
# rectos start with "Index" too, their running head
first_ix = next(i for i in ix if i >= first_body)
assert all(i % 2 == first_ix % 2 for i in ix if i > first_ix), "Index heads only on rectos"
assert "To research" not in "".join(full[first_ix:]), "the index comes after To research"
assert "Index" in [o["title"] for o in pages[first_ix].get("outlines", [])], "no Index in the outline"
# every link annotation on the index pages leads to an existing page
nlinks = 0
for k in range(first_ix, npages):
    annots = [val(a) for a in val(objs["obj:" + pages[k]["object"]]["value"]).get("/Annots", [])]
    for a in annots:
        if a.get("/Subtype") != "/Link": continue
        dest = val(a["/Dest"])
        assert dest[0] in index, "link to no page"
        assert index[dest[0]] < first_ix, "index link into the index"
        nlinks += 1
assert nlinks > 0
# entries per column: "term, 3, 7" (continuation lines start with a digit)
mb = val(objs["obj:" + pages[first_ix]["object"]]["value"])["/MediaBox"]
W = float(mb[2])
entries = []
def split_x(k):
    # the right column's left edge: the most common word start right of the middle
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(k + 1), "-l", str(k + 1), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    xs = [round(float(x)) for x in re.findall(r'<word xMin="([\d.]+)"', out)]
    right = [x for x in xs if x > W * 0.35]
    return max(set(right), key=right.count) - 1 if right else W / 2
for k in range(first_ix, npages):
    sx = split_x(k)
    for half in ((0, sx), (sx, W - sx)):
        lines = [l.strip() for l in text(k, half).split("\n") if l.strip()]
        for l in lines:
            if re.match(r"^\d", l) and entries:
                entries[-1] += " " + l
            elif "," in l:
                entries.append(l)
def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[^\w]", "", s)
body = [norm(re.sub(r"-\n", "", t)) for t in full]
ok = bad = 0
badlist = []
for e in entries:
    m = re.match(r"^(.*?)((?:,\s*\d+)+)$", e)
    if not m: continue
    term = re.sub(r"\s*\(.*\)$", "", m.group(1)).strip()
    nums = [int(x) for x in re.findall(r"\d+", m.group(2))]
    for n in nums:
        pg = first_body + n - 1
        t = norm(term)  # a plural joins its singular: "queries" under "query"
        if t in body[pg] or (t.endswith("y") and t[:-1] + "ies" in body[pg]): ok += 1
        else: bad += 1; badlist.append((term, n))
print(f"index: {len(entries)} entries, {nlinks} links, {ok} page numbers checked, {bad} wrong", file=sys.stderr)
for b in badlist[:20]: print("  not on its page:", b, file=sys.stderr)
sys.exit(1 if bad or len(entries) < 10 else 0)
PY

python3 - "$epub" <<'PY' || fail "EPUB index wrong"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
doc = z.read("OEBPS/index.xhtml").decode()
assert '<section epub:type="index" id="index">' in doc
for t in ("index-group", "index-entry-list", "index-entry", "index-term", "index-locator"):
    assert f'epub:type="{t}"' in doc, t
entries = doc.count('epub:type="index-entry"')
links = re.findall(r'<a epub:type="index-locator" href="([^"#]+)#([^"]+)">', doc)
assert entries > 50 and len(links) >= entries, (entries, len(links))
ids = {}
for f, anchor in links:
    if f not in ids:
        ids[f] = set(re.findall(r'id="([^"]+)"', z.read("OEBPS/" + f).decode()))
    assert anchor in ids[f], (f, anchor)
for term in ("select_related", "DRF", "middleware"):
    assert re.search(r'epub:type="index-term">(<code>)?' + term + r"(\(\))?(</code>)?</span>", doc), term
assert re.search(r"<code>select_related(\(\))?</code>", doc), "code terms keep monospace"
opf = z.read("OEBPS/content.opf").decode()
spine = re.findall(r'<itemref idref="([^"]+)"', opf)
assert spine[-1] == "index", spine
assert 'href="index.xhtml"' in z.read("OEBPS/nav.xhtml").decode()
assert 'src="index.xhtml"' in z.read("OEBPS/toc.ncx").decode()
print(f"index: EPUB: {entries} entries, {len(links)} locators, every one resolves", file=sys.stderr)
PY

# A one-chapter booklet with a handful of code terms: no contents page
# (its one chapter opens on the next page anyway) and no index of three
# code names, in the PDF, its outline, or the EPUB. Two chapters keep it.
mkdir small
cat >small/notes.md <<'MD'
# Shell notes

## Files

Use `ls -la` to list files and `cp` to copy them.

## Processes

Use `ps aux` to list processes.

## Signals

A process stops on `SIGTERM`.
MD
build_ok small.log build small -o small-out
check_pdf small-out/small.pdf
check_epub small-out/small.epub
pdftotext small-out/small.pdf - | flat_text >small.txt
! grep -q "Contents" small.txt || fail "a one-chapter booklet has a contents page"
! grep -q "Index" small.txt || fail "an index of three code names"
qpdf --json=2 --json-key=outlines small-out/small.pdf | has '"Contents"' &&
    fail "the outline names a contents page that is not there"
! unzip -l small-out/small.epub | has index.xhtml || fail "an EPUB index of three code names"
printf '# More notes\n\n## Pipes\n\nA pipe joins two commands.\n' >small/more.md
build_ok small2.log build small -o small2-out
pdftotext -f 1 -l 4 small2-out/small.pdf - | has "Contents" || fail "two chapters lost their contents"
note "ok"
