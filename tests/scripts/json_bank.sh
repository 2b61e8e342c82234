#!/usr/bin/env bash
# `build --format json` (README "Question bank JSON"): OUTDIR/<slug>.json is
# byte for byte what `inspect --json` prints, for the Django booklet, two
# arranged booklets (English, German), one grouped by topic and the numbered
# collections grouped by source; alone or with pdf,epub, where the PDF and
# EPUB stay the bytes of a build without json (the bank is written from the
# tree before the arrangement, whose ids are then assigned afresh). Every
# file is valid against src/study/octavo-bank.schema.json under a real
# validator (python3-jsonschema), which rejects broken copies of each.
# -W error writes nothing and keeps the previous file; a failed write
# leaves no temporary file; bad formats are usage errors.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmp

# Debian's python3-jsonschema first; any python3 that has the module else.
PY=
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import jsonschema' 2>/dev/null; then
        PY=$p
        break
    fi
done
[ -n "$PY" ] || fail "no python3 with jsonschema (Debian: python3-jsonschema)"
SCHEMA=$OCTAVO_SRC/src/study/octavo-bank.schema.json
export SOURCE_DATE_EPOCH=1700000000

cd "$OCTAVO_TMP"
D=$OCTAVO_SRC/tests/data
jsons=()
for b in "$OCTAVO_SRC/content/django" "$D/arrange/chemistry" "$D/arrange/geologie" \
    "$D/topics/networking" "$D/numbered"; do
    name=$(basename "$b")
    "$OCTAVO" inspect --json "$b" >"$name.inspect.json" 2>"$name.inspect.log" ||
        fail "inspect --json $b failed"
    build_ok "$name.j.log" build "$b" -o "j-$name" --format json
    expect_diagnostics "$name.j.log"
    mapfile -t got < <(find "j-$name" -type f)
    [ "${#got[@]}" -eq 1 ] && [[ ${got[0]} == *.json ]] ||
        fail "--format json wrote ${got[*]}, not one .json"
    cmp "$name.inspect.json" "${got[0]}" || fail "$name: build --format json differs from inspect --json"
    build_ok "$name.all.log" build "$b" -o "all-$name" --format pdf,epub,json
    build_ok "$name.plain.log" build "$b" -o "plain-$name"
    cmp "$name.inspect.json" "all-$name/$(basename "${got[0]}")" ||
        fail "$name: json of --format pdf,epub,json differs from inspect --json"
    for f in "plain-$name"/*; do
        cmp "$f" "all-$name/$(basename "$f")" || fail "$f changes when json is built too"
    done
    jsons+=("${got[0]}")
    note "$name: json = inspect --json ($(wc -c <"${got[0]}") bytes); pdf, epub unchanged"
done

# Options reach the bank as they reach inspect.
build_ok nm.log build "$D/arrange/chemistry" -o nm --format json --no-merge --group-by source
"$OCTAVO" inspect --json --no-merge --group-by source "$D/arrange/chemistry" >nm.inspect.json
cmp nm.inspect.json nm/chemistry.json || fail "--no-merge --group-by source: json differs"
jsons+=(nm/chemistry.json)

"$PY" "$TOOLS/bankcheck.py" "$SCHEMA" "${jsons[@]}" ||
    fail "a bank is not valid against $SCHEMA, or the schema accepts a broken one"

# The Django figures, read from the written file.
"$PY" - j-django/django.json <<'PYEOF' || fail "Django figures changed"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
got = [(s["questions"], s["answered"]) for s in d["sources"]]
want = [(70, 2), (50, 0), (100, 100), (26, 26), (40, 0)]
if got != want:
    sys.exit(f"per source {got}, want {want}")
PYEOF

# -W error on a booklet with warnings: nothing written, the old file kept.
cp j-django/django.json before.json
run_octavo werror.log build "$OCTAVO_SRC/content/django" -o j-django --format json -W error
[ "$RC" -eq 1 ] || fail "-W error exited $RC, not 1"
cmp before.json j-django/django.json || fail "-W error touched the previous json"
[ -z "$(find j-django -name '*.tmp.*')" ] || fail "a temporary file was left behind"

# A write that fails (the name is taken by a directory): exit 3, no leftovers.
mkdir -p taken/chemistry.json/x
run_octavo taken.log build "$D/arrange/chemistry" -o taken --format json
[ "$RC" -eq 3 ] || fail "a failed json write exited $RC, not 3"
grep -q 'write-failed' taken.log || fail "no [write-failed] for the failed json write"
[ "$(find taken -name '*.tmp.*' | wc -l)" -eq 0 ] || fail "a failed write left a temporary file"

for bad in json,xml jsn ''; do
    run_octavo usage.log build "$D/arrange/chemistry" -o u --format "$bad"
    [ "$RC" -eq 2 ] || fail "--format '$bad' exited $RC, not 2"
done
note "ok"
