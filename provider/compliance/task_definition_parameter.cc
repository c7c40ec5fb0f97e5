#include "provider/compliance/task_definition_parameter.h"

#include <algorithm>

#include "provider/compliance/evaluate.h"
#include "provider/compliance/task_definition_input.h"

namespace compliance {

tf::Parameter TaskDefinitionParameter() {
  tf::Parameter p;
  p.name = "task_definition";
  p.type = cty::Type::Dynamic();
  p.allow_null = false;
  p.allow_unknown = true;
  p.description =
      "An object or map with any of the data source's argument names (`pid_mode`, `ipc_mode`, "
      "`network_mode`, `requires_compatibilities`, `container_definitions`, "
      "`task_definition_json`, "
      "`family`): for example `self` in a postcondition of `aws_ecs_task_definition`, the resource "
      "itself, or a literal object. Other attributes are ignored; values may be unknown.";
  return p;
}

checks::Evaluation EvaluateArgument(std::string_view function, const cty::Value& task_definition,
                                    std::vector<checks::InputProblem>* problems) {
  const checks::Input input = ReadTaskDefinitionInput(task_definition);
  *problems = checks::ValidateInputForms(input);
  return Evaluate(function, input, checks::Settings{});
}

bool ResultIsPending(const checks::Evaluation& evaluation) {
  const bool something_fails =
      std::any_of(evaluation.controls.begin(), evaluation.controls.end(),
                  [](const checks::ControlResult& r) { return r.status == checks::Status::kFail; });
  return evaluation.has_unknown() && !something_fails;
}

}  // namespace compliance
