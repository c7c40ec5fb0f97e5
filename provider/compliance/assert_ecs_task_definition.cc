// File: provider/compliance/assert_ecs_task_definition.cc

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/compliance/functions.h"
#include "provider/compliance/task_definition_parameter.h"
#include "provider/text/string_view.h"

namespace compliance {
namespace {

// One line per input problem, then per error-level finding elsewhere, each
// with the fix: "pid_mode: ECS task definition shares the host's process
// namespace (AWS Security Hub ECS.3). Fix: omit pid_mode or set it to ...".
// Findings on an argument with a problem only repeat it, so they are left
// out. Terraform prints the text after "Invalid value for ... parameter: ".
std::string BlockingText(const checks::Evaluation& evaluation) {
  std::set<std::string> troubled;
  std::vector<std::string> lines;
  for (const checks::InputProblem& p : evaluation.problems) {
    troubled.insert(p.argument);
    lines.push_back(absl::StrCat(p.argument, ": ", p.summary, ". ", p.detail));
  }
  for (const checks::Finding& f : evaluation.findings) {
    if (f.level != checks::Level::kError || troubled.count(f.argument) > 0) continue;
    lines.push_back(absl::StrCat(f.attribute, ": ", f.summary, " [", text::AbslView(f.control_id),
                                 "]. Fix: ", text::AbslView(f.remediation)));
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace

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
  const cty::Value& argument = request.arguments.at(0);
  if (std::optional<std::string> error = TaskDefinitionShapeError(Name(), argument)) {
    response->error = tf::FunctionError{std::move(*error), 0};
    return;
  }
  const checks::Evaluation evaluation = EvaluateArgument(Name(), argument);
  if (evaluation.has_error()) {
    response->error = tf::FunctionError{BlockingText(evaluation), 0};
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
