// File: checks/controls/check.h
//
// The common shape of a control's logic: a pure function from the task
// definition to a verdict and the places that fail. Levels, enforcement and
// the catalog's texts are applied by Evaluate, not here.

#ifndef COMPLIANCECHECK_CHECKS_CONTROLS_CHECK_H_
#define COMPLIANCECHECK_CHECKS_CONTROLS_CHECK_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/evaluation.h"
#include "checks/task_definition.h"

namespace checks {

// One failing place and what is wrong there.
struct Violation {
  Place place;
  std::string message;  // sentences; starts with the attribute
  // The value is invalid (not a verdict on a valid one): the finding takes
  // the control's invalid_value_summary.
  bool invalid_value = false;
  // The input could not be read at all, so the control fails closed without
  // a verdict: the finding says it cannot be verified.
  bool unverifiable = false;
  // The diagnostic summary, when this violation needs its own (a near-miss
  // key rather than a misplaced namespace mode); empty: the control's.
  std::string summary = {};
};

// kPass and kUnknown carry no violations; kFail carries at least one.
struct Outcome {
  Status status = Status::kPass;
  std::vector<Violation> violations;

  static Outcome Pass() { return {}; }
  static Outcome Unknown() { return {Status::kUnknown, {}}; }
  void Fail(Violation violation) {
    status = Status::kFail;
    violations.push_back(std::move(violation));
  }
};

using CheckFunction = Outcome (*)(const TaskDefinition&);

// When a task_definition_json document is unknown or unreadable, every
// control is unknown or fails closed the same way; nullopt otherwise.
// `cannot_verify` completes "so ... cannot be verified", e.g. "the task's PID
// mode".
std::optional<Outcome> DocumentOutcome(const TaskDefinition& definition,
                                       std::string_view cannot_verify);

// One function per control, in checks/controls/<control>.cc.
Outcome CheckNoHostPidMode(const TaskDefinition& definition);
Outcome CheckNoHostIpcMode(const TaskDefinition& definition);
Outcome CheckMisplacedKey(const TaskDefinition& definition);
Outcome CheckNoPrivileged(const TaskDefinition& definition);
Outcome CheckNoEnvironmentSecrets(const TaskDefinition& definition);
Outcome CheckReadonlyRootFilesystem(const TaskDefinition& definition);
Outcome CheckLoggingConfigured(const TaskDefinition& definition);
Outcome CheckNoHostNetworkMode(const TaskDefinition& definition);
Outcome CheckLinuxUserNonRoot(const TaskDefinition& definition);
Outcome CheckWindowsUserNonAdmin(const TaskDefinition& definition);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTROLS_CHECK_H_
