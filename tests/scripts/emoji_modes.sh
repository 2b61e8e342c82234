#!/usr/bin/env bash
# Emoji and characters no font has (README "The fallback chain"):
# - `emoji: image` (default): one image object per distinct emoji sequence
#   (single, VS16, skin tone, ZWJ, flag, keycap, tag), the sequences kept in
#   the text layer;
# - `emoji: text`: no images, emoji from the outline fonts or boxes;
# - `emoji: omit`: no images and no emoji in the PDF, no warning;
# - a private-use character prints as a box (a stroked path), stays in the
#   text layer, and is reported once, at its first line.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup qpdf pdffonts pdftotext pdfimages python3

cd "$OCTAVO_TMP"
mkdir notes
cat > notes/emoji.md <<'MD'
# Feelings about deployments

Green build 😀 and a heart ❤️ for the team.

Approved 👍🏽 by the reviewer 👩‍💻 before the flag 🇯🇵 went up.

Step 1️⃣ then step #️⃣ and the 🏴󠁧󠁢󠁳󠁣󠁴󠁿 banner; again 😀.

MD
pua=$(printf '\xee\x84\xa3') # U+E123, in no font
printf '\nA private mark %s here and %s there.\n' "$pua" "$pua" >> notes/emoji.md
for mode in image text omit; do
    printf 'emoji: %s\n' "$mode" > "$mode.yaml"
    build_ok "$mode.log" build notes -o "out-$mode" --lang en --layout "$PWD/$mode.yaml"
    check_pdf "out-$mode/notes.pdf"
    pdftotext "out-$mode/notes.pdf" "$mode.txt"
    pdfimages -list "out-$mode/notes.pdf" | awk 'NR > 2 && $3 == "image"' > "$mode.images"
done

# Image mode: 8 distinct sequences (😀 twice), each an image object drawn.
objects=$(awk '{print $11}' image.images | sort -u | wc -l)
[ "$objects" -eq 8 ] || fail "image mode: $objects image objects, expected 8 (one per distinct sequence)"
[ "$(wc -l < image.images)" -eq 9 ] || fail "image mode: $(wc -l < image.images) images drawn, expected 9"
for seq in 😀 ❤️ 👍🏽 👩‍💻 🇯🇵 1️⃣ '#️⃣' 🏴󠁧󠁢󠁳󠁣󠁴󠁿; do
    grep -qF -- "$seq" image.txt || fail "image mode: $seq is not in the text layer"
done
grep -q 'pdf-missing-glyph.*U+1F' image.log && fail "image mode: an emoji was reported missing"

[ -s text.images ] && fail "text mode drew images: $(cat text.images)"
[ -s omit.images ] && fail "omit mode drew images: $(cat omit.images)"
grep -qF 😀 omit.txt && fail "omit mode: the emoji is still in the PDF text"
grep -q 'pdf-missing-glyph.*U+1F' omit.log && fail "omit mode: omitted emoji were reported"
grep -qF 'Green build' omit.txt || fail "omit mode lost the text around the emoji"

# The private-use character: a box, in the text layer, one warning.
for mode in image text omit; do
    grep -qF "$pua" "$mode.txt" || fail "$mode mode: U+E123 is not in the text layer"
    n=$(grep -c 'U+E123 (private use) is in no font' "$mode.log" || true)
    [ "$n" -eq 1 ] || fail "$mode mode: U+E123 reported $n times, expected once"
    grep -q 'notes/emoji.md:10:[0-9]*: warning: U+E123' "$mode.log" ||
        fail "$mode mode: the warning does not point at line 10: $(grep U+E123 "$mode.log")"
done
pdffonts out-image/notes.pdf | has OctavoMissingCharacters || fail "no font carries the boxed characters' text"
note "emoji modes: $objects emoji images; text and omit modes draw none; U+E123 boxed and reported once"

# The Django booklet: its 14 heading emoji (13 distinct, 🔐 twice) are
# pictures, nothing is reported missing, and no U+FFFD stands in the text.
build_ok django.log build "$OCTAVO_SRC/content" -o django
grep -q 'pdf-missing-glyph' django.log && fail "Django: $(grep pdf-missing-glyph django.log)"
pdfimages -list django/django.pdf | awk 'NR > 2 && $3 == "image"' > django.images
drawn=$(wc -l < django.images)
[ "$drawn" -ge 14 ] || fail "Django: $drawn emoji pictures drawn, expected the 14 heading emoji at least"
pdftotext django/django.pdf django.txt
for e in 🧱 🏗 🗃 👁 🧩 📝 🔐 🧬 🌐 🧮 🚀 📡 🧠; do
    grep -qF "$e" django.txt || fail "Django: $e is not in the PDF's text"
done
grep -q $'\xEF\xBF\xBD' django.txt && fail "Django: U+FFFD in the PDF's text"
note "Django: $drawn emoji pictures, every heading emoji in the text layer"
