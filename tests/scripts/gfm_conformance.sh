#!/usr/bin/env bash
# The CommonMark spec (npm) and, when ../shared/testdata has them, the GFM
# spec files as a conformance corpus: every example (one .md file each, a
# directory without a manifest is one booklet of its files in name order)
# compiles into one PDF and one EPUB that the validators accept, and the
# visible text of every example's expected HTML survives into both (as a
# whole, and in the EPUB example by example). HTML elements become
# structure; text that only looks like a tag stays literal, so our text is a
# superset of it (the content of dropped elements such as <script> aside).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
spec_corpora >corpora.txt
while read -r tag path; do
    python3 "$TOOLS/gfmsplit.py" "$path" "$tag" gfm expected
done <corpora.txt

# --keep-filler: the spec's text is not chat; nothing may be dropped.
build_ok build.log build gfm -o out --keep-filler
expect_diagnostics build.log
[ -s out/gfm.pdf ] && [ -s out/gfm.epub ] || fail "expected out/gfm.pdf and out/gfm.epub; got: $(ls out)"

check_epub out/gfm.epub
check_pdf out/gfm.pdf
# an example with no text (a link definition alone) gives no chapter: a
# warning names it, and it has no expected text either
empty=$(sed -n 's|^.*gfm/\([^/:]*\)\.md: warning: .*\[empty-source\]$|\1|p' build.log)
texts=()
for f in expected/*.txt; do
    b=$(basename "$f" .txt)
    if grep -qxF "$b" <<<"$empty"; then
        [ ! -s "$f" ] || [ -z "$(tr -d '[:space:]' <"$f")" ] || fail "$b: reported empty but expects text"
        continue
    fi
    texts+=("$f")
done
wordcheck --plain --per-chapter "${texts[@]}" --pdf out/gfm.pdf --epub out/gfm.epub
note "$(ls gfm | wc -l) examples ok"
