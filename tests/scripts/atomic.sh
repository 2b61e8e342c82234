#!/usr/bin/env bash
# Failed builds leave no trace: after a good build, a build that fails (bad
# manifest, missing source, output that cannot be written) leaves no temp or
# half-written file behind and the previous good outputs intact; a booklet's
# outputs are replaced all together or not at all.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup sha256sum qpdf

cd "$OCTAVO_TMP"
mkdir bk
printf '# Atomic notes\n\nWhat is atomicity?\n\nAll or nothing.\n' >bk/a.md
printf 'More text in a second file.\n' >bk/b.md
good_manifest() {
    printf 'title: Atomic\nsources:\n  - a.md\n  - b.md\n' >bk/booklet.yaml
}

# snapshot: every file below the scratch dir (but our logs) with its hash.
snapshot() {
    find . -path ./logs -prune -o -type f -print0 | sort -z | xargs -0 sha256sum
}

# fails_cleanly WHAT WANT ARGS...: the build exits with WANT and changes
# no file at all.
fails_cleanly() {
    local what=$1 want=$2 before after
    shift 2
    before=$(snapshot)
    run_octavo logs/last.err "$@"
    [[ "$RC" =~ ^($want)$ ]] || fail "$what: exit $RC, expected $want"
    grep -Eq "$DIAG_RE" logs/last.err || fail "$what: no diagnostic on stderr"
    after=$(snapshot)
    if [ "$before" != "$after" ]; then
        diff <(echo "$before") <(echo "$after") >&2 || true
        fail "$what: files changed by a failed build"
    fi
    note "$what: exit $RC, nothing changed"
}

mkdir logs
good_manifest
build_ok logs/good.err build bk -o out
[ -s out/bk.pdf ] && [ -s out/bk.epub ] || fail "good build wrote: $(ls out)"

printf 'title: Atomic\nsources:\n  - a.md\n  - b.md\nbogus-key: 1\n' >bk/booklet.yaml
fails_cleanly "bad manifest" 1 build bk -o out
printf 'title: Atomic\nsources:\n  - a.md\n  - gone.md\n' >bk/booklet.yaml
fails_cleanly "missing source" 1 build bk -o out
good_manifest

# An output directory that cannot be written is an I/O error: exit 3, one
# [write-failed] error naming it, nothing rendered. Tests may run as root,
# for whom chmod stops nothing, so the unwritable places are a path below
# a regular file, a regular file, and /proc (no one creates files there).
unwritable() { # unwritable WHAT DIR MESSAGE
    fails_cleanly "$1" 3 build bk -o "$2"
    grep -Fq "$2: error: $3" logs/last.err || fail "$1: no clear message: $(cat logs/last.err)"
    [ "$(grep -c '\[write-failed\]' logs/last.err)" = 1 ] || fail "$1: expected one [write-failed]"
    ! grep -q '\[pdf-\|\[epub-' logs/last.err || fail "$1: rendered before finding out"
}
touch plainfile
unwritable "output below a file" plainfile/out "cannot create output directory: Not a directory"
unwritable "output is a file" plainfile "output directory is not a directory"
unwritable "output in /proc" /proc/octavo-atomic-test "cannot create output directory"
unwritable "output is /proc" /proc "cannot write in output directory"

if [ "$(id -u)" != 0 ]; then
    chmod a-w out
    unwritable "read-only output directory" out "cannot write in output directory: Permission denied"
    chmod u+w out
fi

# The EPUB's place is taken by a directory: that output cannot be replaced.
# Whatever the build managed to write must be whole; nothing else may appear.
# Outputs are committed all or nothing, so the PDF is not replaced either.
mv out/bk.epub saved.epub
mkdir out/bk.epub
touch out/bk.epub/keep
sha256sum out/bk.pdf >pdf.sum
printf 'Changed text, so a new PDF would differ.\n' >>bk/b.md
run_octavo logs/dir.err build bk -o out
[ "$RC" = 3 ] || fail "EPUB path is a directory: exit $RC, expected 3"
extra=$(find out -type f ! -name bk.pdf ! -path out/bk.epub/keep)
[ -z "$extra" ] || fail "temp or partial files left behind: $extra"
[ -f out/bk.epub/keep ] || fail "the directory in the EPUB's place was touched"
sha256sum -c --quiet pdf.sum || fail "the good PDF was replaced by a build that failed"
qpdf --check out/bk.pdf >/dev/null || fail "out/bk.pdf is not a whole PDF after a failed build"
note "unwritable EPUB: exit $RC, no partial files, previous PDF kept"

# And the next good build repairs everything.
rm -r out/bk.epub
build_ok logs/again.err build bk -o out
[ -s out/bk.epub ] || fail "rebuild did not write the EPUB"
note "a good build afterwards writes both again"
