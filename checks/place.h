// File: checks/place.h
//
// Where a value sits in the input, for findings and diagnostics.

#ifndef COMPLIANCECHECK_CHECKS_PLACE_H_
#define COMPLIANCECHECK_CHECKS_PLACE_H_

#include <string>

namespace checks {

// The top-level argument Terraform points at, and the argument plus the
// 0-based path inside its JSON, as users see it.
struct Place {
  std::string argument;   // "pid_mode", "task_definition_json"
  std::string attribute;  // "pid_mode", "task_definition_json.pidMode"
};

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_PLACE_H_
