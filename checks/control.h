// File: checks/control.h
//
// The catalog of controls: stable ids, titles, severities, default levels and
// mappings to other frameworks. A new control is one file in checks/controls/
// plus its entry in the catalog.

#ifndef COMPLIANCECHECK_CHECKS_CONTROL_H_
#define COMPLIANCECHECK_CHECKS_CONTROL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace checks {

enum class Severity { kLow, kMedium, kHigh };
// kOff: the control is not evaluated at all. kWaived: a waiver on the data
// source accepts the control's findings (never a setting: ParseLevel does
// not accept it).
enum class Level { kOff, kWarning, kError, kWaived };

std::string_view SeverityName(Severity s);  // "low" | "medium" | "high"
std::string_view LevelName(Level l);        // "off" | "warning" | "error" | "waived"
// "error" | "warning" | "off"; anything else (case-sensitive) is nullopt.
std::optional<Level> ParseLevel(std::string_view name);

struct Control {
  std::string id;     // e.g. "ecs_task_definition_no_host_pid_mode"
  std::string title;  // e.g. "ECS task definitions should not share the host's process namespace"
  // Diagnostic summary: the problem, with the Security Hub id where there is one,
  // e.g. "ECS task definition shares the host's process namespace (AWS Security Hub ECS.3)".
  std::string summary;
  // The summary when the value is not one the control knows ("HOST", a
  // number): it fails closed, but does not claim the namespace is shared.
  // Empty: `summary` serves.
  std::string invalid_value_summary;
  // "ECS.3"; empty when no Security Hub control maps to this one.
  std::string security_hub_id;
  // The control's documentation (the Security Hub control page); may be empty.
  std::string documentation_url;
  std::string rationale;    // why it matters, one or two sentences
  std::string remediation;  // how to fix it
  Severity severity = Severity::kMedium;
  Level default_level = Level::kWarning;
  std::vector<std::string> references;  // "AWS Security Hub ECS.3", "Checkov CKV_AWS_335", ...
};

// Every control, in a stable order (the order of PRODUCT.md).
const std::vector<Control>& Catalog();
// The control with this id, or nullptr.
const Control* FindControl(std::string_view id);
// "a, b and c": the valid ids, for messages.
std::string ControlIdList();

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTROL_H_
