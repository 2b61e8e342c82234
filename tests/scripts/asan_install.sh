#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the program, layouts, fonts
# with their licences, the man page and the CMake package land there; the
# installed program, run from another directory with no hint, builds the
# Django booklet from the prefix's data (its depfile proves which fonts and
# layout it read) into valid outputs identical to the build tree's; the man
# page formats without a groff warning; find_package(Octavo) works.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmake qpdf pdffonts java

prefix=$OCTAVO_TMP/prefix
cmake --install "$OCTAVO_BUILD" --prefix "$prefix" >"$OCTAVO_TMP/install.log" 2>&1 ||
    {
        cat "$OCTAVO_TMP/install.log" >&2
        fail "cmake --install failed"
    }
for f in bin/octavo share/octavo/layouts/a4.yaml share/octavo/layouts/a5.yaml \
    share/octavo/layouts/letter.yaml share/octavo/fonts/CharisSIL-Regular.ttf \
    share/octavo/fonts/CharisSIL-LICENSE.txt share/octavo/fonts/NotoSans-LICENSE.txt \
    share/octavo/fonts/JetBrainsMono-LICENSE.txt share/octavo/fonts/DejaVuSans-LICENSE.txt \
    share/man/man1/octavo.1 lib/cmake/Octavo/OctavoConfig.cmake \
    lib/cmake/Octavo/OctavoConfigVersion.cmake lib/cmake/Octavo/Octavo.cmake; do
    [ -s "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/bin/octavo" ] || fail "the installed program is not executable"
for ttf in "$OCTAVO_SRC"/fonts/*.ttf; do
    cmp -s "$ttf" "$prefix/share/octavo/fonts/$(basename "$ttf")" || fail "font differs: $ttf"
done

# Another directory, no OCTAVO_DATA_DIR: the program must find share/octavo.
elsewhere=$OCTAVO_TMP/elsewhere
mkdir -p "$elsewhere"
(
    cd "$elsewhere"
    env -u OCTAVO_DATA_DIR "$prefix/bin/octavo" build "$OCTAVO_SRC/content" -o out \
        --depfile out/django.d 2>"$OCTAVO_TMP/django.log" >/dev/null
) || {
    cat "$OCTAVO_TMP/django.log" >&2
    fail "the installed octavo failed to build content/"
}
dep=$elsewhere/out/django.d
real_prefix=$(cd "$prefix" && pwd -P)
grep -q "^out/django.pdf:" "$dep" || fail "depfile target is not out/django.pdf: $(head -n 1 "$dep")"
grep -q "$real_prefix/share/octavo/layouts/a4.yaml" "$dep" ||
    fail "the installed program did not read the installed layout:
$(cat "$dep")"
grep -q "$real_prefix/share/octavo/fonts/CharisSIL-Regular.ttf" "$dep" ||
    fail "the installed program did not read the installed fonts"
if grep -q "$OCTAVO_SRC/fonts\|$OCTAVO_SRC/layouts" "$dep"; then
    fail "the installed program read data from the source tree:
$(grep "$OCTAVO_SRC/fonts\|$OCTAVO_SRC/layouts" "$dep")"
fi
check_pdf "$elsewhere/out/django.pdf"
# One epubcheck (5.1.0, else 4.2.6) keeps the test short: the bytes are
# compared with the build tree's below, which other tests check with both.
jar5=$(epubcheck5_jar)
run_epubcheck "${jar5:-$EPUBCHECK4_JAR}" "$elsewhere/out/django.epub"
check_links "$elsewhere/out/django.epub"

# Same data, same bytes as the program in the build tree.
"$OCTAVO" build "$OCTAVO_SRC/content" -o "$OCTAVO_TMP/tree" -q 2>/dev/null
cmp -s "$OCTAVO_TMP/tree/django.pdf" "$elsewhere/out/django.pdf" ||
    fail "the installed program's PDF differs from the build tree's"
cmp -s "$OCTAVO_TMP/tree/django.epub" "$elsewhere/out/django.epub" ||
    fail "the installed program's EPUB differs from the build tree's"
note "installed program: content/ built from $real_prefix/share/octavo, same bytes"

# The man page: groff warns about nothing (skipped without groff).
page=$prefix/share/man/man1/octavo.1
if command -v groff >/dev/null; then
    warn=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warn" ] || fail "groff warns about octavo.1:
$warn"
    text=$(groff -man -Tutf8 -P-c -P-b -P-u "$page" 2>/dev/null)
    for word in "octavo watch" "--depfile" "OCTAVO_DATA_DIR" "EXIT STATUS"; do
        grep -qF -- "$word" <<<"$text" || fail "octavo.1 does not mention '$word'"
    done
    # every long option of `octavo build --help` is documented
    for opt in $("$OCTAVO" build --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -qF -- "$opt" <<<"$text" || fail "octavo.1 does not document $opt"
    done
    note "octavo.1: no groff warnings, every build option documented"
else
    note "groff not installed: man page check skipped"
fi
if command -v man >/dev/null; then
    MANWIDTH=80 man -l "$page" >/dev/null 2>"$OCTAVO_TMP/man.err" || fail "man -l octavo.1 failed"
    [ ! -s "$OCTAVO_TMP/man.err" ] || fail "man -l octavo.1: $(cat "$OCTAVO_TMP/man.err")"
fi

# find_package(Octavo) from the prefix, one booklet through the module.
if command -v ninja >/dev/null; then
    proj=$OCTAVO_TMP/pkg
    mkdir -p "$proj"
    cat >"$proj/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.20)
project(pkg NONE)
find_package(Octavo 0.1 REQUIRED)
octavo_add_booklet(sky MANIFEST "$OCTAVO_SRC/tests/data/deps/astronomy/booklet.yaml"
  FORMATS pdf)
EOF
    cmake -S "$proj" -B "$proj/b" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
        >"$OCTAVO_TMP/pkg.log" 2>&1 || {
        cat "$OCTAVO_TMP/pkg.log" >&2
        fail "find_package(Octavo) failed"
    }
    ninja -C "$proj/b" >>"$OCTAVO_TMP/pkg.log" 2>&1 || {
        cat "$OCTAVO_TMP/pkg.log" >&2
        fail "building through the installed package failed"
    }
    grep -q "$real_prefix/bin/octavo\|$prefix/bin/octavo" "$proj/b/build.ninja" ||
        fail "the package did not use the installed program"
    [ -s "$proj/b/sky/astronomy.pdf" ] || fail "no PDF through find_package(Octavo)"
    note "find_package(Octavo): Octavo::octavo built a booklet"
fi
note "ok"
