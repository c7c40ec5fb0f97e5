// File: provider/cty/json_tree.h
//
// Private to provider/cty: JSON text parsed into a small tree that keeps
// numbers as their source text (so big and precise numbers survive) and
// bounds nesting depth. Used for type JSON and for DynamicValue.json.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_JSON_TREE_H_
#define COMPLIANCECHECK_PROVIDER_CTY_JSON_TREE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/cty/msgpack.h"

namespace cty::internal {

// Deepest JSON nesting accepted. An object type costs two JSON levels per
// type level, so this leaves room for kMaxNestingDepth type levels.
inline constexpr int kMaxJsonDepth = 2 * kMaxNestingDepth + 2;

struct JsonNode {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  // A string's value, or a number's source text.
  std::string text;
  // Array elements, or object member values (keys[i] names items[i]).
  std::vector<JsonNode> items;
  std::vector<std::string> keys;

  // A short name for error messages: "array", "string", ...
  const char* KindName() const;
};

// Parses one JSON document (RFC 8259, UTF-8). Errors: InvalidArgument.
absl::StatusOr<JsonNode> ParseJsonTree(std::string_view text);

}  // namespace cty::internal

#endif  // COMPLIANCECHECK_PROVIDER_CTY_JSON_TREE_H_
