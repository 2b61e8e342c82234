#!/usr/bin/env bash
# The default job, end to end: content/ → out/django.pdf + out/django.epub,
# both accepted by the validators, with no source text silently lost.
# Also runs under the sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
build_ok build.log build "$OCTAVO_SRC/content" -o out
expect_diagnostics build.log
pdf=out/django.pdf
epub=out/django.epub
[ -s "$pdf" ] && [ -s "$epub" ] || fail "expected $pdf and $epub; got: $(ls out)"
leftover=$(find out -type f ! -name django.pdf ! -name django.epub)
[ -z "$leftover" ] || fail "unexpected files in the output directory: $leftover"

check_epub "$epub"
check_pdf "$pdf"
# Grouped by topic (the manifest's default), words of every source land in
# the topic chapters: the whole book must hold them all.
wordcheck --manifest "$OCTAVO_SRC/content/django/booklet.yaml" --filler-log build.log \
    --pdf "$pdf" --epub "$epub"
# Grouped by source, each source's chapter must hold that source's words.
build_ok by-source.log build "$OCTAVO_SRC/content" -o by-source --group-by source
check_epub by-source/django.epub
check_pdf by-source/django.pdf
wordcheck --manifest "$OCTAVO_SRC/content/django/booklet.yaml" --filler-log by-source.log \
    --pdf by-source/django.pdf --epub by-source/django.epub --per-chapter
note "django booklet ok ($(stat -c %s "$pdf") bytes PDF, $(stat -c %s "$epub") bytes EPUB)"
