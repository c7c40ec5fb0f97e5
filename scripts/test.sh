#!/usr/bin/env bash
# Runs every test: unit, integration and end-to-end (the real terraform) in a
# normal build; unit and integration again under AddressSanitizer +
# UndefinedBehaviorSanitizer; the libFuzzer targets for a bounded time. The
# normal build's ctest runs last, so its summary closes the output.
#
#   CC_TEST_QUICK=1     only the normal build (for local iteration)
#   FUZZ_SECONDS=N      seconds per fuzz target (default 30)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
jobs=$(nproc)

stage() { printf '\n=== %s ===\n' "$*"; }

if [ "${CC_TEST_QUICK:-0}" != 1 ]; then
  stage "AddressSanitizer + UndefinedBehaviorSanitizer: unit and integration tests"
  BUILD_DIR="$root/build-asan" "$root/scripts/build.sh" -DCC_SANITIZE=address,undefined
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$root/build-asan" -L 'unit|integration' --output-on-failure -j "$jobs"

  stage "libFuzzer targets, ${FUZZ_SECONDS:-30} s each"
  "$root/scripts/fuzz.sh"
fi

stage "Unit, integration and end-to-end tests"
"$root/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"
