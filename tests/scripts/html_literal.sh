#!/usr/bin/env bash
# Raw HTML is never passed through: `Authorization: Token <token>` (as in the
# Django notes) must show the literal `<token>` in the PDF and the EPUB, and
# tags outside the safe subset must show as text, not vanish.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext python3

cd "$OCTAVO_TMP"
mkdir lit
cat >lit/notes.txt <<'EOF'
How does token authentication work?

Server issues a token after login (random string). Client sends token in headers (Authorization: Token <token>).

Stateless tokens containing claims (often signed). Client sends token (Authorization: Bearer <jwt>).

A block of raw HTML stays text:

<div class="note">inside div</div>

<script>alert("x")</script>
EOF
build_ok build.log build lit -o out --keep-filler

pdf_text out/lit.pdf | flat_text >pdf.txt
epub_text out/lit.epub | flat_text >epub.txt
for kind in pdf epub; do
    for literal in 'Authorization: Token <token>' 'Bearer <jwt>' '<div class="note">inside div</div>' \
        '<script>alert("x")</script>'; do
        grep -qF -- "$literal" $kind.txt || fail "$kind text lacks the literal '$literal': $(cat $kind.txt)"
    done
done
# The EPUB must carry it as escaped text, not as markup.
python3 - out/lit.epub <<'EOF' || fail "the EPUB contains raw <token>/<script> elements"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith((".xhtml", ".html")):
        data = z.read(n)
        assert b"<token" not in data and b"<jwt" not in data and b"<script" not in data, n
EOF
note "literal HTML shown in PDF and EPUB"
