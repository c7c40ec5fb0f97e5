// File: checks/place.h
//
// Where a value sits in the input, for findings and diagnostics.

#ifndef COMPLIANCECHECK_CHECKS_PLACE_H_
#define COMPLIANCECHECK_CHECKS_PLACE_H_

#include <string>
#include <string_view>

namespace checks {

// The top-level argument Terraform points at, and the argument plus the
// 0-based path inside its JSON, as users see it. `argument` is one of the
// arguments' names, which are string literals: it never dangles, and the
// many places of one argument share it instead of each copying it.
struct Place {
  std::string_view argument;  // "pid_mode", "task_definition_json"
  std::string attribute;      // "pid_mode", "task_definition_json.pidMode"
};

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_PLACE_H_
