// File: tests/e2e/aws_provider_test.cc
//
// Next to the real hashicorp/aws provider, as users run it: both providers
// installed by `terraform init` from filesystem mirrors (a copy of our binary,
// never a symlink, in a mirror of its own), real aws_ecs_task_definition
// resources planned offline with fake credentials, and our functions reading
// `self` in their preconditions and postconditions.
//
// The AWS provider comes from an unpacked filesystem mirror: the directory
// named by CC_AWS_PROVIDER_MIRROR, else the first of the usual mirror places
// (kMirrorCandidates) that holds
// registry.terraform.io/hashicorp/aws/*/linux_amd64/terraform-provider-aws*.
// Without one these tests say so loudly and are reported as skipped: they are
// the only tests that may skip. The AWS provider is big (~0.4 s and ~200 MB a
// start, seconds of CPU per plan), so the cases run by one process share a
// plugin cache, and each case puts many resources in one plan.

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

constexpr char kMirrorVariable[] = "CC_AWS_PROVIDER_MIRROR";

// Where images and users keep unpacked provider mirrors, searched in order
// when CC_AWS_PROVIDER_MIRROR is not set ("~" is $HOME).
constexpr const char* kMirrorCandidates[] = {
    "/opt/tf-plugins",
    "~/.terraform.d/plugins",
    "~/.local/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
};

// Our provider's version in the test mirror.
constexpr char kVersion[] = "0.2.0";

// The terraform-provider-aws* binary of `mirror` (an unpacked filesystem
// mirror), or an empty path.
fs::path AwsProviderIn(const fs::path& mirror) {
  std::error_code ec;
  const fs::path aws = mirror / "registry.terraform.io" / "hashicorp" / "aws";
  for (const auto& version : fs::directory_iterator(aws, ec)) {
    std::error_code inner;
    for (const auto& file : fs::directory_iterator(version.path() / "linux_amd64", inner)) {
      if (absl::StartsWith(file.path().filename().string(), "terraform-provider-aws") &&
          access(file.path().c_str(), X_OK) == 0) {
        return file.path();
      }
    }
  }
  return {};
}

fs::path Expanded(absl::string_view candidate) {
  if (absl::ConsumePrefix(&candidate, "~/")) {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return {};
    return fs::path(home) / std::string(candidate);
  }
  return fs::path(std::string(candidate));
}

// The AWS provider's mirror, or nullopt with `why` saying where we looked.
std::optional<fs::path> FindAwsMirror(std::string* why) {
  if (const char* chosen = std::getenv(kMirrorVariable); chosen != nullptr && *chosen != '\0') {
    if (!AwsProviderIn(chosen).empty()) return fs::path(chosen);
    *why = absl::StrCat(kMirrorVariable, "=", chosen,
                        " holds no registry.terraform.io/hashicorp/aws/*/linux_amd64/"
                        "terraform-provider-aws*");
    return std::nullopt;
  }
  std::vector<std::string> looked;
  for (const char* candidate : kMirrorCandidates) {
    const fs::path dir = Expanded(candidate);
    if (dir.empty()) continue;
    if (!AwsProviderIn(dir).empty()) return dir;
    looked.push_back(dir.string());
  }
  *why = absl::StrCat(kMirrorVariable, " is not set and none of ", absl::StrJoin(looked, ", "),
                      " holds registry.terraform.io/hashicorp/aws/*/linux_amd64/"
                      "terraform-provider-aws*");
  return std::nullopt;
}

// Copies `file` to `target`: a release holds a file, and Terraform does not
// follow a symlinked mirror entry.
absl::Status CopyInto(const fs::path& file, const fs::path& target) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (!ec) fs::copy_file(file, target, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    return absl::InternalError(
        absl::StrCat("copy ", file.string(), " to ", target.string(), ": ", ec.message()));
  }
  return absl::OkStatus();
}

