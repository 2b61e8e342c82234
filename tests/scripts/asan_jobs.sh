#!/usr/bin/env bash
# `octavo build -j N` (issue 12): the booklets of one command built side by
# side give exactly what `-j 1` gives: the same files byte for byte, the
# same messages in the same order on stderr, the same 'wrote' lines, the
# same exit status, depfile and `check` summary. Five booklets in three
# languages, one with a warning and one whose source is missing. Run under
# the sanitizers too (asan_ prefix): threads that share anything show up.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup cmp diff unzip

cd "$OCTAVO_TMP"
export SOURCE_DATE_EPOCH=1700000000
mkdir -p lib/astro lib/botanik lib/chimie lib/drama lib/geo
printf 'title: Night Sky Notes\nlanguage: en\nsources:\n  - sky.md\n' >lib/astro/booklet.yaml
cat >lib/astro/sky.md <<'EOF'
# Planets and stars

## Why do planets not twinkle?

A planet shows a small disc, so the air's turbulence averages out over it; a star is
a point and its light dances.

## What is a light year?

The distance light travels in one year, about 9.46 trillion kilometres.

```python
LIGHT_YEAR_KM = 299_792.458 * 365.25 * 86_400  # km per year
```
EOF
printf 'title: Pflanzenkunde\nlanguage: de\nsources:\n  - pflanzen.md\n' >lib/botanik/booklet.yaml
cat >lib/botanik/pflanzen.md <<'EOF'
# Photosynthese

## Was braucht eine Pflanze zur Photosynthese?

Licht, Wasser und Kohlenstoffdioxid; daraus entstehen Traubenzucker und Sauerstoff.

## Warum sind Blätter grün?

Chlorophyll absorbiert rotes und blaues Licht und reflektiert das grüne.
EOF
printf 'title: Chimie de base\nlanguage: fr\nsources:\n  - chimie.txt\n' >lib/chimie/booklet.yaml
printf '1. Qu’est-ce qu’un ion ?\n2. Quelle est la formule de l’eau ?\n\n1. Un atome qui a gagné ou perdu des électrons.\n2. H2O : deux atomes d’hydrogène et un d’oxygène.\n\001 un caractère de contrôle\n' >lib/chimie/chimie.txt
printf 'title: Drama\nsources:\n  - missing.md\n' >lib/drama/booklet.yaml
printf 'title: Rivers\nsources:\n  - rivers.md\n' >lib/geo/booklet.yaml
for k in $(seq 1 12); do
    printf '## Which river is number %s?\n\nThe river that drains basin %s into the sea.\n\n' "$k" "$k"
done >lib/geo/rivers.md
# Struck words, bare links and tables in two booklets parsed at once:
# cmark-gfm's inline parser reads one table of special characters for the
# whole process, which a parser with the GFM extensions changes while it
# parses and changes back after; parses side by side lost each other's
# "~" (ingest/cmarkparse.h). Every struck word must come out struck.
for f in lib/geo/rivers.md lib/astro/sky.md; do
    for k in $(seq 1 150); do
        printf 'Gauge %s read ~~%s.5~~ %s.7 m, see www.example.org/g%s or ~~the old table~~.\n\n' \
            "$k" "$k" "$k" "$k"
        printf '| station | ~~old~~ | new |\n|---|---|---|\n| s%s | ~~%s~~ | %s |\n\n' "$k" "$k" "$k"
    done >>"$f"
done

run_octavo err1 build lib -o out1 -j 1 --depfile d1 >o1
rc1=$RC
run_octavo err4 build lib -o out4 -j 4 --depfile d4 >o4
rc4=$RC
[ "$rc1" -eq 1 ] && [ "$rc4" -eq 1 ] || fail "exit status: -j 1 gave $rc1, -j 4 gave $rc4 (want 1: a source is missing)"
diff err1 err4 || fail "-j 4 printed other messages or another order than -j 1"
grep -q 'missing-source' err1 && grep -q 'control-char' err1 || fail "the expected messages are missing: $(cat err1)"
sed 's#out4/#out1/#' o4 | diff o1 - || fail "-j 4 printed other 'wrote' lines or another order"
[ "$(grep -c wrote o1)" -eq 8 ] || fail "want 8 files written, got: $(cat o1)"
n=0
for f in out1/*; do
    cmp "$f" "out4/${f#out1/}" || fail "${f#out1/} differs between -j 1 and -j 4"
    n=$((n + 1))
done
[ ! -e d1 ] && [ ! -e d4 ] || fail "a failed run wrote a depfile"
for b in geo astro; do
    struck=$(unzip -p "out4/$b.epub" '*.xhtml' | grep -o '<del>' | wc -l)
    [ "$struck" -eq 600 ] || fail "$b: $struck struck spans in the EPUB of -j 4, want 600"
done

# Without the broken booklet: depfiles and check summaries agree too.
rm -r lib/drama
build_ok e5 build lib -o out5 -q -j 1 --depfile d5
build_ok e6 build lib -o out6 -q -j 3 --depfile d6
sed 's#out6/#out5/#' d6 | diff d5 - || fail "the depfile of -j 3 differs from -j 1's"
"$OCTAVO" check lib -j 1 >c1 2>/dev/null
"$OCTAVO" check lib -j 3 >c3 2>/dev/null
diff c1 c3 || fail "check's summary differs between -j 1 and -j 3"
grep -q '^check: 4 booklets' c1 || fail "check summary: $(cat c1)"
# --timings adds up the booklets' phases
run_octavo t build lib -o out7 -q -j 2 --timings
grep -q 'timing total' t || fail "--timings printed no total with -j 2"

# Bad values are usage errors.
for bad in 0 -3 x 257 ''; do
    run_octavo bad.log build lib -o out8 -j "$bad"
    [ "$RC" -eq 2 ] || fail "-j '$bad' exited $RC, want 2"
done
grep -q -- '--jobs needs a whole number' bad.log || fail "no usage message: $(cat bad.log)"
note "-j 1 and -j 4: $n files identical, same messages and order, exit 1; depfile and check summary equal with -j 3"
