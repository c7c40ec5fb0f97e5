// File: tests/e2e/readme_logging_test.cc
//
// The README's logging commands, run exactly as written (through /bin/sh, in
// a workspace holding a compliant configuration), leave the provider's lines
// where the README says: each command's file holds our "RPC handled" lines,
// at the level the command asks for. And what the README says shows nothing
// does show nothing: Terraform drops provider lines unless TF_LOG or
// TF_LOG_PROVIDER is set.

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

// A plan that reads a data source and calls a function: both RPC kinds log.
std::string CompliantConfig() {
  return Module(R"(
data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = "task"
}

output "checked" {
  value = provider::compliancecheck::assert_ecs_task_definition({ pid_mode = "task" })
}
)");
}

// The commands of the first sh block in the README's logging section.
std::vector<std::string> ReadmeLoggingCommands() {
  const std::string readme = ReadText(SourceDir() / "README.md");
  const size_t section = readme.find("### Logs, for a bug report");
  if (section == std::string::npos) return {};
  const size_t start = readme.find("```sh\n", section);
  if (start == std::string::npos) return {};
  const size_t end = readme.find("```", start + 6);
  std::vector<std::string> commands;
  for (absl::string_view line :
       absl::StrSplit(readme.substr(start + 6, end - start - 6), '\n', absl::SkipEmpty())) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty() && line[0] != '#') commands.emplace_back(line);
  }
  return commands;
}

// The file a command sends the log to: TF_LOG_PATH=FILE or 2>FILE.
std::string LogFileOf(const std::string& command) {
  static const std::regex kPath(R"((?:TF_LOG_PATH=|2>)(\S+))");
  std::smatch match;
  return std::regex_search(command, match, kPath) ? match[1].str() : "";
}

// Our provider's lines in Terraform's log, as Terraform relays them.
int ProviderLines(const std::string& log, absl::string_view message) {
  int count = 0;
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (absl::StrContains(line, "provider.terraform-provider-compliancecheck") &&
        absl::StrContains(line, message)) {
      ++count;
    }
  }
  return count;
}

TEST(ReadmeLogging, EveryCommandLeavesProviderLinesInItsFile) {
  const std::vector<std::string> commands = ReadmeLoggingCommands();
  ASSERT_GE(commands.size(), 2u) << "README.md's logging section lost its sh block";
  for (const std::string& command : commands) {
    SCOPED_TRACE(command);
    const std::string file = LogFileOf(command);
    ASSERT_FALSE(file.empty()) << "the command names no log file (TF_LOG_PATH= or 2>)";
    auto workspace = NewWorkspace({{"main.tf", CompliantConfig()}});
    ASSERT_NE(workspace, nullptr);
    RunResult run = workspace->Shell(command);
    ASSERT_EQ(run.exit_code, 0) << run.Describe();
    const std::string log = ReadText(workspace->dir() / file);
    EXPECT_GE(ProviderLines(log, "RPC handled"), 2) << "no provider lines in " << file << ":\n"
                                                    << log.substr(0, 4000);
    EXPECT_GE(ProviderLines(log, " rpc=ReadDataSource"), 1) << log.substr(0, 4000);
    if (absl::StrContains(command, "=debug")) {
      EXPECT_EQ(ProviderLines(log, "RPC received"), 0) << "trace lines at debug";
    }
    if (absl::StrContains(command, "=trace")) {
      EXPECT_GE(ProviderLines(log, "RPC received"), 1) << "no trace lines at trace";
    }
  }
}

// The README says the provider's own variable alone shows nothing.
TEST(ReadmeLogging, ProviderVariableAloneShowsNothing) {
  auto workspace = NewWorkspace({{"main.tf", CompliantConfig()}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Shell(
      "TF_LOG_PROVIDER_COMPLIANCECHECK=trace terraform plan -input=false -no-color 2>plan.log");
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_EQ(ProviderLines(ReadText(workspace->dir() / "plan.log"), "RPC"), 0);
}

// TF_LOG=1 (any unrecognised value) is trace for Terraform, and for us.
TEST(ReadmeLogging, UnrecognisedTfLogValueIsTrace) {
  auto workspace = NewWorkspace({{"main.tf", CompliantConfig()}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Shell("TF_LOG=1 terraform plan -input=false -no-color 2>plan.log");
  ASSERT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_GE(ProviderLines(ReadText(workspace->dir() / "plan.log"), "RPC received"), 1);
}

}  // namespace
}  // namespace e2e
