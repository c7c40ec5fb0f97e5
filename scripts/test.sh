#!/usr/bin/env bash
# Runs every test: unit and integration under AddressSanitizer +
# UndefinedBehaviorSanitizer; the concurrency test under ThreadSanitizer; the
# libFuzzer targets for a bounded time; then unit, integration and end-to-end
# (the real terraform) in a normal build. The normal build's ctest runs last,
# so its summary closes the output.
#
#   CC_TEST_QUICK=1     only the normal build (for local iteration)
#   FUZZ_SECONDS=N      seconds per fuzz target (default 30)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
jobs=$(nproc)
# A run that finds no tests has proved nothing.
ctest_run() { ctest --no-tests=error --output-on-failure -j "$jobs" "$@"; }

# Each stage's header says how long the run has taken so far: the whole
# command must stay under 30 minutes on the CI machine.
stage() { printf '\n=== %s (at %d s) ===\n' "$*" "$SECONDS"; }

if [ "${CC_TEST_QUICK:-0}" != 1 ]; then
  # Only what this stage runs: the provider and the unit and integration
  # tests (the end-to-end ones run in the normal build).
  stage "AddressSanitizer + UndefinedBehaviorSanitizer: unit and integration tests"
  asan_targets=$(cd "$root/tests" && ls unit/*_test.cc integration/*_test.cc | xargs -n1 basename | sed 's/\.cc$//')
  BUILD_DIR="$root/build-asan" \
    BUILD_TARGETS="terraform-provider-compliancecheck $(echo $asan_targets)" \
    "$root/scripts/build.sh" -DCC_BUILD_TESTS=ON -DCC_SANITIZE=address,undefined
  # No leak suppressions: every leak report fails the stage. (OpenSSL's
  # per-thread state, once reported at provider exit, was gRPC's threads
  # still ending during exit; plugin::Serve now waits for them.)
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest_run --test-dir "$root/build-asan" -L 'unit|integration'

  # The handlers under load from 16 threads, called directly: gRPC and
  # abseil come from Debian uninstrumented, so TSan cannot see their locking
  # and would report every request handed between gRPC's threads. A report
  # makes the test binary exit 66.
  stage "ThreadSanitizer: the concurrency test"
  BUILD_DIR="$root/build-tsan" BUILD_TARGETS=server_concurrency_test \
    "$root/scripts/build.sh" -DCC_BUILD_TESTS=ON -DCC_SANITIZE=thread
  TSAN_OPTIONS="exitcode=66 second_deadlock_stack=1" \
    ctest_run --test-dir "$root/build-tsan" -L unit -R '^unit\.ServerConcurrency\.'

  stage "libFuzzer targets, ${FUZZ_SECONDS:-30} s each"
  "$root/scripts/fuzz.sh"
fi

stage "Unit, integration and end-to-end tests"
"$root/scripts/build.sh" -DCC_BUILD_TESTS=ON
ctest_run --test-dir "$root/build"
