// File: provider/compliance/ecs_task_definition_data_source.cc

#include "provider/compliance/ecs_task_definition_data_source.h"

#include "provider/compliance/evaluate.h"
#include "provider/compliance/findings.h"
#include "provider/compliance/task_definition_input.h"
#include "provider/compliance/waivers.h"

namespace compliance {
namespace {

tf::Attribute Optional(std::string name, cty::Type type, std::string description) {
  tf::Attribute a{std::move(name), std::move(type), std::move(description)};
  a.optional = true;
  return a;
}

tf::Attribute Computed(std::string name, cty::Type type, std::string description) {
  tf::Attribute a{std::move(name), std::move(type), std::move(description)};
  a.computed = true;
  return a;
}

tf::Schema MakeSchema() {
  const cty::Type s = cty::Type::String();
  tf::Schema schema;
  schema.block.description =
      "Checks an ECS task definition against the compliancecheck controls and fails `terraform "
      "plan` "
      "at the offending argument when a control at level `error` fails (for example `pid_mode = "
      "\"host\"`, AWS Security Hub ECS.3). Arguments are named as on `aws_ecs_task_definition`.";
  schema.block.attributes = {
      Optional("family", s, "The task definition family; used in messages and `report_json`."),
      Optional("pid_mode", s,
               "As on `aws_ecs_task_definition`: the task's process namespace. `\"host\"` fails "
               "`ecs_task_definition_no_host_pid_mode`; null, `\"\"` and `\"task\"` pass; any "
               "other value "
               "is invalid and fails too."),
      Optional(
          "ipc_mode", s,
          "As on `aws_ecs_task_definition`: the task's IPC namespace (`host`, `task` or `none`). "
          "`\"host\"` fails `ecs_task_definition_no_host_ipc_mode`."),
      Optional("network_mode", s,
               "As on `aws_ecs_task_definition`: `bridge`, `host`, `awsvpc` or `none`. `\"host\"` "
               "fails `ecs_task_definition_no_host_network_mode` (AWS Security Hub ECS.17)."),
      Optional(
          "requires_compatibilities", cty::Type::Set(s),
          "As on `aws_ecs_task_definition`; with `FARGATE` the finding notes that Fargate rejects "
          "host PID mode at registration."),
      Optional(
          "container_definitions", s,
          "As on `aws_ecs_task_definition`: the container definitions JSON document (a JSON array "
          "of container objects), e.g. from `jsonencode`."),
      Optional(
          "task_definition_json", s,
          "Instead of `pid_mode` ... `container_definitions`: a DescribeTaskDefinition or "
          "RegisterTaskDefinition JSON document (camelCase, with or without the `taskDefinition` "
          "wrapper), for audit evidence. Giving both forms is an error."),
      Optional("enforcement", s,
               "Overrides the provider's `enforcement` for this data source: `\"error\"` or "
               "`\"warning\"` (advisory: every error becomes a warning)."),
      Optional("waivers", WaiverListType(),
               "Controls this data source accepts failing, each with a `reason` and an optional "
               "`expires` (RFC 3339 date or timestamp; a date waives through that day, UTC). A "
               "waived control's findings have level `waived`, print nothing and block nothing; "
               "after `expires` the waiver is ignored with a warning, and they block again."),
      Computed("compliant", cty::Type::Bool(),
               "True only when there is no finding at all (any level)."),
      Computed(
          "findings", FindingListType(),
          "One per failing control and place: `control_id`, `title`, `severity`, `level` (`error` "
          "or `warning` after enforcement), `attribute` (the argument plus the 0-based path inside "
          "its JSON), `message`, `remediation`, `references`."),
      Computed("report_json", s,
               "A JSON report for CI tools: `family`, `compliant`, `controls` (`id`, `status` = "
               "`pass`|`fail`|`unknown`|`off`, `level`) and `findings`."),
  };
  tf::NestedBlock runtime_platform{
      .type_name = "runtime_platform", .block = {}, .min_items = 0, .max_items = 1};
  runtime_platform.block.description =
      "As on `aws_ecs_task_definition`. `operating_system_family` chooses the user control: "
      "`LINUX` (or none) `ecs_container_linux_user_non_root`, a `WINDOWS_` family "
      "`ecs_container_windows_user_non_admin`.";
  runtime_platform.block.attributes = {
      Optional("operating_system_family", s, "As on `aws_ecs_task_definition`."),
      Optional("cpu_architecture", s, "As on `aws_ecs_task_definition`; not judged."),
  };
  schema.block.block_types = {std::move(runtime_platform)};
  return schema;
}

}  // namespace

EcsTaskDefinitionDataSource::EcsTaskDefinitionDataSource(const SettingsStore& settings)
    : settings_(settings), schema_(MakeSchema()) {}

checks::Evaluation EcsTaskDefinitionDataSource::Assess(const cty::Value& config,
                                                       const checks::Input& input, Moment moment,
                                                       tf::Diagnostics* diags) const {
  checks::Settings settings = settings_.Get();
  // This data source's own enforcement, when set, replaces the provider's,
  // also when it is not known yet.
  const cty::Value& enforcement = config.GetAttr("enforcement");
  if (enforcement.is_unknown()) settings.enforcement_unknown = true;
  if (auto mode = ReadEnforcement(enforcement, tf::AttributePath::Root("enforcement"), diags)) {
    settings.enforcement = *mode;
    settings.enforcement_unknown = false;
  }
  // An expired waiver is told in the validate walk, beside the errors it
  // lets through again (which stop the plan before the plan walk).
  ReadWaivers(config.GetAttr("waivers"), WaiverClock(),
              /*warn_expired=*/moment == Moment::kValidateUnconfigured, &settings, diags);
  checks::Evaluation evaluation = EvaluateLogged(TypeName(), input, settings);
  AddDiagnostics(evaluation, moment, diags);
  return evaluation;
}

void EcsTaskDefinitionDataSource::Validate(const tf::ValidateDataSourceRequest& request,
                                           tf::ValidateDataSourceResponse* response) const {
  Assess(request.config, ReadTaskDefinitionInput(request.config),
         settings_.Configured() ? Moment::kValidateConfigured : Moment::kValidateUnconfigured,
         &response->diagnostics);
}

void EcsTaskDefinitionDataSource::Read(const tf::ReadDataSourceRequest& request,
                                       tf::ReadDataSourceResponse* response) const {
  const checks::Input input = ReadTaskDefinitionInput(request.config);
  // Terraform validates the configuration right before every read and shows
  // those warnings already: the read adds only errors and what validation
  // could not decide (see Moment).
  const checks::Evaluation evaluation =
      Assess(request.config, input, Moment::kRead, &response->diagnostics);
  std::map<std::string, cty::Value> state;
  for (const tf::Attribute& a : schema_.block.attributes) {
    if (!a.computed) state.emplace(a.name, request.config.GetAttr(a.name));
  }
  for (const tf::NestedBlock& b : schema_.block.block_types) {
    state.emplace(b.type_name, request.config.GetAttr(b.type_name));
  }
  // A read only happens on a wholly known configuration, so the state is
  // wholly known, as Terraform requires.
  state["compliant"] = cty::Value::Bool(evaluation.compliant());
  state["findings"] = FindingsValue(evaluation.findings);
  state["report_json"] = cty::Value::String(checks::ReportJson(evaluation, input.family));
  response->state = cty::Value::Object(std::move(state));
}

}  // namespace compliance
