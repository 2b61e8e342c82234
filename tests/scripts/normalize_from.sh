#!/usr/bin/env bash
# `octavo normalize -` chooses its reader: --from names it (org, rst, md,
# txt, ipynb), else standard input's text is sniffed (a notebook's JSON,
# Org keywords or an outline, an rst title with another rst sign, two
# kinds of Markdown sign), else it is read as a .txt note, as before. A file keeps its extension's reader
# unless --from names another. An unknown --from is a usage error.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup

cd "$OCTAVO_TMP"
# Org, sniffed by its keyword and by its outline
printf '#+TITLE: Gezeiten\n* Ebbe und Flut\nDer Mond zieht.\n' >tides.org
"$OCTAVO" normalize - <tides.org >org.md 2>org.err || fail "normalize - (org) failed"
grep -qx '# Ebbe und Flut' org.md || fail "Org on stdin not read as Org: $(cat org.md)"
grep -q '^<stdin>:1:1: note: .*\[org-metadata\]$' org.err || fail "messages do not name <stdin>"
printf '* Sonnets\n** Rhyme scheme\nabab cdcd\n' | "$OCTAVO" normalize - >outline.md 2>/dev/null
grep -qx '## Rhyme scheme' outline.md || fail "an Org outline on stdin not read as Org"
# a Markdown bullet list is no Org outline
printf '* flour\n* salt\n' | "$OCTAVO" normalize - >bullets.md 2>/dev/null
! grep -q '^#' bullets.md || fail "a bullet list was read as Org headings: $(cat bullets.md)"
# rst: a title underlined with "~" and a directive
printf 'Ferrous metals\n~~~~~~~~~~~~~~\n\n.. note:: Cast iron is brittle.\n' >metals.rst
"$OCTAVO" normalize - <metals.rst >rst.md 2>/dev/null
grep -qx '# Ferrous metals' rst.md && grep -q '^> \[!note\]' rst.md ||
    fail "rst on stdin not read as rst: $(cat rst.md)"
# a plain note's underlined title alone stays a .txt note's
printf 'Shopping\n========\n\nbread, milk\n' >plain.txt
"$OCTAVO" normalize - <plain.txt >stdin.md 2>/dev/null
"$OCTAVO" normalize plain.txt >file.md 2>/dev/null
cmp -s stdin.md file.md || fail "a plain note on stdin differs from the file"
# Markdown, sniffed by its signs: its MkDocs admonition becomes a callout
# as a .md file's does (a .txt note keeps "!!! tip" as text)
printf '# Ondas\n\nVer [a tabela](tabela.md).\n\n!!! tip\n    A frequência é o inverso do período.\n' |
    "$OCTAVO" normalize - >md.md 2>/dev/null
grep -qx '> \[!tip\]' md.md || fail "Markdown on stdin not read as Markdown: $(cat md.md)"
# messy plain text stays a .txt note: a "# " comment in unfenced code and
# a power "x**2" are no Markdown
printf 'loop notes\n# square each\nfor x in xs:\n    print(x**2)\n\n!!! tip\n    use range\n' |
    "$OCTAVO" normalize - >plain2.md 2>/dev/null
grep -qx '!!! tip' plain2.md || fail "plain text on stdin read as Markdown: $(cat plain2.md)"
# a notebook's JSON
printf '{"cells":[{"cell_type":"code","source":["print(1)"],"outputs":[]}],"metadata":{"kernelspec":{"language":"python"}},"nbformat":4,"nbformat_minor":5}' |
    "$OCTAVO" normalize - >nb.md 2>/dev/null
grep -qx '```python' nb.md || fail "a notebook on stdin not read as one: $(cat nb.md)"
# --from names the reader: on standard input and over a file's extension
printf 'Vectors\n-------\n\nA *norm* is a length.\n' | "$OCTAVO" normalize --from rst - >from.md 2>/dev/null
grep -qx '# Vectors' from.md || fail "--from rst not honoured: $(cat from.md)"
cp tides.org tides.txt
"$OCTAVO" normalize --from=org tides.txt >from2.md 2>/dev/null
grep -qx '# Ebbe und Flut' from2.md || fail "--from=org on a .txt file not honoured"
"$OCTAVO" normalize --from txt tides.org >from3.md 2>/dev/null
! grep -qx '# Ebbe und Flut' from3.md || fail "--from txt on an .org file still read as Org"
rc=0
"$OCTAVO" normalize --from latex - </dev/null >/dev/null 2>usage.err || rc=$?
[ "$rc" = 2 ] || fail "an unknown --from exits $rc, not 2"
grep -q 'latex' usage.err || fail "the usage error does not name the bad kind"
note "stdin sniffed (org, rst, md, ipynb, txt), --from honoured, unknown --from a usage error"
