// File: provider/build_info.h
//
// What this binary is: the release version (CMake's project version, the one
// source of truth) and the git commit it was built from. Defined in a source
// file that cmake/BuildInfo.cmake writes at build time, linked into the
// provider binary only.

#ifndef COMPLIANCECHECK_PROVIDER_BUILD_INFO_H_
#define COMPLIANCECHECK_PROVIDER_BUILD_INFO_H_

#include <string>
#include <string_view>

namespace build_info {

// "0.2.0".
std::string_view Version();

// The commit's first 12 hex digits, with "-dirty" when tracked files had
// uncommitted changes; empty when not built from a git checkout.
std::string_view Commit();

// What -version prints: "compliancecheck 0.2.0", then " (commit abc...)"
// when Commit() is not empty.
inline std::string VersionLine() {
  std::string line = "compliancecheck ";
  line += Version();
  if (!Commit().empty()) {
    line += " (commit ";
    line += Commit();
    line += ")";
  }
  return line;
}

}  // namespace build_info

#endif  // COMPLIANCECHECK_PROVIDER_BUILD_INFO_H_
