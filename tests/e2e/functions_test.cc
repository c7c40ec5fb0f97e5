// File: tests/e2e/functions_test.cc
//
// The provider-defined functions where users put them: variable validation,
// outputs, preconditions and check blocks. Terraform calls them on a provider
// it never configures, so the provider block must make no difference.

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kValidatedVariable[] = R"(
variable "pid_mode" {
  type    = string
  default = "task"

  validation {
    condition     = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
    error_message = "Use task PID mode."
  }
}

output "pid_mode" {
  value = var.pid_mode
}
)";

TEST(Functions, VariableValidationRejectsHostWithItsOwnMessage) {
  const std::string config = Module(kValidatedVariable);
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan({"-var", "pid_mode=host"});
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  const std::string body = DiagnosticBody(run.combined, "Error", "Invalid value for variable");
  EXPECT_TRUE(absl::StrContains(body, "Use task PID mode.")) << run.Describe();
}

TEST(Functions, VariableValidationAcceptsTask) {
  auto workspace = NewModuleWorkspace(kValidatedVariable);
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan({"-var", "pid_mode=task"});
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "Use task PID mode.")) << run.Describe();
}

TEST(Functions, AssertOnHostIsAnInvalidFunctionArgumentAtTheCall) {
  const std::string config = Module(R"(
output "ok" {
  value = provider::compliancecheck::assert_ecs_task_definition({ family = "web", pid_mode = "host" })
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Invalid function argument")) << run.Describe();
  const std::string body = DiagnosticBody(run.combined, "Error", "Invalid function argument");
  EXPECT_TRUE(absl::StrContains(body, SourceLine(config, "assert_ecs_task_definition")))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(body, kPidControl)) << run.Describe();
  EXPECT_TRUE(absl::StrContains(body, "pid_mode")) << run.Describe();
}

TEST(Functions, AssertReturnsTrueWhenOnlyWarningsRemain) {
  auto workspace = NewModuleWorkspace(R"(
output "ok" {
  value = provider::compliancecheck::assert_ecs_task_definition({ pid_mode = "task", ipc_mode = "host" })
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult apply = workspace->Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.Describe();
  EXPECT_EQ(OutputValue(Outputs(*workspace), "ok"), true);
}

TEST(Functions, CheckResultIsReadableInAnOutput) {
  auto workspace = NewModuleWorkspace(R"(
output "result" {
  value = provider::compliancecheck::check_ecs_task_definition({
    family                = "web"
    pid_mode              = "host"
    container_definitions = jsonencode([{ name = "app", image = "nginx" }])
    cpu                   = 256
  })
}

output "compliant" {
  value = provider::compliancecheck::check_ecs_task_definition({ pid_mode = "task" }).compliant
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult apply = workspace->Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.Describe();
  nlohmann::json outputs = Outputs(*workspace);
  nlohmann::json result = OutputValue(outputs, "result");
  ASSERT_TRUE(result.is_object()) << outputs.dump(2);
  EXPECT_EQ(result["compliant"], false) << result.dump(2);
  ASSERT_TRUE(result["findings"].is_array() && !result["findings"].empty()) << result.dump(2);
  EXPECT_EQ(result["findings"][0]["control_id"], kPidControl) << result.dump(2);
  EXPECT_EQ(result["findings"][0]["attribute"], "pid_mode") << result.dump(2);
  EXPECT_EQ(result["findings"][0]["level"], "error") << result.dump(2);
  EXPECT_EQ(OutputValue(outputs, "compliant"), true) << outputs.dump(2);
}

TEST(Functions, PidModeCompliantAnswersEveryKindOfValue) {
  auto workspace = NewModuleWorkspace(R"(
output "null" {
  value = provider::compliancecheck::ecs_pid_mode_compliant(null)
}
output "empty" {
  value = provider::compliancecheck::ecs_pid_mode_compliant("")
}
output "task" {
  value = provider::compliancecheck::ecs_pid_mode_compliant("task")
}
output "host" {
  value = provider::compliancecheck::ecs_pid_mode_compliant("host")
}
output "invalid" {
  value = provider::compliancecheck::ecs_pid_mode_compliant("HOST")
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult apply = workspace->Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.Describe();
  nlohmann::json outputs = Outputs(*workspace);
  EXPECT_EQ(OutputValue(outputs, "null"), true) << outputs.dump(2);
  EXPECT_EQ(OutputValue(outputs, "empty"), true) << outputs.dump(2);
  EXPECT_EQ(OutputValue(outputs, "task"), true) << outputs.dump(2);
  EXPECT_EQ(OutputValue(outputs, "host"), false) << outputs.dump(2);
  EXPECT_EQ(OutputValue(outputs, "invalid"), false) << outputs.dump(2);
}

TEST(Functions, UnknownArgumentLeavesTheResultUnknownInPlan) {
  auto workspace = NewModuleWorkspace(R"(
resource "terraform_data" "mode" {
  input = "host"
}

output "compliant" {
  value = provider::compliancecheck::check_ecs_task_definition({ pid_mode = terraform_data.mode.output }).compliant
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.stdout_text, "+ compliant = (known after apply)"))
      << run.Describe();
}

TEST(Functions, IgnoreTheProviderBlock) {
  // Advisory mode and a control turned off apply to the data source only:
  // functions evaluate every control at its default level.
  auto workspace = NewModuleWorkspace(R"(
provider "compliancecheck" {
  enforcement = "warning"
  controls = {
    ecs_task_definition_no_host_pid_mode = "off"
  }
}

output "ok" {
  value = provider::compliancecheck::assert_ecs_task_definition({ pid_mode = "host" })
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Invalid function argument")) << run.Describe();
}

TEST(Functions, PreconditionWithAssertStopsPlanAtTheResource) {
  const std::string config = Module(R"(
variable "pid_mode" {
  type    = string
  default = "host"
}

resource "terraform_data" "task_definition" {
  input = { pid_mode = var.pid_mode }

  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition({ pid_mode = var.pid_mode })
      error_message = "Host PID mode is not allowed."
    }
  }
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Invalid function argument")) << run.Describe();
  RunResult task = workspace->Plan({"-var", "pid_mode=task"});
  EXPECT_EQ(task.exit_code, 0) << task.Describe();
}

TEST(Functions, CheckBlockWarnsWithoutBlockingPlan) {
  auto workspace = NewModuleWorkspace(R"(
variable "pid_mode" {
  type    = string
  default = "host"
}

check "ecs_pid_mode" {
  assert {
    condition     = provider::compliancecheck::check_ecs_task_definition({ pid_mode = var.pid_mode }).compliant
    error_message = "Task definition is not compliant."
  }
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", "Check block assertion failed"))
      << run.Describe();
  EXPECT_TRUE(
      absl::StrContains(DiagnosticBody(run.combined, "Warning", "Check block assertion failed"),
                        "Task definition is not compliant."))
      << run.Describe();
}

}  // namespace
}  // namespace e2e
