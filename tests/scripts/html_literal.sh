#!/usr/bin/env bash
# Raw HTML is never passed through: `Authorization: Token <token>` (as in the
# Django notes) must show the literal `<token>` in the PDF and the EPUB; an
# HTML element becomes structure (a <div> prints its text, no tag), and a
# <script> goes with its content and an [html-dropped] warning naming its line.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext python3

cd "$OCTAVO_TMP"
mkdir lit
cat >lit/notes.txt <<'EOF'
How does token authentication work?

Server issues a token after login (random string). Client sends token in headers (Authorization: Token <token>).

Stateless tokens containing claims (often signed). Client sends token (Authorization: Bearer <jwt>).

A block of HTML is structure:

<div class="note">inside div</div>

<script>alert("x")</script>
EOF
build_ok build.log build lit -o out --keep-filler

pdf_text out/lit.pdf | flat_text >pdf.txt
epub_text out/lit.epub | flat_text >epub.txt
for kind in pdf epub; do
    for literal in 'Authorization: Token <token>' 'Bearer <jwt>' 'inside div'; do
        grep -qF -- "$literal" $kind.txt || fail "$kind text lacks the literal '$literal': $(cat $kind.txt)"
    done
    for gone in '<div' '</div>' '<script' 'alert' 'class='; do
        if grep -qF -- "$gone" $kind.txt; then fail "$kind text shows '$gone': $(cat $kind.txt)"; fi
    done
done
grep -q 'lit/notes.txt:11:1: warning: <script> dropped with its content (line 11) \[html-dropped\]' build.log ||
    fail "no html-dropped warning for the script: $(cat build.log)"
# The EPUB must carry it as escaped text, not as markup.
python3 - out/lit.epub <<'EOF' || fail "the EPUB contains raw <token>/<script> elements"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith((".xhtml", ".html")):
        data = z.read(n)
        assert b"<token" not in data and b"<jwt" not in data and b"<script" not in data, n
        assert b"&lt;div" not in data and b"alert" not in data, n
EOF
note "literal pseudo-tags shown, HTML mapped, script dropped in PDF and EPUB"
