// File: checks/json_scan.cc

#include "checks/json_scan.h"

#include <algorithm>

#include "checks/concat.h"
#include "checks/json_stream.h"

namespace checks {
namespace {

// "expected ':' at line 2, column 7 (byte offset 19)": where a person can
// find it in an editor. The text around it is not shown: it may be a secret.
std::string DescribeSyntaxError(std::string_view text, const StreamResult& result) {
  const std::size_t offset = std::min(result.offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n');
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t column =
      1 + offset - (line_start == std::string_view::npos ? 0 : line_start + 1);
  return Concat("is not valid JSON: ", result.message, " at line ", line, ", column ", column,
                " (byte offset ", offset, ")");
}

// The status codes that carry ScanJson's own errors; a visitor's status
// with one of them is turned into InvalidArgument, so the kinds stay apart.
constexpr absl::StatusCode kSyntaxCode = absl::StatusCode::kDataLoss;
constexpr absl::StatusCode kTooLargeCode = absl::StatusCode::kOutOfRange;
constexpr absl::StatusCode kTooDeepCode = absl::StatusCode::kResourceExhausted;

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

JsonScanError ScanErrorOf(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return JsonScanError::kNone;
    case kSyntaxCode:
      return JsonScanError::kSyntax;
    case kTooLargeCode:
      return JsonScanError::kTooLarge;
    case kTooDeepCode:
      return JsonScanError::kTooDeep;
    default:
      return JsonScanError::kStopped;
  }
}

absl::Status ScanJson(std::string_view text, JsonVisitor& visitor, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return absl::Status(kTooLargeCode, Concat("is ", text.size(), " bytes long, more than the ",
                                              limits.max_bytes, " bytes this provider reads"));
  }
  StreamResult result = StreamJson(text, visitor, limits);
  switch (result.kind) {
    case StreamResult::Kind::kOk:
      return absl::OkStatus();
    case StreamResult::Kind::kStopped:
      // A visitor must not borrow our codes, or its stop would read as ours.
      if (ScanErrorOf(result.status) != JsonScanError::kStopped) {
        return absl::InvalidArgumentError(result.status.message());
      }
      return result.status;
    case StreamResult::Kind::kTooDeep:
      return absl::Status(kTooDeepCode, Concat("nests arrays and objects deeper than ",
                                               limits.max_depth, " levels"));
    case StreamResult::Kind::kSyntax:
      return absl::Status(kSyntaxCode, DescribeSyntaxError(text, result));
  }
  return absl::InternalError("unreachable");
}

}  // namespace checks
