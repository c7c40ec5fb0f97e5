// File: checks/json_stream.h
//
// A strict, validating JSON reader that calls a JsonVisitor without building
// a document or copying strings it does not have to. It exists for speed:
// nlohmann's lexer reads about 90 MB/s, too slow for DESIGN.md §5 (50,000
// task definitions per second with 4 KB of container JSON each). Internal to
// checks/; callers use ScanJson. Unit tests compare its verdicts with
// nlohmann::json::accept on many inputs.

#ifndef COMPLIANCECHECK_CHECKS_JSON_STREAM_H_
#define COMPLIANCECHECK_CHECKS_JSON_STREAM_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "checks/json_limits.h"

namespace checks {

// What StreamJson found.
struct StreamResult {
  enum class Kind {
    kOk,
    kSyntax,   // not valid JSON: `message` and `offset` say where
    kTooDeep,  // nesting beyond limits.max_depth
    kStopped,  // the visitor returned `status`
  };
  Kind kind = Kind::kOk;
  std::size_t offset = 0;    // 0-based byte offset of a syntax error
  std::string_view message;  // kSyntax: static text, e.g. "expected ':'"
  absl::Status status;       // kStopped
};

// Reads `text` as RFC 8259 JSON (UTF-8, no comments, nothing after the value)
// with the same verdicts as nlohmann::json::accept (except that a UTF-8 byte
// order mark is an error, as in Go's encoding/json, which the AWS provider
// uses), calling `visitor` for each value. Does not check limits.max_bytes.
StreamResult StreamJson(std::string_view text, JsonVisitor& visitor,
                        const JsonLimits& limits);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_JSON_STREAM_H_