// What the failing conditions of the fleet name ("failing: fleet svc-07"),
// each once, and how many assert calls failed, from the Error diagnostics of
// `output`. Terraform prints no instance key for a condition of a resource
// with count or for_each, so the fixture's error_message names it.
struct Failures {
  std::set<std::string> named;
  int assert_errors = 0;
  std::set<std::string> assert_blocks;  // `in resource "TYPE" "NAME"` of each
};

Failures FailuresIn(absl::string_view output) {
  Failures failures;
  static const std::regex kNamed(R"(^failing: (.+)$)");
  static const std::regex kBlock(R"re(in resource "[a-z_]+" "([a-z_]+)":)re");
  for (const auto& diagnostic : ParseDiagnostics(output)) {
    if (diagnostic.severity != "Error") continue;
    if (diagnostic.summary == "Invalid function argument" &&
        absl::StrContains(diagnostic.body, "assert_ecs_task_definition")) {
      ++failures.assert_errors;
      std::smatch block;
      if (std::regex_search(diagnostic.body, block, kBlock)) {
        failures.assert_blocks.insert(block[1].str());
      }
    }
    for (absl::string_view line : absl::StrSplit(diagnostic.body, '\n')) {
      std::smatch match;
      const std::string text(absl::StripAsciiWhitespace(line));
      if (std::regex_match(text, match, kNamed)) failures.named.insert(match[1].str());
    }
  }
  return failures;
}

std::string Joined(const std::set<std::string>& items) { return absl::StrJoin(items, "\n  "); }

// The provider block every fixture uses: fake credentials, and the three
// settings that keep the AWS provider from calling AWS during plan.
constexpr char kOfflineAwsProvider[] = R"(
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock-access-key"
  secret_key                  = "mock-secret-key"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
)";

constexpr char kBothProviders[] = R"(terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}
)";

class AwsProvider : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string why;
    std::optional<fs::path> mirror = FindAwsMirror(&why);
    if (!mirror.has_value()) {
      skip_reason_ = new std::string(why);
      std::cerr << "\n"
                << "*************************************************************\n"
                << "*** SKIPPING the tests with the real hashicorp/aws provider:\n"
                << "*** " << why << ".\n"
                << "*** Set " << kMirrorVariable << " to an unpacked filesystem mirror\n"
                << "*** of hashicorp/aws to run them.\n"
                << "*************************************************************\n";
      return;
    }
    aws_mirror_ = new fs::path(*mirror);
    std::string pattern = (fs::temp_directory_path() / "cc-aws-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      setup_error_ = new std::string(absl::StrCat("mkdtemp: ", std::strerror(errno)));
      return;
    }
    shared_ = new fs::path(pattern);
    absl::StatusOr<fs::path> binary = ProviderBinary();
    if (!binary.ok()) {
      setup_error_ = new std::string(binary.status().message());
      return;
    }
    // Our mirror holds a copy of the binary, as a release would.
    absl::Status copied =
        CopyInto(*binary, OurMirror() / "registry.terraform.io/compliancecheck/compliancecheck" /
                              kVersion / "linux_amd64" /
                              absl::StrCat("terraform-provider-compliancecheck_v", kVersion));
    if (!copied.ok()) setup_error_ = new std::string(copied.message());
    fs::create_directories(*shared_ / "plugin-cache");
  }

  static void TearDownTestSuite() {
    if (shared_ != nullptr && std::getenv("KEEP_E2E") == nullptr) {
      std::error_code ec;
      fs::remove_all(*shared_, ec);
    }
  }

  void SetUp() override {
    if (skip_reason_ != nullptr) GTEST_SKIP() << "no hashicorp/aws mirror: " << *skip_reason_;
    ASSERT_EQ(setup_error_, nullptr) << *setup_error_;
  }

  static fs::path OurMirror() { return *shared_ / "compliancecheck-mirror"; }

  // A workspace whose CLI config shares the suite's plugin cache (so each
  // init links the providers instead of unpacking them again) and has no
  // dev_overrides: `init` installs both providers from the mirrors.
  static std::unique_ptr<Workspace> AwsWorkspace(const std::map<std::string, std::string>& files,
                                                 std::string cli_config = "") {
    WorkspaceOptions options;
    options.timeout = std::chrono::seconds(600);
    options.cli_config = cli_config.empty()
                             ? absl::StrCat("disable_checkpoint = true\nplugin_cache_dir = \"",
                                            (*shared_ / "plugin-cache").string(), "\"\n")
                             : std::move(cli_config);
    options.extra_env = {{"AWS_EC2_METADATA_DISABLED", "true"}};
    return NewWorkspace(files, options);
  }

  // `terraform init` from the AWS mirror and ours.
  static RunResult InitFromMirrors(const Workspace& workspace) {
    return workspace.Terraform({"init", "-input=false", "-no-color",
                                "-plugin-dir=" + aws_mirror_->string(),
                                "-plugin-dir=" + OurMirror().string()});
  }

  static inline std::string* skip_reason_ = nullptr;
  static inline std::string* setup_error_ = nullptr;
  static inline fs::path* aws_mirror_ = nullptr;
  static inline fs::path* shared_ = nullptr;
};

