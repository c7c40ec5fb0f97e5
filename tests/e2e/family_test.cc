// File: tests/e2e/family_test.cc
//
// The Security Hub ECS task-definition family through the real terraform:
// each control fails the plan (level error) or warns (level warning) at the
// argument that holds the problem, keys are read as the AWS provider decodes
// them, evidence JSON and functions agree, and a secret in an environment
// value never reaches the output, report_json or a TRACE log.

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kSecretValue[] = "wJalrXUtnFEMI-K7MDENG-s3cr3t-bPxRfiCY";

// Error-level controls by default: ECS.4 and ECS.8. `Privileged` is spelled
// as a Go field: the AWS provider decodes it, so it counts.
TEST(Family, ErrorLevelControlsFailThePlanAtTheirArgument) {
  const std::string config = Module(absl::StrCat(R"(
data "compliancecheck_ecs_task_definition" "privileged" {
  container_definitions = jsonencode([{ name = "app", image = "nginx", Privileged = true }])
}

locals {
  secret_containers = jsonencode([{
    name        = "app"
    image       = "nginx"
    environment = [{ name = "AWS_SECRET_ACCESS_KEY", value = ")",
                                                 kSecretValue, R"(" }]
  }])
}

# The snippet Terraform prints shows this line, not the value.
data "compliancecheck_ecs_task_definition" "secrets" {
  container_definitions = local.secret_containers
}
)"));
  WorkspaceOptions options;
  options.extra_env = {{"TF_LOG", "trace"}};
  auto workspace = NewWorkspace({{"main.tf", config}}, options);
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "runs privileged (AWS Security Hub ECS.4)"))
      << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "Privileged = true")))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "container_definitions[0].Privileged is true"))
      << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error",
                            "AWS credentials in an environment variable (AWS Security Hub ECS.8)"))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "environment[0].name is \"AWS_SECRET_ACCESS_KEY\""))
      << run.Describe();
  // Name and place only: the value is nowhere, not even in the TRACE log.
  EXPECT_FALSE(absl::StrContains(run.combined, "s3cr3t")) << "the secret value is in the output";
}

TEST(Family, WarningLevelControlsWarnOnceAndThePlanGoesOn) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  network_mode          = "host"
  container_definitions = jsonencode([{ name = "app", image = "nginx", privilege = true }])
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  for (const char* summary :
       {"uses the host's network namespace (AWS Security Hub ECS.17)",
        "writable root filesystem (AWS Security Hub ECS.5)",
        "no log configuration (AWS Security Hub ECS.9)", "runs as root (AWS Security Hub ECS.20)",
        "Container definition has a key that ECS ignores"}) {
    EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", summary)) << summary << run.Describe();
  }
  // "privilege" is not privileged: no ECS.4, but the near miss is named.
  EXPECT_FALSE(HasDiagnostic(run.combined, "Error", "ECS.4")) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "Did you mean privileged?")) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Warning", SourceLine(config, "network_mode")))
      << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "similar warning")) << run.Describe();
}

TEST(Family, WindowsFamilyChecksTheAdministratorNotRoot) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  container_definitions = jsonencode([{
    name = "app", image = "mcr.microsoft.com/windows/servercore", user = "ContainerAdministrator"
    readonlyRootFilesystem = true
    logConfiguration = { logDriver = "awslogs" }
  }])
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_FULL"
  }
}

output "report" {
  value = jsondecode(data.compliancecheck_ecs_task_definition.x.report_json).controls
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(
      HasDiagnostic(run.combined, "Warning", "Windows administrator (AWS Security Hub ECS.21)"))
      << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Warning", "ECS.20")) << run.Describe();
}

TEST(Family, EvidenceJsonGivesTheSameFindingsWithDocumentPaths) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  enforcement          = "warning"
  task_definition_json = jsonencode({ taskDefinition = {
    family = "web", networkMode = "awsvpc"
    containerDefinitions = [{ name = "app", image = "nginx", privileged = true, user = "1000",
                              readonlyRootFilesystem = true,
                              logConfiguration = { logDriver = "awslogs" } }]
  } })
}

