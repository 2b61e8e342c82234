#!/usr/bin/env bash
# `octavo watch` in the background: an edit in place and an editor-style
# save (write a temporary file, rename it over the source) each rebuild
# the booklet with the change in it; a broken manifest fails the build and
# the last good outputs stay byte for byte; repairing it rebuilds; SIGTERM
# stops it cleanly (status 0, no temporary file left). A second watcher
# whose outputs go into the very directory it watches never rebuilds
# because of them, and picks up a new source file in that directory.
set -euo pipefail
. "$(dirname "$0")/../tools/lib.sh"
oct_setup pdftotext

book=$OCTAVO_TMP/astronomy
out=$OCTAVO_TMP/out
cp -r "$OCTAVO_SRC/tests/data/deps/astronomy" "$book"
log=$OCTAVO_TMP/watch.log
pids=()
stop_all() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
oct_on_exit stop_all

# wait_lines LOG PATTERN N: waits (up to 20 s) until LOG has N lines
# matching the extended regex PATTERN.
wait_lines() {
    local i n
    for ((i = 0; i < 200; i++)); do
        n=$(grep -Ecs -- "$2" "$1" || true) # the log may not exist yet
        [ "${n:-0}" -ge "$3" ] && return 0
        sleep 0.1
    done
    cat "$1" >&2
    fail "no $3 line(s) matching '$2' in $1 after 20 s"
}

pdf_has() {
    pdftotext "$out/astronomy.pdf" - 2>/dev/null | has -F -- "$1"
}

# wait_pdf TEXT: the PDF has TEXT within 20 s (a burst of events may give
# a rebuild before the one that carries the change).
wait_pdf() {
    local i
    for ((i = 0; i < 100; i++)); do
        pdf_has "$1" && return 0
        sleep 0.2
    done
    cat "$log" >&2
    fail "the rebuilt PDF never showed '$1'"
}

"$OCTAVO" watch -o "$out" "$book" >"$log" 2>"$OCTAVO_TMP/watch.err" &
pids+=($!)
wait_lines "$log" '^watch: built in [0-9]+ ms \(2 files written\)$' 1
wait_lines "$log" '^watch: watching [0-9]+ files in [0-9]+ directories' 1
pdf_has "Why is Mars red" || fail "first build lacks its text"

printf '\n## What is a comet?\n\nA loose ball of ice and dust with a glowing tail.\n' \
    >>"$book/planets.md"
wait_lines "$log" '^watch: rebuilt in [0-9]+ ms \(2 files written\) after a change to .*planets\.md' 1
wait_pdf "What is a comet?"
note "edit in place: $(grep -E '^watch: rebuilt' "$log" | tail -n 1)"

# Editor-style save: a temporary file renamed over the source.
sed 's/Iron oxide/Ferric oxide/' "$book/planets.md" >"$book/.planets.md.swp"
mv "$book/.planets.md.swp" "$book/planets.md"
wait_pdf "Ferric oxide"
note "save by rename: $(grep -E '^watch: rebuilt' "$log" | tail -n 1)"

# A picture is an input too.
sed -i 's/#ffd34d/#ff8800/' "$book/img/orbit.svg"
wait_lines "$log" 'after a change to .*orbit\.svg' 1

# A broken manifest: the build fails, the outputs stay as they were.
cp "$out/astronomy.pdf" "$OCTAVO_TMP/good.pdf"
cp "$out/astronomy.epub" "$OCTAVO_TMP/good.epub"
cp "$book/booklet.yaml" "$OCTAVO_TMP/booklet.yaml"
printf 'title: [Night Sky\nsources:\n  - stars.md\n' >"$book/booklet.yaml"
wait_lines "$log" '^watch: build failed \([0-9]+ errors?\) after a change to .*booklet\.yaml; kept the last good outputs$' 1
grep -q 'booklet.yaml:.*error:' "$OCTAVO_TMP/watch.err" || fail "no error message for the manifest"
cmp -s "$OCTAVO_TMP/good.pdf" "$out/astronomy.pdf" || fail "the failed build replaced the PDF"
cmp -s "$OCTAVO_TMP/good.epub" "$out/astronomy.epub" || fail "the failed build replaced the EPUB"
note "broken manifest: $(grep -E '^watch: build failed' "$log" | tail -n 1)"

cp "$OCTAVO_TMP/booklet.yaml" "$book/booklet.yaml"
n=$(grep -Ec '^watch: rebuilt' "$log")
wait_lines "$log" '^watch: rebuilt' $((n + 1))
wait_pdf "Ferric oxide"

kill -TERM "${pids[0]}"
rc=0
wait "${pids[0]}" || rc=$?
[ "$rc" -eq 0 ] || fail "watch exited $rc on SIGTERM"
[ "$(tail -n 1 "$log")" = "watch: stopped" ] || fail "no 'watch: stopped' line: $(tail -n 1 "$log")"
[ -z "$(find "$out" -name '*.tmp.*')" ] || fail "temporary files left: $(ls "$out")"

# Outputs written into the watched directory itself (a directory of loose
# notes), the Anki deck (*.anki.txt) and a depfile included, must not
# trigger rebuilds; a new note in it must. A note whose time is later than
# the first build's start (as if saved while it ran, before any watch
# existed) gives exactly one rebuild.
notes=$OCTAVO_TMP/notes
cp -r "$OCTAVO_SRC/tests/data/deps/kitchen notes" "$notes"
touch -d "@$(($(date +%s) + 3600))" "$notes/pain.md"
log2=$OCTAVO_TMP/watch2.log
"$OCTAVO" watch --lang fr -o "$notes" --format pdf,epub,anki --depfile "$notes/notes.d" "$notes" \
    >"$log2" 2>"$OCTAVO_TMP/watch2.err" &
pids+=($!)
wait_lines "$log2" '^watch: built in [0-9]+ ms \(3 files written\)' 1
wait_lines "$log2" '^watch: rebuilt in [0-9]+ ms \(3 files written\) after a change to .*pain\.md$' 1
sleep 1
[ "$(grep -c 'rebuilt' "$log2" || true)" -eq 1 ] || fail "writing the outputs triggered a rebuild:
$(cat "$log2")"
printf 'Q: Faut-il laver les bocaux ?\nA: Oui, à l'"'"'eau très chaude.\n' >"$notes/bocaux.txt"
wait_lines "$log2" '^watch: rebuilt in .* after a change to .*bocaux\.txt' 1
sleep 1 # the deck written now is read back as a note: it must not start a loop
[ "$(grep -c 'rebuilt' "$log2" || true)" -eq 2 ] || fail "one new note, more than one rebuild:
$(cat "$log2")"
pdftotext "$notes/notes.pdf" - 2>/dev/null | has -F "bocaux" ||
    fail "the new note is not in the booklet"
kill -INT "${pids[1]}"
rc=0
wait "${pids[1]}" || rc=$?
[ "$rc" -eq 0 ] || fail "watch exited $rc on SIGINT"
note "ok"
