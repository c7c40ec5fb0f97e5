// File: provider/plugin/shutdown_signal.h
//
// The one event that ends serving: GRPCController.Shutdown, SIGTERM or the
// death of the parent. Request() is async-signal-safe, so a signal handler
// may raise it as well as an RPC can.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_SHUTDOWN_SIGNAL_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_SHUTDOWN_SIGNAL_H_

#include <chrono>
#include <memory>

#include "absl/status/statusor.h"

namespace plugin {

// A self-pipe: Request() writes a byte, Wait() blocks until one arrives.
class ShutdownSignal {
 public:
  static absl::StatusOr<std::unique_ptr<ShutdownSignal>> Create();

  ShutdownSignal(const ShutdownSignal&) = delete;
  ShutdownSignal& operator=(const ShutdownSignal&) = delete;
  ~ShutdownSignal();

  // Safe from any thread and from a signal handler; later calls are no-ops
  // in effect.
  void Request() const;

  // Returns once Request() has been called (before or during the wait).
  void Wait() const;

  // Like Wait, but for at most `timeout`: true once Request() has been
  // called (or when the wait itself fails). Any number of threads may wait
  // at once.
  bool WaitFor(std::chrono::milliseconds timeout) const;

  // The descriptor Request() writes to, for a signal handler that cannot
  // reach this object.
  int request_fd() const { return write_fd_; }

 private:
  ShutdownSignal(int read_fd, int write_fd) : read_fd_(read_fd), write_fd_(write_fd) {}

  int read_fd_;
  int write_fd_;
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_SHUTDOWN_SIGNAL_H_
