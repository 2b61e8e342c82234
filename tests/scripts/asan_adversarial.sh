#!/usr/bin/env bash
# The adversarial table (tests/tools/adversarial.py): 50+ hostile inputs,
# generated at run time, each built to PDF and EPUB with a timeout. Each
# must end as its row says: status 0 with a valid PDF and EPUB and the
# named warnings, or status 1 (a clean error) with the named error codes
# and nothing written. Never a signal, a timeout, a sanitizer report or a
# stderr line that is not a diagnostic. Outputs: qpdf --check and
# pdftotext for every PDF, every XML file of every EPUB parsed; then the
# text sources that built are merged into one booklet that both epubchecks
# and check_pdf validate (one run instead of fifty: each epubcheck costs
# seconds). Also runs under the sanitizer build (label asan).
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup java qpdf pdftotext python3 timeout

cd "$OCTAVO_TMP"
python3 "$TOOLS/adversarial.py" cases "$OCTAVO_SRC/fonts" >/dev/null || fail "table generator failed"
LIMIT=${OCTAVO_ADVERSARIAL_TIMEOUT:-120}

# One line per row: name, status, codes (comma-separated), outputs, args (tab-separated).
python3 -c '
import json
for c in json.load(open("cases/cases.json")):
    print("\t".join([c["name"], str(c["status"]), ",".join(c["codes"]) or "-",
                     "1" if c["outputs"] else "0"] + c["args"]))' >rows.tsv
rows=$(wc -l <rows.tsv)
[ "$rows" -ge 40 ] || fail "the table has $rows rows, fewer than 40"

# valid_epub FILE: a zip whose every XML part parses.
valid_epub() {
    python3 - "$1" <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad:
    sys.exit("corrupt member %s" % bad)
if z.namelist()[0] != "mimetype" or z.read("mimetype") != b"application/epub+zip":
    sys.exit("mimetype is not the first, stored member")
for n in z.namelist():
    if n.endswith((".xhtml", ".opf", ".ncx", ".xml")):
        xml.dom.minidom.parseString(z.read(n))
PY
}

failures=0
bad() {
    echo "FAIL($TEST_NAME): $name: $*" >&2
    failures=$((failures + 1))
}

while IFS=$'\t' read -r name status codes outputs args; do
    read -r -a argv <<<"${args//$'\t'/ }"
    dir=cases/$name
    rc=0
    (cd "$dir" && timeout -k 5 "$LIMIT" "$OCTAVO" build "${argv[@]}" -o out -q --lang en \
        2>build.log) || rc=$?
    log=$dir/build.log
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        bad "timed out after ${LIMIT}s"
        continue
    fi
    [ "$rc" -lt 128 ] || bad "killed by signal $((rc - 128))"
    if grep -Eq 'Sanitizer|runtime error|LeakSanitizer|Assertion' "$log"; then
        bad "sanitizer report:"
        head -n 30 "$log" >&2
    fi
    stray=$(grep -Ev "$DIAG_RE" "$log" | grep -v '^$' | head -n 5 || true)
    [ -z "$stray" ] || bad "stderr lines that are not diagnostics: $stray"
    [ "$rc" -eq "$status" ] || { bad "exit status $rc, expected $status"; sed 's/^/    /' "$log" | head -n 8 >&2; }
    if [ "$codes" != - ]; then
        for code in ${codes//,/ }; do
            grep -q "\[$code\]\$" "$log" || bad "no [$code] diagnostic"
        done
    fi
    pdf=$(ls "$dir"/out/*.pdf 2>/dev/null | head -n 1 || true)
    epub=$(ls "$dir"/out/*.epub 2>/dev/null | head -n 1 || true)
    if [ "$outputs" = 1 ]; then
        if [ -z "$pdf" ] || [ -z "$epub" ]; then
            bad "no PDF or EPUB written"
            continue
        fi
        qpdf --check "$pdf" >/dev/null 2>&1 || bad "qpdf --check rejects $pdf"
        pdftotext "$pdf" /dev/null 2>"$dir/poppler.err" || bad "pdftotext fails on $pdf"
        [ ! -s "$dir/poppler.err" ] || bad "pdftotext complains: $(head -c 300 "$dir/poppler.err")"
        err=$(valid_epub "$epub" 2>&1) || bad "invalid EPUB: $(tail -n 1 <<<"$err")"
    elif [ -n "$pdf$epub" ]; then
        bad "an error was reported but outputs were written"
    fi
done <rows.tsv
[ "$failures" -eq 0 ] || fail "$failures failures in the adversarial table (see above)"

# One booklet of the small text rows that built, for the full validators
# (in the plain build: the sanitizer build looks for crashes, and the
# validators cost the same there).
if grep -q '^OCTAVO_SANITIZE:BOOL=ON' "$OCTAVO_BUILD/CMakeCache.txt" 2>/dev/null; then
    note "$rows rows as expected (sanitizer build: merged validation skipped)"
    exit 0
fi
mkdir -p merged
python3 - <<'PY' || fail "could not merge the sources"
import json, os, shutil
rows = json.load(open("cases/cases.json"))
srcs = []
for r in rows:
    if r["status"] != 0 or len(r["args"]) != 1 or not r["args"][0].endswith((".md", ".txt")):
        continue
    path = os.path.join("cases", r["name"], r["args"][0])
    if os.path.getsize(path) > 40000:
        continue
    name = "%02d-%s%s" % (len(srcs), r["name"], os.path.splitext(path)[1])
    shutil.copy(path, os.path.join("merged", name))
    srcs.append(name)
with open("merged/booklet.yaml", "w") as f:
    f.write("title: Hostile notes\nlanguage: en\nsources:\n")
    f.writelines("  - %s\n" % s for s in srcs)
print(len(srcs))
PY
RC=0
"$OCTAVO" build merged -o merged-out -q 2>merged.log || RC=$?
expect_diagnostics merged.log
[ "$RC" -eq 0 ] || fail "the merged booklet failed to build (exit $RC)"
check_pdf merged-out/merged.pdf
check_epub merged-out/merged.epub
note "$rows rows as expected; merged booklet of $(grep -c '^  - ' merged/booklet.yaml) sources valid"
