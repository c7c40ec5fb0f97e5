// File: checks/json_limits.cc

#include "checks/json_limits.h"

#include <algorithm>

#include "checks/concat.h"
#include "checks/json_stream.h"
#include "checks/text_quote.h"

namespace checks {
namespace {

// "expected ':' at line 2, column 7 (byte offset 19), after \"name\"": where
// a person can find it in an editor, with the text just before it.
std::string DescribeSyntaxError(std::string_view text, const StreamResult& result) {
  const std::size_t offset = std::min(result.offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n');
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t column =
      1 + offset - (line_start == std::string_view::npos ? 0 : line_start + 1);
  std::string out = Concat("is not valid JSON: ", result.message, " at line ", line, ", column ",
                           column, " (byte offset ", offset, ")");
  constexpr std::size_t kContext = 24;
  const std::size_t from = offset > kContext ? offset - kContext : 0;
  if (offset > from) {
    Append(out, ", after ", Quote(text.substr(from, offset - from)));
  }
  return out;
}

}  // namespace

std::string_view JsonKindName(JsonKind kind) {
  switch (kind) {
    case JsonKind::kNull:
      return "null";
    case JsonKind::kBoolean:
      return "a boolean";
    case JsonKind::kNumber:
      return "a number";
    case JsonKind::kString:
      return "a string";
    case JsonKind::kObject:
      return "an object";
    case JsonKind::kArray:
      return "an array";
  }
  return "a value";
}

absl::Status ScanJson(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return absl::InvalidArgumentError(Concat(
        "is ", text.size(), " bytes long, more than the limit of ", limits.max_bytes, " bytes"));
  }
  StreamResult result = StreamJson(text, visitor, limits);
  switch (result.kind) {
    case StreamResult::Kind::kOk:
      return absl::OkStatus();
    case StreamResult::Kind::kStopped:
      return result.status;
    case StreamResult::Kind::kTooDeep:
      return absl::InvalidArgumentError(
          Concat("nests arrays and objects deeper than ", limits.max_depth, " levels"));
    case StreamResult::Kind::kSyntax:
      return absl::InvalidArgumentError(DescribeSyntaxError(text, result));
  }
  return absl::InternalError("unreachable");
}

}  // namespace checks
