// File: checks/read_problem.cc

#include "checks/read_problem.h"

#include "checks/concat.h"
#include "checks/json_scan.h"

namespace checks {

ReadProblem ScanProblem(const Place& place, const absl::Status& status, std::string_view where) {
  ReadProblem problem{.kind = ReadProblem::Kind::kInvalidJson, .place = place, .message = {}};
  switch (ScanErrorOf(status)) {
    case JsonScanError::kTooLarge:
      problem.kind = ReadProblem::Kind::kTooLarge;
      break;
    case JsonScanError::kTooDeep:
      problem.kind = ReadProblem::Kind::kTooDeep;
      break;
    case JsonScanError::kStopped:
      problem.kind = ReadProblem::Kind::kWrongShape;
      break;
    case JsonScanError::kNone:
    case JsonScanError::kSyntax:
      problem.kind = ReadProblem::Kind::kInvalidJson;
      break;
  }
  problem.message = Concat(place.attribute, " ", status.message());
  if (problem.kind == ReadProblem::Kind::kInvalidJson && !where.empty()) {
    Append(problem.message, ", inside ", where);
  }
  problem.message += '.';
  return problem;
}

ReadProblem NotAString(const Place& place, std::string_view what) {
  return ReadProblem{
      .kind = ReadProblem::Kind::kNotString,
      .place = place,
      .message = Concat(place.attribute, " must be a string, but it is ", what, ".")};
}

}  // namespace checks
