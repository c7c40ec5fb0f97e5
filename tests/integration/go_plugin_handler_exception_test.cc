// File: tests/integration/go_plugin_handler_exception_test.cc
//
// An exception that escapes a handler, in the real process behind real gRPC:
// terraform-provider-ccfaulty (tests/fault_provider/) is the provider's own
// serving path with one function, `explode`, that throws. Terraform must get
// an error for that one call, never a gRPC status or a dead process, and
// every other call, before and after, its right answer.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

using cty::Type;
using cty::Value;
using std::chrono::seconds;

class GoPluginHandlerException : public testing::Test {
 protected:
  void SetUp() override {
    PluginOptions options;
    options.binary = CC_FAULTY_PROVIDER_BINARY;
    options.unix_socket_dir = socket_dir_.path();
    auto process = StartServing(std::move(options));
    ASSERT_TRUE(process.ok()) << process.status();
    process_ = *std::move(process);
    client_ = std::make_unique<ProviderClient>(process_->Channel());
  }

  // explode(kind): the function error's text, or why there is none.
  std::string Explode(ProviderClient& client, const std::string& kind) {
    auto called = client.CallFunction("explode", {Msgpack(Value::String(kind), Type::String())});
    if (!called.ok())
      return "a gRPC status instead of a function error: " + called.status().ToString();
    if (called->has_result()) return "a result instead of a function error";
    if (!called->has_error()) return "no error";
    return called->error().text();
  }

  // Shutdown still ends the process cleanly, without a crash report.
  void ExpectCleanShutdown() {
    ASSERT_TRUE(client_->Shutdown().ok());
    const auto exit = process_->WaitForExit(seconds(10));
    ASSERT_TRUE(exit.has_value()) << "still running 10 s after Shutdown";
    EXPECT_TRUE(exit->exited && exit->code == 0) << process_->Stderr();
    EXPECT_FALSE(absl::StrContains(process_->Stderr(), "fatal error:")) << process_->Stderr();
  }

  TempDir socket_dir_{"cc-exception"};
  std::unique_ptr<PluginProcess> process_;
  std::unique_ptr<ProviderClient> client_;
};

TEST_F(GoPluginHandlerException, EachKindOfExceptionIsAnInternalErrorForThatCallOnly) {
  ExpectServesRightAnswers(*process_, *client_);
  struct Case {
    const char* kind;
    const char* said;  // what the text must also hold
  };
  for (const Case& c : {Case{"std", "explode was asked to throw"}, Case{"alloc", "bad_alloc"},
                        Case{"int", "failed unexpectedly"}}) {
    SCOPED_TRACE(c.kind);
    const std::string text = Explode(*client_, c.kind);
    EXPECT_TRUE(absl::StrContains(text, "internal error")) << text;
    EXPECT_TRUE(absl::StrContains(text, c.said)) << text;
    EXPECT_TRUE(absl::StrContains(text, "report")) << "no word on what to do: " << text;
    ExpectServesRightAnswers(*process_, *client_);
  }
  ExpectCleanShutdown();
}

// Throwing handlers beside working ones, on separate connections: an
// exception on one gRPC thread touches no other call.
TEST_F(GoPluginHandlerException, ThrowingCallsBesideRightOnesOnOtherConnections) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 25;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ProviderClient client(DistinctChannel(*process_, t), seconds(60));
      for (int i = 0; i < kRounds; ++i) {
        if (t % 2 == 0) {
          const std::string text = Explode(client, i % 2 == 0 ? "std" : "int");
          if (!absl::StrContains(text, "internal error")) {
            ADD_FAILURE() << "thread " << t << " round " << i << ": " << text;
            ++wrong;
          }
          continue;
        }
        auto called = client.CallFunction(
            "ecs_pid_mode_compliant",
            {Msgpack(Value::String(i % 2 == 0 ? "host" : "task"), Type::String())});
        if (!called.ok() || called->has_error() ||
            *Decode(called->result(), Type::Bool()) != Value::Bool(i % 2 != 0)) {
          ADD_FAILURE() << "thread " << t << " round " << i << ": wrong answer or none";
          ++wrong;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  ExpectCleanShutdown();
}

}  // namespace
}  // namespace cc_test
