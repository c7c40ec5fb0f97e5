#include "absl/strings/str_cat.h"
#include "provider/compliance/functions.h"
#include "provider/compliance/task_definition_parameter.h"

namespace compliance {

AssertEcsTaskDefinition::AssertEcsTaskDefinition() {
  definition_.parameters = {TaskDefinitionParameter()};
  definition_.return_type = cty::Type::Bool();
  definition_.summary = "Fails when an ECS task definition has an error-level finding";
  definition_.description =
      "Returns `true` when no finding is at level `error` (warnings do not block, as in plan). "
      "Otherwise fails with an error on its argument that lists each error-level control and "
      "attribute, so `terraform plan` stops with \"Invalid function argument\" at the call.";
}

void AssertEcsTaskDefinition::Call(const tf::CallFunctionRequest& request,
                                   tf::CallFunctionResponse* response) const {
  std::vector<checks::InputProblem> problems;
  const checks::Evaluation evaluation =
      EvaluateArgument(Name(), request.arguments.at(0), &problems);
  std::string text;
  // Unreadable JSON is not listed here: the controls fail closed on it, and
  // it blocks when that failure is at level error, like any finding.
  for (const checks::InputProblem& p : problems) {
    if (p.kind != checks::InputProblem::Kind::kConflictingForms) continue;
    absl::StrAppend(&text, text.empty() ? "" : "; ", p.argument, ": ", p.summary);
  }
  for (const checks::Finding& f : evaluation.findings) {
    if (f.level != checks::Level::kError) continue;
    absl::StrAppend(&text, text.empty() ? "" : "; ", f.control_id, " at ", f.attribute, ": ",
                    f.summary);
  }
  if (!text.empty()) {
    response->error = tf::FunctionError{std::move(text), 0};
    return;
  }
  // Nothing known blocks; an unknown attribute still might.
  if (evaluation.has_unknown()) {
    response->result = cty::Value::Unknown(cty::Type::Bool(), /*refined_not_null=*/true);
    return;
  }
  response->result = cty::Value::Bool(true);
}

}  // namespace compliance
