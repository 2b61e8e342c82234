#!/usr/bin/env bash
# Smoke test of the benchmark (tests/bench/run.sh) and of `--timings`; it
# times nothing and asserts no figure. The bench at 1x, one run, must
# finish and print its table, octavo's phase lines and the study share
# verdict; its corpus must be renamed ("Django" -> "Django1") and keep the
# Django manifest's topics. `build --timings` prints one line per phase
# and a total on stderr; without the flag nothing of it appears.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup

cd "$OCTAVO_TMP"
OCTAVO="$OCTAVO" bash "$OCTAVO_SRC/tests/bench/run.sh" --runs 1 --scales 1 --keep corpus \
    >bench.out 2>bench.err || fail "bench failed: $(cat bench.err)"
cat bench.out
grep -Eq '^scale +files +text MB +questions +clusters +wall ms +cpu ms +peak MB' bench.out ||
    fail "no table header"
grep -Eq '^1x +5 +[0-9.]+ +286 +[0-9]+ +[0-9.]+ +[0-9.]+ ' bench.out ||
    fail "no 1x row with the 286 questions of the five copies"
for p in load decode parse study pdf pdf.layout pdf.shape pdf.write epub other total "study %"; do
    grep -Eq "^$p +[0-9.]+\$" bench.out || fail "no phase line '$p'"
done
grep -Eq '^study share at 1x: [0-9.]+ % of the build \((PASS|FAIL): ' bench.out ||
    fail "no study share verdict"

# the corpus: renamed copies, the manifest's metadata and topics kept
[ "$(ls corpus/x1/*.txt | wc -l)" = 5 ] || fail "1x corpus should hold 5 files"
grep -q 'Django1' corpus/x1/001-000-*.txt || fail "copy 1 has no Django1"
! grep -qw 'Django' corpus/x1/*.txt || fail "copy 1 still says Django"
grep -q 'model1s' corpus/x1/*.txt || fail "models not renamed to model1s"
grep -q '^title: Django Interview Questions (1x)' corpus/x1/booklet.yaml || fail "no title"
for key in language: identifier: group_by: topics: '- name: "Deployment & scaling"'; do
    grep -q "^ *$key" corpus/x1/booklet.yaml || fail "booklet.yaml lost '$key'"
done
[ "$(grep -c '^  - file: ' corpus/x1/booklet.yaml)" = 5 ] || fail "sources not listed"

# --timings itself
build_ok timings.log build "$OCTAVO_SRC/content/django" -o out -q --timings
for p in load decode parse study pdf pdf.layout pdf.shape pdf.write epub other total; do
    grep -Eq "^octavo: timing $p +[0-9]+\.[0-9] ms +[0-9]+\.[0-9] %\$" timings.log ||
        fail "--timings printed no '$p' line"
done
build_ok plain.log build "$OCTAVO_SRC/content/django" -o out -q
! grep -q 'octavo: timing' plain.log || fail "timing lines without --timings"
note "ok"
