// File: tests/e2e/never_quote_test.cc
//
// Terraform strips sensitive marks before calling a provider, so the provider
// must never quote input: a sensitive value that fails a control, or breaks
// the JSON it is interpolated into, must appear nowhere in the plan's output
// or in a TRACE log, not in a diagnostic, a finding, report_json or a log
// line. A value a control knows ("HOST") may be quoted.

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kSecretMode[] = "HOST-secret-mode";
constexpr char kPassword[] = "pw-Zq9-never-print-me";

TEST(NeverQuote, ASensitiveInvalidPidModeIsDescribedNotQuoted) {
  const std::string config = Module(R"(
variable "pid_mode" {
  type      = string
  sensitive = true
}

data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = var.pid_mode
}
)");
  // From the environment: Terraform's own log quotes its command line.
  WorkspaceOptions options;
  options.extra_env = {{"TF_LOG", "trace"}, {"TF_VAR_pid_mode", kSecretMode}};
  auto workspace = NewWorkspace({{"main.tf", config}}, options);
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "pid_mode = var.pid_mode")))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "(16 characters)")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "secret-mode")) << run.Describe();
}

TEST(NeverQuote, AKnownValueVariantIsQuotedSoTheUserSeesTheTypo) {
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "HOST"
}
)");
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "pid_mode is \"HOST\"")) << run.Describe();
}

// A password interpolated into container JSON that is broken right after
// it: the error gives the line and column, never the text around them. The
// functions get the same value.
TEST(NeverQuote, ASecretBesideAJsonErrorStaysOutOfThePlanAndTheTraceLog) {
  const std::string config = Module(R"(
variable "db_password" {
  type      = string
  sensitive = true
}

locals {
  containers = "[{\"name\":\"app\",\"environment\":[{\"name\":\"DB\",\"value\":\"${var.db_password}\"}]} \"image\":\"x\"}]"
}

data "compliancecheck_ecs_task_definition" "x" {
  container_definitions = local.containers
}

output "checked" {
  value     = provider::compliancecheck::check_ecs_task_definition({ container_definitions = local.containers })
  sensitive = true
}
)");
  WorkspaceOptions options;
  options.extra_env = {{"TF_LOG", "trace"}, {"TF_VAR_db_password", kPassword}};
  auto workspace = NewWorkspace({{"main.tf", config}}, options);
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", "Invalid container_definitions JSON"))
      << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "column")) << run.Describe();
  EXPECT_FALSE(absl::StrContains(run.combined, "never-print-me"))
      << "the password is in the output";
  EXPECT_FALSE(absl::StrContains(run.combined, "Zq9")) << "part of the password is in the output";
}

}  // namespace
}  // namespace e2e
