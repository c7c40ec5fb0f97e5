// File: tests/e2e/enforcement_test.cc
//
// Levels and enforcement as the user sets them in the provider block and on
// the data source: advisory mode, per-data-source override, controls turned
// off or raised, and invalid settings reported on the attribute.

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

TEST(Enforcement, WarningModeTurnsTheHostPidErrorIntoAWarning) {
  const std::string config = Module(R"(
provider "compliancecheck" {
  enforcement = "warning"
}

data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  pid_mode = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", kEcs3Summary)) << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Warning", SourceLine(config, R"(pid_mode = "host")")))
      << run.Describe();
}

TEST(Enforcement, DataSourceErrorOverridesProviderWarning) {
  const std::string config = Module(R"(
provider "compliancecheck" {
  enforcement = "warning"
}

data "compliancecheck_ecs_task_definition" "x" {
  family      = "web"
  pid_mode    = "host"
  enforcement = "error"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "pid_mode")))
      << run.Describe();
}

TEST(Enforcement, DataSourceWarningOverridesProviderDefault) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family      = "web"
  pid_mode    = "host"
  enforcement = "warning"
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", kEcs3Summary)) << run.Describe();
}

TEST(Enforcement, ControlTurnedOffReportsNothingAndStaysCompliant) {
  auto workspace = NewModuleWorkspace(R"(
provider "compliancecheck" {
  controls = {
    ecs_task_definition_no_host_pid_mode = "off"
  }
}

data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  pid_mode = "host"
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.x.compliant
}

output "report_json" {
  value = data.compliancecheck_ecs_task_definition.x.report_json
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 0) << plan.Describe();
  EXPECT_FALSE(absl::StrContains(plan.combined, "ECS.3")) << plan.Describe();

  RunResult apply = workspace->Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.Describe();
  nlohmann::json outputs = Outputs(*workspace);
  EXPECT_EQ(OutputValue(outputs, "compliant"), true) << outputs.dump(2);
  nlohmann::json report =
      nlohmann::json::parse(OutputValue(outputs, "report_json").get<std::string>(), nullptr, false);
  ASSERT_TRUE(report.is_object()) << outputs.dump(2);
  bool listed_off = false;
  for (const auto& control : report["controls"]) {
    if (control.value("id", "") == kPidControl) {
      listed_off = control.value("status", "") == "off";
    }
  }
  EXPECT_TRUE(listed_off) << report.dump(2);
}

TEST(Enforcement, HostIpcModeIsAWarningByDefault) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  ipc_mode = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", "IPC namespace")) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Warning", SourceLine(config, R"(ipc_mode = "host")")))
      << run.Describe();
}

TEST(Enforcement, HostIpcModeFailsPlanWhenItsControlIsRaisedToError) {
  const std::string config = Module(R"(
provider "compliancecheck" {
  controls = {
    ecs_task_definition_no_host_ipc_mode = "error"
  }
}

data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  ipc_mode = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "IPC namespace")) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, R"(ipc_mode = "host")")))
      << run.Describe();
}

TEST(Enforcement, WarningEnforcementNeverRaisesAWarningControl) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family      = "web"
  ipc_mode    = "host"
  enforcement = "error"
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", "IPC namespace")) << run.Describe();
}

TEST(Enforcement, UnknownEnforcementValueIsAnErrorOnThatAttribute) {
  const std::string config = Module(R"(
provider "compliancecheck" {
  enforcement = "bogus"
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "task"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  const std::string text =
      DiagnosticTextAt(run.combined, "Error", SourceLine(config, R"(enforcement = "bogus")"));
  ASSERT_FALSE(text.empty()) << "no error at the enforcement line\n" << run.Describe();
  EXPECT_TRUE(absl::StrContains(text, "in provider \"compliancecheck\"")) << text;
  EXPECT_TRUE(absl::StrContains(text, "warning")) << text;
}

TEST(Enforcement, UnknownDataSourceEnforcementValueIsAnErrorOnThatAttribute) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  pid_mode    = "task"
  enforcement = "strict"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(
      HasDiagnosticAt(run.combined, "Error", SourceLine(config, R"(enforcement = "strict")")))
      << run.Describe();
}

TEST(Enforcement, UnknownControlIdIsAnErrorListingTheValidIds) {
  const std::string config = Module(R"(
provider "compliancecheck" {
  controls = {
    nope = "error"
  }
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "task"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  std::string text;
  for (const auto& diagnostic : ParseDiagnostics(run.combined)) {
    if (diagnostic.severity == "Error" &&
        absl::StrContains(diagnostic.summary + diagnostic.body, "nope")) {
      text = diagnostic.summary + "\n" + diagnostic.body;
    }
  }
  ASSERT_FALSE(text.empty()) << "no error naming \"nope\"\n" << run.Describe();
  EXPECT_TRUE(absl::StrContains(text, "on main.tf line")) << text;
  for (absl::string_view id : {kPidControl, kIpcControl, kMisplacedKeyControl}) {
    EXPECT_TRUE(absl::StrContains(text, id)) << "valid id " << id << " not listed\n" << text;
  }
}

TEST(Enforcement, UnknownControlLevelIsAnErrorOnTheControlsAttribute) {
  const std::string config = Module(R"(
provider "compliancecheck" {
  controls = {
    ecs_task_definition_no_host_pid_mode = "fatal"
  }
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "task"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  bool found = false;
  for (const auto& diagnostic : ParseDiagnostics(run.combined)) {
    if (diagnostic.severity == "Error" &&
        absl::StrContains(diagnostic.body, "in provider \"compliancecheck\"")) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << run.Describe();
}

}  // namespace
}  // namespace e2e