// examples/aws as shipped: its README's commands (fake credentials from the
// environment) plan 2 task definitions, and a host PID mode fails the plan.
TEST_F(AwsProvider, ExamplePlansAsShippedAndFailsWithHostPidMode) {
  auto workspace = AwsWorkspace({});
  ASSERT_NE(workspace, nullptr);
  ASSERT_TRUE(workspace->CopyFrom(SourceDir() / "examples" / "aws").ok());
  RunResult init = InitFromMirrors(*workspace);
  ASSERT_EQ(init.exit_code, 0) << init.Describe();

  const std::string credentials = "AWS_ACCESS_KEY_ID=mock AWS_SECRET_ACCESS_KEY=mock ";
  RunResult plan = workspace->Shell(credentials + "terraform plan -input=false -no-color");
  EXPECT_EQ(plan.exit_code, 0) << plan.Describe();
  EXPECT_TRUE(absl::StrContains(plan.stdout_text, "Plan: 2 to add, 0 to change, 0 to destroy."))
      << plan.Describe();
  EXPECT_FALSE(HasDiagnostic(plan.combined, "Error", "")) << plan.Describe();

  RunResult host =
      workspace->Shell(credentials + "terraform plan -input=false -no-color -var pid_mode=host");
  EXPECT_EQ(host.exit_code, 1) << host.Describe();
  EXPECT_TRUE(HasDiagnostic(host.combined, "Error", "Invalid value for variable"))
      << host.Describe();
  EXPECT_TRUE(absl::StrContains(host.combined, "AWS Security Hub ECS.3")) << host.Describe();
  // The resource fed from the variable is never planned.
  EXPECT_FALSE(absl::StrContains(host.stdout_text, "aws_ecs_task_definition.web will be"))
      << host.Describe();
}

