// File: checks/controls/os_family.h
//
// Which of the OS-specific user controls applies: runtime_platform's
// operating_system_family is LINUX (or not given: Linux is ECS's default) or
// one of the WINDOWS_ families.

#ifndef COMPLIANCECHECK_CHECKS_CONTROLS_OS_FAMILY_H_
#define COMPLIANCECHECK_CHECKS_CONTROLS_OS_FAMILY_H_

#include <optional>

#include "checks/controls/check.h"

namespace checks {

enum class OsFamily { kLinux, kWindows };

// nullopt when the task runs on `family` and the control applies; otherwise
// the outcome: pass (another OS family), unknown (not known yet), or a
// closed failure (an OS family ECS does not know, so neither control can
// say which applies).
std::optional<Outcome> OsFamilyOutcome(const TaskDefinition& definition, OsFamily family);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTROLS_OS_FAMILY_H_
