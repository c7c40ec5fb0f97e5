#!/usr/bin/env bash
# The product's main job: builds the provider and runs a real `terraform plan`
# on a compliant and a non-compliant task definition. Succeeds when the first
# plan passes and the second fails at pid_mode with AWS Security Hub ECS.3.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" || exit 1
# Only the provider: the build directory keeps its tests for scripts/test.sh.
build_log=$(mktemp)
if ! BUILD_TARGETS=terraform-provider-compliancecheck "$root/scripts/build.sh" >"$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  echo "demo: build failed" >&2
  exit 1
fi
rm -f "$build_log"
# shellcheck source=tf-dev-env.sh
. "$root/scripts/tf-dev-env.sh"
cc_tf_dev_env "${BUILD_DIR:-$root/build}/provider"
tf=${TERRAFORM:-terraform}
work=$(mktemp -d)
trap 'rm -rf "$work" "$CC_TF_HOME"' EXIT

plan() {  # plan DIR: copies the example and plans it; prints the output
  local name=$1
  cp -r "$root/examples/demo/$name" "$work/$name"
  echo "================================================================"
  echo "\$ terraform plan    # examples/demo/$name"
  echo "================================================================"
  (cd "$work/$name" && "$tf" plan -input=false -no-color 2>&1)
}

plan compliant; ok_status=$?
echo; echo "exit code: $ok_status"; echo
plan noncompliant; bad_status=$?
echo; echo "exit code: $bad_status"; echo

if [ "$ok_status" -eq 0 ] && [ "$bad_status" -eq 1 ]; then
  echo "demo: the compliant plan passed and the non-compliant plan failed, as it should."
  exit 0
fi
echo "demo: unexpected result (compliant: $ok_status, expected 0; non-compliant: $bad_status, expected 1)" >&2
exit 1
