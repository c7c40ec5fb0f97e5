// File: tests/e2e/task_definition_forms_test.cc
//
// The other ways a task definition reaches the data source: the
// container_definitions JSON (where pidMode is misplaced and ignored by ECS),
// and a whole task definition JSON document given as audit evidence.

#include <ostream>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

TEST(ContainerDefinitions, ContainerLevelPidModeIsAMisplacedKeyWarning) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family                = "web"
  container_definitions = jsonencode([{ name = "app", image = "nginx", pidMode = "host" }])
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Warning", "ECS ignores")) << run.Describe();
  EXPECT_TRUE(
      HasDiagnosticAt(run.combined, "Warning", SourceLine(config, "container_definitions =")))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(DiagnosticBody(run.combined, "Warning", "ECS ignores"), "pidMode"))
      << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Error", "ECS.3")) << run.Describe();
}

TEST(ContainerDefinitions, InvalidJsonIsAnErrorOnThatAttribute) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family                = "web"
  container_definitions = "[{\"name\": \"app\","
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "container_definitions =")))
      << run.Describe();
}

TEST(ContainerDefinitions, CompliantContainersPassPlan) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  pid_mode = "task"
  container_definitions = jsonencode([
    { name = "app", image = "nginx", essential = true },
    { name = "sidecar", image = "busybox", essential = false },
  ])
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "ECS ignores")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "ECS.3")) << run.Describe();
}

struct EvidenceCase {
  const char* name;
  const char* document;  // HCL expression for task_definition_json
};

// Names the case in test listings (ctest shows GetParam()).
void PrintTo(const EvidenceCase& value, std::ostream* out) { *out << value.name; }

class HostPidEvidence : public ::testing::TestWithParam<EvidenceCase> {};

TEST_P(HostPidEvidence, FailsPlanAtTheTaskDefinitionJsonLine) {
  const std::string config = Module(absl::StrCat(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family               = "web"
  task_definition_json = )",
                                                 GetParam().document, R"(
}
)"));
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "task_definition_json =")))
      << run.Describe();
}

INSTANTIATE_TEST_SUITE_P(
    Documents, HostPidEvidence,
    ::testing::Values(
        EvidenceCase{
            "Register",
            R"(jsonencode({ family = "web", pidMode = "host", containerDefinitions = [{ name = "app", image = "nginx" }] }))"},
        EvidenceCase{
            "DescribeWrapper",
            R"(jsonencode({ taskDefinition = { family = "web", pidMode = "host", containerDefinitions = [] } }))"},
        EvidenceCase{"LiteralJson", R"("{\"family\": \"web\", \"pidMode\": \"host\"}")"}),
    [](const ::testing::TestParamInfo<EvidenceCase>& info) {
      return std::string(info.param.name);
    });

TEST(TaskDefinitionJson, CompliantEvidencePassesPlan) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family               = "web"
  task_definition_json = jsonencode({ taskDefinition = { family = "web", pidMode = "task", containerDefinitions = [{ name = "app", image = "nginx" }] } })
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "ECS.3")) << run.Describe();
}

TEST(TaskDefinitionJson, GivingBothFormsIsAnError) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family               = "web"
  pid_mode             = "task"
  task_definition_json = jsonencode({ family = "web", pidMode = "task" })
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  const bool at_json =
      HasDiagnosticAt(run.combined, "Error", SourceLine(config, "task_definition_json ="));
  const bool at_pid_mode = HasDiagnosticAt(run.combined, "Error", SourceLine(config, "pid_mode "));
  EXPECT_TRUE(at_json || at_pid_mode) << "no error at either argument\n" << run.Describe();
}

}  // namespace
}  // namespace e2e
