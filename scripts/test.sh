#!/usr/bin/env bash
# Runs every test, each where it means most, compiling the tree three times:
#
#  1. AddressSanitizer + UndefinedBehaviorSanitizer, built with clang
#     (build-asan/): the unit and integration tests, and every libFuzzer
#     target replaying its seed corpus (the fuzz targets share the build:
#     the libraries they fuzz carry coverage instrumentation, harmless to the
#     tests). Timed fuzzing is scripts/fuzz.sh's business.
#  2. ThreadSanitizer (build-tsan/): the concurrency test only.
#  3. The normal build (build/): the end-to-end tests with the real
#     terraform, and the soak test (its memory bound is meaningless under
#     AddressSanitizer's quarantine), against the provider users get.
#  4. Style: clang-format and clang-tidy in check mode (scripts/lint.sh),
#     while stage 3's tests run.
#
# Unit and integration tests run once, under the sanitizers; the normal
# build compiles only what stage 3 runs. The normal build's ctest runs last,
# so its summary closes the output.
#
#   CC_TEST_QUICK=1     only the normal build, all of its tests (for local
#                       iteration; no sanitizers, no lint)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
jobs=$(nproc)
# A run that finds no tests has proved nothing.
ctest_run() { ctest --no-tests=error --output-on-failure -j "$jobs" "$@"; }

# Each stage's header says how long the run has taken so far (the whole
# command must stay under 12 minutes on a 2-core machine), then the CPU time
# used so far: this shell's, then its children's (the builds and tests),
# which unlike the clock does not depend on what else the machine runs.
stage() {
  printf '\n=== %s (at %d s) ===\n' "$*" "$SECONDS"
  times
}

if [ "${CC_TEST_QUICK:-0}" = 1 ]; then
  stage "Normal build: unit, integration, soak and end-to-end tests"
  "$root/scripts/build.sh" -DCC_BUILD_TESTS=ON
  ctest_run --test-dir "$root/build"
  exit 0
fi

stage "AddressSanitizer + UndefinedBehaviorSanitizer (clang): unit and integration tests"
unit_targets=$(cd "$root/tests/unit" && ls ./*_test.cc | sed -E 's#^\./([a-z]+)_.*#unit_\1_test#' | sort -u)
fuzz_targets=$(sed -n 's/^cc_fuzz_target(\([A-Za-z0-9_]*\).*/\1/p' "$root/tests/fuzz/CMakeLists.txt")
CC=${FUZZ_CC:-clang} CXX=${FUZZ_CXX:-clang++} BUILD_DIR="$root/build-asan" \
  BUILD_TARGETS="$(echo terraform-provider-compliancecheck terraform-provider-ccfaulty \
    unit_server_concurrency_test integration_test $unit_targets $fuzz_targets)" \
  "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON -DCC_FUZZ=ON \
  -DCC_SANITIZE=address,undefined \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
# No leak suppressions: every leak report fails the stage. (OpenSSL's
# per-thread state, once reported at provider exit, was gRPC's threads
# still ending during exit; plugin::Serve now waits for them.)
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest_run --test-dir "$root/build-asan" -L 'unit|integration'

stage "libFuzzer targets (the AddressSanitizer build): each replays its corpus"
FUZZ_BUILD_DIR="$root/build-asan" FUZZ_SECONDS=0 "$root/scripts/fuzz.sh"

# The handlers under load from 16 threads, called directly: gRPC and
# abseil come from Debian uninstrumented, so TSan cannot see their locking
# and would report every request handed between gRPC's threads. A report
# makes the test binary exit 66.
stage "ThreadSanitizer: the concurrency test"
BUILD_DIR="$root/build-tsan" BUILD_TARGETS=unit_server_concurrency_test \
  "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON \
  -DCC_SANITIZE=thread
TSAN_OPTIONS="exitcode=66 second_deadlock_stack=1" \
  ctest_run --test-dir "$root/build-tsan" -L unit -R '^unit\.ServerConcurrency'

stage "Normal build: the provider, the end-to-end and soak tests"
BUILD_TARGETS="terraform-provider-compliancecheck e2e_test integration_soak_test" \
  "$root/scripts/build.sh" -DCC_BUILD_TESTS=ON

# The style check runs while the tests below mostly wait on terraform and
# the provider. Both outputs are kept and shown in order, the tests' last.
logs=$(mktemp -d "${TMPDIR:-/tmp}/cc-test.XXXXXX")
trap 'rm -rf "$logs"' EXIT
"$root/scripts/lint.sh" "$root/build-asan" >"$logs/lint" 2>&1 &
lint_pid=$!
tests_rc=0
ctest_run --test-dir "$root/build" -L 'e2e|soak' >"$logs/tests" 2>&1 || tests_rc=$?
lint_rc=0
wait "$lint_pid" || lint_rc=$?

stage "Style: clang-format and clang-tidy in check mode"
cat "$logs/lint"
[ "$lint_rc" -eq 0 ] || echo "test.sh: FAILED: the style check (above)"
stage "End-to-end (real terraform) and soak tests, normal build"
cat "$logs/tests"
[ "$lint_rc" -eq 0 ] && [ "$tests_rc" -eq 0 ]
