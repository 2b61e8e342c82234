#!/usr/bin/env bash
# Diagnostics for CI: --diagnostics json lines load with a JSON parser,
# github lines follow the workflow-command syntax and its escaping; -W
# error, -W no-CODE and -W error=CODE (combined); unknown codes are usage
# errors with a suggestion; `octavo check` writes nothing and sums up.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup python3 sha256sum

cd "$OCTAVO_TMP"
"$OCTAVO" --list-codes | tail -n +2 | awk '{print $1}' >codes.txt
CONTENT=$OCTAVO_SRC/content
# A layout whose fallback chain has no emoji font: the Django booklet's 14
# heading emoji then have no glyph, which gives the PDF backend a warning
# of its own to test with (the default chain draws them as pictures).
NOCOLOUR=$OCTAVO_TMP/nocolour.yaml
printf 'fonts:\n  fallback:\n    - DejaVuSans.ttf\n' >"$NOCOLOUR"

# Fixtures: French with mojibake, Spanish with a control character, and a
# file whose name holds a quote, a comma, a colon, '%', a control character,
# a newline and a byte that is not UTF-8.
mkdir notes
printf '# R\xc3\x83\xc2\xa9vision\n\nQu\xe2\x80\x99est-ce qu\xe2\x80\x99une cl\xc3\x83\xc2\xa9 primaire ?\n\nUne colonne unique.\n' >notes/fr.md
printf '# Repaso\n\n\xc2\xbfQu\xc3\xa9 es una mol\xc3\xa9cula?\x01\n\nDos o m\xc3\xa1s \xc3\xa1tomos unidos.\n' >notes/es.md
weird=$'notes/odd "q",a:b%c\x02\n\xff.md'
printf '# Odd\n\nWhat is a name?\x01\n\nA word.\n' >"$weird"

# --- JSON lines --------------------------------------------------------------
run_octavo json.err build notes -o o1 --diagnostics json --lang en
[ "$RC" -eq 0 ] || fail "json build exited $RC"
python3 - json.err codes.txt <<'PY' || fail "JSON diagnostics rejected (above)"
import json, sys
codes = set(open(sys.argv[2]).read().split())
raw = open(sys.argv[1], 'rb').read()
lines = raw.decode('utf-8').splitlines()          # valid UTF-8 or this raises
assert lines, 'no diagnostics at all'
seen = set()
for l in lines:
    o = json.loads(l)
    assert set(o) == {'file', 'line', 'col', 'severity', 'code', 'message'}, o
    assert o['file'] is None or isinstance(o['file'], str), o
    assert isinstance(o['line'], int) and isinstance(o['col'], int), o
    assert o['severity'] in ('error', 'warning', 'note'), o
    assert o['code'] in codes, o
    assert isinstance(o['message'], str) and o['message'], o
    seen.add((o['file'], o['code']))
want = {('notes/fr.md', 'mojibake'), ('notes/es.md', 'control-char'),
        ('notes/odd "q",a:b%c\x02\n\ufffd.md', 'control-char')}
assert want <= seen, (want - seen, seen)
print('diagnostics: %d JSON lines load, codes registered, odd file name round-trips' % len(lines))
PY

# --- GitHub workflow commands ------------------------------------------------
run_octavo gh.err build notes -o o2 --diagnostics github --lang en
[ "$RC" -eq 0 ] || fail "github build exited $RC"
python3 - gh.err codes.txt <<'PY' || fail "GitHub diagnostics rejected (above)"
import re, sys
codes = set(open(sys.argv[2]).read().split())
lines = open(sys.argv[1], 'rb').read().decode('utf-8').split('\n')
assert lines[-1] == '', 'no final newline'
prop = r'[^,:\r\n]*'
rx = re.compile(r'::(error|warning|notice) (?:file=(%s)(?:,line=([1-9]\d*),col=([1-9]\d*))?,)?'
                r'title=([a-z0-9-]+)::([^\r\n]*)' % prop)
files = set()
for l in lines[:-1]:
    m = rx.fullmatch(l)
    assert m, 'not a workflow command: %r' % l
    assert m.group(5) in codes, l
    for part in (m.group(2) or '', m.group(6)):
        assert not re.search(r'%(?!25|0D|0A|3A|2C)', part), 'unescaped %% in %r' % l
    files.add(m.group(2))
odd = 'notes/odd "q"%2Ca%3Ab%25c\x02%0A\ufffd.md'
assert odd in files, files
print('diagnostics: %d GitHub lines match ::severity file=,line=,col=,title=::message' % (len(lines) - 1))
PY
grep -q '^::warning file=notes/fr.md,title=mojibake::repaired' gh.err || fail "mojibake not as ::warning"

# --- -W ----------------------------------------------------------------------
# -W error on the Django booklet: exit 1, [werror], nothing written.
run_octavo werror.err build "$CONTENT" -o w1 -W error
[ "$RC" -eq 1 ] || fail "-W error exited $RC, expected 1"
grep -q 'error: warnings treated as errors (-W error); nothing written \[werror\]' werror.err ||
    fail "no [werror] error"
