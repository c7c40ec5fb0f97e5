// File: tests/integration/command_line_test.cc
//
// The provider binary run by hand: -version, -debug (serving for Terraform
// to reattach to, PRODUCT.md "Distribution"), an unknown flag, and the
// version on the first log line of a run started by the host.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "tests/support/plugin_process.h"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

using std::chrono::seconds;

// The version CMake's project() declares: the one source of truth.
std::string ProjectVersion() {
  std::ifstream in(std::string(CC_SOURCE_DIR) + "/CMakeLists.txt");
  std::stringstream text;
  text << in.rdbuf();
  std::smatch match;
  const std::string s = text.str();
  if (!std::regex_search(s, match, std::regex(R"(project\(compliancecheck VERSION ([0-9.]+))"))) {
    return "";
  }
  return match[1];
}

bool BuiltFromGit() { return std::filesystem::exists(std::string(CC_SOURCE_DIR) + "/.git"); }

// Polls `process`'s stdout until it contains `text` or `timeout` passes.
bool StdoutContains(const PluginProcess& process, const std::string& text, seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (absl::StrContains(process.Stdout(), text)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return absl::StrContains(process.Stdout(), text);
}

// -version: one line, the project's version and (from a git checkout) the
// commit; exit 0; nothing on stderr. Needs no cookie.
TEST(CommandLine, VersionPrintsTheProjectVersionAndCommitAndExitsZero) {
  const std::string version = ProjectVersion();
  ASSERT_FALSE(version.empty()) << "no project(compliancecheck VERSION x.y.z) in CMakeLists.txt";
  for (const char* flag : {"-version", "--version"}) {
    PluginOptions options;
    options.magic_cookie = false;
    options.arguments = {flag};
    auto process = PluginProcess::Start(std::move(options));
    ASSERT_TRUE(process.ok()) << process.status();
    const auto exit = (*process)->WaitForExit(seconds(10));
    ASSERT_TRUE(exit.has_value()) << flag << ": still running";
    EXPECT_TRUE(exit->exited && exit->code == 0) << flag << ": exit " << exit->code;
    const std::string out = (*process)->Stdout();
    std::string pattern =
        "compliancecheck " + std::regex_replace(version, std::regex(R"(\.)"), R"(\.)");
    pattern += BuiltFromGit() ? R"( \(commit [0-9a-f]{12}(-dirty)?\)\n)" : R"(\n)";
    EXPECT_TRUE(std::regex_match(out, std::regex(pattern))) << flag << " printed: " << out;
    EXPECT_EQ((*process)->Stderr(), "") << flag;
  }
}

// An unknown flag is a usage error (exit 2, as Go's flag package does), not
// a start as a plugin.
TEST(CommandLine, UnknownFlagPrintsUsageAndExitsTwo) {
  PluginOptions options;
  options.arguments = {"-serve-forever"};
  auto process = PluginProcess::Start(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  const auto exit = (*process)->WaitForExit(seconds(10));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited && exit->code == 2) << exit->code;
  EXPECT_EQ((*process)->Stdout(), "");
  EXPECT_TRUE(absl::StrContains((*process)->Stderr(), "-debug")) << (*process)->Stderr();
}

// The first log line of a run says which build wrote the log.
TEST(CommandLine, FirstLogLineCarriesTheVersion) {
  TempDir socket_dir("cc-version-log");
  PluginOptions options;
  options.unix_socket_dir = socket_dir.path();
  options.extra_environment = {"TF_LOG_PROVIDER_COMPLIANCECHECK=trace"};
  auto process = PluginProcess::Start(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  ASSERT_TRUE((*process)->ReadHandshake().ok());
  ProviderClient client((*process)->Channel());
  tfplugin6::DynamicValue task;
  task.set_msgpack("\xa4task");  // the string "task"
  ASSERT_TRUE(client.CallFunction("ecs_pid_mode_compliant", {task}).ok());
  ASSERT_TRUE(client.Shutdown().ok());
  ASSERT_TRUE((*process)->WaitForExit(seconds(10)).has_value());
  const std::vector<std::string> lines =
      absl::StrSplit((*process)->Stderr(), '\n', absl::SkipEmpty());
  ASSERT_GE(lines.size(), 2u) << (*process)->Stderr();
  const auto first = nlohmann::json::parse(lines[0], nullptr, false);
  ASSERT_TRUE(first.is_object()) << lines[0];
  ASSERT_TRUE(first.contains("version")) << lines[0];
  EXPECT_TRUE(
      absl::StartsWith(first["version"].get<std::string>(), "compliancecheck " + ProjectVersion()))
      << lines[0];
  const auto second = nlohmann::json::parse(lines[1], nullptr, false);
  EXPECT_FALSE(second.contains("version")) << "only the first line: " << lines[1];
}

// What -debug printed, taken apart.
struct Reattach {
  std::string quoted_json;  // between the single quotes
  nlohmann::json entry;     // the provider's object
};

Reattach ParseReattachLine(const std::string& out) {
  Reattach r;
  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    const std::string prefix = "\tTF_REATTACH_PROVIDERS='";
    if (!absl::StartsWith(line, prefix) || !absl::EndsWith(line, "'")) continue;
    r.quoted_json = std::string(line.substr(prefix.size(), line.size() - prefix.size() - 1));
    const auto all = nlohmann::json::parse(r.quoted_json, nullptr, false);
    if (all.is_object() && all.size() == 1 &&
        all.contains("registry.terraform.io/compliancecheck/compliancecheck")) {
      r.entry = all["registry.terraform.io/compliancecheck/compliancecheck"];
    }
  }
  return r;
}

// -debug serves without go-plugin's host: no cookie, no client certificate;
// it prints the TF_REATTACH_PROVIDERS line that Terraform's reattach client
// reads, serves plaintext on an owner-only unix socket across connections
// (Terraform opens one per command), and ends cleanly on Ctrl-C.
TEST(CommandLine, DebugPrintsReattachLineServesPlaintextAndStopsOnInterrupt) {
  TempDir socket_dir("cc-debug");
  PluginOptions options;
  options.magic_cookie = false;
  options.client_certificate_override = "";  // no PLUGIN_CLIENT_CERT
  options.protocol_versions = "";
  options.unix_socket_dir = socket_dir.path();
  options.arguments = {"-debug"};
  auto process = PluginProcess::Start(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  ASSERT_TRUE(StdoutContains(**process, "TF_REATTACH_PROVIDERS='", seconds(10)))
      << "stdout: " << (*process)->Stdout() << "\nstderr: " << (*process)->Stderr();
  ASSERT_TRUE(StdoutContains(**process, "\n\n", seconds(5)));

  const Reattach r = ParseReattachLine((*process)->Stdout());
  ASSERT_TRUE(r.entry.is_object()) << (*process)->Stdout();
  EXPECT_EQ(r.entry.value("Protocol", ""), "grpc");
  EXPECT_EQ(r.entry.value("ProtocolVersion", 0), 6);
  EXPECT_EQ(r.entry.value("Pid", 0), (*process)->pid());
  EXPECT_EQ(r.entry.value("Test", false), true) << "without Test, Terraform kills it after one run";
  ASSERT_TRUE(r.entry.contains("Addr") && r.entry["Addr"].is_object());
  EXPECT_EQ(r.entry["Addr"].value("Network", ""), "unix");
  const std::string socket = r.entry["Addr"].value("String", "");
  ASSERT_TRUE(absl::StartsWith(socket, socket_dir.path() + "/")) << socket;
  struct stat st {};
  ASSERT_EQ(::stat(socket.c_str(), &st), 0) << socket;
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0077, 0u) << "others could reach a plaintext socket";

  for (int session = 0; session < 2; ++session) {
    auto channel = grpc::CreateChannel("unix:" + socket, grpc::InsecureChannelCredentials());
    ProviderClient client(channel);
    const auto schema = client.GetProviderSchema();
    ASSERT_TRUE(schema.ok()) << "session " << session << ": " << schema.status();
    EXPECT_TRUE(schema->data_source_schemas().contains("compliancecheck_ecs_task_definition"));
  }
  EXPECT_FALSE((*process)->WaitForExit(std::chrono::milliseconds(200)).has_value())
      << "debug mode must serve until interrupted";

  (*process)->SendSignal(SIGINT);
  const auto exit = (*process)->WaitForExit(seconds(10));
  ASSERT_TRUE(exit.has_value()) << "still serving 10 s after SIGINT";
  EXPECT_TRUE(exit->exited && exit->code == 0) << exit->code << " signal " << exit->signal;
  EXPECT_FALSE(std::filesystem::exists(socket)) << "socket left behind";
  EXPECT_EQ((*process)->Stderr().find("fatal error"), std::string::npos) << (*process)->Stderr();
}

// SIGTERM ends a debug session as cleanly as Ctrl-C.
TEST(CommandLine, DebugStopsOnSigterm) {
  TempDir socket_dir("cc-debug-term");
  PluginOptions options;
  options.magic_cookie = false;
  options.client_certificate_override = "";
  options.unix_socket_dir = socket_dir.path();
  options.arguments = {"--debug"};
  auto process = PluginProcess::Start(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  ASSERT_TRUE(StdoutContains(**process, "TF_REATTACH_PROVIDERS='", seconds(10)))
      << (*process)->Stderr();
  (*process)->SendSignal(SIGTERM);
  const auto exit = (*process)->WaitForExit(seconds(10));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited && exit->code == 0) << exit->code << " signal " << exit->signal;
}

}  // namespace
}  // namespace cc_test
