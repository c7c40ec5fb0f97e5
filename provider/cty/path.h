// File: provider/cty/path.h
//
// Private to provider/cty: the attribute path a decoder is at, rendered the
// way users write it (`findings[2].message`, `tags["x"]`), to prefix errors.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_PATH_H_
#define COMPLIANCECHECK_PROVIDER_CTY_PATH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace cty::internal {

// `s` with bytes that are not UTF-8 replaced by U+FFFD (provider/text/utf8.h)
// and control characters written as \xNN: error text quotes names from
// untrusted input, a diagnostic must be valid UTF-8 to cross gRPC, and a
// terminal must not act on it.
std::string SafeText(std::string_view s);

// An error status with its message passed through SafeText; OK unchanged.
absl::Status Sanitized(const absl::Status& status);

// Steps refer to names owned elsewhere (the type, or the input bytes); a
// DecodePath lives only as long as one decode call.
class DecodePath {
 public:
  void PushAttr(std::string_view name) { steps_.push_back({Step::kAttr, name, 0}); }
  void PushKey(std::string_view key) { steps_.push_back({Step::kKey, key, 0}); }
  void PushIndex(size_t i) { steps_.push_back({Step::kIndex, {}, i}); }
  void Pop() { steps_.pop_back(); }

  std::string ToString() const;
  // InvalidArgument "<path>: <message>", or just <message> at the root.
  absl::Status Error(std::string_view message) const;

 private:
  struct Step {
    enum Kind { kAttr, kKey, kIndex } kind;
    std::string_view name;
    size_t index;
  };
  std::vector<Step> steps_;
};

// Pushes a step for the lifetime of the scope.
class PathStep {
 public:
  PathStep(DecodePath* path, std::string_view attr) : path_(path) { path_->PushAttr(attr); }
  PathStep(DecodePath* path, size_t index) : path_(path) { path_->PushIndex(index); }
  static PathStep Key(DecodePath* path, std::string_view key) { return PathStep(path, key, 0); }
  ~PathStep() { path_->Pop(); }
  PathStep(const PathStep&) = delete;
  PathStep& operator=(const PathStep&) = delete;

 private:
  PathStep(DecodePath* path, std::string_view key, int) : path_(path) { path_->PushKey(key); }
  DecodePath* path_;
};

}  // namespace cty::internal

#endif  // COMPLIANCECHECK_PROVIDER_CTY_PATH_H_
