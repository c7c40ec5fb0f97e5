#!/usr/bin/env bash
# Writes the release set of PRODUCT.md "Distribution" into dist/ (or --out):
#   terraform-provider-compliancecheck_VERSION_linux_amd64.zip
#       terraform-provider-compliancecheck_vVERSION (fully static, stripped) and LICENSE
#   terraform-provider-compliancecheck_VERSION_manifest.json
#   terraform-provider-compliancecheck_VERSION_SHA256SUMS   (the zip and the manifest)
#   terraform-provider-compliancecheck_VERSION_SHA256SUMS.sig  when GPG_FINGERPRINT names a key
#
#   scripts/release.sh [--binary FILE] [--out DIR] VERSION
#     VERSION        must be the project version in CMakeLists.txt (no leading v)
#     --binary FILE  package this provider binary instead of building one
#                    (a Release build in build-release/, or $BUILD_DIR)
#     --out DIR      write the set there instead of dist/
#   SOURCE_DATE_EPOCH  the files' time inside the zip (default: the last commit's)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=terraform-provider-compliancecheck
die() { echo "release: $*" >&2; exit 1; }

binary="" out="$root/dist" version=""
while [ $# -gt 0 ]; do
  case $1 in
    --binary) [ $# -ge 2 ] || die "--binary needs a file"; binary=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a directory"; out=$2; shift 2 ;;
    -*) die "unknown option $1 (usage: scripts/release.sh [--binary FILE] [--out DIR] VERSION)" ;;
    *) [ -z "$version" ] || die "one VERSION only"; version=$1; shift ;;
  esac
done
[ -n "$version" ] || die "usage: scripts/release.sh [--binary FILE] [--out DIR] VERSION"

# CMake's project version is the one source of truth.
project_version=$(sed -n 's/^project(compliancecheck VERSION \([0-9][0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ -n "$project_version" ] || die "no project(compliancecheck VERSION x.y.z) in CMakeLists.txt"
if [ "$version" != "$project_version" ]; then
  die "VERSION $version is not the project version $project_version (CMakeLists.txt); bump project() first"
fi

if [ -z "$binary" ]; then
  build=${BUILD_DIR:-$root/build-release}
  BUILD_DIR=$build BUILD_TARGETS=$name "$root/scripts/build.sh" \
    -DCMAKE_BUILD_TYPE=Release -DCC_BUILD_TESTS=OFF -DCC_STATIC=ON
  binary=$build/provider/$name
fi
[ -x "$binary" ] || die "no provider binary at $binary"

# Only a fully static x86-64 binary runs wherever users install it.
headers=$(readelf --file-header --program-headers "$binary" 2>/dev/null) || die "$binary is not an ELF file"
grep -q 'Machine:.*X86-64' <<<"$headers" || die "$binary is not an x86-64 binary"
if grep -qE '^ *(INTERP|DYNAMIC) ' <<<"$headers"; then
  die "$binary is dynamically linked; build with -DCC_STATIC=ON (the default outside sanitizer builds)"
fi
reported=$("$binary" -version) || die "$binary -version failed"
case $reported in
  "compliancecheck $version" | "compliancecheck $version "*) ;;
  *) die "$binary reports '$reported', not version $version" ;;
esac

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
strip --strip-all -o "$stage/${name}_v$version" "$binary"
cp "$root/LICENSE" "$stage/LICENSE"
chmod 0755 "$stage/${name}_v$version"
chmod 0644 "$stage/LICENSE"
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}
touch -d "@$epoch" "$stage/${name}_v$version" "$stage/LICENSE"

mkdir -p "$out"
zip_name=${name}_${version}_linux_amd64.zip
manifest=${name}_${version}_manifest.json
sums=${name}_${version}_SHA256SUMS
rm -f "$out/$zip_name" "$out/$manifest" "$out/$sums" "$out/$sums.sig"
(cd "$stage" && TZ=UTC zip -q -X "$stage/$zip_name" "${name}_v$version" LICENSE)
mv "$stage/$zip_name" "$out/$zip_name"
printf '%s\n' '{"version":1,"metadata":{"protocol_versions":["6.0"]}}' >"$out/$manifest"
(cd "$out" && sha256sum "$zip_name" "$manifest" >"$sums")

if [ -n "${GPG_FINGERPRINT:-}" ]; then
  gpg --batch --yes --local-user "$GPG_FINGERPRINT" --detach-sign \
    --output "$out/$sums.sig" "$out/$sums" || die "signing with key $GPG_FINGERPRINT failed"
fi

echo "release: wrote $version to $out:" >&2
(cd "$out" && ls -1 "$zip_name" "$manifest" "$sums" ${GPG_FINGERPRINT:+"$sums.sig"}) >&2
