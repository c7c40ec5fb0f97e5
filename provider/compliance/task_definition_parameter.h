// File: provider/compliance/task_definition_parameter.h
//
// The `task_definition` parameter shared by check_ecs_task_definition and
// assert_ecs_task_definition, and the evaluation both run on it.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_PARAMETER_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_PARAMETER_H_

#include <string_view>

#include "checks/evaluation.h"
#include "provider/cty/value.h"
#include "provider/tf/function.h"

namespace compliance {

tf::Parameter TaskDefinitionParameter();

// Evaluates the argument at default levels (`function` names the caller in
// the trace log). Input-shape problems (both forms
// given, unreadable JSON) are returned in `problems`; unreadable JSON also
// shows as fail-closed findings in the evaluation.
checks::Evaluation EvaluateArgument(std::string_view function, const cty::Value& task_definition,
                                    std::vector<checks::InputProblem>* problems);

// True when the result must be unknown: something relevant is not known yet
// and nothing that is known fails.
bool ResultIsPending(const checks::Evaluation& evaluation);

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_TASK_DEFINITION_PARAMETER_H_
