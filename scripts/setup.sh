#!/usr/bin/env bash
# Installs the Debian packages the build and tests need, only those missing.
# Idempotent; both README commands run it first.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libssl-dev libgtest-dev nlohmann-json3-dev rapidjson-dev libmsgpack-cxx-dev
  clang libclang-rt-14-dev clang-format clang-tidy
  zip unzip gnupg openssl python3 procps
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v "${TERRAFORM:-terraform}" >/dev/null 2>&1; then
  echo "setup: Terraform >= 1.8 (or OpenTofu >= 1.7) must be on PATH, or set TERRAFORM" >&2
  exit 1
fi
