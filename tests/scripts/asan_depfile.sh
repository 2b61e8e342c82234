#!/usr/bin/env bash
# `octavo build --depfile`: the target is the first output written; the
# prerequisites are exactly the files the build read (manifest, sources,
# picture, layout, fonts, hyphenation patterns), never an output, a directory or a missing
# picture. Paths with a space, '#', '$' and ':' come back intact through
# Ninja's and Make's own depfile readers. A path no depfile can hold is
# an error; a failed build writes no depfile and leaves the old one.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup ninja make

book=$OCTAVO_TMP/astronomy
cp -r "$OCTAVO_SRC/tests/data/deps/astronomy" "$book"
printf '\n![A picture that is not there](img/missing.png)\n' >>"$book/planets.md"
cd "$OCTAVO_TMP"
build_ok "$OCTAVO_TMP/a.log" build -q astronomy -o out --depfile out/a.d
dep=out/a.d
[ "$(head -n 1 $dep)" = 'out/astronomy.pdf: \' ] || fail "target: $(head -n 1 $dep)"
# the prerequisites, one a line
deps=$(tail -n +2 $dep | sed 's/^  //; s/ \\$//')
data=$(dirname "$(grep -m1 'layouts/a4.yaml$' <<<"$deps")")/..
for want in astronomy/booklet.yaml astronomy/stars.md astronomy/planets.md \
    "$(cd astronomy/img && pwd -P)/orbit.svg" layouts/a4.yaml fonts/CharisSIL-Regular.ttf \
    fonts/NotoSans-Bold.ttf fonts/JetBrainsMono-Regular.ttf; do
    grep -q -- "$want\$" <<<"$deps" || fail "depfile lacks $want:
$deps"
done
[ -f "$data/fonts/CharisSIL-Regular.ttf" ] || fail "the depfile's data directory is wrong"
grep -q '/hyph_en_US\.dic$' <<<"$deps" || fail "the depfile lacks the hyphenation patterns read"
if grep -Eq 'missing\.png|\.pdf$|\.epub$|astronomy$|img$' <<<"$deps"; then
    fail "depfile lists an output, a directory or a missing file:
$deps"
fi
[ "$(grep -c . <<<"$deps")" -eq "$(sort -u <<<"$deps" | grep -c .)" ] || fail "a path is listed twice"
note "astronomy: $(grep -c . <<<"$deps") prerequisites, target out/astronomy.pdf"

# The first output written is the target: EPUB alone, and JSON after EPUB.
build_ok "$OCTAVO_TMP/b.log" build -q astronomy -o out2 --format json,epub --depfile out2/b.d
[ "$(head -n 1 out2/b.d)" = 'out2/astronomy.epub: \' ] || fail "target: $(head -n 1 out2/b.d)"

# Awkward names, read back by Ninja (deps = gcc keeps what it parsed) and by Make.
odd='odd dir #1 $cash:colon'
mkdir -p "$odd"
printf '# Tides\n\n## What causes the tides?\n\nThe Moon'"'"'s pull, and the Sun'"'"'s.\n' \
    >"$odd/tide #2 \$a:b.md"
cat >build.ninja <<EOF
rule oct
  command = $OCTAVO build -q --lang en -o nout --depfile nout/odd.d 'odd dir #1 \$\$cash:colon'
  depfile = nout/odd.d
  deps = gcc
build nout/odd-dir-#1-\$\$cash\$:colon.pdf: oct
EOF
ninja >ninja.log 2>&1 || {
    cat ninja.log >&2
    fail "ninja build failed"
}
parsed=$(ninja -t deps | sed -n 's/^    //p')
grep -qxF "odd dir #1 \$cash:colon/tide #2 \$a:b.md" <<<"$parsed" ||
    fail "ninja did not read the awkward path back:
$parsed
(depfile: $(cat nout/odd.d 2>/dev/null | head -n 3))"
# the one source, then the layout, fonts and hyphenation patterns the
# astronomy booklet read too
want=$(($(grep -c '/layouts/\|/fonts/\|/hyph_' <<<"$deps") + 1))
[ "$(grep -c . <<<"$parsed")" -eq "$want" ] ||
    fail "ninja read $(grep -c . <<<"$parsed") prerequisites, expected $want:
$parsed"
ninja -n | has 'no work to do' || fail "ninja has work right after the build"
touch "$odd/tide #2 \$a:b.md"
ninja -n | has 'oct' || fail "ninja does not see the touched awkward path"
note "ninja reads back: $(grep 'tide' <<<"$parsed")"

build_ok "$OCTAVO_TMP/m.log" build -q --lang en "$odd" -o mout --depfile mout/odd.d
# a recipe for the PDF, so `make -q` compares times rather than trusting a rule without one
printf 'include mout/odd.d\n%%.pdf:\n\t@echo rebuild\n' >Makefile
make -q 'mout/odd-dir-#1-$cash:colon.pdf' 2>make.err && rc=0 || rc=$?
[ "$rc" -eq 0 ] || fail "make thinks the fresh build is out of date (rc $rc): $(cat make.err)"
touch "$odd/tide #2 \$a:b.md"
make -q 'mout/odd-dir-#1-$cash:colon.pdf' 2>make.err && rc=0 || rc=$?
[ "$rc" -eq 1 ] || fail "make does not see the touched awkward path (rc $rc): $(cat make.err)"
note "make reads back the awkward path"

# A name Ninja cannot read in a depfile: an error, and no depfile.
mkdir -p amp
printf '# Salt\n\n## Why is the sea salty?\n\nRivers carry dissolved minerals to it.\n' >"amp/salt&pepper.md"
printf '# Sea\n\n## How deep is the ocean?\n\nAbout 3.7 km on average.\n' >amp/sea.md
run_octavo "$OCTAVO_TMP/amp.log" build -q --lang en amp/sea.md "amp/salt&pepper.md" -o aout \
    --depfile aout/x.d
[ "$RC" -eq 3 ] || fail "an unwritable depfile path gave exit $RC, expected 3"
grep -q 'salt&pepper.md: error: .*\[depfile\]' "$OCTAVO_TMP/amp.log" || fail "no [depfile] error"
[ ! -e aout/x.d ] || fail "a depfile was written despite the bad path"

# A failed build writes no depfile and keeps the previous one.
cp $dep "$OCTAVO_TMP/a.d.saved"
printf 'title: [\n' >astronomy/booklet.yaml
run_octavo "$OCTAVO_TMP/fail.log" build -q astronomy -o out --depfile out/a.d
[ "$RC" -eq 1 ] || fail "a broken manifest gave exit $RC"
cmp -s $dep "$OCTAVO_TMP/a.d.saved" || fail "a failed build changed the depfile"
[ -z "$(find out -name '*.tmp.*')" ] || fail "temporary file left in out/"
note "ok"
