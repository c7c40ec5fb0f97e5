// File: provider/compliance/check_ecs_task_definition.cc

#include "provider/compliance/findings.h"
#include "provider/compliance/functions.h"
#include "provider/compliance/task_definition_parameter.h"

namespace compliance {
namespace {

const cty::Type& ResultType() {
  static const cty::Type* type = new cty::Type(
      cty::Type::Object({{"compliant", cty::Type::Bool()}, {"findings", FindingListType()}}));
  return *type;
}

}  // namespace

CheckEcsTaskDefinition::CheckEcsTaskDefinition() {
  definition_.parameters = {TaskDefinitionParameter()};
  definition_.return_type = ResultType();
  definition_.summary = "Checks an ECS task definition and returns its findings";
  definition_.description =
      "Evaluates every control at its default level and returns `{compliant, findings}` with the "
      "same "
      "findings as the data source. The result is unknown while a relevant attribute is unknown "
      "and "
      "nothing known fails.";
}

void CheckEcsTaskDefinition::Call(const tf::CallFunctionRequest& request,
                                  tf::CallFunctionResponse* response) const {
  const cty::Value& argument = request.arguments.at(0);
  if (std::optional<std::string> error = TaskDefinitionShapeError(Name(), argument)) {
    response->error = tf::FunctionError{std::move(*error), 0};
    return;
  }
  const checks::Evaluation evaluation = EvaluateArgument(Name(), argument);
  // Both forms at once is a mistake in the call. Unreadable input is not:
  // it is a finding at level error on its attribute (the controls fail
  // closed on it), so the result is not compliant.
  for (const checks::InputProblem& p : evaluation.problems) {
    if (p.kind == checks::InputProblem::Kind::kConflictingForms) {
      response->error = tf::FunctionError{p.summary + ": " + p.detail, 0};
      return;
    }
  }
  if (ResultIsPending(evaluation)) {
    response->result = cty::Value::Unknown(ResultType(), /*refined_not_null=*/true);
    return;
  }
  response->result = cty::Value::Object({
      {"compliant", cty::Value::Bool(evaluation.compliant())},
      {"findings", FindingsValue(evaluation.findings)},
  });
}

}  // namespace compliance
