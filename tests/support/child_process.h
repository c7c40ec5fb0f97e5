// File: tests/support/child_process.h
//
// The one way the tests start a program (the provider, terraform):
// posix_spawn with exactly the given environment, stdin on /dev/null and
// stdout and stderr on pipes the caller reads. Nothing runs between fork and
// exec in our code, so the tests' own threads cannot deadlock a child.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_CHILD_PROCESS_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace cc_test {

struct SpawnRequest {
  std::vector<std::string> argv;  // argv[0] is the path of the binary
  std::vector<std::string> env;   // "NAME=value", the whole environment
  std::string dir;                // the child's working directory; "" keeps ours
  // The child leads a new process group, so kill(-pid) also ends what it
  // starts (terraform's providers).
  bool own_process_group = false;
};

// A running child. The caller reads and closes the two descriptors (both
// O_CLOEXEC) and reaps `pid`.
struct SpawnedChild {
  pid_t pid = -1;
  int stdout_fd = -1;
  int stderr_fd = -1;
};

// InternalError naming the binary and the reason when the pipes cannot be
// made or the binary cannot be started.
absl::StatusOr<SpawnedChild> Spawn(const SpawnRequest& request);

}  // namespace cc_test

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_CHILD_PROCESS_H_
