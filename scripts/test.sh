#!/usr/bin/env bash
# Runs every test, each where it means most, compiling the tree three times:
#
#  1. AddressSanitizer + UndefinedBehaviorSanitizer, built with clang
#     (build-asan/): the unit and integration tests, and every libFuzzer
#     target replaying its seed corpus (the fuzz targets share the build:
#     the libraries they fuzz carry coverage instrumentation, harmless to the
#     tests). Timed fuzzing is scripts/fuzz.sh's business.
#  2. The normal build (build/; clang, as every build here): the
#     end-to-end tests with the real terraform, and the soak test (its
#     memory bound is meaningless under AddressSanitizer's quarantine),
#     against the provider users get.
#  3. ThreadSanitizer (build-tsan/): the concurrency test only.
#  4. Style: clang-format and clang-tidy in check mode (scripts/lint.sh).
#
# Unit and integration tests run once, under the sanitizers; the normal
# build compiles only what stage 2 runs. On two cores the builds are most of
# the time, and the tests leave CPUs idle while they wait on processes and
# sockets. So one build runs in front and the next in the background at low
# priority (nice), taking only the CPU the stage in front leaves over:
#   normal build                     | AddressSanitizer build (background)
#   end-to-end and soak tests        | AddressSanitizer build (background)
#   AddressSanitizer build, fuzz replay
#   unit and integration tests       | ThreadSanitizer stage, style (background)
# Background output is shown whole once it has ended; the end-to-end tests'
# output comes last, so their summary closes the output.
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
# used so far: this shell's, then its finished children's (the builds and
# tests), which unlike the clock does not depend on what else the machine
# runs.
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

logs=$(mktemp -d "${TMPDIR:-/tmp}/cc-test.XXXXXX")
background=()
kill_tree() {  # kill_tree PID: the process and everything it started
  local child
  for child in $(pgrep -P "$1" || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${background[@]}"; do kill_tree "$pid"; done
  wait 2>/dev/null || true
  rm -rf "$logs"
}
trap cleanup EXIT

# in_background NAME COMMAND...: runs COMMAND (a program or one of the
# functions below) at low priority, its output in $logs/NAME and its exit
# status in $logs/NAME.rc when it ends.
in_background() {
  local name=$1
  shift
  (
    renice -n 15 -p "$BASHPID" >/dev/null
    rc=0
    "$@" >"$logs/$name" 2>&1 || rc=$?
    echo "$rc" >"$logs/$name.rc"
  ) &
  background+=("$!")
}
# finish NAME TITLE: waits for a background job, shows its output under a
# stage header, and fails the run if it failed.
finish() {
  while [ ! -f "$logs/$1.rc" ]; do sleep 1; done
  stage "$2"
  cat "$logs/$1"
  if [ "$(cat "$logs/$1.rc")" != 0 ]; then
    echo "test.sh: FAILED: $2"
    return 1
  fi
}

# The handlers under load from 16 threads, called directly: gRPC and
# abseil come from Debian uninstrumented, so TSan cannot see their locking
# and would report every request handed between gRPC's threads. A report
# makes the test binary exit 66. -O1, as ThreadSanitizer's documentation
# suggests.
tsan_stage() {
  BUILD_DIR="$root/build-tsan" BUILD_TARGETS=unit_server_concurrency_test \
    "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" -DCC_SANITIZE=thread
  TSAN_OPTIONS="exitcode=66 second_deadlock_stack=1" \
    ctest_run --test-dir "$root/build-tsan" -L unit -R '^unit\.ServerConcurrency'
}
asan_build() {
  local unit_targets fuzz_targets
  unit_targets=$(cd "$root/tests/unit" && ls ./*_test.cc | sed -E 's#^\./([a-z]+)_.*#unit_\1_test#' | sort -u)
  fuzz_targets=$(sed -n 's/^cc_fuzz_target(\([A-Za-z0-9_]*\).*/\1/p' "$root/tests/fuzz/CMakeLists.txt")
  CC=${FUZZ_CC:-clang} CXX=${FUZZ_CXX:-clang++} BUILD_DIR="$root/build-asan" \
    BUILD_TARGETS="$(echo terraform-provider-compliancecheck terraform-provider-ccfaulty \
      unit_server_concurrency_test integration_test $unit_targets $fuzz_targets)" \
    "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON -DCC_FUZZ=ON \
    -DCC_SANITIZE=address,undefined \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
}
in_background asan asan_build

stage "Normal build: the provider, the end-to-end and soak tests"
BUILD_TARGETS="terraform-provider-compliancecheck e2e_test integration_soak_test" \
  "$root/scripts/build.sh" -DCC_BUILD_TESTS=ON
tests_rc=0
ctest_run --test-dir "$root/build" -L 'e2e|soak' >"$logs/tests" 2>&1 || tests_rc=$?

failed=0
finish asan "AddressSanitizer + UndefinedBehaviorSanitizer (clang): build" || exit 1

stage "libFuzzer targets (the AddressSanitizer build): each replays its corpus"
FUZZ_BUILD_DIR="$root/build-asan" FUZZ_SECONDS=0 "$root/scripts/fuzz.sh"

in_background tsan tsan_stage
# The style check needs the clang build's compile commands and generated
# headers, both there now.
in_background lint "$root/scripts/lint.sh" "$root/build-asan"

stage "AddressSanitizer + UndefinedBehaviorSanitizer: unit and integration tests"
# No leak suppressions: every leak report fails the stage. (OpenSSL's
# per-thread state, once reported at provider exit, was gRPC's threads
# still ending during exit; plugin::Serve now waits for them.)
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest_run --test-dir "$root/build-asan" -L 'unit|integration' || failed=1

finish tsan "ThreadSanitizer: the concurrency test" || failed=1
finish lint "Style: clang-format and clang-tidy in check mode" || failed=1
stage "End-to-end (real terraform) and soak tests, normal build"
cat "$logs/tests"
[ "$tests_rc" -eq 0 ] || echo "test.sh: FAILED: the end-to-end and soak tests (above)"
[ "$failed" -eq 0 ] && [ "$tests_rc" -eq 0 ]
