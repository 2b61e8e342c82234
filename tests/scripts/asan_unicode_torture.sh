#!/usr/bin/env bash
# No text can abort a build. A generated booklet (tests/tools/unicode_fixture.py)
# puts every code point class (letters of many scripts, unassigned, private
# use, noncharacters, lone surrogates as raw bytes, C0/C1 controls) and every
# emoji sequence kind (flags and runs of flags, ZWJ families, skin tones,
# keycaps, tag sequences, VS15/VS16, stacked marks) into body text, headings,
# question prompts, inline code, a code block, a table, a quote, a link and a
# footnote, on a narrow page. The build ends with status 0 or 1 and
# diagnostics only (never a signal); both outputs pass the validators; no PDF
# line starts inside a grapheme cluster; the questions are in the bank. Also
# runs under the sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
python3 "$TOOLS/unicode_fixture.py" notes || fail "the fixture generator failed"

run_octavo build.log build notes -o out --layout notes/narrow.yaml
[ "$RC" -lt 128 ] || fail "octavo was killed by signal $((RC - 128))"
[ "$RC" -le 1 ] || fail "octavo exited $RC (expected 0, or 1 with diagnostics)"
expect_diagnostics build.log
[ "$RC" -eq 0 ] || fail "octavo exited 1: the fixture holds no error, only odd text"
for code in pdf-missing-glyph surrogate noncharacter control-char; do
    grep -q "\[$code\]" build.log || fail "expected a [$code] diagnostic"
done

pdf=out/notes.pdf
epub=out/notes.epub
check_epub "$epub"
check_pdf "$pdf"

# No line of the PDF begins with what only continues a cluster: a mark, a
# joiner, a variation selector, a keycap, a skin tone or a tag character.
pdftotext -enc UTF-8 "$pdf" text.txt
python3 - text.txt <<'PY' || fail "a PDF line starts inside a grapheme cluster (see above)"
import sys, unicodedata
bad = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    c = line[:1]
    if c and (unicodedata.category(c) in ("Mn", "Me", "Mc") or c in "\u200d\ufe0e\ufe0f\u20e3"
              or 0x1F3FB <= ord(c) <= 0x1F3FF or 0xE0000 <= ord(c) <= 0xE007F):
        print("line %d starts with U+%04X: %r" % (n, ord(c), line[:30]), file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY
# The long runs were broken (the page is narrow), not lost: the accented
# run fills several lines.
[ "$(grep -c $'a\u0301\u0302a\u0301\u0302' text.txt || true)" -ge 3 ] ||
    [ "$(grep -c $'\u00e1\u0302\u00e1\u0302' text.txt || true)" -ge 3 ] ||
    fail "the long run of accented letters is not set over several lines"

# Every emoji sequence reaches the EPUB whole (the PDF leaves out what its
# fonts cannot draw; the EPUB keeps it).
python3 - "$epub" notes/expected.json <<'PY' || fail "the EPUB lost emoji sequences (see above)"
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml"))
want = json.load(open(sys.argv[2], encoding="utf-8"))
missing = [s for s in want["sequences"] if s not in text]
for s in missing:
    print("not in the EPUB: %s" % " ".join("U+%04X" % ord(c) for c in s), file=sys.stderr)
sys.exit(1 if missing else 0)
PY

# The question bank holds the prompts with their emoji.
"$OCTAVO" inspect --json notes >bank.json 2>inspect.log || fail "inspect --json failed"
python3 - bank.json notes/expected.json <<'PY' || fail "question bank is wrong (see above)"
import json, sys
bank = json.load(open(sys.argv[1], encoding="utf-8"))
want = json.load(open(sys.argv[2], encoding="utf-8"))
prompts = [q["prompt"] for q in bank["questions"]]
missing = [p for p in want["prompts"] if p not in prompts]
for p in missing:
    print("question not found: %r (have %r)" % (p, prompts), file=sys.stderr)
sys.exit(1 if missing else 0)
PY
note "unicode torture: exit $RC, $(grep -c . build.log) diagnostics, validators ok, no cluster split"
