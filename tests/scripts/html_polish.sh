#!/usr/bin/env bash
# GitHub HTML, the rough edges (README "GitHub HTML"): two sources in
# tests/data/html/polish — a Spanish market README (aligned HTML tables with
# <col>, align= and style="text-align", a list, a code block and two
# paragraphs written between <td> and </td>, <picture> with dark/light
# sources, an image in a link in <p align=center>, <summary><h3>,
# <details open>, <br/> in a summary, a nested hint box) and a Portuguese
# page pasted whole (<!DOCTYPE>, <head> with <title>/<meta>/<link>,
# </body></html> mid-file, then Markdown, an unterminated <script> and
# <iframe>). Checks: the column alignments in the tree and the EPUB, the
# folded cell text in both outputs, every word after the <script> kept,
# the warnings, the question bank, both validators, qpdf.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
mkdir notes
cp "$OCTAVO_SRC"/tests/data/html/polish/*.md notes/
cp "$OCTAVO_SRC"/tests/data/images/landscape.jpg notes/puesto-claro.jpg

build_ok build.log build notes -o out --lang es
expect_diagnostics build.log
check_epub out/notes.epub
check_pdf out/notes.pdf

for want in 'pagina-cha-pt.md:29:1: warning: <script> has no end tag: it ends with its block (lines 29-30) [html-unclosed]' \
    'pagina-cha-pt.md:29:1: warning: <script> dropped with its content (line 29)' \
    'pagina-cha-pt.md:43:1: warning: <iframe> dropped with its content (line 43)' \
    'pagina-cha-pt.md:5:1: warning: <title> dropped with its content (line 5)' \
    'pagina-cha-pt.md:4:1: warning: <meta> dropped with its content (line 4)' \
    'pagina-cha-pt.md:6:1: warning: <link> dropped with its content (line 6)'; do
    grep -qF -- "$want" build.log || fail "no warning '$want' in: $(cat build.log)"
done
[ "$(grep -c 'html-dropped' build.log)" = 5 ] || fail "expected 5 html-dropped warnings: $(cat build.log)"
if grep -q 'dark\|oscuro\|image-missing' build.log; then fail "the dark <source> was used: $(cat build.log)"; fi

# Column alignments in the tree: <col align>, <th align>, text-align, <tr align>.
"$OCTAVO" inspect --tree notes >tree.txt 2>/dev/null || fail "inspect --tree failed"
grep -q '^    table cols=3 align=lcr @15:1$' tree.txt || fail "Spanish price table not aligned lcr: $(grep 'table cols' tree.txt)"
grep -q '^    table cols=3 align=ccr @11:1$' tree.txt || fail "pasted page table not aligned ccr: $(grep 'table cols' tree.txt)"
grep -q '^ *table cols=2 align=-- @36:1$' tree.txt || fail "the steps table is not one two-column table: $(grep 'table cols' tree.txt)"
[ "$(grep -c 'table cols' tree.txt)" = 3 ] || fail "a table broke apart: $(grep 'table cols' tree.txt)"
if grep -q '^ *section level=1' tree.txt; then fail "a stray level-1 heading: $(grep 'section level=1' tree.txt)"; fi

"$OCTAVO" inspect --json notes >bank.json 2>/dev/null || fail "inspect --json failed"
python3 - bank.json <<'PY' || fail "question bank is wrong (see above)"
import json, os, sys
bank = json.load(open(sys.argv[1]))
got = {os.path.basename(s["path"]): (s["questions"], s["answered"]) for s in bank["sources"]}
# "## Cómo se cuadra la caja" asks (how the till is balanced), its table the answer
assert got == {"mercado-es.md": (4, 4), "pagina-cha-pt.md": (2, 2)}, got
prompts = [q["prompt"] for q in bank["questions"]]
assert prompts == ["Cómo se cuadra la caja", "¿Qué es el margen bruto?",
                   "¿Por qué se redondea el cambio?",
                   "¿Cuándo se hace el inventario? (temporada alta)",
                   "Qual é a temperatura ideal da água para o sencha?",
                   "Porque se guarda o matcha numa lata?"], prompts
PY

# The EPUB: alignment classes on the cells, the folded blocks inside the cell.
python3 - out/notes.epub <<'PY' || fail "EPUB tables are wrong (see above)"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
body = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
cells = lambda row: re.findall(r'<t[hd][^>]*>', row)
rows = re.findall(r"<tr>.*?</tr>", body, re.S)
def row_with(word):
    r = [r for r in rows if word in r]
    assert r, word
    return r[0]
assert cells(row_with("Naranjas")) == ['<td class="align-left">', '<td class="align-center">', '<td class="align-right">'], row_with("Naranjas")
assert cells(row_with("Validade")) == ['<th scope="col" class="align-center">'] * 2 + ['<th scope="col" class="align-right">'], row_with("Validade")
steps = row_with("Separar billetes")
for want in ("1. Separar billetes de monedas<br/>", "2. Anotar el total en la <em>libreta</em><br/>",
             "\u2022 incluir las propinas</td>"):
    assert want in steps, (want, steps)
code = row_with("caja --cierre")
assert "<code class=\"nb\">caja --cierre 2024-05-03</code><br/>" in code and "<code class=\"nb\">caja --exportar hoja.csv</code></td>" in code, code
assert "Revisar<br/>" in row_with("Revisar") and "El encargado firma la hoja.</td>" in row_with("Revisar")
for bad in ("&lt;", "<script", "<iframe", "analytics", "rascunho", "prefers-color-scheme", "oscuro"):
    assert bad not in body, bad
PY

pdf_text out/notes.pdf >pdf.txt
epub_text out/notes.epub >epub.txt
for kind in pdf epub; do
    flat_text <$kind.txt >$kind.flat
    for kept in '1. Separar billetes de monedas' '2. Anotar el total en la libreta' '• incluir las propinas' \
        'caja --cierre 2024-05-03' 'caja --exportar hoja.csv' 'El encargado firma la hoja.' 'Solo los viernes.' \
        'Cuidados com o matcha' 'O matcha estraga-se com a luz; guarda-se numa lata opaca e bem fechada, longe do fogão.' \
        'Para o proteger da luz e da humidade.' 'Última nota: fechar sempre os sacos de folhas depois de pesar.' \
        'O sencha fica no frigorífico' 'Mira el calendario de la pared.' 'Precio (€)'; do
        grep -qF -- "$kept" $kind.flat || fail "$kind text lacks '$kept'"
    done
    for gone in 'window.analytics' 'Manual da loja' 'manual.css' '<' '&lt;' 'DOCTYPE'; do
        if grep -qF -- "$gone" $kind.flat; then fail "$kind text shows '$gone'"; fi
    done
done
# every word of the Portuguese page after the unterminated <script> is in both outputs
python3 - "$OCTAVO_SRC"/tests/data/html/polish/pagina-cha-pt.md pdf.flat epub.flat <<'PY' || fail "words after the unterminated <script> were lost"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[30:]
words = set(re.findall(r"\w+", " ".join(l for l in lines if not l.lstrip().startswith("<"))))
words -= {"details", "summary"}
for path in sys.argv[2:]:
    have = set(re.findall(r"\w+", open(path, encoding="utf-8").read()))
    missing = sorted(words - have)
    assert not missing, (path, missing)
PY
note "HTML polish: aligned columns, folded cells, pasted page, unterminated <script> kept nothing back"
