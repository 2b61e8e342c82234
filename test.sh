#!/usr/bin/env bash
# Sets up a fresh Debian 12 (run as root) with the build and validator
# packages and epubcheck 5.1.0, then runs the whole suite in build/
# (Release) and the sanitizer suite (unit tests + the Django build) in
# build-asan/. Safe to re-run; ctest's summary is the last thing printed.
set -euo pipefail
cd "$(dirname "$0")"
. tests/tools/setup.sh

install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
install_epubcheck5 build/tools
install_epubcheck_batch build/tools
install_test_corpora build/tools
export OCTAVO_STRICT=1 # the tests may not skip a validator

# ctest, with its summary line moved after the "Total Test time" line.
run_ctest() {
    ctest --test-dir "$1" --output-on-failure --no-label-summary -j "$(nproc)" "${@:2}" |
        awk '/tests passed, .* tests failed out of/ { summary = $0; next }
             summary != "" && /^[[:space:]]*$/ { next }
             { print; fflush() }
             END { if (summary != "") print summary }'
}

cmake_build build Release
say "ctest (build/)"
run_ctest build

# libFuzzer (tests/fuzz): each target fuzzes for a few seconds, from its
# corpus, when clang is there (the corpus replays above run everywhere).
if command -v clang >/dev/null; then
    CC=clang CXX=clang++ CMAKE_TARGET=fuzzers cmake_build build-fuzz Debug -DOCTAVO_FUZZ=ON
    say "ctest -L smoke (build-fuzz/)"
    run_ctest build-fuzz -L smoke
fi

cmake_build build-asan Debug -DOCTAVO_SANITIZE=ON
say "ctest -L asan (build-asan/)"
run_ctest build-asan -L asan
