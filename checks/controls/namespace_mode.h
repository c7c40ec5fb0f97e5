// File: checks/controls/namespace_mode.h
//
// The rule shared by pid_mode and ipc_mode: "host" fails, the other valid
// values pass, anything else fails closed as invalid.

#ifndef COMPLIANCECHECK_CHECKS_CONTROLS_NAMESPACE_MODE_H_
#define COMPLIANCECHECK_CHECKS_CONTROLS_NAMESPACE_MODE_H_

#include <string_view>
#include <vector>

#include "checks/controls/check.h"

namespace checks {

struct NamespaceRule {
  std::string_view kind;            // "PID", "IPC"
  std::string_view namespace_name;  // "process namespace", "IPC namespace"
  // Case-sensitive, as AWS accepts them; "host" among them. "" is never
  // listed but passes: the AWS provider treats it as "not set".
  std::vector<std::string_view> valid_values;
};

Outcome CheckNamespaceMode(const TaskDefinition& definition, const NamespaceMode& mode,
                           const NamespaceRule& rule);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTROLS_NAMESPACE_MODE_H_
