// File: tests/e2e/debug_mode_test.cc
//
// Debug mode as provider authors use it (terraform-plugin-go's): start the
// provider with -debug, paste the TF_REATTACH_PROVIDERS line it prints into
// the real terraform's environment, and plan. Terraform then talks to the
// running process (no dev_overrides, no init, no process of its own) and the
// plan fails at pid_mode as it does with an installed provider.

#include <chrono>
#include <csignal>
#include <fstream>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"
#include "tests/support/plugin_process.h"
#include "tests/support/process_stats.h"

namespace e2e {
namespace {

// The value between the quotes of "\tTF_REATTACH_PROVIDERS='...'", once the
// provider has printed it; empty after `timeout`.
std::string WaitForReattachValue(const cc_test::PluginProcess& process,
                                 std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  constexpr absl::string_view kPrefix = "\tTF_REATTACH_PROVIDERS='";
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string out = process.Stdout();
    for (absl::string_view line : absl::StrSplit(out, '\n')) {
      if (absl::ConsumePrefix(&line, kPrefix) && absl::ConsumeSuffix(&line, "'") &&
          absl::StrContains(out, std::string(kPrefix) + std::string(line) + "'\n")) {
        return std::string(line);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return "";
}

TEST(DebugMode, PlanThroughTfReattachProvidersFailsAtPidMode) {
  cc_test::TempDir socket_dir("cc-e2e-debug");
  cc_test::PluginOptions options;
  options.magic_cookie = false;
  options.client_certificate_override = "";
  options.unix_socket_dir = socket_dir.path();
  options.arguments = {"-debug"};
  auto provider = cc_test::PluginProcess::Start(std::move(options));
  ASSERT_TRUE(provider.ok()) << provider.status();
  const std::string reattach = WaitForReattachValue(**provider, std::chrono::seconds(10));
  ASSERT_FALSE(reattach.empty()) << "stdout: " << (*provider)->Stdout()
                                 << "\nstderr: " << (*provider)->Stderr();

  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = "host"
}
)");
  WorkspaceOptions workspace_options;
  workspace_options.extra_env["TF_REATTACH_PROVIDERS"] = reattach;
  auto workspace = NewWorkspace({{"main.tf", config}}, std::move(workspace_options));
  ASSERT_NE(workspace, nullptr);
  // No dev_overrides: the provider can only come from the reattach line.
  std::ofstream(workspace->dir().parent_path() / "cli.tfrc") << "disable_checkpoint = true\n";

  // Twice: Terraform leaves a debug provider running after each command.
  for (int run_number = 0; run_number < 2; ++run_number) {
    RunResult plan = workspace->Plan();
    EXPECT_EQ(plan.exit_code, 1) << plan.Describe();
    EXPECT_TRUE(HasDiagnostic(plan.combined, "Error", kEcs3Summary)) << plan.Describe();
    const std::string body = DiagnosticBody(plan.combined, "Error", kEcs3Summary);
    EXPECT_TRUE(absl::StrContains(body, SourceLocation(config, "pid_mode"))) << plan.Describe();
    EXPECT_TRUE(absl::StrContains(body, SourceLine(config, R"(pid_mode = "host")")))
        << plan.Describe();
    EXPECT_FALSE((*provider)->WaitForExit(std::chrono::milliseconds(100)).has_value())
        << "the debug provider ended after plan " << run_number << ": " << (*provider)->Stderr();
  }

  (*provider)->SendSignal(SIGINT);
  const auto exit = (*provider)->WaitForExit(std::chrono::seconds(10));
  ASSERT_TRUE(exit.has_value()) << "still serving 10 s after Ctrl-C";
  EXPECT_TRUE(exit->exited && exit->code == 0) << exit->code << " " << (*provider)->Stderr();
}

}  // namespace
}  // namespace e2e
