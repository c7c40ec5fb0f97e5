// File: tests/e2e/pid_mode_test.cc
//
// The headline behaviour: `terraform plan` fails when a task definition
// shares the host's PID namespace (AWS Security Hub ECS.3), points at the
// pid_mode line, and lets every compliant value through: as a literal,
// through a variable, and when the value is only known at apply.

#include <ostream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

// A root module with one data source whose pid_mode line is `pid_mode_line`
// (empty: the argument is left out).
std::string PidModeConfig(absl::string_view pid_mode_line) {
  return Module(absl::StrCat(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family = "web"
  )",
                             pid_mode_line, R"(
}
)"));
}

TEST(PidMode, HostFailsPlanNamingEcs3AtThePidModeLine) {
  const std::string config = PidModeConfig(R"(pid_mode = "host")");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  const std::string body = DiagnosticBody(run.combined, "Error", kEcs3Summary);
  EXPECT_TRUE(absl::StrContains(body, SourceLocation(config, "pid_mode"))) << run.Describe();
  EXPECT_TRUE(absl::StrContains(body, R"(in data "compliancecheck_ecs_task_definition" "x")"))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(body, SourceLine(config, R"(pid_mode = "host")")))
      << run.Describe();
}

struct CompliantCase {
  const char* name;
  const char* pid_mode_line;
};

// Names the case in test listings (ctest shows GetParam()).
void PrintTo(const CompliantCase& value, std::ostream* out) { *out << value.name; }

class CompliantPidMode : public ::testing::TestWithParam<CompliantCase> {};

TEST_P(CompliantPidMode, PlanSucceedsWithoutFinding) {
  auto workspace = NewWorkspace({{"main.tf", PidModeConfig(GetParam().pid_mode_line)}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "ECS.3")) << run.Describe();
}

INSTANTIATE_TEST_SUITE_P(Values, CompliantPidMode,
                         ::testing::Values(CompliantCase{"Task", R"(pid_mode = "task")"},
                                           CompliantCase{"Omitted", ""},
                                           CompliantCase{"Null", "pid_mode = null"},
                                           CompliantCase{"Empty", R"(pid_mode = "")"}),
                         [](const ::testing::TestParamInfo<CompliantCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(PidMode, InvalidValueFailsClosedListingTheValidValues) {
  const std::string config = PidModeConfig(R"(pid_mode = "HOST")");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  const std::string text =
      DiagnosticTextAt(run.combined, "Error", SourceLine(config, R"(pid_mode = "HOST")"));
  ASSERT_FALSE(text.empty()) << "no error at the pid_mode line\n" << run.Describe();
  // The snippet line itself says "HOST"; the valid values come from the text.
  EXPECT_TRUE(absl::StrContains(text, R"("host")")) << text;
  EXPECT_TRUE(absl::StrContains(text, R"("task")")) << text;
  EXPECT_TRUE(absl::StrContains(absl::AsciiStrToLower(text), "valid")) << text;
  EXPECT_TRUE(absl::StrContains(text, "has an invalid PID mode (AWS Security Hub ECS.3)")) << text;
  EXPECT_FALSE(absl::StrContains(text, "shares the host's process namespace")) << text;
}

constexpr char kVariableConfig[] = R"(
variable "pid_mode" {
  type    = string
  default = null
}

data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  pid_mode = var.pid_mode
}
)";

TEST(PidMode, HostThroughAVariableFailsPlan) {
  const std::string config = Module(kVariableConfig);
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan({"-var", "pid_mode=host"});
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "pid_mode = var.pid_mode")))
      << run.Describe();
}

TEST(PidMode, TaskThroughAVariablePassesPlan) {
  auto workspace = NewWorkspace({{"main.tf", Module(kVariableConfig)}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan({"-var", "pid_mode=task"});
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "ECS.3")) << run.Describe();
}

TEST(PidMode, VariableIsNotCheckedByValidateButByPlan) {
  // validate sees variables as unknown: no finding, no error.
  auto workspace = NewWorkspace({{"main.tf", Module(kVariableConfig)}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Validate();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
}

// pid_mode comes from a resource attribute that is known only after apply;
// terraform_data.after depends on the data source.
constexpr char kUnknownUntilApply[] = R"(
resource "terraform_data" "mode" {
  input = "host"
}

data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  pid_mode = terraform_data.mode.output
}

resource "terraform_data" "after" {
  input      = data.compliancecheck_ecs_task_definition.x.compliant
  depends_on = [data.compliancecheck_ecs_task_definition.x]
}
)";

TEST(PidMode, UnknownUntilApplyDefersTheReadInPlan) {
  auto workspace = NewWorkspace({{"main.tf", Module(kUnknownUntilApply)}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(
      run.stdout_text, "data.compliancecheck_ecs_task_definition.x will be read during apply"))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.stdout_text, "(known after apply)")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "ECS.3")) << run.Describe();
}

TEST(PidMode, HostKnownOnlyAtApplyFailsApplyBeforeTheDependentResource) {
  const std::string config = Module(kUnknownUntilApply);
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Apply();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.stdout_text, "terraform_data.mode: Creation complete"))
      << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "terraform_data.after: Creat")) << run.Describe();

  RunResult state = workspace->Terraform({"state", "list"});
  ASSERT_EQ(state.exit_code, 0) << state.Describe();
  EXPECT_TRUE(absl::StrContains(state.stdout_text, "terraform_data.mode")) << state.Describe();
  EXPECT_FALSE(absl::StrContains(state.stdout_text, "terraform_data.after")) << state.Describe();
}

TEST(PidMode, TaskKnownOnlyAtApplyLetsApplyComplete) {
  std::string config(kUnknownUntilApply);
  config.replace(config.find(R"(input = "host")"), 14, R"(input = "task")");
  auto workspace = NewWorkspace({{"main.tf", Module(config)}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Apply();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.stdout_text, "terraform_data.after: Creation complete"))
      << run.Describe();
}

TEST(PidMode, FargateHostFailsPlanAtThePidModeLine) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  pid_mode                 = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(absl::StrContains(
      absl::AsciiStrToLower(DiagnosticBody(run.combined, "Error", kEcs3Summary)), "fargate"))
      << run.Describe();
}

}  // namespace
}  // namespace e2e
