#!/usr/bin/env bash
# Style in check mode, as scripts/test.sh runs it:
#  - clang-format --dry-run -Werror on every tracked .cc and .h;
#  - every tracked .cc and .h opens with its `// File: <path>` line;
#  - clang-tidy (.clang-tidy's checks) on the production sources, with the
#    compile_commands.json of a clang build directory (the first argument,
#    default build-asan/, which scripts/test.sh has just built).
#
# clang-tidy spends 5 to 20 s of CPU per translation unit here, most of it in
# gRPC's and protobuf's headers. To fit the test command's budget on two
# cores it lints the TUs that do not include them: every library except the
# gRPC glue (provider/server/, and the provider/plugin/ files that include
# grpcpp), which still gets clang-format and the compiler's warnings.
# CC_LINT_ALL=1 lints every production TU (what to run before a release).
# Tests are not clang-tidied: gtest's macros trip half the checks.
#
#   CC_LINT_JOBS=N      clang-tidy processes at once (default: nproc)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-asan}
cd "$root"

status=0
# shellcheck disable=SC2046  # file names have no spaces
if ! clang-format --dry-run -Werror $(git ls-files '*.cc' '*.h'); then
  echo "lint: clang-format: the files above differ from .clang-format (run clang-format -i)"
  status=1
else
  echo "lint: clang-format: $(git ls-files '*.cc' '*.h' | wc -l) files clean"
fi

# STYLE.md: every file opens with its `// File: <path>` line.
headerless=$(git ls-files '*.cc' '*.h' | while read -r f; do
  [ "$(head -n1 "$f")" = "// File: $f" ] || echo "$f"
done)
if [ -n "$headerless" ]; then
  echo "lint: these files do not open with their \"// File: <path>\" line (STYLE.md):"
  echo "$headerless"
  status=1
else
  echo "lint: file headers: every file opens with its // File: line"
fi

if [ ! -f "$build/compile_commands.json" ]; then
  echo "lint: $build/compile_commands.json is missing: configure a clang build with" \
    "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON (scripts/test.sh does)" >&2
  exit 1
fi
sources=$(git ls-files 'provider/*.cc' 'checks/*.cc')
if [ "${CC_LINT_ALL:-0}" != 1 ]; then
  # Leaves out the TUs that include gRPC, directly or through our headers.
  sources=$(echo "$sources" | grep -v '^provider/server/' |
    xargs grep -L -E '#include [<"](grpcpp?/|tfplugin6|provider/server/|provider/plugin/(serve|controller|stdio)\.h)')
fi
count=$(echo "$sources" | wc -l)
start=$SECONDS
log=$(mktemp "${TMPDIR:-/tmp}/cc-tidy.XXXXXX")
trap 'rm -f "$log"' EXIT
# --quiet drops the "N warnings generated" lines of suppressed system-header
# warnings; what is left is ours, and WarningsAsErrors makes it fail.
if ! echo "$sources" | xargs -P "${CC_LINT_JOBS:-$(nproc)}" -n 4 \
  clang-tidy -p "$build" --quiet >"$log" 2>&1; then
  grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' "$log" || true
  echo "lint: clang-tidy: findings above ($count files, $((SECONDS - start)) s)"
  status=1
else
  echo "lint: clang-tidy: $count files clean ($((SECONDS - start)) s)"
fi
exit "$status"
