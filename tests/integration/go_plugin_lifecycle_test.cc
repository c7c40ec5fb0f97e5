// File: tests/integration/go_plugin_lifecycle_test.cc
//
// The end of a plugin's life: GRPCController.Shutdown, SIGTERM, a dead
// parent; and what must not end it: SIGINT, an open stdio stream.

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "grpc_controller.grpc.pb.h"
#include "grpc_stdio.grpc.pb.h"
#include "tests/support/plugin_process.h"

namespace cc_test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::unique_ptr<PluginProcess> StartServing() {
  auto process = PluginProcess::Start();
  if (!process.ok()) {
    ADD_FAILURE() << process.status();
    return nullptr;
  }
  if (auto line = (*process)->ReadHandshake(); !line.ok()) {
    ADD_FAILURE() << line.status();
    return nullptr;
  }
  return *std::move(process);
}

grpc::Status CallShutdown(grpc::Channel& channel) {
  auto stub = plugin::GRPCController::NewStub(
      std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + seconds(5));
  plugin::Empty request, response;
  return stub->Shutdown(&context, request, &response);
}

bool Exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

std::string Directory(const std::string& path) { return path.substr(0, path.rfind('/')); }

TEST(GoPluginLifecycle, ShutdownRepliesThenExitsWithStatusZeroAndRemovesTheSocket) {
  auto process = StartServing();
  ASSERT_NE(process, nullptr);
  auto channel = process->Channel();
  ASSERT_TRUE(CheckHealth(*channel, "plugin").ok());

  const grpc::Status status = CallShutdown(*channel);
  EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  const auto exit = process->WaitForExit(seconds(5));  // a bound, not a benchmark
  ASSERT_TRUE(exit.has_value()) << "still running 5 s after Shutdown";
  EXPECT_TRUE(exit->exited) << "signal " << exit->signal;
  EXPECT_EQ(exit->code, 0) << process->Stderr();
  EXPECT_FALSE(Exists(process->handshake().address));
  EXPECT_FALSE(Exists(Directory(process->handshake().address)));
}

TEST(GoPluginLifecycle, ShutdownEndsAnOpenStdioStream) {
  auto process = StartServing();
  ASSERT_NE(process, nullptr);
  auto channel = process->Channel();
  auto stdio = plugin::GRPCStdio::NewStub(channel);
  grpc::ClientContext stream_context;
  google::protobuf::Empty empty;
  auto reader = stdio->StreamStdio(&stream_context, empty);
  std::thread drain([&] {
    plugin::StdioData data;
    while (reader->Read(&data)) {
    }
  });

  EXPECT_TRUE(CallShutdown(*channel).ok());
  const auto exit = process->WaitForExit(seconds(5));
  drain.join();
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->code, 0);
}

TEST(GoPluginLifecycle, SigtermExitsCleanlyAndRemovesTheSocket) {
  auto process = StartServing();
  ASSERT_NE(process, nullptr);
  ASSERT_TRUE(Exists(process->handshake().address));
  process->SendSignal(SIGTERM);
  const auto exit = process->WaitForExit(seconds(5));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited) << "signal " << exit->signal;
  EXPECT_EQ(exit->code, 0);
  EXPECT_FALSE(Exists(process->handshake().address));
  EXPECT_FALSE(Exists(Directory(process->handshake().address)));
}

TEST(GoPluginLifecycle, SigintIsIgnored) {
  auto process = StartServing();
  ASSERT_NE(process, nullptr);
  process->SendSignal(SIGINT);
  process->SendSignal(SIGINT);
  EXPECT_FALSE(process->WaitForExit(milliseconds(300)).has_value()) << "SIGINT ended the plugin";
  auto health = CheckHealth(*process->Channel(), "plugin");
  ASSERT_TRUE(health.ok()) << health.status();
  EXPECT_EQ(*health, 1);
}

