#!/usr/bin/env bash
# What Org's export and Sphinx's build leave out or bring in, in a booklet:
# an Org note's COMMENT and :noexport: subtrees are not printed (one
# [org-excluded] note each, at the heading's line); an rst page's
# csv-table, grid table with spanning cells and include:: of a part beside
# it print as tables and text, raw:: html as HTML, raw latex and autodoc
# not at all ([rst-dropped]); an include outside the folder is refused
# ([rst-include]). PDF and EPUB pass qpdf and both epubchecks.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext unzip

cd "$OCTAVO_TMP"
mkdir -p book/parts
cat >book/botanik.org <<'ORG'
#+TITLE: Botanik
#+LANGUAGE: de
* Photosynthese
Chlorophyll fängt Licht.
* COMMENT Entwurf für später
Halbgare Gedanken über Moose.
** Unterpunkt
Noch mehr Entwurf.
* Zellwand
Zellulose gibt Halt.
* Lösungen der Übung :noexport:
Die Antwort ist Xylem.
ORG
cat >book/leguas.rst <<'RST'
Medidas antigas
===============

.. csv-table:: Unidades
   :header: "Unidade", "Metros"

   Légua, 6600
   "Braça, craveira", "2,2"

+--------+--------+--------+
| Nome   | Uso             |
+========+========+========+
| Palmo  | pano   | mão    |
+--------+--------+ aberta |
| Vara   | terra  |        |
+--------+--------+--------+

.. include:: parts/nota.rst

.. include:: ../fora.rst

.. raw:: html

   <p>Fonte: <b>arquivo municipal</b></p>

.. raw:: latex

   \clearpage

.. automodule:: medidas
RST
cat >book/parts/nota.rst <<'RST'
Nota histórica
--------------

O sistema métrico chegou em 1862.
RST
printf 'Segredo fora da pasta.\n' >fora.rst

build_ok build.log build book -o out --lang de
expect_diagnostics build.log
grep -q '^book/botanik.org:5:1: note: .*Entwurf.*lines 5-8.*\[org-excluded\]$' build.log ||
    fail "no [org-excluded] note at the COMMENT heading's line 5: $(cat build.log)"
grep -q '^book/botanik.org:11:1: note: .*noexport.*\[org-excluded\]$' build.log ||
    fail "no [org-excluded] note at the :noexport: heading's line 11"
grep -q '^book/leguas.rst:20:1: warning: .*outside the source.s folder \[rst-include\]$' build.log ||
    fail "the include outside the folder was not refused at line 20"
[ "$(grep -c '\[rst-dropped\]' build.log)" = 2 ] || fail "raw latex and automodule: not 2 [rst-dropped]"
if grep -q '\[rst-unknown\]' build.log; then fail "a directive or table printed as unknown"; fi
check_pdf out/book.pdf
check_epub out/book.epub

pdftotext out/book.pdf book.txt
unzip -p out/book.epub '*.xhtml' >book.xhtml
for f in book.txt book.xhtml; do
    for w in Chlorophyll Zellulose 'Braça, craveira' 6600 'mão aberta' 'Nota histórica' 1862 \
        'arquivo municipal'; do
        grep -q "$w" "$f" || fail "'$w' is missing from $f"
    done
    for w in Moose Entwurf Xylem Segredo clearpage automodule '+--------'; do
        if grep -q -- "$w" "$f"; then fail "'$w' printed in $f"; fi
    done
done
# the tables are tables
grep -q '<td>Braça, craveira</td>' book.xhtml || fail "the csv-table is not a table"
grep -q '<td>mão aberta</td>' book.xhtml || fail "the spanning cell is not a table cell"
grep -q '<b>arquivo municipal</b>\|<strong>arquivo municipal</strong>' book.xhtml ||
    fail "raw html was not read as HTML"
note "Org export selection, csv-table, grid spans, include, raw and autodoc in PDF and EPUB"
