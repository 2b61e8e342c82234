#!/usr/bin/env bash
# Hyphenation in the PDF (README "Hyphenation"): prose set on a narrow
# measure ends some lines with a hyphen whose two halves join into a word of
# the source; code, URLs and identifiers never get one (they break after
# their separators); never more than two hyphenated lines in a row, never a
# hyphen before a paragraph's last line. A language without patterns gets
# one warning and no hyphen; one that is not hyphenated at all gets none.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cp "$OCTAVO_SRC"/tests/data/hyphenation/*.md notes/
cat >narrow.yaml <<'YAML'
page:
  size: A5
  margins: {top: 15mm, bottom: 20mm, inner: 22mm, outer: 26mm}
sizes:
  body: 11.5
YAML
build_ok build.log build notes -o out --lang en --layout narrow.yaml --format pdf
grep -q 'no-hyphenation' build.log && fail "English patterns not found: $(cat build.log)"
check_pdf out/notes.pdf
wordcheck --filler-log build.log --pdf out/notes.pdf notes/*.md
pdftotext -layout out/notes.pdf layout.txt

python3 - layout.txt notes/*.md <<'PY' || fail "hyphenation checks failed (see above)"
import re, sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n")]
prose, code, paras = set(), set(), []
for path in sys.argv[2:]:
    fenced, para = False, []
    for raw in open(path, encoding="utf-8").read().split("\n") + [""]:
        if raw.startswith("```"):
            fenced = not fenced
            continue
        words = re.findall(r"[A-Za-z]+", raw.lower())
        (code if fenced else prose).update(words)
        if fenced or raw.startswith("#") or not raw.strip():
            if para:
                paras.append(para)
            para = []
        else:
            para += raw.split()
hyphened = lambda l: re.search(r"[A-Za-z]-$", l) is not None
real = 0
for k, l in enumerate(lines[:-1]):
    if not hyphened(l):
        continue
    tok, nxt = l.split()[-1], lines[k + 1]
    assert not re.search(r"[/_.:0-9@]", tok[:-1]), f"a URL or identifier hyphenated: {l!r}"
    assert "↪" not in nxt and "def " not in l, f"code hyphenated: {l!r}"
    head = re.search(r"([A-Za-z]+)-$", tok).group(1)
    m = re.match(r"([a-z]+)", nxt)
    assert m, f"a hyphen not followed by a lower-case continuation: {l!r} / {nxt!r}"
    joined = (head + m.group(1)).lower()
    if joined in prose and f"{head}-{m.group(1)}".lower() not in " ".join(p for p in map(" ".join, paras)).lower():
        real += 1
    else:
        assert f"{head}-{m.group(1)}".lower() in " ".join(map(" ".join, paras)).lower(), \
            f"{head}-{m.group(1)} joins into no word of the source"
    assert not (k >= 2 and hyphened(lines[k - 1]) and hyphened(lines[k - 2])), \
        f"three hyphenated lines in a row, ending at {l!r}"
assert real >= 4, f"only {real} hyphenated words on a narrow measure"
# the last line of each paragraph: the words ending the paragraph
last = 0
for p in paras:
    for k, l in enumerate(lines):
        w = l.split()
        if w and len(w) <= len(p) and p[-len(w):] == w and k > 0:
            assert not hyphened(lines[k - 1]), f"a hyphen before a paragraph's last line: {lines[k-1]!r}"
            last += 1
assert last >= 6, f"found the last line of only {last} paragraphs"
# code and URLs wrap after separators, without an added hyphen
for l in lines:
    if "↪" in l or l.startswith(("def ", "return ")) or re.search(r"[_/:.][A-Za-z]*-$", l):
        assert not hyphened(l), f"code or URL line ends with a hyphen: {l!r}"
assert any(l.endswith("glacier_") or l.endswith("https://example.") for l in lines) or \
    any(re.search(r"[._/]$", l) for l in lines), "no identifier or URL broken at a separator"
print(f"hyphenation: {real} hyphenated words, {last} paragraph ends checked")
PY

# No patterns for Finnish here (Debian has no hyphen-fi): one warning, no
# hyphen added. Japanese is not hyphenated: no warning.
have_fi=$(ls /usr/share/hyphen/hyph_fi_* 2>/dev/null | head -n1 || true)
if [ -z "$have_fi" ]; then
    build_ok fi.log build notes -o fi --lang fi --layout narrow.yaml --format pdf
    [ "$(grep -c 'no-hyphenation' fi.log)" = 1 ] || fail "expected one no-hyphenation warning: $(cat fi.log)"
    pdftotext -layout fi/notes.pdf fi.txt
    python3 - fi.txt notes/*.md <<'PY' || fail "a hyphen added without patterns"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
src = " ".join(open(p, encoding="utf-8").read() for p in sys.argv[2:])
for l, n in re.findall(r"([A-Za-z]+)-\s*\n\s*([a-z]+)", text):
    assert f"{l}-{n}" in src, f"{l}-{n} hyphenated without patterns"
PY
fi
# Russian (hyphen-ru, installed by the set-up like the other languages whose
# labels octavo reads): long words on a narrow measure are hyphenated, each
# hyphenated line's halves join into a word of the source.
mkdir ru
cat >ru/notes.md <<'EOF'
# Электрохимия

## Что происходит при электролизе расплава?

Электрический ток разлагает расплавленное вещество: положительно заряженные
катионы перемещаются к катоду и восстанавливаются, отрицательно заряженные
анионы перемещаются к аноду и окисляются. Продолжительность электролиза и сила
тока определяют количество выделившегося вещества, что количественно описывают
законы Фарадея. Электрохимические производства потребляют значительное
количество электроэнергии, поэтому их размещают вблизи электростанций.
EOF
build_ok ru.log build ru -o ru-out --lang ru --layout narrow.yaml --format pdf
grep -q 'no-hyphenation' ru.log && fail "Russian patterns not found: $(cat ru.log)"
pdftotext -layout ru-out/ru.pdf ru.txt
python3 - ru.txt ru/notes.md <<'PY' || fail "Russian hyphenation checks failed"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
src = open(sys.argv[2], encoding="utf-8").read().replace("\n", " ")
pairs = re.findall(r"(\w+)-\s*\n\s*(\w+)", text)
assert pairs, "no Russian word hyphenated on a narrow measure"
for l, n in pairs:
    assert (l + n) in src, f"{l}-{n} is no word of the source"
print(f"russian: {len(pairs)} hyphenated words")
PY
build_ok ja.log build notes -o ja --lang ja --layout narrow.yaml --format pdf
grep -q 'no-hyphenation' ja.log && fail "a warning for a language that is not hyphenated"
note "ok"
