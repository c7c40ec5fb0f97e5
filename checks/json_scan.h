// File: checks/json_scan.h
//
// Reads untrusted JSON text (container_definitions, task_definition_json)
// without building a document: a streaming scan under a size and a nesting
// limit, checked before anything is entered, so a 100,000-deep or 1 GB input
// costs a bounded amount of memory and no stack. Callers see each value with
// the path of arrays and objects around it.

#ifndef COMPLIANCECHECK_CHECKS_JSON_SCAN_H_
#define COMPLIANCECHECK_CHECKS_JSON_SCAN_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace checks {

struct JsonLimits {
  std::size_t max_bytes = std::size_t{4} << 20;  // 4 MiB of JSON text
  std::size_t max_depth = 64;                    // nested arrays and objects
};

enum class JsonKind { kNull, kBoolean, kNumber, kString, kObject, kArray };
// "null", "a boolean", "a number", "a string", "an object", "an array":
// for messages such as "must be a string, but it is a number".
std::string_view JsonKindName(JsonKind kind);

// One array or object around the current value.
struct JsonFrame {
  bool is_array = false;
  std::size_t index = 0;  // arrays: index of the current element
  std::string key;        // objects: key of the current member
};

// Receives every value of a scan, before the contents of an array or object.
class JsonVisitor {
 public:
  virtual ~JsonVisitor() = default;
  // `path` holds the enclosing arrays and objects, outermost first; it is
  // empty for the root. `string_value` holds a kString's text, or "true" /
  // "false" for a kBoolean (empty otherwise), and lives
  // until the call returns. A non-OK status stops the scan and is returned
  // from ScanJson unchanged.
  virtual absl::Status OnValue(std::span<const JsonFrame> path, JsonKind kind,
                               std::string_view string_value) = 0;
};

// Why a scan stopped, for a message that is honest about it: a document too
// large or too deep to read is not "invalid JSON" (it may be valid).
enum class JsonScanError {
  kNone,
  kSyntax,    // not valid JSON
  kTooLarge,  // more than limits.max_bytes
  kTooDeep,   // nested deeper than limits.max_depth
  kStopped,   // the visitor returned a non-OK status
};

// The kind of a status ScanJson returned (kNone for OK).
JsonScanError ScanErrorOf(const absl::Status& status);

// Scans `text` as strict JSON (RFC 8259: UTF-8, no comments, no byte order
// mark, nothing after the value). Errors carry a message that completes a
// sentence starting with the argument's name and never quotes the text
// (it may hold a secret): "is not valid JSON: expected ',' or '}' at line 1,
// column 17 (byte offset 16)", "is 5000000 bytes long, more than the 4194304
// bytes this provider reads", "nests arrays and objects deeper than 64
// levels"; or the visitor's own status. ScanErrorOf tells them apart.
// Messages are valid UTF-8.
absl::Status ScanJson(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits = {});

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_JSON_SCAN_H_