output "attributes" {
  value = [for f in data.compliancecheck_ecs_task_definition.x.findings : f.attribute]
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Apply();
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  const nlohmann::json attributes = OutputValue(Outputs(*workspace), "attributes");
  EXPECT_EQ(attributes,
            nlohmann::json::array({"task_definition_json.containerDefinitions[0].privileged"}))
      << run.Describe();
}

// self of a resource: here terraform_data's input, shaped as
// aws_ecs_task_definition is (runtime_platform a list of one object).
TEST(Family, FunctionsReadSelfShapedLikeTheAwsResource) {
  const std::string config = Module(R"(
resource "terraform_data" "td" {
  input = {
    family                = "web"
    network_mode          = "awsvpc"
    container_definitions = jsonencode([{ name = "app", image = "nginx", privileged = true, user = "1000" }])
    runtime_platform      = [{ operating_system_family = "LINUX", cpu_architecture = "X86_64" }]
  }
  lifecycle {
    postcondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(self.input)
      error_message = "not compliant"
    }
  }
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "ecs_container_no_privileged")) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "container_definitions[0].privileged"))
      << run.Describe();
}

std::string WaiverConfig(const std::string& waiver) {
  return Module(absl::StrCat(R"(
data "compliancecheck_ecs_task_definition" "x" {
  container_definitions = jsonencode([{ name = "app", image = "nginx", privileged = true,
    readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } }])
  waivers = [)",
                             waiver, R"(]
}

output "report" {
  value = jsondecode(data.compliancecheck_ecs_task_definition.x.report_json)
}
)"));
}

WorkspaceOptions FixedNow() {
  WorkspaceOptions options;
  options.extra_env = {{"COMPLIANCECHECK_TEST_NOW", "2027-01-15T12:00:00Z"}};
  return options;
}

TEST(Waivers, AWaiverInForceLetsThePlanPassAndShowsInTheReport) {
  auto workspace =
      NewWorkspace({{"main.tf", WaiverConfig(R"({ control_id = "ecs_container_no_privileged",
    reason = "CHG-1234 legacy agent", expires = "2027-03-31" })")}},
                   FixedNow());
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Apply();
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Warning", "ECS.4")) << run.Describe();
  const nlohmann::json report = OutputValue(Outputs(*workspace), "report");
  ASSERT_TRUE(report.is_object()) << run.Describe();
  EXPECT_EQ(report["compliant"], true);
  bool found = false;
  for (const auto& control : report["controls"]) {
    if (control["id"] != "ecs_container_no_privileged") continue;
    found = true;
    EXPECT_EQ(control["status"], "waived");
    EXPECT_EQ(control["reason"], "CHG-1234 legacy agent");
    EXPECT_EQ(control["expires"], "2027-03-31");
  }
  EXPECT_TRUE(found) << report.dump();
  ASSERT_EQ(report["findings"].size(), 1u) << report.dump();
  EXPECT_EQ(report["findings"][0]["level"], "waived");
  EXPECT_EQ(report["findings"][0]["waiver_reason"], "CHG-1234 legacy agent");
}

TEST(Waivers, AnExpiredWaiverBlocksAgainWithAWarningOnIt) {
  const std::string config = WaiverConfig(R"({ control_id = "ecs_container_no_privileged",
    reason = "CHG-1234 legacy agent", expires = "2026-12-31" })");
  auto workspace = NewWorkspace({{"main.tf", config}}, FixedNow());
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "runs privileged (AWS Security Hub ECS.4)"))
      << run.Describe();
  // Terraform shows the data source's block; the detail names the element.
  EXPECT_TRUE(absl::StrContains(run.combined, "The waiver waivers[0] of")) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", "Waiver has expired")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "CHG-1234")) << "a diagnostic quotes the reason";
}

TEST(Waivers, InvalidWaiversAreErrorsOnTheirElement) {
  const std::string config = WaiverConfig(R"(
    { control_id = "ecs_container_no_privileged", reason = "  ", expires = "2027-03-31" },
    { control_id = "ecs_no_such_control", reason = "typo" },
    { control_id = "ecs_container_no_privileged", reason = "ok", expires = "31/03/2027" },
  )");
  auto workspace = NewWorkspace({{"main.tf", config}}, FixedNow());
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Waiver has no reason")) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Waiver names an unknown control"))
      << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Invalid waiver expiry")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "31/03/2027")) << run.Describe();
}

}  // namespace
}  // namespace e2e
