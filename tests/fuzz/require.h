// File: tests/fuzz/require.h
//
// What a fuzz target does when a promise breaks: say which, with the value
// that broke it, and abort so libFuzzer keeps the input as a crash.

#ifndef COMPLIANCECHECK_TESTS_FUZZ_REQUIRE_H_
#define COMPLIANCECHECK_TESTS_FUZZ_REQUIRE_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace fuzz {

[[noreturn]] inline void Fail(const char* what, std::string_view detail = "") {
  std::fprintf(stderr, "fuzz target: broken promise: %s: %.*s\n", what,
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void Require(bool ok, const char* what, std::string_view detail = "") {
  if (!ok) Fail(what, detail);
}

inline bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace fuzz

#endif  // COMPLIANCECHECK_TESTS_FUZZ_REQUIRE_H_
