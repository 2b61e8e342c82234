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
# the named tools exist. The queued EPUB checks (check_epub) run when the
# script ends.
oct_setup() {
    rm -rf "$OCTAVO_TMP"
    mkdir -p "$OCTAVO_TMP"
    trap oct_exit EXIT
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

# producer | has [GREP-OPTIONS] PATTERN: whether the producer's output
# matches, read to its end. `producer | grep -q` stops reading at the first
# match, a producer still writing then dies of SIGPIPE, and pipefail turns a
# match into a failure at random (a loaded machine's `unzip -l x.epub | grep
# -q img/` failed 2 runs of 11).
has() {
    local n
    n=$(grep -c "$@") || true
    [ "${n:-0}" -gt 0 ]
}

# epubcheck_verdict JAR FILE RC OUT: whether epubcheck's output OUT (exit
# status RC) on FILE reports 0 errors and 0 warnings; if not, shows it.
epubcheck_verdict() {
    local jar=$1 file=$2 rc=$3 out=$4
    # here-strings, not `echo | grep -q`: grep -q stops at its match, echo then
    # dies of SIGPIPE and pipefail would turn a clean run into a failure
    if [ "$rc" -ne 0 ] || grep -Eq '^(ERROR|WARNING|FATAL)' <<<"$out" ||
        ! grep -Eq '^Messages: 0 fatals / 0 errors / 0 warnings' <<<"$out"; then
        echo "$out" | grep -Ev '^(INFO|USAGE)' | head -n 60 >&2
        echo "FAIL($TEST_NAME): epubcheck ($jar) rejects $file (exit $rc)" >&2
        return 1
    fi
    note "epubcheck $(echo "$out" | grep -Eo 'EPUB version [0-9.]+' | head -n 1): $file ok"
}

# C1 only: a validator run is short, and full JIT costs it half its time
EPUBCHECK_JAVA=(java -XX:TieredStopAtLevel=1)

# run_epubcheck JAR FILE [NAME]: the EPUB passes with 0 errors and 0
# warnings (checked now, in a JVM of its own; NAME in messages).
run_epubcheck() {
    local jar=$1 file=$2 out rc=0
    out=$("${EPUBCHECK_JAVA[@]}" -jar "$jar" "$file" 2>&1) || rc=$?
    epubcheck_verdict "$jar" "${3:-$file}" "$rc" "$out" || exit 1
}

# epubcheck_batch_classes: prints the directory of the compiled batch
# runner (tests/tools/java/EpubcheckBatch.java), compiling it into the
# scratch directory when test.sh's set-up did not; nothing without javac.
epubcheck_batch_classes() {
    local src=$TOOLS/java/EpubcheckBatch.java dir
    for dir in "${EPUBCHECK_BATCH_CLASSES:-}" "$OCTAVO_SRC/build/tools/epubcheck-batch"; do
        if [ -n "$dir" ] && [ "$dir/EpubcheckBatch.class" -nt "$src" ]; then
            echo "$dir"
            return
        fi
    done
    dir=$OCTAVO_TMP/.epubcheck-batch
    [ -f "$dir/EpubcheckBatch.class" ] && { echo "$dir"; return; }
    command -v javac >/dev/null || return 0
    javac -nowarn -cp "$EPUBCHECK4_JAR" -d "$dir" "$src" >&2 && echo "$dir"
}

# run_epubcheck_batch JAR LIST CLASSES: each EPUB of LIST (lines
# "COPY<TAB>NAME") checked by JAR in one JVM, each judged as by
# run_epubcheck (under NAME); fails after the last if any was rejected.
run_epubcheck_batch() {
    local jar=$1 list=$2 classes=$3 out=$OCTAVO_TMP/.epubq/out rc=0 line buf= file= n=0 bad=0
    local -A name=()
    while IFS=$'\t' read -r copy orig; do name[$copy]=$orig; done <"$list"
    cut -f1 "$list" | "${EPUBCHECK_JAVA[@]}" -cp "$jar:$classes" EpubcheckBatch >"$out" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || { tail -n 40 "$out" >&2; fail "epubcheck batch ($jar) stopped (exit $rc)"; }
    while IFS= read -r line; do
        case $line in
        "@@file "*) file=${line#@@file } buf= ;;
        "@@rc "*)
            epubcheck_verdict "$jar" "${name[$file]:-$file}" "${line#@@rc }" "$buf" ||
                bad=$((bad + 1))
            n=$((n + 1))
            ;;
        *) buf+=$line$'\n' ;;
        esac
    done <"$out"
    [ "$n" -eq "${#name[@]}" ] || fail "epubcheck batch ($jar) checked $n of ${#name[@]} EPUBs"
    [ "$bad" -eq 0 ] || fail "epubcheck ($jar) rejects $bad of $n EPUBs (above)"
}

# epub_checks_flush: the EPUBs check_epub queued, checked by both
# epubchecks, one JVM each (oct_exit runs it when the script ends).
epub_checks_flush() {
    local q=$OCTAVO_TMP/.epubq jar5 classes
    [ -s "$q/list" ] || return 0
    classes=$(epubcheck_batch_classes)
    jar5=$(epubcheck5_jar)
    local jar
    for jar in "$EPUBCHECK4_JAR" ${jar5:+"$jar5"}; do
        if [ -n "$classes" ]; then
            run_epubcheck_batch "$jar" "$q/list" "$classes"
        else
            local copy orig
            while IFS=$'\t' read -r copy orig; do
                run_epubcheck "$jar" "$copy" "$orig"
            done <"$q/list"
        fi
    done
    [ -n "$jar5" ] || note "WARNING: epubcheck 5.1.0 not installed (run ./test.sh); only 4.2.6 checked"
    rm -rf "$q"
}

# oct_on_exit CMD: CMD runs when the script ends (before the EPUB checks).
OCT_EXIT_HOOKS=()
oct_on_exit() {
    OCT_EXIT_HOOKS+=("$1")
}

# The EXIT trap oct_setup sets: the hooks, then (when the script passed)
# the queued EPUB checks, whose failure fails the script.
oct_exit() {
    local rc=$? hook
    for hook in "${OCT_EXIT_HOOKS[@]}"; do
        "$hook" || true
    done
    [ "$rc" -eq 0 ] || exit "$rc"
    epub_checks_flush
}

# check_epub FILE: epubcheck 4.2.6 and 5.1.0, both when the script ends (a
# copy is queued: a later build may overwrite FILE), in one JVM each
# (starting one costs some 5 s); its links now.
check_epub() {
    [ -s "$1" ] || fail "no EPUB at $1"
    if [[ $(trap -p EXIT) != *oct_exit* ]]; then # no one would run the queue
        run_epubcheck "$EPUBCHECK4_JAR" "$1"
        local jar5
        jar5=$(epubcheck5_jar)
        [ -z "$jar5" ] || run_epubcheck "$jar5" "$1"
    else
        local q=$OCTAVO_TMP/.epubq n
        mkdir -p "$q"
        n=1
        [ ! -f "$q/list" ] || n=$(($(wc -l <"$q/list") + 1))
        cp "$1" "$q/$n.epub"
        printf '%s\t%s\n' "$q/$n.epub" "$1" >>"$q/list"
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
