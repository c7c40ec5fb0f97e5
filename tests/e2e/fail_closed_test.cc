// File: tests/e2e/fail_closed_test.cc
//
// The gate holds where users hold it, through the real terraform: anything
// the functions cannot read is an error at the call, malformed input blocks
// in the functions as in the data source, settings and forms not known yet
// are left to the read, and each finding is printed once.

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kInvalidArgument[] = "Invalid function argument";

// How many diagnostics of `severity` have a summary containing `summary`.
int CountDiagnostics(absl::string_view output, absl::string_view severity,
                     absl::string_view summary) {
  int count = 0;
  for (const PrintedDiagnostic& d : ParseDiagnostics(output)) {
    if (d.severity == severity && absl::StrContains(d.summary, summary)) ++count;
  }
  return count;
}

TEST(FailClosed, EveryArgumentThatIsNotAnObjectIsAnErrorAtTheCall) {
  const std::string config = Module(R"(
output "string" { value = provider::compliancecheck::assert_ecs_task_definition("host") }
output "number" { value = provider::compliancecheck::check_ecs_task_definition(42) }
output "bool" { value = provider::compliancecheck::assert_ecs_task_definition(true) }
output "tuple" { value = provider::compliancecheck::assert_ecs_task_definition([{ pid_mode = "host" }]) }
output "list" { value = provider::compliancecheck::check_ecs_task_definition(tolist([{ pid_mode = "host" }])) }
output "set" { value = provider::compliancecheck::assert_ecs_task_definition(toset(["host"])) }
output "map_of_objects" { value = provider::compliancecheck::assert_ecs_task_definition({ web = { pid_mode = "host" } }) }
output "empty" { value = provider::compliancecheck::check_ecs_task_definition({}) }
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  for (const char* output :
       {"string", "number", "bool", "tuple", "list", "set", "map_of_objects", "empty"}) {
    SCOPED_TRACE(output);
    EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error",
                                SourceLine(config, absl::StrCat("output \"", output, "\""))))
        << run.Describe();
  }
  EXPECT_EQ(CountDiagnostics(run.combined, "Error", kInvalidArgument), 8) << run.Describe();
  // What was given and what to write instead, never the value.
  EXPECT_TRUE(absl::StrContains(run.combined, "but it is a string")) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "but it is a tuple of 1")) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "none of the attributes")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "= true")) << run.Describe();
}

TEST(FailClosed, CountAndForEachResourcesAreAnErrorThatSaysWhatToWrite) {
  const std::string config = Module(R"(
resource "terraform_data" "counted" {
  count = 1
  input = { pid_mode = "host" }
}

resource "terraform_data" "each" {
  for_each = toset(["web"])
  input    = { pid_mode = "host" }
}

output "counted" {
  value = provider::compliancecheck::assert_ecs_task_definition(terraform_data.counted)
}

output "each" {
  value = provider::compliancecheck::assert_ecs_task_definition(terraform_data.each)
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(
      HasDiagnosticAt(run.combined, "Error",
                      SourceLine(config, "assert_ecs_task_definition(terraform_data.counted)")))
      << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(
      run.combined, "Error", SourceLine(config, "assert_ecs_task_definition(terraform_data.each)")))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "count")) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "for_each")) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "aws_ecs_task_definition.x[0]")) << run.Describe();
}

// The data source fails on unreadable container JSON at every level; the
// functions must too, or moving a check into a precondition opens the gate.
TEST(FailClosed, UnreadableContainerJsonBlocksTheFunctionsAsTheDataSource) {
  auto workspace = NewModuleWorkspace(R"(
locals {
  broken = { pid_mode = "task", container_definitions = "{{" }
}

resource "terraform_data" "guarded" {
  input = "x"
  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(local.broken)
      error_message = "not compliant"
    }
  }
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kInvalidArgument)) << run.Describe();
  // Terraform wraps the text: compare it with line breaks as spaces.
  const std::string text = absl::StrReplaceAll(run.combined, {{"\n", " "}});
  EXPECT_TRUE(absl::StrContains(text, "container_definitions: Invalid container_definitions JSON"))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(text, "jsonencode")) << run.Describe();
}