// The fleet: one plan of many real aws_ecs_task_definition resources whose
// postconditions pass `self` to our functions, through for_each, count, a
// module, container_definitions from jsonencode, a heredoc and file(), plus a
// precondition. With include_bad the plan fails on exactly the bad ones.
std::map<std::string, std::string> FleetFiles() {
  std::map<std::string, std::string> files;
  files["main.tf"] = absl::StrCat(kBothProviders, kOfflineAwsProvider, R"(
variable "include_bad" {
  type    = bool
  default = true
}

locals {
  bad = var.include_bad ? toset(["svc-07", "svc-42"]) : toset([])

  # 50 services, two of them with a host PID mode.
  fleet = { for i in range(50) : format("svc-%02d", i) => {
    pid_mode = contains(local.bad, format("svc-%02d", i)) ? "host" : "task"
  } }

  guarded = {
    family   = "guarded"
    pid_mode = var.include_bad ? "host" : "task"
  }
}

resource "aws_ecs_task_definition" "fleet" {
  for_each = local.fleet

  family   = each.key
  pid_mode = each.value.pid_mode
  container_definitions = jsonencode([{
    name      = each.key
    image     = "public.ecr.aws/nginx/nginx:1.27"
    memory    = 128
    essential = true
  }])

  lifecycle {
    postcondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(self)
      error_message = "not compliant"
    }
    # assert's own error replaces error_message and Terraform prints no
    # instance key: this one names the instance.
    postcondition {
      condition     = alltrue([for f in provider::compliancecheck::check_ecs_task_definition(self).findings : f.level != "error"])
      error_message = "failing: fleet ${each.key}"
    }
  }
}

resource "aws_ecs_task_definition" "counted" {
  count = 2

  family   = "counted-${count.index}"
  pid_mode = count.index == 1 && var.include_bad ? "host" : null

  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "image": "public.ecr.aws/docker/library/busybox:1.36",
        "memory": 128,
        "essential": true
      }
    ]
  JSON

  lifecycle {
    postcondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(self)
      error_message = "not compliant"
    }
    postcondition {
      condition     = alltrue([for f in provider::compliancecheck::check_ecs_task_definition(self).findings : f.level != "error"])
      error_message = "failing: counted ${count.index}"
    }
  }
}

resource "aws_ecs_task_definition" "from_file" {
  family                = "from-file"
  pid_mode              = var.include_bad ? "host" : "task"
  container_definitions = file("${path.module}/containers.json")

  lifecycle {
    postcondition {
      condition     = alltrue([for f in provider::compliancecheck::check_ecs_task_definition(self).findings : f.level != "error"])
      error_message = "failing: from_file ${join(",", [for f in provider::compliancecheck::check_ecs_task_definition(self).findings : f.control_id if f.level == "error"])}"
    }
  }
}

resource "aws_ecs_task_definition" "guarded" {
  family                = local.guarded.family
  pid_mode              = local.guarded.pid_mode
  container_definitions = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.27", memory = 128 }])

  lifecycle {
    precondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(local.guarded)
      error_message = "not compliant"
    }
  }
}

# The AWS provider plans container_definitions normalized: keys ECS does not
# know (pidMode inside a container) are gone from self, so only the raw JSON
# shows the misplaced key (docs/guides/troubleshooting.md says so).
locals {
  misplaced = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.27", memory = 128, pidMode = "host" }])
}

resource "aws_ecs_task_definition" "normalized" {
  family                = "normalized"
  container_definitions = local.misplaced

  lifecycle {
    postcondition {
      condition     = alltrue([for f in provider::compliancecheck::check_ecs_task_definition(self).findings : f.level != "error"])
      error_message = "failing: normalized"
    }
  }
}

output "misplaced_raw_findings" {
  value = [for f in provider::compliancecheck::check_ecs_task_definition({ container_definitions = local.misplaced }).findings : f.attribute if f.control_id == "ecs_container_definitions_misplaced_namespace_key"]
}

module "svc_ok" {
  source   = "./modules/svc"
  family   = "svc-ok"
  pid_mode = "task"
}

module "svc_bad" {
  source   = "./modules/svc"
  family   = "svc-bad"
  pid_mode = var.include_bad ? "host" : null
}
)");
  files["containers.json"] = R"([
  {
    "name": "app",
    "image": "public.ecr.aws/nginx/nginx:1.27",
    "memory": 128,
    "essential": true
  }
]
)";
  files["modules/svc/main.tf"] = absl::StrCat(kBothProviders, R"(
variable "family" {
  type = string
}

variable "pid_mode" {
  type    = string
  default = null
}

resource "aws_ecs_task_definition" "this" {
  family                = var.family
  pid_mode              = var.pid_mode
  container_definitions = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.27", memory = 128 }])

  lifecycle {
    postcondition {
      condition     = provider::compliancecheck::assert_ecs_task_definition(self)
      error_message = "not compliant"
    }
    postcondition {
      condition     = alltrue([for f in provider::compliancecheck::check_ecs_task_definition(self).findings : f.level != "error"])
      error_message = "failing: module ${var.family}"
    }
  }
}
)");
  return files;
}

