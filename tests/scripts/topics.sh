#!/usr/bin/env bash
# Topics: a booklet with a taxonomy (tests/data/topics/networking) files
# each question under one topic in `inspect --json`; --group-by and the
# manifest's group_by choose the grouping; a bad taxonomy is exit 1 with a
# file:line diagnostic; the Django booklet's taxonomy leaves no topic empty
# and keeps its question figures; a topic build still validates.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3

cd "$OCTAVO_TMP"
NET=$OCTAVO_SRC/tests/data/topics/networking

"$OCTAVO" inspect --json "$NET" >net.json 2>net.err || fail "inspect failed: $(cat net.err)"
python3 - net.json <<'PY' || fail "networking topics wrong"
import json, sys
d = json.load(open(sys.argv[1]))
counts = [(t["name"], t["questions"]) for t in d["topics"]]
want = [("Models & layers", 2), ("Addressing", 3), ("Routing", 2), ("Transport", 3),
        ("Security", 2), ("Other", 1)]
assert counts == want, counts
assert d["group_by"] == "topic", d["group_by"]
by = {q["prompt"]: q["topic"] for q in d["questions"]}
assert by["What happens when a segment is lost?"] == "Transport"  # heading line as hint
assert by["Who maintains the RFC series?"] == "Other"
assert by["Why does HTTPS need a certificate?"] == "Security"
assert all(q["topic"] for q in d["questions"])
assert sum(n for _, n in counts) == len(d["questions"])
PY

"$OCTAVO" inspect --json --group-by source "$NET" >src.json || fail "--group-by source refused"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["group_by"]=="source"; assert d["questions"][0]["topic"]' src.json ||
    fail "--group-by source: group_by or topics wrong"
rc=0
"$OCTAVO" inspect --json --group-by chapter "$NET" >/dev/null 2>gb.err || rc=$?
[ "$rc" = 2 ] || fail "--group-by chapter: exit $rc, expected 2"
grep -q "group-by" gb.err || fail "no usage message for --group-by chapter"

# No taxonomy: topics empty, every topic null, grouping by source.
mkdir plain
printf '# Plain\n\n1. What is a hub?\n2. What is a switch?\n' >plain/a.md
"$OCTAVO" inspect --json plain/a.md 2>/dev/null >plain.json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["topics"]==[] and d["group_by"]=="source" and all(q["topic"] is None for q in d["questions"])' plain.json ||
    fail "a booklet without topics got some"

# A bad taxonomy: exit 1, file:line of the offending key.
mkdir bad
cp "$NET/layers.md" bad/
cat >bad/booklet.yaml <<'YAML'
title: Bad
language: en
sources: [layers.md]
topics:
  - name: Routing
    keywords: OSPF
  - name: Routing
YAML
rc=0
"$OCTAVO" inspect --json bad >/dev/null 2>bad.err || rc=$?
[ "$rc" = 1 ] || fail "bad taxonomy: exit $rc, expected 1"
grep -Eq 'booklet\.yaml:6:[0-9]+: error: .*keywords.* \[wrong-type\]' bad.err ||
    fail "no file:line diagnostic for keywords: $(cat bad.err)"
grep -Eq 'booklet\.yaml:7:[0-9]+: error: .*Routing.* \[duplicate-topic\]' bad.err ||
    fail "no file:line diagnostic for the duplicate topic: $(cat bad.err)"

# Django: the taxonomy fills every topic, keeps the figures, Other is small.
"$OCTAVO" inspect --json "$OCTAVO_SRC/content/django" >dj.json 2>/dev/null
python3 - dj.json <<'PY' || fail "Django topics wrong"
import json, sys
d = json.load(open(sys.argv[1]))
figs = [(s["questions"], s["answered"]) for s in d["sources"]]
assert figs == [(70, 2), (50, 0), (100, 100), (26, 26), (40, 0)], figs
t = {x["name"]: x["questions"] for x in d["topics"]}
assert len(t) == 14 and d["topics"][-1]["name"] == "Other", t
assert all(n > 0 for k, n in t.items() if k != "Other"), t
assert t["Other"] <= 10, t
by = {}
for q in d["questions"]:
    by.setdefault(q["prompt"], q["topic"])
for p, want in [("What are signals in Django?", "Middleware & signals"),
                ("What are serializers in DRF?", "REST framework"),
                ("What is middleware in Django?", "Middleware & signals"),
                ("How do you register models with the Django admin site?", "Admin"),
                ("How do you write unit tests in Django?", "Testing"),
                ("Explain the role of WSGI and ASGI in Django deployment.", "Deployment & scaling")]:
    assert by.get(p) == want, (p, by.get(p))
print(" ".join(f"{k}={n}" for k, n in t.items()))
PY

# Build both outputs of the networking booklet with either grouping.
build_ok build.log build "$NET" -o out -q
check_pdf out/networking.pdf
check_epub out/networking.epub
build_ok build2.log build "$NET" -o out2 -q --group-by source
note "ok"
