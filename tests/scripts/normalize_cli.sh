#!/usr/bin/env bash
# `octavo normalize` on the real notes, as the issue states it: mojibake
# repaired (no ‚Äô, üß, Ô∏è; Django’s and the emoji present), unfenced code
# and aligned columns of 003 turned into at least 20 fenced code blocks and
# 4 tables as cmark-gfm sees them, and normalize idempotent on every file.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmark-gfm

cd "$OCTAVO_TMP"
notes=$OCTAVO_SRC/content/django
"$OCTAVO" normalize "$notes/002-hundred-item-guide.txt" >002.md 2>002.err ||
    fail "normalize 002 failed: $(cat 002.err)"
for bad in '‚Äô' 'üß' 'Ô∏è'; do
    ! grep -qF -- "$bad" 002.md || fail "normalized 002 still contains mojibake '$bad'"
done
for good in 'Django’s' '🧱' '🏗️' '🚀'; do
    grep -qF -- "$good" 002.md || fail "normalized 002 lacks '$good'"
done
grep -q '\[mojibake\]' 002.err || fail "no [mojibake] warning for 002"

"$OCTAVO" normalize "$notes/003-twenty-six-answered.txt" >003.md 2>/dev/null
code=$(cmark-gfm -e table -t xml 003.md | grep -c '<code_block' || true)
tables=$(cmark-gfm -e table -t xml 003.md | grep -Ec '<table( |>)' || true)
[ "$code" -ge 20 ] || fail "003: $code fenced code blocks, expected at least 20"
[ "$tables" -ge 4 ] || fail "003: $tables tables, expected at least 4"

for f in "$notes"/*.txt; do
    "$OCTAVO" normalize "$f" >once.md 2>/dev/null
    "$OCTAVO" normalize once.md >twice.md 2>/dev/null
    cmp -s once.md twice.md || fail "normalize is not idempotent on $(basename "$f")"
    # and from standard input
    "$OCTAVO" normalize - <"$f" >stdin.md 2>/dev/null
    cmp -s once.md stdin.md || fail "normalize - differs from normalize FILE on $(basename "$f")"
done
note "002 repaired, 003: $code code blocks and $tables tables, idempotent on every file"
