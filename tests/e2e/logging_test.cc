// File: tests/e2e/logging_test.cc
//
// What a user pastes into a bug report: `terraform plan` with TF_LOG=trace.
// The provider's log lines are there (Terraform shows our JSON lines under
// the provider's name), and no value from the configuration is, least of all
// a secret in a container's environment.

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kSecret[] = "AKIAIOSFODNN7EXAMPLE-s3cr3t-value";

// A compliant task definition (the plan succeeds and prints no diagnostic
// with a source snippet) whose container environment holds the secret, read
// by the data source and passed to a function.
std::string SecretConfig() {
  return Module(absl::StrCat(R"(
locals {
  containers = jsonencode([{
    name  = "app"
    image = "nginx"
    readonlyRootFilesystem = true
    user = "1000"
    logConfiguration = { logDriver = "awslogs" }
    environment = [{ name = "DB_PASSWORD", value = ")",
                             kSecret, R"(" }]
  }])
}

data "compliancecheck_ecs_task_definition" "x" {
  family                = "web"
  pid_mode              = "task"
  container_definitions = local.containers
}

resource "terraform_data" "checked" {
  input = "unchanged"
  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition({ pid_mode = "task", container_definitions = local.containers })
      error_message = "not compliant"
    }
    precondition {
      condition     = data.compliancecheck_ecs_task_definition.x.compliant
      error_message = "not compliant"
    }
  }
}
)"));
}

TEST(Logging, TracePlanLogsProviderRpcsAndNeverTheSecret) {
  WorkspaceOptions options;
  options.extra_env = {{"TF_LOG", "trace"}};
  auto workspace = NewWorkspace({{"main.tf", SecretConfig()}}, options);
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "RPC handled"))
      << "no provider log line reached Terraform's log";
  EXPECT_TRUE(absl::StrContains(run.combined, "ReadDataSource"));
  EXPECT_FALSE(absl::StrContains(run.combined, kSecret)) << "the secret is in the log";
  EXPECT_FALSE(absl::StrContains(run.combined, "s3cr3t")) << "part of the secret is in the log";
}

}  // namespace
}  // namespace e2e
