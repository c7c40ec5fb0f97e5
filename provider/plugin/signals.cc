// File: provider/plugin/signals.cc

#include "provider/plugin/signals.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "absl/status/status.h"
#include "provider/plugin/shutdown_signal.h"

namespace plugin {
namespace {

std::atomic<int> shutdown_fd{-1};

extern "C" void OnTerminate(int) {
  const int saved_errno = errno;
  const int fd = shutdown_fd.load(std::memory_order_relaxed);
  const char byte = 1;
  if (fd >= 0 && ::write(fd, &byte, 1) < 0) {
    // Nothing to do: a full pipe already holds a request.
  }
  errno = saved_errno;
}

}  // namespace

absl::Status InstallSignalHandling(const ShutdownSignal& shutdown, pid_t parent, SignalMode mode) {
  shutdown_fd.store(shutdown.request_fd(), std::memory_order_relaxed);

  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  if (::sigaction(SIGPIPE, &ignore, nullptr) != 0)
    return absl::ErrnoToStatus(errno, "ignoring SIGPIPE");

  struct sigaction terminate {};
  terminate.sa_handler = OnTerminate;
  terminate.sa_flags = SA_RESTART;
  sigemptyset(&terminate.sa_mask);
  if (::sigaction(SIGTERM, &terminate, nullptr) != 0)
    return absl::ErrnoToStatus(errno, "handling SIGTERM");

  if (mode == SignalMode::kDebug) {
    if (::sigaction(SIGINT, &terminate, nullptr) != 0)
      return absl::ErrnoToStatus(errno, "handling SIGINT");
    return absl::OkStatus();
  }
  if (::sigaction(SIGINT, &ignore, nullptr) != 0)
    return absl::ErrnoToStatus(errno, "ignoring SIGINT");

  if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0)
    return absl::ErrnoToStatus(errno, "arming PR_SET_PDEATHSIG");
  if (::getppid() != parent) shutdown.Request();
  return absl::OkStatus();
}

}  // namespace plugin
