// File: provider/compliance/task_definition_parameter.h
//
// The `task_definition` parameter shared by check_ecs_task_definition and
// assert_ecs_task_definition: its definition, the shape it must have, and
// the evaluation both run on it.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_PARAMETER_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_PARAMETER_H_

#include <optional>
#include <string>
#include <string_view>

#include "checks/evaluation.h"
#include "provider/cty/value.h"
#include "provider/tf/function.h"

namespace compliance {

tf::Parameter TaskDefinitionParameter();

// Fail closed on shape: nullopt when `value` is an object or a map
// holding at least one attribute the functions read, or is not known yet.
// Otherwise the text of a function error on argument 0 that says what was
// given (a string, a tuple of 2 elements, an object without those
// attributes: what `count` and `for_each` resources are) and what to write
// instead, naming `function` in the example. Never quotes a value.
std::optional<std::string> TaskDefinitionShapeError(std::string_view function,
                                                    const cty::Value& value);

// Evaluates the argument at default levels (`function` names the caller in
// the trace log). Input problems (both forms given, unreadable JSON, a value
// of the wrong kind) are in the evaluation's `problems`, and the findings on
// their argument are at level error.
checks::Evaluation EvaluateArgument(std::string_view function, const cty::Value& task_definition);

// True when the result must be unknown: something relevant is not known yet
// and nothing that is known fails.
bool ResultIsPending(const checks::Evaluation& evaluation);

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_PARAMETER_H_
