# shellcheck shell=bash
# Shared shell functions for tests/scripts/*.sh. Each script starts with
#
#   set -euo pipefail
#   . "$(dirname "$0")/../tools/lib.sh"
#   oct_setup
#
# ctest sets OCTAVO (the program), OCTAVO_SRC, OCTAVO_BUILD and OCTAVO_TMP
# (this script's scratch directory); run by hand, they default to build/.

OCTAVO_SRC=${OCTAVO_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
OCTAVO_BUILD=${OCTAVO_BUILD:-$OCTAVO_SRC/build}
OCTAVO=${OCTAVO:-$OCTAVO_BUILD/octavo}
TEST_NAME=$(basename "$0" .sh)
OCTAVO_TMP=${OCTAVO_TMP:-$OCTAVO_BUILD/testtmp/$TEST_NAME}
TOOLS=$OCTAVO_SRC/tests/tools
EPUBCHECK4_JAR=${EPUBCHECK4_JAR:-/usr/share/java/epubcheck.jar}
# A diagnostic line: [file[:line:col]: ]severity: message [code]
DIAG_RE='^([^ ].*: )?(error|warning|note): .+ \[[a-z0-9-]+\]$'

fail() {
    echo "FAIL($TEST_NAME): $*" >&2
    exit 1
}

note() {
    echo "$TEST_NAME: $*"
}

# oct_setup [--no-program] [tool...]: fresh scratch dir; the program and
# the named tools exist.
oct_setup() {
    rm -rf "$OCTAVO_TMP"
    mkdir -p "$OCTAVO_TMP"
    if [ "${1:-}" = --no-program ]; then
        shift
    else
        [ -x "$OCTAVO" ] || fail "no program at $OCTAVO (build first)"
    fi
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "missing tool: $tool"
    done
}

# run_octavo LOG ARGS...: runs the program with stderr saved in LOG (and
# echoed, so ctest --output-on-failure shows it); sets RC to its exit status.
run_octavo() {
    local log=$1
    shift
    RC=0
    "$OCTAVO" "$@" 2>"$log" || RC=$?
    if [ -s "$log" ]; then
        sed 's/^/  octavo: /' "$log" >&2
    fi
}

# build_ok LOG ARGS...: run_octavo that must succeed.
build_ok() {
    run_octavo "$@"
    [ "$RC" -eq 0 ] || fail "octavo ${*:2} exited $RC"
}

# expect_diagnostics LOG: every line of LOG is a diagnostic in the documented
# format (progress and chatter belong on stdout).
expect_diagnostics() {
    local bad
    bad=$(grep -Ev "$DIAG_RE" "$1" | grep -v '^$' || true)
    [ -z "$bad" ] || fail "stderr lines not in file:line:col: severity: message [code] form:
$bad"
}

# spec_corpora: prints "TAG PATH" lines for the spec-format corpora that are
# there: the CommonMark spec from npm (required; test.sh installs it, see
# install_test_corpora) and the GFM spec files of ../shared/testdata or
# $OCTAVO_TESTDATA (an optional extra). Same rules as tests/unit/corpus.c.
spec_corpora() {
    local cm=${OCTAVO_COMMONMARK_SPEC:-$OCTAVO_SRC/build/tools/corpora/node_modules/commonmark-spec/spec.txt}
    local extra=${OCTAVO_TESTDATA:-$OCTAVO_SRC/../shared/testdata}
    [ -f "$cm" ] || fail "no CommonMark spec at $cm (test.sh installs npm commonmark-spec; or set OCTAVO_COMMONMARK_SPEC)"
    echo "commonmark $cm"
    local f
    for f in gfm:gfm-spec.txt ext:gfm-extensions.txt; do
        if [ -f "$extra/${f#*:}" ]; then
            echo "${f%%:*} $extra/${f#*:}"
        else
            echo "note: optional corpus $extra/${f#*:} not found" >&2
        fi
    done
}

# epubcheck5_jar: prints the epubcheck 5.1.0 jar, or nothing when it is not
# installed. Under test.sh (OCTAVO_STRICT=1) a missing jar is a failure.
epubcheck5_jar() {
    local jar=${EPUBCHECK5_JAR:-}
    if [ -z "$jar" ]; then
        jar=$(find "$OCTAVO_SRC"/build/tools -path '*epubcheck-5.1.0/epubcheck.jar' \
            2>/dev/null | head -n 1 || true)
    fi
    if [ -n "$jar" ] && [ -f "$jar" ]; then
        echo "$jar"
    elif [ "${OCTAVO_STRICT:-0}" = 1 ]; then
        fail "EPUBCHECK5_JAR is not set or missing (${EPUBCHECK5_JAR:-unset})"
    fi
}

# run_epubcheck JAR FILE: the EPUB passes with 0 errors and 0 warnings.
run_epubcheck() {
    local jar=$1 file=$2 out rc=0
    # C1 only: a validator run is short, and full JIT costs it half its time
    out=$(java -XX:TieredStopAtLevel=1 -jar "$jar" "$file" 2>&1) || rc=$?
    # here-strings, not `echo | grep -q`: grep -q stops at its match, echo then
    # dies of SIGPIPE and pipefail would turn a clean run into a failure
    if [ "$rc" -ne 0 ] || grep -Eq '^(ERROR|WARNING|FATAL)' <<<"$out" ||
        ! grep -Eq '^Messages: 0 fatals / 0 errors / 0 warnings' <<<"$out"; then
        echo "$out" | grep -Ev '^(INFO|USAGE)' | head -n 60 >&2
        fail "epubcheck ($jar) rejects $file (exit $rc)"
    fi
    note "epubcheck $(echo "$out" | grep -Eo 'EPUB version [0-9.]+' | head -n 1): $file ok"
}

# check_epub FILE: epubcheck 4.2.6 and 5.1.0.
check_epub() {
    local jar5
    [ -s "$1" ] || fail "no EPUB at $1"
    run_epubcheck "$EPUBCHECK4_JAR" "$1"
    jar5=$(epubcheck5_jar)
    if [ -n "$jar5" ]; then
        run_epubcheck "$jar5" "$1"
    else
        note "WARNING: epubcheck 5.1.0 not installed (run ./test.sh); only 4.2.6 checked"
    fi
    check_links "$1"
}

# check_links FILE...: every link of each PDF or EPUB reaches an existing
# destination, file or id (tests/tools/linkcheck.py).
check_links() {
    local out
    out=$(python3 "$TOOLS/linkcheck.py" "$@" 2>&1) || fail "broken links:
$out"
    note "$out"
}

# check_pdf FILE: qpdf --check passes, every font is embedded, subset and
# has a Unicode map, and poppler reads the text without complaint.
check_pdf() {
    local pdf=$1 err=$OCTAVO_TMP/.poppler.err out rc=0
    [ -s "$pdf" ] || fail "no PDF at $pdf"
    out=$(qpdf --check "$pdf" 2>&1) || rc=$?
    [ "$rc" -eq 0 ] || fail "qpdf --check $pdf exited $rc:
$out"
    out=$(pdffonts "$pdf" 2>"$err") || fail "pdffonts $pdf failed: $(cat "$err")"
    [ ! -s "$err" ] || fail "pdffonts $pdf wrote to stderr: $(head -n 20 "$err")"
    echo "$out" | awk '
        NR <= 2 { next }
        { n++; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad++; print "  " $0 } }
        END { if (n == 0) { print "  no fonts at all"; exit 1 } exit bad > 0 }' >&2 ||
        fail "$pdf: fonts must all be embedded, subset and have a Unicode map (emb/sub/uni):
$out"
    pdftotext "$pdf" /dev/null 2>"$err" || fail "pdftotext $pdf failed: $(cat "$err")"
    [ ! -s "$err" ] || fail "pdftotext $pdf wrote to stderr: $(head -n 20 "$err")"
    note "qpdf, pdffonts ($(($(echo "$out" | wc -l) - 2)) fonts), pdftotext: $pdf ok"
    check_links "$pdf"
}

# wordcheck ARGS...: tests/tools/wordcheck.py; fails the test on missing words.
wordcheck() {
    python3 "$TOOLS/wordcheck.py" "$@" || fail "word check failed (see above)"
}

# flat_text: stdin → stdout on one line: words hyphenated at line ends
# joined, typographic quotes made straight, white space collapsed.
flat_text() {
    python3 -c '
import re, sys
t = sys.stdin.read().replace("\u00ad", "")
t = re.sub(r"(?<=[A-Za-z])[-\u2010]\n(?=[a-z])", "", t)
t = t.translate(str.maketrans("\u201c\u201d\u2033\u2018\u2019\u00a0", "\"\"\"\x27\x27 "))
print(" ".join(t.split()))'
}

# epub_text FILE / pdf_text FILE: the text the word check reads.
epub_text() {
    python3 "$TOOLS/wordcheck.py" --print-text --epub "$1"
}
pdf_text() {
    python3 "$TOOLS/wordcheck.py" --print-text --pdf "$1"
}
