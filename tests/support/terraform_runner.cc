// File: tests/support/terraform_runner.cc

#include "tests/support/terraform_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tests/support/child_process.h"

#ifndef CC_PROVIDER_BINARY
#error "CC_PROVIDER_BINARY must name the built provider binary"
#endif
#ifndef CC_SOURCE_DIR
#error "CC_SOURCE_DIR must name the repository root"
#endif

namespace e2e {
namespace {

namespace fs = std::filesystem;

constexpr char kMissingTerraform[] =
    "terraform not found: put Terraform >= 1.8 on PATH or set TERRAFORM";

bool IsExecutableFile(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

// The first executable `name` on `path_list` (colon-separated), or "".
fs::path LookPath(absl::string_view name, absl::string_view path_list) {
  for (absl::string_view dir : absl::StrSplit(path_list, ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(std::string(dir)) / std::string(name);
    if (IsExecutableFile(candidate)) return candidate;
  }
  return {};
}

// True once `pid` has exited; leaves it unreaped (a zombie keeps its pid).
bool HasExited(pid_t pid) {
  siginfo_t info{};
  if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
    return false;
  }
  return info.si_pid == pid;
}

void SetNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// Reads what is available on `fd` into `out` and `combined`; false at EOF or
// on a hard error.
bool Drain(int fd, std::string& out, std::string& combined) {
  char buffer[16384];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      out.append(buffer, static_cast<size_t>(n));
      combined.append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

std::string Truncated(const std::string& text) {
  constexpr size_t kMax = 24000;
  if (text.size() <= kMax) return text;
  return text.substr(0, kMax / 2) + "\n[... " + std::to_string(text.size() - kMax) +
         " bytes left out ...]\n" + text.substr(text.size() - kMax / 2);
}

}  // namespace

RunResult RunCommand(std::vector<std::string> argv, const fs::path& dir,
                     const std::vector<std::string>& env, std::chrono::seconds timeout) {
  RunResult result;
  result.argv = std::move(argv);
  auto child = cc_test::Spawn(
      {.argv = result.argv, .env = env, .dir = dir.string(), .own_process_group = true});
  if (!child.ok()) {
    result.stderr_text = std::string(child.status().message());
    result.combined = result.stderr_text;
    return result;
  }
  const pid_t pid = child->pid;
  const int out_fd = child->stdout_fd;
  const int err_fd = child->stderr_fd;
  SetNonBlocking(out_fd);
  SetNonBlocking(err_fd);

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool out_open = true;
  bool err_open = true;
  bool exited = false;
  int status = 0;
  // Once Terraform has exited, a straggler holding the pipes open must not
  // stall the test: read for a short grace period, then stop.
  std::chrono::steady_clock::time_point exit_grace_end;

  while (out_open || err_open) {
    pollfd fds[2];
    nfds_t count = 0;
    if (out_open) fds[count++] = {out_fd, POLLIN, 0};
    if (err_open) fds[count++] = {err_fd, POLLIN, 0};
    int ready = poll(fds, count, 100);
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t i = 0; i < count; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      if (fds[i].fd == out_fd) {
        out_open = Drain(out_fd, result.stdout_text, result.combined);
      } else {
        err_open = Drain(err_fd, result.stderr_text, result.combined);
      }
    }
    const auto now = std::chrono::steady_clock::now();
    if (!exited && HasExited(pid)) {
      exited = true;
      exit_grace_end = now + std::chrono::seconds(5);
    }
    if (exited && now > exit_grace_end) break;
    if (!exited && now > deadline) {
      result.timed_out = true;
      break;
    }
  }
  close(out_fd);
  close(err_fd);
  while (!exited && !result.timed_out) {  // pipes closed before the exit
    if (HasExited(pid)) {
      exited = true;
    } else if (std::chrono::steady_clock::now() > deadline) {
      result.timed_out = true;
    } else {
      usleep(10000);
    }
  }
  // Terraform is not reaped yet, so its pid (and group id) cannot have been
  // reused: whatever is left in its group (Terraform itself on timeout, a
  // provider that did not stop) was started by this run and goes now.
  kill(-pid, SIGKILL);
  waitpid(pid, &status, 0);

  if (!result.timed_out && WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  }
  if (result.timed_out) {
    result.combined += absl::StrCat("\n[killed after ", timeout.count(), " s timeout]\n");
  }
  return result;
}

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::move(fallback);
}

absl::StatusOr<fs::path> FindTerraform() {
  const std::string path_list = EnvOr("PATH", "/usr/local/bin:/usr/bin:/bin");
  const std::string chosen = EnvOr("TERRAFORM", "");
  if (!chosen.empty()) {
    if (chosen.find('/') != std::string::npos) {
      if (IsExecutableFile(chosen)) return fs::absolute(chosen);
      return absl::NotFoundError(
          absl::StrCat(kMissingTerraform, " (TERRAFORM=", chosen, " is not an executable file)"));
    }
    fs::path found = LookPath(chosen, path_list);
    if (!found.empty()) return found;
    return absl::NotFoundError(
        absl::StrCat(kMissingTerraform, " (TERRAFORM=", chosen, " is not on PATH)"));
  }
  fs::path found = LookPath("terraform", path_list);
  if (found.empty()) return absl::NotFoundError(kMissingTerraform);
  return found;
}

absl::StatusOr<fs::path> ProviderBinary() {
  fs::path binary(CC_PROVIDER_BINARY);
  if (!IsExecutableFile(binary)) {
    return absl::NotFoundError(absl::StrCat("provider binary ", binary.string(),
                                            " is missing or not executable: build the "
                                            "terraform-provider-compliancecheck target"));
  }
  return binary;
}

fs::path SourceDir() { return fs::path(CC_SOURCE_DIR); }

std::string RunResult::Describe() const {
  std::string text = absl::StrCat("$ ", absl::StrJoin(argv, " "), "\n");
  if (timed_out) {
    absl::StrAppend(&text, "timed out (killed)\n");
  } else {
    absl::StrAppend(&text, "exit code ", exit_code, "\n");
  }
  absl::StrAppend(&text, "--- stdout ---\n", Truncated(stdout_text), "\n--- stderr ---\n",
                  Truncated(stderr_text), "\n---\n");
  return text;
}

}  // namespace e2e
