#!/usr/bin/env bash
# Unanswered questions (tests/data/research): a question answered only in
# the other source points there ("Answered in ...", a working link in both
# outputs); clusters no source answers are listed once in a "To research"
# appendix (PDF: last section with an outline entry; EPUB: its own document
# in spine, nav and NCX) whose entries link to the questions; print has a
# check-box beside each question unless the layout turns it off. Both
# validators, qpdf and the word check pass; a booklet with every question
# answered has no appendix.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3 unzip

cd "$OCTAVO_TMP"
SRC=$OCTAVO_SRC/tests/data/research
build_ok build.log build "$SRC" -o out
expect_diagnostics build.log
PDF=out/research.pdf EPUB=out/research.epub
[ -s "$PDF" ] || PDF=$(ls out/*.pdf)
[ -s "$EPUB" ] || EPUB=$(ls out/*.epub)
check_pdf "$PDF"
check_epub "$EPUB"
wordcheck --manifest "$SRC/booklet.yaml" --pdf "$PDF" --epub "$EPUB"

# ---- EPUB: appendix document, its entries, and every link resolving.
python3 - "$EPUB" <<'PY' || fail "EPUB research appendix or links wrong (see above)"
import re, sys, zipfile, html
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
def read(n): return z.read("OEBPS/" + n).decode()
assert "OEBPS/research.xhtml" in names, "no research.xhtml"
opf, nav, ncx = read("content.opf"), read("nav.xhtml"), read("toc.ncx")
assert re.search(r'<item [^>]*id="research"[^>]*href="research.xhtml"', opf), "not in manifest"
spine = re.search(r"<spine.*?</spine>", opf, re.S).group(0)
assert spine.rstrip().split("<itemref")[-1].find('idref="research"') >= 0, "not last in spine"
assert 'href="research.xhtml">To research<' in nav, "not in nav"
assert 'src="research.xhtml"' in ncx, "not in NCX"
doc = read("research.xhtml")
items = re.findall(r'<li id="research-\d+">(.*?)</li>', doc, re.S)
text = [" ".join(html.unescape(re.sub("<[^>]+>", "", i)).split()) for i in items]
want = ["2. How often should a fig tree be pruned? (Raised beds)",
        "3. Why do raised beds warm up sooner in spring? (Raised beds)",
        "Which apple varieties suit a cold, windy garden? (Orchard and rotation)"]
assert text == want, text
ids = {}
for n in names:
    if n.endswith(".xhtml"):
        ids[n[len("OEBPS/"):]] = set(re.findall(r'\sid="([^"]+)"', z.read(n).decode()))
bad, seen = [], 0
for n in ids:
    for href in re.findall(r'<a [^>]*href="([^"#:]*)#([^"]+)"', read(n)):
        f, a = href
        f = f or n
        seen += 1
        if f not in ids or a not in ids[f]:
            bad.append("%s: %s#%s does not resolve" % (n, f, a))
beds = [n for n in ids if "raised" in read(n).lower() and "research" not in n and "nav" not in n
        and "most-asked" not in n
        and "title" not in n][0]
b = read(beds)
m = re.search(r'<p class="answered-elsewhere"><a href="([^"#]+)#([^"]+)">Answered in Orchard and rotation</a></p>', b)
assert m, "no 'Answered in Orchard and rotation' link in " + beds
target = read(m.group(1))
assert re.search(r'id="%s".{0,200}What is crop rotation\?' % re.escape(m.group(2)), target, re.S), \
    "the answered-elsewhere link does not land on the answered question"
assert b.count('class="to-research"') == 2, "unanswered questions of beds not marked"
assert 'Not answered in these notes' in b
for e in bad: print(e, file=sys.stderr)
print("research: EPUB appendix %d entries, %d internal links resolve" % (len(items), seen))
sys.exit(1 if bad else 0)
PY

# ---- PDF: the appendix text, the line pointing at the other source, link
# annotations landing on pages that show their target, the check-boxes.
pdftotext "$PDF" all.txt
flat=$(flat_text <all.txt)
grep -q "Answered in Orchard and rotation" <<<"$flat" || fail "PDF: no 'Answered in Orchard and rotation'"
# the text after the last "To research" line (the first is in the contents)
appx=$(awk '/^\014*To research$/ { buf = ""; on = 1; next } on { buf = buf $0 "\n" } END { printf "%s", buf }' all.txt | flat_text)
[ -n "$appx" ] || fail "PDF: no To research section"
for w in "2. How often should a fig tree be pruned? (Raised beds)" \
    "3. Why do raised beds warm up sooner in spring? (Raised beds)" \
    "Which apple varieties suit a cold, windy garden? (Orchard and rotation)"; do
    grep -qF "$w" <<<"$appx" || fail "PDF appendix lacks: $w"
done
[ "$(grep -o "How often should a fig tree be pruned" <<<"$appx" | wc -l)" = 1 ] ||
    fail "PDF appendix lists the fig cluster more than once"
grep -q "What is crop rotation" <<<"$appx" && fail "PDF appendix lists an answered cluster"

qpdf --json=2 "$PDF" >pdf.json
python3 - "$PDF" pdf.json <<'PY' || fail "PDF links or outline wrong (see above)"
import json, subprocess, sys
pdf, js = sys.argv[1:]
j = json.load(open(js))
objs = j["qpdf"][1]
pages = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
def val(ref): return objs.get("obj:" + ref, {}).get("value")
def page_text(n, box=None):
    cmd = ["pdftotext", "-q", "-f", str(n), "-l", str(n)]
    if box:
        cmd += ["-r", "72", "-x", str(int(box[0])), "-y", str(int(box[1])),
                "-W", str(int(box[2]) + 1), "-H", str(int(box[3]) + 1)]
    out = subprocess.run(cmd + [pdf, "-"], capture_output=True, text=True).stdout
    return " ".join(out.split())
# link text (a link set in several styles is several annotations: joined)
# -> the text at its destination
want = {"Answered in Orchard and rotation": "What is crop rotation?",
        "How often should a fig tree be pruned?": "How often should a fig tree be pruned?",
        "Why do raised beds warm up sooner in spring?": "Why do raised beds warm up sooner",
        "Which apple varieties suit a cold, windy garden?":
            "Which apple varieties suit a cold, windy garden?"}
links, bad, found = [], [], set()
for key, o in objs.items():
    v = o.get("value") if isinstance(o, dict) else None
    if not (isinstance(v, dict) and v.get("/Subtype") == "/Link"):
        continue
    if "/Dest" not in v:
        continue
    src = pages[v["/P"]]
    mb = val(v["/P"]).get("/MediaBox", [0, 0, 595, 842])
    x0, y0, x1, y1 = v["/Rect"]
    text = page_text(src, (x0, mb[3] - y1, x1 - x0, y1 - y0))
    dest = v["/Dest"]
    dest = val(dest) if isinstance(dest, str) and dest.endswith(" R") else dest
    if links and links[-1][0] == src and links[-1][2] == dest:
        links[-1][1] += " " + text
    else:
        links.append([src, text, dest])
for src, text, dest in links:
    target = pages.get(dest[0]) if isinstance(dest, list) else None
    if target is None:
        bad.append("link %r on page %d has no page destination" % (text, src))
        continue
    for key in want:
        if key not in text or (key != text and not text.startswith(("2.", "3.", "Which"))):
            continue
        found.add(key)
        mb = val(dest[0]).get("/MediaBox", [0, 0, 595, 842])
        top = dest[3] if len(dest) > 3 and isinstance(dest[3], (int, float)) else mb[3]
        there = page_text(target, (0, max(0, mb[3] - top), mb[2], 40))
        if want[key] not in there:
            bad.append("link %r lands at %r" % (text, there[:80]))
bad += ["no PDF link for %r" % t for t in want if t not in found]
titles = [o.get("value", {}).get("/Title") for o in objs.values() if isinstance(o, dict)
          and isinstance(o.get("value"), dict) and "/Title" in o["value"] and "/Parent" in o["value"]]
if not any(t and "To research" in t for t in titles):
    bad.append("no outline entry 'To research' (%r)" % titles[:12])
for b in bad: print(b, file=sys.stderr)
print("research: %d PDF links, %d checked against their targets" % (len(links), len(found)))
sys.exit(1 if bad else 0)
PY

# Check-boxes: one stroked square per question (7) in the content streams;
# a layout with question_checkbox: false draws none.
count_boxes() {
    qpdf --qdf --object-streams=disable "$1" - | python3 -c '
import re, sys
d = sys.stdin.buffer.read().decode("latin-1")
print(len(re.findall(r"re\s*\n?\s*S\b", d)))'
}
nbox=$(count_boxes "$PDF")
cp "$OCTAVO_SRC/layouts/a4.yaml" nobox.yaml
sed -i 's/^question_checkbox: true$/question_checkbox: false/' nobox.yaml
grep -q '^question_checkbox: false$' nobox.yaml || fail "could not switch the check-box off"
build_ok nobox.log build "$SRC" --layout "$OCTAVO_TMP/nobox.yaml" -o nobox
n0=$(count_boxes nobox/*.pdf)
[ $((nbox - n0)) = 7 ] || fail "expected 7 check-boxes, found $nbox with and $n0 without"
printf 'question_checkbox: maybe\n' >bad.yaml
rc=0
"$OCTAVO" build "$SRC" --layout "$OCTAVO_TMP/bad.yaml" -o bad 2>bad.err || rc=$?
[ "$rc" != 0 ] && grep -q "bad.yaml:1:.*true or false" bad.err ||
    fail "question_checkbox: maybe accepted (rc $rc): $(cat bad.err)"

# ---- every question answered: no appendix in either output.
mkdir full
printf '# Done\n\n### What is a cloche?\n\nA glass bell set over a seedling.\n' >full/a.md
build_ok full.log build full/a.md -o fullout
unzip -l fullout/*.epub | has research.xhtml && fail "appendix without unanswered questions"
pdftotext fullout/*.pdf - | has "To research" && fail "PDF appendix without unanswered questions"
note "ok: 3 unanswered clusters listed, links resolve, $((nbox - n0)) check-boxes"
