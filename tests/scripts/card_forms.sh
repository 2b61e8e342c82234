#!/usr/bin/env bash
# Card forms read the same wherever they are written. A RemNote card asked
# both ways ("front <> back") is two questions at its line, front → back
# and back → front: the bank lists both, merging across sources joins each
# with its own direction (never the two directions with each other), and
# the Anki deck has a note for each.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3

cd "$OCTAVO_TMP"
mkdir twoway
# French vocabulary and the same words met again in a second note
cat >twoway/vocabulaire.txt <<'EOF2'
Vocabulaire de cuisine

la casserole >> the saucepan
la poêle <> the frying pan
le fouet << the whisk
EOF2
cat >twoway/revision.txt <<'EOF2'
Révision

le four >> the oven
la poêle <> the frying pan
l'évier ;; the kitchen sink
EOF2
build_ok build.log build twoway -o out --format json,anki --lang fr
python3 - out/twoway.json out/twoway.anki.txt <<'PY' || fail "two-way cards (see above)"
import json, sys
bank = json.load(open(sys.argv[1]))
qs = [q for q in bank["questions"]]
def find(prompt, src):
    hit = [q for q in qs if q["prompt"] == prompt and q["source"].endswith(src)]
    assert len(hit) == 1, "%s in %s: %d questions" % (prompt, src, len(hit))
    return hit[0]
bad = []
for src, line in (("vocabulaire.txt", 4), ("revision.txt", 4)):
    f, b = find("la poêle", src), find("the frying pan", src)
    if not (f["line"] == line and b["line"] == line):
        bad.append("%s: lines %r %r, expected both %d" % (src, f["line"], b["line"], line))
    if f["cluster"] == b["cluster"]:
        bad.append("%s: the two directions share cluster %r" % (src, f["cluster"]))
# each direction merges with itself across the two notes
if find("la poêle", "vocabulaire.txt")["cluster"] != find("la poêle", "revision.txt")["cluster"]:
    bad.append("'la poêle' not merged across sources")
if find("the frying pan", "vocabulaire.txt")["cluster"] != find("the frying pan", "revision.txt")["cluster"]:
    bad.append("'the frying pan' not merged across sources")
fronts = [l.split("\t")[3] for l in open(sys.argv[2], encoding="utf-8") if not l.startswith("#")]
for want in ("la poêle", "the frying pan"):
    if fronts.count(want) != 1:
        bad.append("Anki fronts %r: %d, expected 1" % (want, fronts.count(want)))
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
note "two-way cards: both directions in the bank and the deck, each merged with its own"