TEST(FailClosed, UnreadableContainerJsonIsNotCompliantInCheck) {
  auto workspace = NewModuleWorkspace(R"(
output "checked" {
  value = provider::compliancecheck::check_ecs_task_definition({
    pid_mode = "task", container_definitions = "{{" })
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Apply();
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  const nlohmann::json checked = OutputValue(Outputs(*workspace), "checked");
  ASSERT_TRUE(checked.is_object()) << run.Describe();
  EXPECT_EQ(checked["compliant"], false);
  ASSERT_FALSE(checked["findings"].empty());
  EXPECT_EQ(checked["findings"][0]["level"], "error");
  EXPECT_EQ(checked["findings"][0]["attribute"], "container_definitions");
}

TEST(FailClosed, AnEmptyDocumentIsNotVerifiedAndSaysSo) {
  auto workspace = NewModuleWorkspace(R"(
output "ok" {
  value = provider::compliancecheck::assert_ecs_task_definition({ task_definition_json = "{}" })
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "does not look like a task")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "shares the host's process")) << run.Describe();
}

TEST(FailClosed, AdvisoryModeFromAProviderVariableIsHonoured) {
  const std::string config = Module(R"(
variable "enforcement" {
  type    = string
  default = "warning"
}

provider "compliancecheck" {
  enforcement = var.enforcement
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
  EXPECT_EQ(CountDiagnostics(run.combined, "Warning", kEcs3Summary), 1) << run.Describe();
  // The same configuration blocks when the variable says so.
  RunResult strict = workspace->Plan({"-var", "enforcement=error"});
  EXPECT_EQ(strict.exit_code, 1) << strict.Describe();
  EXPECT_TRUE(HasDiagnosticAt(strict.combined, "Error", SourceLine(config, R"(pid_mode = "host")")))
      << strict.Describe();
}

TEST(FailClosed, AControlTurnedOffByAVariableIsHonoured) {
  auto workspace = NewModuleWorkspace(R"(
variable "level" {
  type    = string
  default = "off"
}

provider "compliancecheck" {
  controls = { ecs_task_definition_no_host_pid_mode = var.level }
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "host"
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Warning", kEcs3Summary)) << run.Describe();
}

TEST(FailClosed, TheDataSourcesOwnEnforcementFromAnExpressionIsHonoured) {
  auto workspace = NewModuleWorkspace(R"(
variable "advisory" {
  type    = bool
  default = true
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode    = "host"
  enforcement = var.advisory ? "warning" : "error"
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_EQ(CountDiagnostics(run.combined, "Warning", kEcs3Summary), 1) << run.Describe();
  EXPECT_EQ(workspace->Plan({"-var", "advisory=false"}).exit_code, 1);
}

TEST(FailClosed, FormsNotKnownYetAreNotAConflict) {
  auto workspace = NewModuleWorkspace(R"(
variable "pid_mode" {
  type    = string
  default = null
}

variable "document" {
  type    = string
  default = null
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode             = var.pid_mode
  task_definition_json = var.document
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult validate = workspace->Validate();
  EXPECT_EQ(validate.exit_code, 0) << validate.Describe();
  EXPECT_FALSE(absl::StrContains(validate.combined, "Conflicting")) << validate.Describe();
  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 0) << plan.Describe();
}

TEST(FailClosed, EachWarningIsPrintedOnce) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family                = "web"
  ipc_mode              = "host"
  container_definitions = jsonencode([{ name = "app", image = "nginx", pidMode = "task" }])
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_EQ(CountDiagnostics(run.combined, "Warning", "host's IPC namespace"), 1) << run.Describe();
  EXPECT_EQ(CountDiagnostics(run.combined, "Warning", "namespace mode that ECS ignores"), 1)
      << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "similar warning")) << run.Describe();
}

TEST(FailClosed, AnErrorIsShortWithOneLineOfReferences) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  ASSERT_EQ(run.exit_code, 1) << run.Describe();
  const std::string body = DiagnosticBody(run.combined, "Error", kEcs3Summary);
  ASSERT_FALSE(body.empty()) << run.Describe();
  EXPECT_TRUE(absl::StrContains(body, "Omit pid_mode")) << body;
  EXPECT_TRUE(absl::StrContains(body, "ecs-controls.html#ecs-3")) << body;
  EXPECT_FALSE(absl::StrContains(body, "NIST SP 800-53")) << body;
  EXPECT_LE(std::count(body.begin(), body.end(), '\n'), 22) << body;
}

TEST(FailClosed, TooLargeValidJsonIsNamedForWhatItIs) {
  // 5 MB of valid container definitions, read from a file.
  std::string json = "[";
  for (int i = 0; json.size() < (5u << 20); ++i) {
    absl::StrAppend(&json, i ? "," : "", R"({"name":"app)", i, R"(","image":"nginx"})");
  }
  json += "]";
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  container_definitions = file("${path.module}/containers.json")
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}, {"containers.json", json}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "container_definitions is too large to check"))
      << run.Describe().substr(0, 4000);
  EXPECT_FALSE(absl::StrContains(run.combined, "Invalid container_definitions JSON"));
}

}  // namespace
}  // namespace e2e
