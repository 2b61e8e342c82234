#!/usr/bin/env bash
# A question's label hangs in the margin beside its prompt while it fits
# there; a chapter whose labels are wider ("Ejercicio 12(a)(iii)", worded
# as the paper words them) sets every label on a line of its own above its
# prompt, so none runs into the page's edge (pdftotext -bbox: no word
# starts in the outer 40 % of the left margin, on A4 and on A5) and the
# labels of one chapter look alike.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext python3

cd "$OCTAVO_TMP"
cat >examen.txt <<'TXT'
Examen final de Física

Ejercicio 12 (10 puntos)
Un bloque de 2 kg descansa sobre un plano inclinado de 30 grados.
(a) Dibuje el diagrama de fuerzas. [2]
(b) Calcule la fuerza normal:
(i) sin rozamiento; [2]
(ii) con un coeficiente de rozamiento de 0,2; [3]
(iii) explique la diferencia. [3]

Total: 10 puntos
TXT
cat >short.md <<'MD'
# Short labels

1. What is the unit of force?

   The newton.

2. What is the unit of energy?

   The joule.
MD

# left edges of the words of the PDF's pages, with the left margin in points
check_edges() { # PDF LAYOUT_MARGIN WHAT
    pdftotext -bbox "$1" "$1.html" 2>pt.err
    # (a blank page, as a verso before a chapter, is "no word list")
    ! sed 's/no word list//g' pt.err | has . || fail "pdftotext: $(cat pt.err)"
    python3 - "$1.html" "$2" "$3" <<'PY'
import re, sys
html, margin, what = sys.argv[1], float(sys.argv[2]), sys.argv[3]
words = re.findall(r'<word xMin="([0-9.]+)"[^>]*>([^<]*)</word>', open(html).read())
low = [(float(x), w) for x, w in words if float(x) < 0.4 * margin]
if low:
    sys.exit(f"{what}: words start {low[0][0]:.1f} pt from the page's edge (margin {margin} pt): {low[:4]}")
print(f"{what}: {len(words)} words, none in the outer 40 % of the margin")
PY
}

for layout in a4 a5; do
    build_ok "$layout.log" build examen.txt -o "ex-$layout" --lang es --layout "$layout" -f pdf
    check_pdf "ex-$layout/examen.pdf"
    m=$(grep -E '^ *(inner|outer):' "$OCTAVO_SRC/layouts/$layout.yaml" | grep -Eo '[0-9.]+' | sort -n | head -n 1)
    [ -n "$m" ] || fail "no margin in layouts/$layout.yaml"
    out=$(check_edges "ex-$layout/examen.pdf" "$(python3 -c "print($m * 2.834645669)")" "examen on $layout") ||
        fail "$out"
    note "$out"
    text=$(pdftotext "ex-$layout/examen.pdf" -)
    for label in "Ejercicio 12(a)" "Ejercicio 12(b)(i)" "Ejercicio 12(b)(iii)"; do
        grep -qF "$label" <<<"$text" || fail "label $label not printed on $layout"
    done
done

# numbers hang in the margin, left of the prompt, on the prompt's line
build_ok short.log build short.md -o short --lang en -f pdf
pdftotext -layout short/short.pdf short.txt
grep -Eq '^ *1 +.*What is the unit of force\?' short.txt ||
    fail "number 1 not beside its prompt: $(grep -n 'unit of force' short.txt)"
note "short labels hang beside their prompts"
