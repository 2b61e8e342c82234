#!/usr/bin/env bash
# Benchmark (not a test; ctest never times anything): how octavo's build
# time, CPU time and peak memory grow with the size of the notes, and how
# the time splits into phases (`octavo build --timings`).
#
#   tests/bench/run.sh [--runs N] [--scales "1 10 100"] [--keep DIR] [--baseline PROG]
#
# For each scale N it writes N renamed copies of content/django into a
# scratch directory: in copy k every "Django" becomes "Djangok", and
# "model"/"view" become "modelk"/"viewk" at the start of a word ("models" ->
# "model7s") or as a camel-case part ("ListView" -> "ListView7"), keeping
# the case, so the copies ask different questions and merging cannot fold
# them into one. A booklet.yaml per scale keeps the Django manifest's
# metadata and topics and lists every file. Then it runs `octavo build
# --timings` RUNS times per scale and prints one table of medians (wall,
# CPU = user + system, peak RSS from GNU time), octavo's own per-phase
# breakdown, and the study pass's share of the build time with a PASS/FAIL
# line against the bar of issue 7 (under 10 % at the largest scale).
# When pandoc is installed it also builds an EPUB of the same sources with
# it and prints the ratio; when typst is too, a PDF through `pandoc -t
# typst`. Nothing is installed: without GNU time (/usr/bin/time) CPU time
# comes from bash's `times` and peak RSS is not measured.
#
# --baseline PROG (or BENCH_BASELINE) times a second octavo, such as an
# older commit's build, side by side in the same run: its builds alternate
# with the program's on the same corpus, and a second table gives both
# medians and the speed-up (baseline time / program time). To compare with
# commit C:  git worktree add /tmp/base C && cmake -S /tmp/base -B
# /tmp/base/build -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/base/build
# then tests/bench/run.sh --runs 9 --baseline /tmp/base/build/octavo.
#
# Environment: OCTAVO (the program, default build/octavo; build it with
# -DCMAKE_BUILD_TYPE=Release for meaningful figures), BENCH_RUNS,
# BENCH_SCALES, BENCH_BASELINE, BENCH_TMP (scratch parent, default /tmp).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
runs=${BENCH_RUNS:-5}
scales=${BENCH_SCALES:-"1 10 100"}
keep=
baseline=${BENCH_BASELINE:-}
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --scales) scales=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [--runs N] [--scales \"1 10 100\"] [--keep DIR] [--baseline PROG]" >&2; exit 2 ;;
    esac
done
octavo=${OCTAVO:-$src/build/octavo}
[ -x "$octavo" ] || { echo "bench: no program at $octavo (build it first)" >&2; exit 2; }
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "bench: no baseline program at $baseline" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench: --runs needs a positive number" >&2; exit 2; }
seeds=$src/content/django
if [ -n "$keep" ]; then
    scratch=$keep
    mkdir -p "$scratch"
else
    scratch=$(mktemp -d "${BENCH_TMP:-/tmp}/octavo-bench.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT
fi
gnu_time=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    gnu_time=/usr/bin/time
fi

# make_corpus N DIR: N renamed copies of the seeds and their booklet.yaml.
make_corpus() {
    local n=$1 dir=$2 k f name
    rm -rf "$dir"
    mkdir -p "$dir"
    {
        sed -n '/^sources:/q; /^title:/d; p' "$seeds/booklet.yaml"
        echo "title: Django Interview Questions (${n}x)"
        echo "sources:"
        for ((k = 1; k <= n; k++)); do
            for f in "$seeds"/*.txt; do
                name=$(printf '%03d-%s' "$k" "$(basename "$f")")
                sed -E -e "s/(django)/\\1$k/gI" -e "s/\\b(model|view)/\\1$k/gI" \
                    -e "s/([a-z])(Model|View)/\\1\\2$k/g" "$f" >"$dir/$name"
                echo "  - file: $name"
            done
        done
        # what follows the sources (group_by, topics), comments included
        awk '/^sources:/ { s = 1; next } s && /^[^ -]/ { f = 1 } f' "$seeds/booklet.yaml"
    } >"$dir/booklet.yaml"
}

# median: the median of the numbers on stdin (mean of the middle two).
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (!NR) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# now_ms: the monotonic-enough wall clock in milliseconds.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# cpu_ms: user + system time of this shell's finished children, in ms.
cpu_ms() {
    times | awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/);
        printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }'
}

# run_once DIR OUT LOG [PROG RES]: one timed build of DIR by PROG (default
# octavo); appends "wall cpu rss" to RES (default $res), the phase lines
# to LOG.
run_once() {
    local dir=$1 out=$2 log=$3 prog=${4:-$octavo} into=${5:-$res} t0 t1 c0 c1 cpu rss=-
    rm -rf "$out"
    c0=$(cpu_ms)
    t0=$(now_ms)
    if [ -n "$gnu_time" ]; then
        "$gnu_time" -f '%U %S %M' -o "$out.time" "$prog" build "$dir" -o "$out" -q --timings \
            >/dev/null 2>"$log.run" || { cat "$log.run" >&2; return 1; }
    else
        "$prog" build "$dir" -o "$out" -q --timings >/dev/null 2>"$log.run" ||
            { cat "$log.run" >&2; return 1; }
    fi
    t1=$(now_ms)
    c1=$(cpu_ms)
    cpu=$((c1 - c0))
    if [ -n "$gnu_time" ]; then
        read -r u s rss <"$out.time"
        cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')
        rss=$((rss / 1024))
    fi
    echo "$((t1 - t0)) $cpu $rss" >>"$into"
    grep '^octavo: timing ' "$log.run" | grep -v ' phase ' >>"$log"
}

# peer_ms CMD...: median wall time of CMD over $runs runs (ms), "-" on failure.
peer_ms() {
    local i t0 all=
    for ((i = 0; i < runs; i++)); do
        t0=$(now_ms)
        "$@" >/dev/null 2>&1 || { echo -; return; }
        all+="$(($(now_ms) - t0))"$'\n'
    done
    printf '%s' "$all" | median
}

cores=$(nproc 2>/dev/null || echo "?")
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
build_type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$(dirname "$octavo")/CMakeCache.txt" 2>/dev/null || true)
echo "octavo benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $cores cores${cpu_model:+ ($cpu_model)},"
echo "  $("$octavo" --version)${build_type:+ ($build_type build)}, median of $runs run(s) per scale"
[ -z "$baseline" ] || echo "  baseline: $baseline ($("$baseline" --version)), its runs alternating with octavo's"
[ -n "$gnu_time" ] || echo "  GNU time (/usr/bin/time) is missing: CPU time from bash's times, peak RSS not measured"
[ "${build_type:-Release}" = Release ] || echo "  warning: not a Release build; figures are not comparable"

table=$scratch/table
phases=$scratch/phases
: >"$table"
: >"$phases"
: >"$scratch/sidebyside"
peers=
for n in $scales; do
    dir=$scratch/x$n
    make_corpus "$n" "$dir"
    json=$("$octavo" inspect --json "$dir" 2>/dev/null) || { echo "bench: inspect failed at ${n}x" >&2; exit 1; }
    questions=$(grep -o '"asked_in"' <<<"$json" | wc -l)
    clusters=$(grep -o '"members"' <<<"$json" | wc -l)
    res=$scratch/res-$n
    log=$scratch/log-$n
    : >"$res"
    : >"$log"
    : >"$res.base"
    for ((r = 0; r < runs; r++)); do
        run_once "$dir" "$scratch/out-$n" "$log" || { echo "bench: octavo build failed at ${n}x" >&2; exit 1; }
        [ -z "$baseline" ] || run_once "$dir" "$scratch/base-$n" "$scratch/baselog-$n" "$baseline" "$res.base" ||
            { echo "bench: baseline build failed at ${n}x" >&2; exit 1; }
    done
    if [ -n "$baseline" ]; then
        printf '%s %s %s %s %s %s %s\n' "${n}x" "$(awk '{ print $1 }' "$res" | median)" \
            "$(awk '{ print $1 }' "$res.base" | median)" "$(awk '{ print $2 }' "$res" | median)" \
            "$(awk '{ print $2 }' "$res.base" | median)" \
            "$(awk '{ print $3 }' "$res" | grep -v -- - | sort -n | tail -n 1)" \
            "$(awk '{ print $3 }' "$res.base" | grep -v -- - | sort -n | tail -n 1)" >>"$scratch/sidebyside"
    fi
    out=$scratch/out-$n
    wall=$(awk '{ print $1 }' "$res" | median)
    cpu=$(awk '{ print $2 }' "$res" | median)
    rss=$(awk '{ print $3 }' "$res" | grep -v -- - | sort -n | tail -n 1)
    kb=$(cat "$dir"/*.txt | wc -c)
    pdf=$(ls "$out"/*.pdf)
    epub=$(ls "$out"/*.epub)
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
    printf '%s %s %s %s %s %s %s %s %s %s %s\n' "${n}x" "$(ls "$dir"/*.txt | wc -l)" \
        "$(awk -v b="$kb" 'BEGIN { printf "%.2f", b / 1048576 }')" "$questions" "$clusters" \
        "$wall" "$cpu" "${rss:--}" "${pages:--}" \
        "$(awk -v b="$(wc -c <"$pdf")" 'BEGIN { printf "%.1f", b / 1048576 }')" \
        "$(awk -v b="$(wc -c <"$epub")" 'BEGIN { printf "%.1f", b / 1048576 }')" >>"$table"
    # per-phase medians of this scale, then the study share of each run
    for p in load decode parse study pdf pdf.layout pdf.shape pdf.write epub other total; do
        echo "$n $p $(awk -v p="$p" '$3 == p { print $4 }' "$log" | median)" >>"$phases"
    done
    echo "$n share $(awk '$3 == "study" { s[++i] = $4 } $3 == "total" { t[++j] = $4 }
        END { for (k = 1; k <= i; k++) printf "%.2f\n", 100 * s[k] / t[k] }' "$log" | median)" >>"$phases"
    if command -v pandoc >/dev/null; then
        ms=$(peer_ms pandoc -f markdown -t epub --metadata title=bench -o "$scratch/pandoc.epub" "$dir"/*.txt)
        peers+="${n}x: pandoc EPUB alone $ms ms ($(awk -v a="$ms" -v b="$wall" 'BEGIN { if (a + 0 > 0 && b > 0) printf "%s / octavo PDF+EPUB = %.1f", "time", a / b; else print "failed" }'))"$'\n'
        if command -v typst >/dev/null; then
            ms=$(peer_ms sh -c 'pandoc -f markdown -t typst -o "$1/in.typ" "$2"/*.txt && typst compile "$1/in.typ" "$1/typst.pdf"' sh "$scratch" "$dir")
            peers+="${n}x: pandoc -t typst + typst PDF $ms ms ($(awk -v a="$ms" -v b="$wall" 'BEGIN { if (a + 0 > 0 && b > 0) printf "%s / octavo PDF+EPUB = %.1f", "time", a / b; else print "failed" }'))"$'\n'
        fi
    fi
done

echo
printf '%-6s %6s %8s %9s %8s %9s %9s %9s %6s %7s %7s\n' scale files "text MB" questions clusters \
    "wall ms" "cpu ms" "peak MB" pages "PDF MB" "EPUB MB"
while read -r sc f mb q c w cp r pg pm em; do
    printf '%-6s %6s %8s %9s %8s %9s %9s %9s %6s %7s %7s\n' "$sc" "$f" "$mb" "$q" "$c" "$w" "$cp" "$r" \
        "$pg" "$pm" "$em"
done <"$table"

echo
echo "octavo --timings, median ms per phase (wall clock):"
printf "%-11s" phase
for n in $scales; do printf '%12s' "${n}x"; done
echo
for p in load decode parse study pdf pdf.layout pdf.shape pdf.write epub other total share; do
    printf '%-11s' "$([ $p = share ] && echo "study %" || echo $p)"
    for n in $scales; do printf '%12s' "$(awk -v n="$n" -v p="$p" '$1 == n && $2 == p { print $3 }' "$phases")"; done
    echo
done
[ -z "$peers" ] || { echo; echo "peers (median wall time, same sources):"; printf '%s' "$peers"; }
if [ -n "$baseline" ]; then
    echo
    echo "side by side with the baseline (medians of the same $runs alternating runs; speed-up = baseline / octavo):"
    printf '%-6s %11s %12s %9s %11s %12s %10s %11s\n' scale "octavo ms" "baseline ms" speed-up \
        "octavo cpu" "baseline cpu" "octavo MB" "baseline MB"
    while read -r sc w bw c bc m bm; do
        printf '%-6s %11s %12s %9s %11s %12s %10s %11s\n' "$sc" "$w" "$bw" \
            "$(awk -v a="$bw" -v b="$w" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')" \
            "$c" "$bc" "${m:--}" "${bm:--}"
    done <"$scratch/sidebyside"
fi

echo
last=${scales##* }
share=$(awk -v n="$last" '$1 == n && $2 == "share" { print $3 }' "$phases")
verdict=$(awk -v s="$share" 'BEGIN { print (s + 0 < 10) ? "PASS" : "FAIL" }')
echo "study share at ${last}x: $share % of the build ($verdict: the bar is under 10 %)"