TEST(GoPluginLifecycle, NeverWritesToStdoutAfterTheHandshake) {
  auto process = StartServing();
  ASSERT_NE(process, nullptr);
  auto channel = process->Channel();
  ASSERT_TRUE(CheckHealth(*channel, "plugin").ok());
  ASSERT_TRUE(CallShutdown(*channel).ok());
  ASSERT_TRUE(process->WaitForExit(seconds(5)).has_value());
  const std::string out = process->Stdout();
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

// True once `pid` is gone or a zombie nobody has reaped yet.
bool HasEnded(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  const size_t close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

TEST(GoPluginLifecycle, ExitsWhenItsParentDies) {
  // sh starts the plugin in the background, notes its pid, and exits.
  char pid_file[] = "/tmp/cc-plugin-pid-XXXXXX";
  const int fd = ::mkstemp(pid_file);
  ASSERT_GE(fd, 0);
  ::close(fd);
  std::string binary = CC_PROVIDER_BINARY;
  std::string script = "\"$0\" </dev/null >/dev/null 2>&1 & echo $! > \"$1\"; sleep 0.5";
  std::string sh = "/bin/sh", dash_c = "-c";
  char* argv[] = {sh.data(), dash_c.data(), script.data(), binary.data(), pid_file, nullptr};
  std::string cookie = kMagicCookie, no_tls = "TF_DISABLE_PLUGIN_TLS=1";
  char* envp[] = {cookie.data(), no_tls.data(), nullptr};
  pid_t shell = -1;
  ASSERT_EQ(::posix_spawn(&shell, argv[0], nullptr, nullptr, argv, envp), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(shell, &status, 0), shell);
  pid_t plugin = 0;
  std::ifstream(pid_file) >> plugin;
  ::unlink(pid_file);
  ASSERT_GT(plugin, 0);

  const auto deadline = std::chrono::steady_clock::now() + seconds(5);
  while (!HasEnded(plugin) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(5));
  }
  const bool ended = HasEnded(plugin);
  if (!ended) ::kill(plugin, SIGKILL);
  EXPECT_TRUE(ended) << "the plugin outlived its parent by 5 s";
}

double Millis(std::chrono::nanoseconds d) { return static_cast<double>(d.count()) / 1e6; }

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

// Reports exec -> handshake line and Shutdown -> exit over several starts.
// A measurement for the record, not a timed assertion (DESIGN.md section 4):
// the only bound checked is the generous one above.
TEST(GoPluginLifecycle, MeasuresStartAndShutdownLatency) {
  constexpr int kRuns = 20;
  std::vector<double> handshake_ms, shutdown_rpc_ms, shutdown_to_exit_ms;
  for (int i = 0; i < kRuns; ++i) {
    auto process = StartServing();
    ASSERT_NE(process, nullptr);
    handshake_ms.push_back(Millis(process->TimeToHandshake()));
    auto channel = process->Channel();
    ASSERT_TRUE(CheckHealth(*channel, "plugin").ok());  // connection up first
    const auto before = std::chrono::steady_clock::now();
    ASSERT_TRUE(CallShutdown(*channel).ok());
    const auto replied = std::chrono::steady_clock::now();
    const auto exit = process->WaitForExit(seconds(5));
    ASSERT_TRUE(exit.has_value());
    shutdown_rpc_ms.push_back(Millis(replied - before));
    shutdown_to_exit_ms.push_back(Millis(exit->at - before));
  }
  std::printf("exec->handshake ms: p50 %.2f p90 %.2f max %.2f\n", Percentile(handshake_ms, 0.5),
              Percentile(handshake_ms, 0.9), Percentile(handshake_ms, 1));
  std::printf("Shutdown RPC ms: p50 %.2f max %.2f\n", Percentile(shutdown_rpc_ms, 0.5),
              Percentile(shutdown_rpc_ms, 1));
  std::printf("Shutdown call->exit ms: p50 %.2f p90 %.2f max %.2f\n",
              Percentile(shutdown_to_exit_ms, 0.5), Percentile(shutdown_to_exit_ms, 0.9),
              Percentile(shutdown_to_exit_ms, 1));
  RecordProperty("exec_to_handshake_p50_us",
                 static_cast<int>(Percentile(handshake_ms, 0.5) * 1000));
  RecordProperty("shutdown_to_exit_p50_us",
                 static_cast<int>(Percentile(shutdown_to_exit_ms, 0.5) * 1000));
}

}  // namespace
}  // namespace cc_test
