// File: tests/e2e/troubleshooting_test.cc
//
// What docs/guides/troubleshooting.md and install.md tell users, done the
// way they would do it: a literal "host" under count = 0 blocks
// `terraform destroy` (with -refresh=false too), each way out the page names
// lets the destroy through, -refresh=false gets past a value that is not
// literal, and a binary in ~/.terraform.d/plugins is installed by a plain
// `terraform init` without any CLI configuration.

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

std::string CountZeroExample() {
  return ReadText(SourceDir() / "examples" / "usage" / "count-zero" / "main.tf");
}

// Something in the state to destroy, next to the data source.
constexpr char kResource[] = R"(
resource "terraform_data" "service" {
  input = "legacy"
}
)";

// A workspace with the resource applied, then `main.tf` replaced by
// `config` (which must still hold the resource).
std::unique_ptr<Workspace> AppliedThenChanged(const std::string& config) {
  auto workspace = NewModuleWorkspace(kResource);
  if (workspace == nullptr) return nullptr;
  RunResult apply = workspace->Apply();
  EXPECT_EQ(apply.exit_code, 0) << apply.Describe();
  EXPECT_TRUE(workspace->WriteFile("main.tf", config).ok());
  return workspace;
}

TEST(Troubleshooting, LiteralHostUnderCountZeroBlocksDestroy) {
  const std::string example = CountZeroExample();
  ASSERT_TRUE(absl::StrContains(example, "count    = 0")) << example;
  auto workspace = AppliedThenChanged(example + kResource);
  ASSERT_NE(workspace, nullptr);
  for (const char* refresh : {"-refresh=true", "-refresh=false"}) {
    SCOPED_TRACE(refresh);
    RunResult destroy = workspace->Terraform({"destroy", "-auto-approve", refresh});
    EXPECT_EQ(destroy.exit_code, 1) << destroy.Describe();
    EXPECT_TRUE(HasDiagnostic(destroy.combined, "Error", kEcs3Summary)) << destroy.Describe();
  }
}

TEST(Troubleshooting, EachWayOutLetsTheDestroyThrough) {
  const std::string example = CountZeroExample();
  const struct {
    const char* name;
    std::string config;
  } ways[] = {
      {"advisory mode",
       absl::StrReplaceAll(example,
                           {{"  count    = 0\n", "  count       = 0\n"},
                            {"  family   = \"legacy\"\n",
                             "  family      = \"legacy\"\n  enforcement = \"warning\"\n"}})},
      {"control off", example + R"(
provider "compliancecheck" {
  controls = { ecs_task_definition_no_host_pid_mode = "off" }
}
)"},
  };
  for (const auto& way : ways) {
    SCOPED_TRACE(way.name);
    ASSERT_NE(way.config, example);
    auto workspace = AppliedThenChanged(way.config + kResource);
    ASSERT_NE(workspace, nullptr);
    RunResult destroy = workspace->Terraform({"destroy", "-auto-approve"});
    EXPECT_EQ(destroy.exit_code, 0) << destroy.Describe();
    EXPECT_TRUE(absl::StrContains(destroy.stdout_text, "Destroy complete! Resources: 1 destroyed."))
        << destroy.Describe();
  }
}

// A value that is not literal fails only when the data source is read, and
// destroy reads data sources unless told -refresh=false.
TEST(Troubleshooting, RefreshFalseDestroysPastANonLiteralHost) {
  const std::string config = Module(absl::StrCat(R"(
variable "pid_mode" {
  type    = string
  default = "task"
}

data "compliancecheck_ecs_task_definition" "legacy" {
  family   = "legacy"
  pid_mode = var.pid_mode
}
)",
                                                 kResource));
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult apply = workspace->Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.Describe();
  RunResult blocked = workspace->Terraform({"destroy", "-auto-approve", "-var", "pid_mode=host"});
  EXPECT_EQ(blocked.exit_code, 1) << blocked.Describe();
  EXPECT_TRUE(HasDiagnostic(blocked.combined, "Error", kEcs3Summary)) << blocked.Describe();
  RunResult destroy =
      workspace->Terraform({"destroy", "-auto-approve", "-refresh=false", "-var", "pid_mode=host"});
  EXPECT_EQ(destroy.exit_code, 0) << destroy.Describe();
  EXPECT_TRUE(absl::StrContains(destroy.stdout_text, "Destroy complete! Resources: 1 destroyed."))
      << destroy.Describe();
}

// install.md: a binary in ~/.terraform.d/plugins (the same layout as a
// mirror) is found by `terraform init` with no CLI configuration at all.
TEST(Install, ImpliedLocalMirrorInHomeIsUsedByInit) {
  absl::StatusOr<fs::path> binary = ProviderBinary();
  ASSERT_TRUE(binary.ok()) << binary.status();
  auto workspace = NewModuleWorkspace(R"(
data "compliancecheck_ecs_task_definition" "web" {
  pid_mode = "task"
}
)");
  ASSERT_NE(workspace, nullptr);
  const fs::path home = workspace->dir().parent_path() / "home";
  const fs::path target = home /
                          ".terraform.d/plugins/registry.terraform.io/compliancecheck/"
                          "compliancecheck/0.2.0/linux_amd64/"
                          "terraform-provider-compliancecheck_v0.2.0";
  fs::create_directories(target.parent_path());
  fs::copy_file(*binary, target);
  // No provider_installation block: Terraform's default installation.
  std::ofstream(workspace->CliConfigFile(), std::ios::trunc) << "disable_checkpoint = true\n";
  RunResult init = workspace->Terraform({"init", "-input=false", "-no-color"});
  ASSERT_EQ(init.exit_code, 0) << init.Describe();
  EXPECT_TRUE(
      absl::StrContains(init.stdout_text, "Installed compliancecheck/compliancecheck v0.2.0"))
      << init.Describe();
  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 0) << plan.Describe();
  EXPECT_FALSE(absl::StrContains(plan.combined, "development overrides")) << plan.Describe();
}

}  // namespace
}  // namespace e2e
