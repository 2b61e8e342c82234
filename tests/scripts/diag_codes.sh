#!/usr/bin/env bash
# The registry of diagnostic codes cannot rot: every code src/ can emit is
# listed by `octavo --list-codes`, and every listed code is emitted
# somewhere (tests/tools/diagcodes.py finds them). A copy of src/ with an
# unregistered code must fail the same check.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3

cd "$OCTAVO_TMP"
"$OCTAVO" --list-codes >codes.txt
head -n 1 codes.txt | grep -Eq '^code +severity +meaning$' || fail "--list-codes header: $(head -n 1 codes.txt)"
bad=$(tail -n +2 codes.txt | grep -Ev '^[a-z0-9]+(-[a-z0-9]+)* +(error|warning|note) +[^ ].{10,}$' || true)
[ -z "$bad" ] || fail "--list-codes lines not 'code severity meaning':
$bad"
out=$(python3 "$TOOLS/diagcodes.py" "$OCTAVO_SRC/src" --check codes.txt 2>&1) || fail "$out"
note "$out"

# The check itself can fail: an unregistered code, through a wrapper and
# directly, and a code argument that is neither literal nor a code variable.
cp -r "$OCTAVO_SRC/src" src
printf '%s\n' 'static void f(oct_diag *d) { oct_diag_report(d, OCT_WARNING, NULL, 0, 0, "made-up-code", "x"); }' \
    'static void g(oct_yaml_doc *doc) { oct_yaml_error(doc, NULL, "other-made-up", "y"); }' \
    'static void h(oct_diag *d, const char *s) { oct_diag_report(d, OCT_NOTE, NULL, 0, 0, s, "z"); }' \
    >>src/cli/main.c
if out=$(python3 "$TOOLS/diagcodes.py" src --check codes.txt 2>&1); then
    fail "an unregistered code went unnoticed: $out"
fi
for want in '\[made-up-code\] is emitted but not in the registry' \
    '\[other-made-up\] is emitted but not in the registry' "code argument 's'"; do
    grep -q "$want" <<<"$out" || fail "the check missed: $want
$out"
done
# and a registered code nothing emits any more
grep -v '^usage ' codes.txt >fewer.txt
printf 'gone-code                error    nothing emits this\n' >>fewer.txt
if out=$(python3 "$TOOLS/diagcodes.py" "$OCTAVO_SRC/src" --check fewer.txt 2>&1); then
    fail "a stale registry went unnoticed: $out"
fi
grep -q '\[gone-code\], which nothing in src/ emits' <<<"$out" || fail "stale code not named: $out"
grep -q '\[usage\] is emitted but not in the registry' <<<"$out" || fail "fprintf code not found: $out"
note "unregistered, unresolvable and stale codes are caught"

# The README's "Diagnostics" section names every registered code.
readme=$(sed -n '/^## Diagnostics$/,/^## /p' "$OCTAVO_SRC/README.md")
[ -n "$readme" ] || fail "README has no Diagnostics section"
missing=$(tail -n +2 codes.txt | awk '{print $1}' | while read -r c; do
    grep -q "\`$c\`" <<<"$readme" || echo "$c"
done)
[ -z "$missing" ] || fail "codes missing from the README's Diagnostics section: $missing"
note "the README's Diagnostics section names all $(($(wc -l <codes.txt) - 1)) codes"
