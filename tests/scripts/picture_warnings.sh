#!/usr/bin/env bash
# Picture warnings are capped per source and kind (diag_cap.h): a note of
# a thousand missing pictures, thirteen remote ones and twelve damaged
# files says so in ten lines of each kind and one summary line each
# ("and 990 more ... [image-missing]"), naming the first lines past the
# cap; every picture's alt text still prints; a second source gets its
# own ten. The build succeeds.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext python3

cd "$OCTAVO_TMP"
mkdir -p atlas/foto
python3 - atlas <<'PY'
import os, sys
d = sys.argv[1]
lines = ["# Atlante dei fiumi", ""]
for i in range(1, 1001):
    lines += [f"Il fiume numero {i} scorre verso il mare. ![figura {i}](foto/mancante-{i}.png)", ""]
for i in range(1, 14):
    lines += [f"Vista dal satellite {i}: ![satellite {i}](https://example.org/sat-{i}.png)", ""]
for i in range(1, 13):
    with open(os.path.join(d, "foto", f"rotta-{i}.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + b"not a picture" * 3)
    lines += [f"Mappa rovinata {i}: ![mappa {i}](foto/rotta-{i}.png)", ""]
open(os.path.join(d, "fiumi.md"), "w", encoding="utf-8").write("\n".join(lines))
open(os.path.join(d, "laghi.md"), "w", encoding="utf-8").write(
    "# Laghi\n\n" + "".join(f"Lago {i}. ![lago {i}](foto/lago-{i}.png)\n\n" for i in range(1, 13)))
PY
build_ok build.log build atlas/fiumi.md atlas/laghi.md -o out --format pdf
expect_diagnostics build.log
count() { grep -c "^atlas/$1\.md:.*\[$2\]\$" build.log || true; }
[ "$(count fiumi image-missing)" = 11 ] ||
    fail "fiumi.md: $(count fiumi image-missing) image-missing lines, expected 10 and a summary"
[ "$(count fiumi image-remote)" = 11 ] || fail "fiumi.md: $(count fiumi image-remote) image-remote lines"
[ "$(count fiumi image-damaged)" = 11 ] || fail "fiumi.md: $(count fiumi image-damaged) image-damaged lines"
[ "$(count laghi image-missing)" = 11 ] || fail "laghi.md has no ten lines of its own"
grep -q "^atlas/fiumi\.md:23:1: warning: and 990 more pictures with the same problem, without a warning each ('foto/mancante-11.png', 'foto/mancante-12.png', .*, \.\.\.; first on lines 23, 25, 27, 29, 31, 33, 35, 37, \.\.\.) \[image-missing\]\$" build.log ||
    fail "no summary of the 990 missing pictures: $(grep 'more pictures' build.log)"
grep -q "and 3 more pictures .*\[image-remote\]\$" build.log || fail "no summary of the 3 remote pictures"
grep -q "and 2 more pictures .*\[image-damaged\]\$" build.log || fail "no summary of the 2 damaged pictures"
grep -q "fiumi\.md:21:.*mancante-10\.png.*\[image-missing\]" build.log || fail "the tenth picture has no warning"
if grep -q "mancante-11\.png' is\|mancante-11\.png' does" build.log; then fail "the eleventh picture has its own warning"; fi
# no picture's words vanish: the last missing one's alt text prints
pdftotext out/*.pdf all.txt
grep -q "figura 1000" all.txt || fail "the 1000th picture's alt text is missing"
grep -q "mappa 12" all.txt || fail "the 12th damaged picture's alt text is missing"
note "1025 broken pictures: ten warnings of each kind per source and one summary each"
