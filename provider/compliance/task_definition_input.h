// File: provider/compliance/task_definition_input.h
//
// Turns a Terraform value holding task definition arguments (the data
// source's configuration, `self` of an aws_ecs_task_definition, a literal
// object or a map) into the checks' plain input. Attributes it does not know
// are ignored; a value of the wrong kind becomes a malformed input, which the
// checks report as a finding on that attribute.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_INPUT_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_INPUT_H_

#include "checks/input.h"
#include "provider/cty/value.h"

namespace compliance {

// `value` may be null or unknown as a whole (every argument is then null or
// unknown likewise).
checks::Input ReadTaskDefinitionInput(const cty::Value& value);

// True for the attribute names ReadTaskDefinitionInput reads.
bool IsTaskDefinitionAttribute(std::string_view name);

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_INPUT_H_
