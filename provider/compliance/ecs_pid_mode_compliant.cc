// File: provider/compliance/ecs_pid_mode_compliant.cc

#include "checks/evaluation.h"
#include "provider/compliance/evaluate.h"
#include "provider/compliance/functions.h"

namespace compliance {

EcsPidModeCompliant::EcsPidModeCompliant() {
  tf::Parameter pid_mode;
  pid_mode.name = "pid_mode";
  pid_mode.type = cty::Type::String();
  pid_mode.allow_null = true;
  pid_mode.description = "The `pid_mode` of an ECS task definition; null when it is not set.";
  definition_.parameters = {pid_mode};
  definition_.return_type = cty::Type::Bool();
  definition_.summary =
      "Whether an ECS task definition's pid_mode keeps the host's process namespace private";
  definition_.description =
      "Returns `true` for null, `\"\"` and `\"task\"`; `false` for `\"host\"` and for any value "
      "ECS does "
      "not accept (the valid values are `host` and `task`, case-sensitive). AWS Security Hub "
      "ECS.3.";
}

void EcsPidModeCompliant::Call(const tf::CallFunctionRequest& request,
                               tf::CallFunctionResponse* response) const {
  const cty::Value& arg = request.arguments.at(0);
  // Terraform does not call with an unknown (allow_unknown is off), but a
  // value not known yet must never read as compliant, whoever sends it.
  if (arg.is_unknown()) {
    response->result = cty::Value::Unknown(cty::Type::Bool(), /*refined_not_null=*/true);
    return;
  }
  checks::Input input;
  input.pid_mode = arg.is_null() ? checks::Text::Null() : checks::Text::Known(arg.AsString());
  checks::Settings settings;
  settings.levels["ecs_task_definition_no_host_pid_mode"] = checks::Level::kError;
  const checks::Evaluation evaluation = EvaluateLogged(Name(), input, settings);
  bool pid_fails = false;
  for (const checks::ControlResult& r : evaluation.controls) {
    if (r.control->id == "ecs_task_definition_no_host_pid_mode")
      pid_fails = r.status == checks::Status::kFail;
  }
  response->result = cty::Value::Bool(!pid_fails);
}

}  // namespace compliance
