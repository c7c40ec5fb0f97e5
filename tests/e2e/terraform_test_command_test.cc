// File: tests/e2e/terraform_test_command_test.cc
//
// `terraform test` on examples/usage/terraform-test, as its README says: the
// module's own test file passes all four runs (passing asserts,
// expect_failures on a variable validation and on a precondition, the
// advisory-mode negative test of the data source).

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

TEST(TerraformTest, ExampleModuleTestsAllPass) {
  auto workspace = NewWorkspace({});
  ASSERT_NE(workspace, nullptr);
  ASSERT_TRUE(workspace->CopyFrom(SourceDir() / "examples" / "usage" / "terraform-test").ok());
  RunResult run = workspace->Terraform({"test", "-no-color"});
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined, "Success! 4 passed, 0 failed.")) << run.Describe();
  for (const char* name :
       {"compliant_by_default", "host_pid_mode_fails_the_variable_validation",
        "host_ipc_mode_fails_the_precondition", "advisory_mode_reports_host_pid_mode"}) {
    EXPECT_TRUE(absl::StrContains(run.combined, std::string("run \"") + name + "\"... pass"))
        << name << "\n"
        << run.Describe();
  }
}

// The same runs fail when what they assert is not so: with the data source
// in advisory mode by default, the variable's validation lets a host PID
// mode through and `expect_failures = [var.pid_mode]` is not met.
TEST(TerraformTest, ExpectFailuresRunFailsWhenTheValidationLetsHostThrough) {
  auto workspace = NewWorkspace({});
  ASSERT_NE(workspace, nullptr);
  ASSERT_TRUE(workspace->CopyFrom(SourceDir() / "examples" / "usage" / "terraform-test").ok());
  ASSERT_TRUE(workspace->WriteFile("advisory.auto.tfvars", "enforcement = \"warning\"\n").ok());
  RunResult run = workspace->Terraform({"test", "-no-color"});
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.combined,
                                "run \"host_pid_mode_fails_the_variable_validation\"... fail"))
      << run.Describe();
}

}  // namespace
}  // namespace e2e
