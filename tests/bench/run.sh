#!/usr/bin/env bash
# Benchmark (not a test): builds Release, then times `octavo build content`
# and a large synthetic booklet (the Django notes repeated REPEAT times):
# median wall time of RUNS runs (hyperfine when installed) and peak RSS.
#
#   tests/bench/run.sh [RUNS] [REPEAT]      defaults: 10 runs, 50 copies
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/tools/setup.sh

runs=${1:-10}
repeat=${2:-50}
install_packages "${BUILD_PACKAGES[@]}" time
CMAKE_TARGET=octavo cmake_build build Release
octavo=$PWD/build/octavo
scratch=$(mktemp -d /tmp/octavo-bench.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# The synthetic booklet: every Django source, REPEAT times, in one directory
# without a manifest (one booklet of its files in name order).
big=$scratch/big
mkdir -p "$big"
for i in $(seq -w 1 "$repeat"); do
    for f in content/django/*.txt; do
        cp "$f" "$big/$i-$(basename "$f")"
    done
done

# median_ms CMD...: median wall time of $runs runs, in milliseconds.
median_ms() {
    local i start end times=()
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 }
        END { print (NR % 2) ? t[(NR + 1) / 2] : int((t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}

bench() { # bench LABEL INPUT
    local label=$1 input=$2 out=$scratch/out-$1 rss
    "$octavo" build "$input" -o "$out" -q 2>/dev/null || {
        echo "octavo build $input failed" >&2
        exit 1
    }
    say "$label: $(du -sh "$input" | cut -f1) of sources → PDF $(du -h "$out"/*.pdf | cut -f1 | head -n 1), EPUB $(du -h "$out"/*.epub | cut -f1 | head -n 1)"
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs "$runs" --style basic \
            "$octavo build '$input' -o '$out' -q"
    else
        echo "median of $runs runs: $(median_ms "$octavo" build "$input" -o "$out" -q) ms"
    fi
    rss=$(/usr/bin/time -v "$octavo" build "$input" -o "$out" -q 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident set size/ { print $2 }')
    echo "peak RSS: $((rss / 1024)) MiB ($rss KiB)"
}

bench django content
bench "django x$repeat" "$big"