[ ! -e w1 ] || [ -z "$(ls -A w1)" ] || fail "-W error wrote: $(ls -A w1)"
note "-W error: exit 1, nothing written"

# -W error with every warning code of the booklet silenced: a clean build.
build_ok quiet.err build "$CONTENT" -o w2 -W error -W no-mojibake -W no-filler \
    -Wno-artefact -W no-pdf-missing-glyph
[ -s w2/django.pdf ] && [ -s w2/django.epub ] || fail "silenced -W error build wrote nothing"
! grep -q 'warning:' quiet.err || fail "silenced warnings printed: $(grep 'warning:' quiet.err)"
grep -q 'note: .*\[merged-question\]' quiet.err || fail "notes of other codes lost"
note "-W error -W no-CODE...: every warning silenced, exit 0"

# -W no-CODE drops exactly that code.
build_ok all.err build "$CONTENT" -o w3
build_ok nofill.err build "$CONTENT" -o w3 -W no-filler
[ "$(grep -c '\[filler\]' all.err)" -ge 1 ] || fail "no [filler] to silence"
grep -q '\[filler\]' nofill.err && fail "-W no-filler printed [filler]"
[ "$(grep -vc '\[filler\]' all.err)" = "$(grep -c . nofill.err)" ] || fail "-W no-filler changed other lines"

# -W error=CODE: that code's messages are errors, the build fails and the
# previous outputs stay as they were; at ingest and in a backend alike.
sha256sum w3/django.pdf w3/django.epub >good.sum
for code in filler pdf-missing-glyph; do
    run_octavo prom.err build "$CONTENT" -o w3 -W error=$code --layout "$NOCOLOUR"
    [ "$RC" -eq 1 ] || fail "-W error=$code exited $RC, expected 1"
    grep -Eq "^[^ ].*: error: .*\[$code\]$" prom.err || fail "[$code] not printed as an error"
    grep -q "warning: .*\[mojibake\]" prom.err || fail "-W error=$code promoted other codes"
    sha256sum -c --quiet good.sum || fail "-W error=$code replaced the good outputs"
    [ -z "$(find w3 -name '.*')" ] || fail "temporary files left: $(find w3 -name '.*')"
    note "-W error=$code: printed as error, exit 1, previous outputs kept"
done
# the later of -W no-CODE and -W error=CODE wins
build_ok later.err build "$CONTENT" -o w3 -q -W error=filler -W no-filler

# Unknown codes and malformed -W are usage errors, with a suggestion.
for bad in no-mojibak error=fillr nonsense error=write-faild no-write-failed; do
    run_octavo usage.err build "$CONTENT" -o w4 -W $bad
    [ "$RC" -eq 2 ] || fail "-W $bad exited $RC, expected 2"
    grep -Eq "$DIAG_RE" usage.err || fail "-W $bad: no diagnostic"
    [ ! -e w4 ] || fail "-W $bad wrote something"
done
run_octavo usage.err build "$CONTENT" -W no-mojibak
grep -q "did you mean 'mojibake'" usage.err || fail "no suggestion for mojibak"
run_octavo usage.err build "$CONTENT" --diagnostics xml
[ "$RC" -eq 2 ] || fail "--diagnostics xml exited $RC"
note "-W with unknown codes, bad --diagnostics: exit 2 with a suggestion"

# --- check -------------------------------------------------------------------
mkdir chk && cd chk
run_octavo ../check.err check "$CONTENT" >../check.out
[ "$RC" -eq 0 ] || fail "check exited $RC"
[ -z "$(ls -A)" ] || fail "check wrote files: $(ls -A)"
tail -n 1 ../check.out | grep -Eq '^check: 1 booklet, 5 sources, 286 questions, [0-9]{2,} pages, 0 errors, 4 warnings, 4 notes$' ||
    fail "check summary: $(cat ../check.out)"
# the backends' warnings come up without writing (pdf-missing-glyph is the PDF's)
run_octavo ../check-nocolour.err check "$CONTENT" --layout "$NOCOLOUR" >/dev/null
grep -q '\[pdf-missing-glyph\]' ../check-nocolour.err || fail "check did not lay out the PDF"
[ -z "$(ls -A)" ] || fail "check wrote files: $(ls -A)"
run_octavo ../check.err check "$CONTENT" -W error >../check.out
[ "$RC" -eq 1 ] || fail "check -W error exited $RC"
grep -q ' 1 error,' ../check.out || fail "check -W error summary: $(cat ../check.out)"
run_octavo ../check.err check "$CONTENT" --diagnostics json -W no-filler -q >../check.out
[ "$RC" -eq 0 ] && [ ! -s ../check.out ] || fail "check -q printed: $(cat ../check.out)"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' ../check.err ||
    fail "check --diagnostics json"
mkdir bk && printf 'title: Bad\nsources:\n  - gone.md\n' >bk/booklet.yaml
run_octavo ../check.err check bk >../check.out
[ "$RC" -eq 1 ] || fail "check of a broken manifest exited $RC"
grep -q '\[missing-source\]' ../check.err || fail "no [missing-source]"
[ -z "$(ls -A | grep -v '^bk$')" ] || fail "check wrote files"
note "check: writes nothing, sums up, -W error and errors exit 1"
