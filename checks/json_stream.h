// File: checks/json_stream.h
//
// Streams JSON text through RapidJSON's SAX reader to a JsonVisitor,
// without building a document. The reader runs iteratively (its nesting is
// on the heap), and we stop it before it descends past limits.max_depth, so
// deep input costs neither stack nor much memory. Internal to checks/; callers use
// ScanJson.

#ifndef COMPLIANCECHECK_CHECKS_JSON_STREAM_H_
#define COMPLIANCECHECK_CHECKS_JSON_STREAM_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "checks/json_scan.h"

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
  std::size_t offset = 0;  // 0-based byte offset of a syntax error
  std::string message;     // kSyntax: what is wrong, ASCII, e.g. "unexpected end of input; expected
                           // ',' or ']'"
  absl::Status status;     // kStopped
};

// Reads `text` as strict RFC 8259 JSON (UTF-8, no comments, nothing after the
// value), calling `visitor` for each value. A UTF-8 byte order mark is an
// error (as in Go's encoding/json, which the AWS provider uses), and so are a
// raw NUL byte anywhere (RapidJSON would stop reading there), a \u escape of
// an unpaired UTF-16 surrogate (Go would read U+FFFD; we refuse, as before)
// and a number beyond a double's range. Does not check limits.max_bytes.
StreamResult StreamJson(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_JSON_STREAM_H_
