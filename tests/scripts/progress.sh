#!/usr/bin/env bash
# The progress line: on a terminal (a pty from util-linux `script`), a
# build or check that takes over a second shows
#   octavo: N/M sources read, P pages laid out, F files written
# redrawn in place with \r, wiped before every other line and at the end,
# so no progress text stays visible. Silent with -q, when stderr is not a
# terminal, and for a quick build.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup script python3

cd "$OCTAVO_TMP"
# 30 booklets of generated notes (astronomy in English, cooking in German,
# chemistry in French; headings and Q:/A: labels), slow enough to show it.
python3 - <<'PY'
import os
subjects = [
    ('astronomy', 'en', 'What is {x}?', '{x} is studied by astronomers with telescopes and spectra.',
     ['a pulsar', 'a quasar', 'a nebula', 'a comet', 'an exoplanet', 'a red giant']),
    ('kochen', 'de', 'Was bedeutet {x}?', '{x} ist ein Begriff aus der Küche, den jede Köchin kennt.',
     ['blanchieren', 'pochieren', 'glasieren', 'legieren', 'flambieren']),
    ('chimie', 'fr', 'Qu’est-ce que {x} ?', '{x} est une notion de chimie vue en première année.',
     ['un isotope', 'une liaison covalente', 'un catalyseur', 'une oxydation']),
]
for b in range(30):
    name, lang, q, a, items = subjects[b % 3]
    d = 'many/b%02d-%s' % (b, name)
    os.makedirs(d)
    with open(d + '/booklet.yaml', 'w') as f:
        f.write('title: Booklet %d\nlanguage: %s\nsources:\n  - one.md\n  - two.txt\n' % (b, lang))
    with open(d + '/one.md', 'w') as f:
        f.write('# %s %d\n\n' % (name.title(), b))
        for i in range(200):
            x = '%s %d' % (items[i % len(items)], i)
            f.write('## %s\n\n%s More words fill a paragraph of ordinary length.\n\n'
                    % (q.format(x=x), a.format(x=x.capitalize())))
    with open(d + '/two.txt', 'w') as f:
        for i in range(200):
            x = '%s %d' % (items[(i + 3) % len(items)], i)
            f.write('Q: %s\nA: %s\n\n' % (q.format(x=x), a.format(x=x.capitalize())))
PY

# on_tty LOG CMD...: runs CMD with stdout and stderr on a pty; LOG gets
# what the terminal received.
on_tty() {
    local log=$1
    shift
    script -qec "$(printf '%q ' "$@")" /dev/null >"$log" </dev/null || fail "$* failed on a pty"
}
# screen LOG: what stays visible, each line replayed as a terminal does
# (\r returns to column 0 and later text overwrites); fails when progress
# text is left on screen or when ANSWER (a regex) is missing.
screen() {
    python3 - "$@" <<'PY'
import re, sys
raw = open(sys.argv[1], 'rb').read().decode('utf-8')
shown = []
for line in raw.split('\n'):
    buf, col = [], 0
    for ch in line:
        if ch == '\r':
            col = 0
            continue
        if col < len(buf):
            buf[col] = ch
        else:
            buf.append(ch)
        col += 1
    shown.append(''.join(buf).rstrip())
left = [l for l in shown if 'sources read' in l]
assert not left, 'progress text left on screen: %r' % left
for want in sys.argv[2:]:
    assert any(re.search(want, l) for l in shown), 'missing on screen: ' + want
PY
}
PROGRESS=$'\r''octavo: [0-9]+/60 sources read, [0-9]+ pages laid out, [0-9]+ files written'

# The line shows from the first event (OCTAVO_PROGRESS_AFTER_MS=0), not
# after a second: what this test sees does not depend on the machine's speed.
export OCTAVO_PROGRESS_AFTER_MS=0
start=$(date +%s%N)
on_tty tty.log "$OCTAVO" build many -o out
ms=$((($(date +%s%N) - start) / 1000000))
grep -Eaq "$PROGRESS" tty.log || fail "no progress line in a build of ${ms} ms on a terminal:
$(cat -A tty.log | head -n 20)"
grep -Eaq $'\r''octavo: 60/60 sources read, [1-9][0-9]+ pages laid out, ([2-9]|[1-5][0-9]) files written' tty.log ||
    fail "the progress line never counted pages and files"
screen tty.log '^octavo: wrote out/b29-[a-z]+\.epub$' || fail "screen after build (above)"
[ "$(ls out | wc -l)" = 60 ] || fail "expected 60 outputs: $(ls out | wc -l)"
note "build on a pty (${ms} ms): progress line drawn in place and wiped"

on_tty check.log "$OCTAVO" check many
grep -Eaq "$PROGRESS" check.log || fail "no progress line in check on a terminal"
screen check.log '^check: 30 booklets, 60 sources, 12000 questions, [0-9]+ pages, 0 errors, 0 warnings, 0 notes$' ||
    fail "screen after check (above)"
note "check on a pty: progress line wiped before the summary"

# (check shows the line as build does, and is quicker: nothing is written)
on_tty quiet.log "$OCTAVO" check many -q
! grep -aq 'sources read' quiet.log || fail "-q printed a progress line"
printf 'exec %q check many 2>notty.err\n' "$OCTAVO" >notty.sh
script -qec "bash notty.sh" /dev/null >notty.log </dev/null || fail "check with stderr to a file failed"
grep -aq '^check: 30 booklets' notty.log || fail "check with stderr to a file: $(cat notty.log)"
! grep -aq 'sources read' notty.err notty.log || fail "progress printed with stderr not a terminal"
! grep -aq $'\r' notty.err || fail "carriage returns on a stderr that is not a terminal"
unset OCTAVO_PROGRESS_AFTER_MS # the default: a second
on_tty quick.log "$OCTAVO" build "$OCTAVO_SRC/content" -o quick
! grep -aq 'sources read' quick.log || fail "a quick build printed a progress line"
grep -aq 'warning: .*\[mojibake\]' quick.log || fail "the quick build's diagnostics are missing"
note "silent with -q, with stderr not a terminal, and for a quick build"
