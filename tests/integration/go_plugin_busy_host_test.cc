// File: tests/integration/go_plugin_busy_host_test.cc
//
// A provider process on a busy machine: Terraform starts several per plan
// and shuts each down within milliseconds, often on a CI runner whose CPUs
// are all taken. go-plugin kills a plugin that has not exited 2 s after
// Shutdown, and the user waits those 2 s each time. Nothing the provider
// does in the background after the handshake (preparing crash backtraces)
// may hold exit up.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "tests/support/plugin_process.h"
#include "tests/support/process_stats.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

using std::chrono::milliseconds;

// Keeps every CPU busy at the normal priority until destroyed.
class BusyCpus {
 public:
  BusyCpus() {
    const unsigned n = std::max(2u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < n; ++i) {
      threads_.emplace_back([this] {
        volatile unsigned long spin = 0;
        while (!stop_.load(std::memory_order_relaxed)) spin = spin + 1;
      });
    }
  }
  ~BusyCpus() {
    stop_ = true;
    for (auto& t : threads_) t.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

TEST(GoPluginBusyHost, ExitsWellBeforeGoPluginsKillDeadlineWhileEveryCpuIsBusy) {
  for (int round = 0; round < 3; ++round) {
    TempDir socket_dir("cc-busy");
    PluginOptions options;
    options.unix_socket_dir = socket_dir.path();
    auto process = PluginProcess::Start(std::move(options));
    ASSERT_TRUE(process.ok()) << process.status();
    ASSERT_TRUE((*process)->ReadHandshake().ok()) << (*process)->Stderr();
    BusyCpus busy;
    ProviderClient client((*process)->Channel());
    ASSERT_TRUE(client.GetProviderSchema().ok());
    const auto asked = std::chrono::steady_clock::now();
    ASSERT_TRUE(client.Shutdown().ok());
    const auto exit = (*process)->WaitForExit(milliseconds(1500));  // a bound, not a benchmark
    ASSERT_TRUE(exit.has_value()) << "round " << round << ": still running 1.5 s after Shutdown";
    EXPECT_TRUE(exit->exited && exit->code == 0) << exit->code << " " << (*process)->Stderr();
    std::printf(
        "round %d: exited %lld ms after Shutdown\n", round,
        static_cast<long long>(std::chrono::duration_cast<milliseconds>(exit->at - asked).count()));
  }
}

}  // namespace
}  // namespace cc_test
