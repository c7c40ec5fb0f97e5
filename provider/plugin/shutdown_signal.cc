// File: provider/plugin/shutdown_signal.cc

#include "provider/plugin/shutdown_signal.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "absl/status/status.h"

namespace plugin {

absl::StatusOr<std::unique_ptr<ShutdownSignal>> ShutdownSignal::Create() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    return absl::ErrnoToStatus(errno, "creating a pipe");
  }
  return std::unique_ptr<ShutdownSignal>(new ShutdownSignal(fds[0], fds[1]));
}

ShutdownSignal::~ShutdownSignal() {
  ::close(read_fd_);
  ::close(write_fd_);
}

void ShutdownSignal::Request() const {
  const char byte = 1;
  // A full pipe (EAGAIN) already holds a request.
  while (::write(write_fd_, &byte, 1) < 0 && errno == EINTR) {
  }
}

void ShutdownSignal::Wait() const {
  pollfd pfd{read_fd_, POLLIN, 0};
  while (::poll(&pfd, 1, -1) < 0 && errno == EINTR) {
  }
}

bool ShutdownSignal::WaitFor(std::chrono::milliseconds timeout) const {
  // The byte stays in the pipe: every waiter, now or later, sees it. A poll
  // that fails (other than by a signal) counts as requested: a caller
  // looping on WaitFor must never spin.
  pollfd pfd{read_fd_, POLLIN, 0};
  int ready;
  while ((ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()))) < 0 && errno == EINTR) {
  }
  return ready != 0;
}

}  // namespace plugin