TEST_F(AwsProvider, PreAndPostconditionsWithSelfFailExactlyTheBadTaskDefinitions) {
  auto workspace = AwsWorkspace(FleetFiles());
  ASSERT_NE(workspace, nullptr);
  RunResult init = InitFromMirrors(*workspace);
  ASSERT_EQ(init.exit_code, 0) << init.Describe();

  RunResult bad = workspace->Plan();
  EXPECT_EQ(bad.exit_code, 1) << bad.Describe();
  const Failures failures = FailuresIn(bad.combined);
  const std::set<std::string> expected = {
      "counted 1",      "fleet svc-07",
      "fleet svc-42",   "from_file ecs_task_definition_no_host_pid_mode",
      "module svc-bad",
  };
  EXPECT_EQ(failures.named, expected) << "failing:\n  " << Joined(failures.named) << "\n"
                                      << bad.Describe();
  // assert_ecs_task_definition failed once per bad instance (fleet 2,
  // counted 1, the module 1) and in the precondition of `guarded`.
  EXPECT_EQ(failures.assert_errors, 5) << bad.Describe();
  EXPECT_EQ(failures.assert_blocks, (std::set<std::string>{"counted", "fleet", "guarded", "this"}))
      << bad.Describe();
  // The function error names the control and says how to fix it.
  EXPECT_TRUE(absl::StrContains(bad.combined, "[ecs_task_definition_no_host_pid_mode]"))
      << bad.Describe();
  EXPECT_TRUE(absl::StrContains(bad.combined, "Fix: Omit pid_mode")) << bad.Describe();

  RunResult good = workspace->Plan({"-var", "include_bad=false"});
  EXPECT_EQ(good.exit_code, 0) << good.Describe();
  EXPECT_TRUE(absl::StrContains(good.stdout_text, "Plan: 57 to add, 0 to change, 0 to destroy."))
      << good.Describe();
  EXPECT_TRUE(absl::StrContains(good.stdout_text, R"(+ misplaced_raw_findings = [
      + "container_definitions[0].pidMode",
    ])"))
      << good.Describe();
}

