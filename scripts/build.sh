#!/usr/bin/env bash
# Configures and builds into build/ (or $BUILD_DIR). Extra args go to cmake.
#   BUILD_TARGETS="a b"  only these targets (default: all)
# Release by default: the demo and the end-to-end tests run the provider as
# users get it (-O3, no debug info, which also halves the static link);
# pass -DCMAKE_BUILD_TYPE=RelWithDebInfo for a binary to debug.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
# shellcheck disable=SC2086  # target names are plain words
cmake --build "$build" -j "$(nproc)" ${BUILD_TARGETS:+--target $BUILD_TARGETS}
