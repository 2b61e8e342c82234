#!/usr/bin/env bash
# cmake/Octavo.cmake with Ninja: a tiny project of three booklets
# (tests/data/deps) builds; touching one source, the picture or the layout
# file rebuilds exactly the booklets that read it (the depfile at work),
# nothing else; a second run has no work. Then the same project with
# Makefiles: a touched source rebuilds only its booklet.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmake ninja make

data=$OCTAVO_TMP/data
cp -r "$OCTAVO_SRC/tests/data/deps" "$data" # touched below: never the repository's files
proj=$OCTAVO_TMP/project
mkdir -p "$proj"
cat >"$proj/CMakeLists.txt" <<EOF
# policies of an older project: the module sets CMP0116 itself
cmake_minimum_required(VERSION 3.13)
project(booklets NONE)
include(Octavo)
octavo_add_booklet(sky MANIFEST "$data/astronomy/booklet.yaml")
octavo_add_booklet(kitchen
  SOURCES "$data/kitchen notes/fermentation.txt" "$data/kitchen notes/pain.md"
  LAYOUT "$data/layouts/pocket.yaml" OPTIONS --lang fr)
octavo_add_booklet(nets SOURCES "$data/networks/routing.md"
  FORMATS pdf epub json MODE quiz OPTIONS --lang de OUTPUT_DIRECTORY net-out)
EOF

# configure GENERATOR DIR
configure() {
    cmake -S "$proj" -B "$2" -G "$1" -DCMAKE_MODULE_PATH="$OCTAVO_SRC/cmake" \
        -DOCTAVO_EXECUTABLE="$OCTAVO" >"$2.configure.log" 2>&1 ||
        {
            cat "$2.configure.log" >&2
            fail "cmake configure ($1) failed"
        }
}

# rebuilt BUILDCMD...: runs the build, prints the sorted booklet names
# whose command ran (from the COMMENT "octavo booklet NAME").
rebuilt() {
    local log
    log=$("$@" 2>&1) || {
        echo "$log" >&2
        fail "build failed: $*"
    }
    grep -o 'octavo booklet [a-z]*' <<<"$log" | awk '{print $3}' | sort | tr '\n' ' '
}

expect_rebuilt() {
    local what=$1 want=$2 got=$3
    [ "$got" = "$want" ] || fail "after $what: rebuilt '$got', expected '$want'"
    note "after $what: rebuilt ${want:-nothing}"
}

nb=$OCTAVO_TMP/ninja
configure Ninja "$nb"
got=$(rebuilt ninja -C "$nb")
expect_rebuilt "the first build" "kitchen nets sky " "$got"
for f in sky/astronomy.pdf sky/astronomy.epub kitchen/fermentation.pdf kitchen/fermentation.epub \
    net-out/routing.pdf net-out/routing.epub net-out/routing.json; do
    [ -s "$nb/$f" ] || fail "missing output $f"
done
qpdf --check "$nb/kitchen/fermentation.pdf" >/dev/null || fail "qpdf rejects the kitchen PDF"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$nb/net-out/routing.json"

# The depfiles as CMake hands them to Ninja (cmake_transform_depfile).
deps=$(cat "$nb"/CMakeFiles/d/*.d)
grep -q 'img/orbit.svg' <<<"$deps" || fail "the picture is not a dependency of sky:
$deps"
grep -q 'layouts/pocket.yaml' <<<"$deps" || fail "the layout file is not a dependency of kitchen"
grep -qF 'kitchen\ notes/pain.md' <<<"$deps" || fail "a source with a space is not a dependency (escaped)"
grep -q 'CharisSIL-Regular.ttf' <<<"$deps" || fail "the body font is not a dependency"
grep -q 'a4.yaml' <<<"$deps" || fail "the default layout is not a dependency"

expect_rebuilt "nothing changed" "" "$(rebuilt ninja -C "$nb")"
ninja -C "$nb" -n | has 'no work to do' || fail "ninja -n has work after a full build"

before=$(stat -c %Y.%y "$nb/sky/astronomy.pdf")
touch "$data/networks/routing.md"
expect_rebuilt "touching routing.md" "nets " "$(rebuilt ninja -C "$nb")"
[ "$(stat -c %Y.%y "$nb/sky/astronomy.pdf")" = "$before" ] || fail "sky's PDF was rewritten"

touch "$data/astronomy/img/orbit.svg"
expect_rebuilt "touching the picture" "sky " "$(rebuilt ninja -C "$nb")"
touch "$data/layouts/pocket.yaml"
expect_rebuilt "touching the layout file" "kitchen " "$(rebuilt ninja -C "$nb")"
touch "$data/kitchen notes/pain.md"
expect_rebuilt "touching a source with a space in its path" "kitchen " \
    "$(rebuilt ninja -C "$nb")"
touch "$data/astronomy/booklet.yaml" "$data/networks/routing.md"
expect_rebuilt "touching a manifest and a source" "nets sky " "$(rebuilt ninja -C "$nb")"
expect_rebuilt "nothing changed" "" "$(rebuilt ninja -C "$nb")"

mb=$OCTAVO_TMP/make
configure "Unix Makefiles" "$mb"
expect_rebuilt "the first make" "kitchen nets sky " "$(rebuilt make -C "$mb" -j2)"
touch "$data/astronomy/stars.md"
expect_rebuilt "touching stars.md (make)" "sky " "$(rebuilt make -C "$mb" -j2)"
touch "$data/layouts/pocket.yaml"
expect_rebuilt "touching the layout file (make)" "kitchen " "$(rebuilt make -C "$mb" -j2)"
note "ok"
