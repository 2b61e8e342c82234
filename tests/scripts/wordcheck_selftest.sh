#!/usr/bin/env bash
# The test tools must really fail: the word check on a fake source against
# fake outputs (text, a hand-made PDF and EPUB), and the PDF and EPUB
# validators on files that break their rules.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup --no-program python3 pdftotext java

cd "$OCTAVO_TMP"
mkdir src
cat >src/notes.md <<'EOF'
# Walrus notes

1. What does a walrus eat? See [the docs](https://example.org/secretpath "Title words").
2. The walrus sleeps on documentation ice.
- [x] zeppelin checked

[ref]: https://example.org/refonly

Perfect! Let's keep the momentum going.

```python
print(extraordinarily_long_identifier_name)
```
Entities: &amp; and caf&eacute; stay.
EOF

# The full output, as a renderer might lay it out: hyphenated at a line end,
# code wrapped mid-token behind a continuation mark, list numbers drawn.
cat >full.txt <<'EOF'
WALRUS NOTES
1. What does a walrus eat? See the docs.
2. The walrus sleeps on documen-
tation ice.
☑ zeppelin checked
Perfect! Let's keep the momentum going.
print(extraordinarily_long_iden↪
tifier_name)
Entities: & and café stay.
EOF

expect_fail() { # expect_fail WHAT PATTERN ARGS...: the check fails and names PATTERN
    local what=$1 pattern=$2 out rc=0
    shift 2
    out=$(python3 "$TOOLS/wordcheck.py" "$@" 2>&1) || rc=$?
    [ "$rc" -eq 1 ] || fail "$what: expected exit 1, got $rc: $out"
    grep -q -- "$pattern" <<<"$out" || fail "$what: report lacks '$pattern': $out"
    note "$what: fails as it should"
}

# Everything present: passes for text, PDF and EPUB.
grep -v momentum full.txt >nofiller.txt
python3 "$TOOLS/fixtures.py" pdf full.pdf full.txt
python3 "$TOOLS/fixtures.py" epub full.epub full.txt
wordcheck src/notes.md --text full.txt --pdf full.pdf --epub full.epub

# One word gone (in every format): fails and says where it was.
sed 's/zeppelin //' full.txt >nozep.txt
python3 "$TOOLS/fixtures.py" pdf nozep.pdf nozep.txt
head -n 3 nozep.txt >part1.txt
tail -n +4 nozep.txt >part2.txt
python3 "$TOOLS/fixtures.py" epub nozep.epub part1.txt part2.txt
expect_fail "missing word (text)" "src/notes.md:5" src/notes.md --text nozep.txt
expect_fail "missing word (PDF)" "'zeppelin'" src/notes.md --pdf nozep.pdf
expect_fail "missing word (EPUB)" "'zeppelin'" src/notes.md --epub nozep.epub

# A word present fewer times than in the sources fails too.
sed '0,/walrus eat/s/walrus eat/eat/' full.txt >fewer.txt
expect_fail "count shortfall" "'walrus': 3 in the sources, 2 in the output" src/notes.md --text fewer.txt

# A vanished code token fails even with the substring fallback.
sed 's/tifier_name/tifer_name/' full.txt >code.txt
expect_fail "code token" "'extraordinarily_long_identifier_name'\|'identifier'" src/notes.md --text code.txt

# Dropped filler: fails silently dropped, passes when octavo reported it.
expect_fail "silent filler drop" "src/notes.md:9" src/notes.md --text nofiller.txt
echo "src/notes.md:9:1: warning: dropped chat filler: \"Perfect! Let's keep the momentum going.\" [filler]" >filler.log
wordcheck src/notes.md --filler-log filler.log --text nofiller.txt
echo "src/notes.md:1:1: warning: dropped 2 filler lines: lines 8-9 [filler]" >filler2.log
wordcheck src/notes.md --filler-log filler2.log --text nofiller.txt
echo "src/notes.md:9:1: note: 1 listed question printed once, at lines 9 [merged-question]" >merged.log
wordcheck src/notes.md --filler-log merged.log --text nofiller.txt
echo "src/notes.md:9:1: warning: something else [other]" >other.log
expect_fail "non-filler warning" "momentum" src/notes.md --filler-log other.log --text nofiller.txt

# Per chapter: a word that moved to another source's chapter is missing from
# its own, though the book as a whole still has it.
printf 'Alpha shared words.\n' >src/a.md
printf 'Beta shared words.\n' >src/b.md
printf 'shared words\n' >ch1.txt
printf 'Alpha Beta shared words\n' >ch2.txt
python3 "$TOOLS/fixtures.py" epub moved.epub ch1.txt ch2.txt
wordcheck src/a.md src/b.md --epub moved.epub
expect_fail "per chapter" "missing word 'alpha'" src/a.md src/b.md --epub moved.epub --per-chapter
printf 'Alpha shared words\n' >ch1.txt
python3 "$TOOLS/fixtures.py" epub inplace.epub ch1.txt ch2.txt
wordcheck src/a.md src/b.md --epub inplace.epub --per-chapter

# Plain mode counts the list numbers and link destinations as words.
expect_fail "plain mode" "'secretpath'" --plain src/notes.md --text full.txt

# Usage errors are not passes.
rc=0
python3 "$TOOLS/wordcheck.py" src/nonexistent.md --text full.txt >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "missing source: expected exit 2, got $rc"

# The validators reject what they must: a PDF whose font is not embedded and
# an EPUB that links to a file it lacks.
if (check_pdf full.pdf) >pdf.log 2>&1; then
    fail "check_pdf accepted a PDF with a non-embedded font"
fi
grep -q "emb/sub/uni" pdf.log || fail "check_pdf failed for another reason: $(cat pdf.log)"
note "check_pdf rejects a non-embedded font"
check_epub full.epub
# spoil IN OUT HTML: OUT is the EPUB IN with HTML put at the start of the
# first paragraph of its first chapter.
spoil() {
    python3 - "$@" <<'EOF'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
done = False
for info in src.infolist():
    data = src.read(info.filename)
    if not done and info.filename.endswith(".xhtml") and b"<p>" in data:
        data = data.replace(b"<p>", b"<p>" + sys.argv[3].encode(), 1)
        done = True
    dst.writestr(info, data)
dst.close()
EOF
}
spoil full.epub broken.epub '<a href="missing.xhtml">x</a>'
if (run_epubcheck "$EPUBCHECK4_JAR" broken.epub) >epub.log 2>&1; then
    fail "run_epubcheck accepted a broken EPUB"
fi
grep -q "RSC-007" epub.log || fail "epubcheck failed for another reason: $(cat epub.log)"
note "run_epubcheck rejects a broken EPUB"

# check_epub's queue: a script that queues a good book, one epubcheck
# rejects (an element XHTML does not have; its links are fine) and the good
# one again fails when it ends, naming the broken one, and the good ones
# pass in the same JVM.
spoil full.epub invalid.epub '<blink>x</blink>'
cat >queue.sh <<EOF
set -euo pipefail
. "$TOOLS/lib.sh"
oct_setup --no-program
check_epub "$PWD/full.epub"
check_epub "$PWD/invalid.epub"
check_epub "$PWD/full.epub"
echo "queued"
EOF
if OCTAVO_TMP=$OCTAVO_TMP/queue bash queue.sh >queue.log 2>&1; then
    fail "check_epub's queue accepted an invalid EPUB: $(cat queue.log)"
fi
grep -q "^queued" queue.log || fail "check_epub stopped before the script ended: $(cat queue.log)"
grep -q "rejects $PWD/invalid.epub" queue.log || fail "the queue failed for another reason: $(cat queue.log)"
grep -q "RSC-005" queue.log || fail "no epubcheck message for the invalid EPUB: $(cat queue.log)"
[ "$(grep -c "$PWD/full.epub ok" queue.log)" -ge 2 ] || fail "the good books were not checked: $(cat queue.log)"
note "check_epub's queue rejects an invalid EPUB among good ones"
note "all self-tests passed"
