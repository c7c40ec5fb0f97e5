#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UndefinedBehavior-
# Sanitizer) in build-fuzz/ and runs each for a bounded time, starting from a
# scratch copy of its seed corpus (tests/fuzz/corpus/<target without _fuzz>),
# so nothing new lands in the source tree. Exits non-zero when a target finds
# a crash, leak or timeout; the input is kept in build-fuzz/fuzz-artifacts/.
#
#   FUZZ_SECONDS=N      seconds per target (default 30); 0 replays each seed
#                       corpus once and stops (what scripts/test.sh runs)
#   FUZZ_TARGETS="a b"  only these targets (default: every cc_fuzz_target)
#   FUZZ_BUILD_DIR=DIR  build directory (default build-fuzz)
#   FUZZ_CC, FUZZ_CXX   the clang to use on a fresh build directory (clang, clang++)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-30}
fuzz_dir=$root/tests/fuzz

targets=${FUZZ_TARGETS:-$(sed -n 's/^cc_fuzz_target(\([A-Za-z0-9_]*\).*/\1/p' "$fuzz_dir/CMakeLists.txt")}
# shellcheck disable=SC2206  # target names are plain words
targets=($targets)
[ "${#targets[@]}" -gt 0 ] || { echo "fuzz.sh: no fuzz targets found" >&2; exit 1; }

# Tests must be on for tests/fuzz to be included, but only the fuzz targets
# are built: the unit tests under sanitizers are scripts/test.sh's business.
CC=${FUZZ_CC:-clang} CXX=${FUZZ_CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON -DCC_FUZZ=ON \
  -DCC_SANITIZE=address,undefined >/dev/null
build_log=$build/fuzz-build.log
start=$SECONDS
if ! cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  echo "fuzz.sh: build failed (full output: $build_log)" >&2
  exit 1
fi
echo "built ${#targets[@]} fuzz targets in $((SECONDS - start))s"

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts=$build/fuzz-artifacts
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

failed=()
for target in "${targets[@]}"; do
  seeds=$fuzz_dir/corpus/${target%_fuzz}
  dir=$work/$target
  mkdir -p "$dir/corpus"
  if [ -d "$seeds" ]; then cp -R "$seeds/." "$dir/corpus/"; fi
  log=$dir/log
  start=$SECONDS
  rc=0
  if [ "$seconds" -eq 0 ]; then limit=(-runs=0); else limit=(-max_total_time="$seconds"); fi
  (cd "$dir" && "$build/tests/fuzz/$target" "${limit[@]}" -rss_limit_mb=2048 \
     -timeout=10 -print_final_stats=1 -artifact_prefix="$dir/" corpus >"$log" 2>&1) || rc=$?
  shopt -s nullglob
  found=("$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-* "$dir"/slow-unit-*)
  shopt -u nullglob
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)' "$log" | tail -n 1 | sed -E 's/^#[0-9]+[[:space:]]+//')
  printf '%-36s %4ss  %s runs  %s\n' "$target" "$((SECONDS - start))" "${runs:-?}" "${cov:-}"
  if [ "$rc" -ne 0 ] || [ "${#found[@]}" -gt 0 ]; then
    failed+=("$target")
    echo "--- $target failed (exit $rc); end of its output:"
    grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|RELOAD)' "$log" | tail -n 60
    mkdir -p "$artifacts"
    for f in "${found[@]}"; do
      cp "$f" "$artifacts/$target-$(basename "$f")"
      echo "--- input saved as $artifacts/$target-$(basename "$f"); hex:"
      od -An -tx1 -v "$f" | tr -d ' \n' | head -c 2048
      echo
    done
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
if [ "$seconds" -eq 0 ]; then
  echo "fuzz.sh: ${#targets[@]} targets replayed their corpora: no crash, leak or timeout"
else
  echo "fuzz.sh: ${#targets[@]} targets, ${seconds}s each, no crash, leak or timeout"
fi