// The README's filesystem-mirror recipe, run as written, with a second
// provider from the registry. Offline, the AWS mirror stands in for the
// registry (a filesystem_mirror block for hashicorp/aws, which `direct`
// then excludes); everything else is the README's text.
TEST_F(AwsProvider, ReadmeMirrorRecipeInitsBothProviders) {
  const std::string readme = ReadText(SourceDir() / "README.md");
  std::string recipe;      // the sh block that fills the mirror
  std::string cli_config;  // the hcl block with filesystem_mirror
  std::string lock;        // the `terraform providers lock` line
  {
    static const std::regex kFence(R"(```(\w*)\n([\s\S]*?)```)");
    for (auto it = std::sregex_iterator(readme.begin(), readme.end(), kFence);
         it != std::sregex_iterator(); ++it) {
      const std::string language = (*it)[1].str();
      const std::string body = (*it)[2].str();
      if (language == "sh" && absl::StrContains(body, "compliancecheck/compliancecheck/$v")) {
        recipe = body;
      }
      if (language == "hcl" && absl::StrContains(body, "filesystem_mirror")) cli_config = body;
      if (language == "sh" && absl::StrContains(body, "terraform providers lock")) {
        for (absl::string_view line : absl::StrSplit(body, '\n')) {
          if (absl::StartsWith(line, "terraform providers lock")) lock = std::string(line);
        }
      }
    }
  }
  ASSERT_FALSE(recipe.empty()) << "README.md has no sh block filling the mirror";
  ASSERT_FALSE(cli_config.empty()) << "README.md has no hcl block with filesystem_mirror";
  ASSERT_FALSE(lock.empty()) << "README.md has no `terraform providers lock` command";
  ASSERT_TRUE(absl::StrContains(cli_config, "direct {")) << cli_config;
  ASSERT_TRUE(absl::StrContains(cli_config, "exclude")) << cli_config;
  ASSERT_TRUE(absl::StrContains(cli_config, "include")) << cli_config;

  absl::StatusOr<fs::path> binary = ProviderBinary();
  ASSERT_TRUE(binary.ok()) << binary.status();
  // The README's paths, made this run's: the binary as built, and $HOME.
  auto workspace = AwsWorkspace({{"main.tf", absl::StrCat(kBothProviders, kOfflineAwsProvider, R"(
data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = "task"
}

resource "aws_ecs_task_definition" "web" {
  family                = data.compliancecheck_ecs_task_definition.web.family
  pid_mode              = data.compliancecheck_ecs_task_definition.web.pid_mode
  container_definitions = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.27", memory = 128 }])
}
)")}},
                                "disable_checkpoint = true\n");
  ASSERT_NE(workspace, nullptr);
  const fs::path home = workspace->dir().parent_path() / "home";
  recipe = absl::StrReplaceAll(
      recipe, {{"build/provider/terraform-provider-compliancecheck", binary->string()}});
  RunResult filled = workspace->Shell(recipe);
  ASSERT_EQ(filled.exit_code, 0) << filled.Describe();

  static const std::regex kPath(R"re(path\s*=\s*"([^"]*)")re");
  std::smatch path;
  ASSERT_TRUE(std::regex_search(cli_config, path, kPath)) << cli_config;
  std::string config = absl::StrReplaceAll(
      cli_config,
      {{path[1].str(), absl::StrReplaceAll(path[1].str(), {{"/home/you", home.string()}})}});
  // The registry, offline: the AWS mirror for hashicorp/aws, and `direct`
  // not asked for it (Terraform unions the versions of every matching
  // method, so it would still query the registry).
  ASSERT_TRUE(absl::StrContains(config, "exclude = [")) << config;
  config = absl::StrReplaceAll(
      config, {{"exclude = [", "exclude = [\"registry.terraform.io/hashicorp/aws\", "}});
  config = absl::StrReplaceAll(
      config,
      {{"provider_installation {\n",
        absl::StrCat("provider_installation {\n  filesystem_mirror {\n    path    = \"",
                     aws_mirror_->string(),
                     "\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n")}});
  std::ofstream(workspace->CliConfigFile(), std::ios::app) << config;

  RunResult init = workspace->Terraform({"init", "-input=false", "-no-color"});
  ASSERT_EQ(init.exit_code, 0) << init.Describe() << "\nCLI config:\n" << config;
  EXPECT_TRUE(absl::StrContains(init.combined, "compliancecheck/compliancecheck v0.2.0"))
      << init.Describe();
  EXPECT_TRUE(absl::StrContains(init.combined, "hashicorp/aws v")) << init.Describe();

  RunResult locked = workspace->Shell(lock);
  EXPECT_EQ(locked.exit_code, 0) << locked.Describe();
  const std::string lock_file = ReadText(workspace->dir() / ".terraform.lock.hcl");
  EXPECT_TRUE(absl::StrContains(lock_file, "registry.terraform.io/compliancecheck/compliancecheck"))
      << lock_file;
  EXPECT_TRUE(absl::StrContains(lock_file, "registry.terraform.io/hashicorp/aws")) << lock_file;

  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 0) << plan.Describe();
  EXPECT_TRUE(absl::StrContains(plan.stdout_text, "Plan: 1 to add, 0 to change, 0 to destroy."))
      << plan.Describe();
}

}  // namespace
}  // namespace e2e
