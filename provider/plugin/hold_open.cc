// File: provider/plugin/hold_open.cc

#include "provider/plugin/hold_open.h"

#include <chrono>

namespace plugin {
namespace {

// How often a held call looks for its client having gone: this only bounds
// how long a server thread stays held by a client that left.
constexpr std::chrono::milliseconds kCancelPoll{200};

}  // namespace

void HoldOpen(grpc::ServerContext& context, const ShutdownSignal& shutdown) {
  while (!context.IsCancelled() && !shutdown.WaitFor(kCancelPoll)) {
  }
}

}  // namespace plugin
