// File: checks/controls/container_rule.h
//
// The mechanism shared by the controls that judge each container: the
// document and the container list may be unknown (every such control is
// unknown) or unreadable (every one fails closed); otherwise a rule looks at
// one container at a time.

#ifndef COMPLIANCECHECK_CHECKS_CONTROLS_CONTAINER_RULE_H_
#define COMPLIANCECHECK_CHECKS_CONTROLS_CONTAINER_RULE_H_

#include <functional>
#include <string_view>

#include "checks/container.h"
#include "checks/controls/check.h"

namespace checks {

// Adds each violation of `container` to `outcome`.
using ContainerRule = std::function<void(const Container& container, Outcome& outcome)>;

// Runs `rule` over every container. `cannot_verify` completes "So ... cannot
// be verified." when the containers cannot be read.
Outcome CheckEachContainer(const TaskDefinition& definition, std::string_view cannot_verify,
                           const ContainerRule& rule);

// "container_definitions[1].privileged must be true or false, but it is a
// string.": a value of the wrong kind, which the AWS provider cannot decode
// either; the control fails closed on it.
Violation WrongKind(const ContainerKey& key, std::string_view expected);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_CONTROLS_CONTAINER_RULE_H_
