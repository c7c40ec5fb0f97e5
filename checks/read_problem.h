// File: checks/read_problem.h
//
// ReadProblems made from what went wrong while reading a value: a scan that
// stopped (invalid, too large, too deep) or a value of the wrong kind.
// Internal to checks/.

#ifndef COMPLIANCECHECK_CHECKS_READ_PROBLEM_H_
#define COMPLIANCECHECK_CHECKS_READ_PROBLEM_H_

#include <string_view>

#include "absl/status/status.h"
#include "checks/task_definition.h"

namespace checks {

// `status` is a failed ScanJson of the value at `place`; `where`, when not
// empty, names the spot inside it ("container_definitions[2]") and is added
// to syntax errors.
ReadProblem ScanProblem(const Place& place, const absl::Status& status,
                        std::string_view where = {});

// The value at `place` is `what` ("a number") where a string belongs.
ReadProblem NotAString(const Place& place, std::string_view what);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_READ_PROBLEM_H_
