// File: tests/support/process_stats.h
//
// What a test can see of another process from outside, through /proc: its
// resident memory, its open file descriptors, whether it still runs, who its
// children are. Plus a private temporary directory for PLUGIN_UNIX_SOCKET_DIR,
// so a test can tell exactly what a provider left behind.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_PROCESS_STATS_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_PROCESS_STATS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace cc_test {

// A field of /proc/<pid>/status in kB ("VmRSS", "VmHWM").
absl::StatusOr<long> StatusKb(pid_t pid, const std::string& field);
// VmRSS in kB.
inline absl::StatusOr<long> ResidentKb(pid_t pid) { return StatusKb(pid, "VmRSS"); }

// The targets of /proc/<pid>/fd/* ("socket:[123]", "/dev/null", ...).
absl::StatusOr<std::vector<std::string>> OpenFileDescriptors(pid_t pid);
// How many of those are sockets.
int CountSockets(const std::vector<std::string>& descriptors);

// True once `pid` is gone or a zombie that nobody has reaped yet.
bool HasEnded(pid_t pid);

// The processes whose parent is `pid` (zombies included).
std::vector<pid_t> ChildrenOf(pid_t pid);

// Entries of a directory, recursively, as paths relative to it; empty when
// it does not exist.
std::vector<std::string> DirectoryEntries(const std::string& directory);

// A fresh directory under /tmp (short, so a socket path fits sun_path),
// removed with everything in it on destruction.
class TempDir {
 public:
  // Aborts the test binary when no directory can be made.
  explicit TempDir(const std::string& prefix = "cc-test");
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace cc_test

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_PROCESS_STATS_H_
