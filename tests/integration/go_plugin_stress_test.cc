// File: tests/integration/go_plugin_stress_test.cc
//
// Many RPCs at once on one provider process, as Terraform sends them when a
// plan has many data sources and function calls: every answer is the right
// one for its own request, whatever runs beside it, and the process ends
// cleanly afterwards. Races in our handlers are ThreadSanitizer's business,
// in tests/unit/server_concurrency_test.cc: with Debian's uninstrumented
// gRPC, TSan cannot judge this test. Should a sanitized provider run here
// all the same, its report (non-zero status, text on stderr) fails the
// checks below.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"
#include "tests/support/rpc_mix.h"

namespace cc_test {
namespace {

using std::chrono::seconds;

constexpr int kConnections = 16;
constexpr int kCalls = 1000;

// Generous: a ThreadSanitizer build is an order of magnitude slower.
constexpr auto kCallDeadline = seconds(120);

// Counts finished calls and lets the test thread wait for all of them.
class Countdown {
 public:
  explicit Countdown(int n) : total_(n), left_(n) {}
  void Done() {
    std::lock_guard lock(mu_);
    --left_;
    changed_.notify_all();
  }
  bool Wait(std::chrono::seconds timeout) {
    std::unique_lock lock(mu_);
    return changed_.wait_for(lock, timeout, [this] { return left_ == 0; });
  }
  // Waits until at least one call has finished.
  bool WaitForFirst(std::chrono::seconds timeout) {
    std::unique_lock lock(mu_);
    return changed_.wait_for(lock, timeout, [this] { return left_ < total_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  const int total_;
  int left_;
};

// One call of the burst: its exchange, context and outcome.
struct Call {
  std::unique_ptr<Exchange> exchange;
  grpc::ClientContext context;
  grpc::Status status;
};

class GoPluginStress : public testing::Test {
 protected:
  void SetUp() override {
    PluginOptions options;
    options.unix_socket_dir = socket_dir_.path();
    auto process = StartServing(std::move(options));
    ASSERT_TRUE(process.ok()) << process.status();
    process_ = *std::move(process);
    for (int i = 0; i < kConnections; ++i) {
      channels_.push_back(DistinctChannel(*process_, i));
      stubs_.push_back(tfplugin6::Provider::NewStub(channels_.back()));
    }
  }

  // Starts `calls` (call i on connection i % kConnections) all at once with
  // the callback API and waits for every answer.
  void RunBurst(std::vector<Call>& calls, Countdown& countdown) {
    for (size_t i = 0; i < calls.size(); ++i) {
      Call& call = calls[i];
      call.context.set_deadline(std::chrono::system_clock::now() + kCallDeadline);
      call.exchange->Start(*stubs_[i % kConnections], &call.context,
                           [&call, &countdown](grpc::Status status) {
                             call.status = std::move(status);
                             countdown.Done();
                           });
    }
  }

  // Asks the process to end and checks it ended well: status 0, and nothing
  // on stderr that says otherwise (a crash banner, a sanitizer report).
  void ShutdownAndCheckExit() {
    ProviderClient client(channels_[0], seconds(30));
    EXPECT_TRUE(client.Shutdown().ok());
    const auto exit = process_->WaitForExit(seconds(30));
    ASSERT_TRUE(exit.has_value()) << "still running 30 s after Shutdown";
    const std::string stderr_text = process_->Stderr();
    EXPECT_TRUE(exit->exited) << "killed by signal " << exit->signal << "\n" << stderr_text;
    EXPECT_EQ(exit->code, 0) << stderr_text;
    EXPECT_FALSE(absl::StrContains(stderr_text, "ThreadSanitizer")) << stderr_text;
    EXPECT_FALSE(absl::StrContains(stderr_text, "fatal error:")) << stderr_text;
    EXPECT_TRUE(DirectoryEntries(socket_dir_.path()).empty()) << "socket left behind";
  }

  TempDir socket_dir_{"cc-stress"};
  std::unique_ptr<PluginProcess> process_;
  std::vector<std::shared_ptr<grpc::Channel>> channels_;
  std::vector<std::unique_ptr<tfplugin6::Provider::Stub>> stubs_;
};

TEST_F(GoPluginStress, AThousandConcurrentMixedRpcsOverSixteenConnectionsAllAnswerCorrectly) {
  // Every connection up first, so the burst runs on 16 connections at once.
  for (auto& channel : channels_) {
    ASSERT_TRUE(channel->WaitForConnected(std::chrono::system_clock::now() + seconds(30)))
        << "stderr: " << process_->Stderr();
  }
  auto descriptors = OpenFileDescriptors(process_->pid());
  ASSERT_TRUE(descriptors.ok()) << descriptors.status();
  // One listening socket plus one per connection: fewer means connections
  // were shared and the test would not be what it says.
  EXPECT_GE(CountSockets(*descriptors), kConnections + 1);

  std::vector<Call> calls(kCalls);
  for (int i = 0; i < kCalls; ++i) calls[i].exchange = MixedExchange(i);
  Countdown countdown(kCalls);
  const auto start = std::chrono::steady_clock::now();
  RunBurst(calls, countdown);
  ASSERT_TRUE(countdown.Wait(seconds(300))) << "calls still unanswered after 300 s";
  const double elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%d concurrent RPCs over %d connections: %.1f ms\n", kCalls, kConnections,
              elapsed_ms);

  int failures = 0;
  std::map<std::string, int> per_kind;
  for (int i = 0; i < kCalls; ++i) {
    ++per_kind[calls[i].exchange->Name()];
    std::string problem;
    if (!calls[i].status.ok()) {
      problem = "gRPC status " + std::to_string(calls[i].status.error_code()) + " " +
                calls[i].status.error_message();
    } else {
      problem = calls[i].exchange->Check();
    }
    if (problem.empty()) continue;
    if (++failures <= 10)
      ADD_FAILURE() << "call " << i << " " << calls[i].exchange->Name() << ": " << problem;
  }
  EXPECT_EQ(failures, 0) << "of " << kCalls;
  EXPECT_EQ(per_kind.size(), static_cast<size_t>(kMixKinds));

  ShutdownAndCheckExit();
}

// Terraform may end a provider while calls are still running (Ctrl-C, an
// error elsewhere in the graph). Every call then ends one way or the other
// and the process exits with status 0, without a crash.
TEST_F(GoPluginStress, ShutdownDuringABurstEndsEveryCallAndExitsCleanly) {
  std::vector<Call> calls(kCalls);
  for (int i = 0; i < kCalls; ++i) calls[i].exchange = MixedExchange(i);
  Countdown countdown(kCalls);
  RunBurst(calls, countdown);
  // Shutdown once the burst is under way (a call has come back), so that it
  // lands among running calls rather than before all of them.
  ASSERT_TRUE(countdown.WaitForFirst(seconds(60))) << "no call ended within 60 s";
  ShutdownAndCheckExit();
  ASSERT_TRUE(countdown.Wait(seconds(120))) << "calls still unanswered 120 s after the exit";

  int answered = 0;
  for (int i = 0; i < kCalls; ++i) {
    if (!calls[i].status.ok()) continue;
    ++answered;
    // A call that was answered was answered right.
    EXPECT_EQ(calls[i].exchange->Check(), "") << "call " << i << " " << calls[i].exchange->Name();
  }
  std::printf("answered before the exit: %d of %d\n", answered, kCalls);
  // With none answered, the test would have shown nothing about calls that
  // were running when the exit came.
  EXPECT_GE(answered, 1) << "no call was answered before the exit";
}

}  // namespace
}  // namespace cc_test
