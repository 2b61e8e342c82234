#!/usr/bin/env bash
# Sets up a fresh Debian 12 (run as root), builds build/octavo (Release) and
# the default booklet: out/django.pdf and out/django.epub. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")"
. tests/tools/setup.sh

install_packages "${BUILD_PACKAGES[@]}"
CMAKE_TARGET=octavo cmake_build build Release
say "build/octavo build content -o out"
build/octavo build content -o out
ls -l out/django.pdf out/django.epub
