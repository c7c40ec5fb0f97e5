// File: tests/support/terraform_runner.cc

#include "tests/support/terraform_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

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

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::move(fallback);
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

// Commands (by their first word, or "providers schema") and the flags every
// run of them gets. Terraform refuses flags a command does not define.
std::vector<std::string> FlagsFor(const std::vector<std::string>& args) {
  static const std::set<std::string> kInputAndColor = {"plan", "apply", "destroy", "refresh",
                                                       "import"};
  static const std::set<std::string> kColorOnly = {"validate", "get",     "output", "show",
                                                   "fmt",      "console", "graph"};
  if (args.empty()) return {};
  if (kInputAndColor.contains(args[0])) return {"-input=false", "-no-color"};
  if (kColorOnly.contains(args[0])) return {"-no-color"};
  return {};  // providers schema, state, version: neither flag
}

// How many leading args name the command (the flags go after them).
size_t CommandWords(const std::vector<std::string>& args) {
  if (args.size() >= 2 && (args[0] == "providers" || args[0] == "state")) {
    return 2;
  }
  return args.empty() ? 0 : 1;
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

// Runs argv in `dir` with exactly `env`; kills the process group after
// `timeout`. The child gets its own process group so that the provider
// processes Terraform starts are killed with it.
RunResult RunProcess(std::vector<std::string> argv, const fs::path& dir,
                     const std::vector<std::string>& env, std::chrono::seconds timeout) {
  RunResult result;
  result.argv = std::move(argv);

  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.stderr_text = absl::StrCat("pipe: ", std::strerror(errno));
    result.combined = result.stderr_text;
    return result;
  }

  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls.
  std::vector<char*> c_argv;
  for (auto& arg : result.argv) c_argv.push_back(arg.data());
  c_argv.push_back(nullptr);
  std::vector<std::string> env_copy = env;
  std::vector<char*> c_env;
  for (auto& entry : env_copy) c_env.push_back(entry.data());
  c_env.push_back(nullptr);
  std::string dir_text = dir.string();

  pid_t pid = fork();
  if (pid < 0) {
    result.stderr_text = absl::StrCat("fork: ", std::strerror(errno));
    result.combined = result.stderr_text;
    close(out_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[0]);
    close(err_pipe[1]);
    return result;
  }
  if (pid == 0) {
    setpgid(0, 0);
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    if (chdir(dir_text.c_str()) != 0) _exit(126);
    execve(c_argv[0], c_argv.data(), c_env.data());
    static constexpr char kExecFailed[] = "execve failed\n";
    ssize_t ignored = write(STDERR_FILENO, kExecFailed, sizeof kExecFailed - 1);
    (void)ignored;
    _exit(127);
  }
  setpgid(pid, pid);  // also in the parent, so kill(-pid) cannot race exec
  close(out_pipe[1]);
  close(err_pipe[1]);
  SetNonBlocking(out_pipe[0]);
  SetNonBlocking(err_pipe[0]);

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
    if (out_open) fds[count++] = {out_pipe[0], POLLIN, 0};
    if (err_open) fds[count++] = {err_pipe[0], POLLIN, 0};
    int ready = poll(fds, count, 100);
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t i = 0; i < count; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      if (fds[i].fd == out_pipe[0]) {
        out_open = Drain(out_pipe[0], result.stdout_text, result.combined);
      } else {
        err_open = Drain(err_pipe[0], result.stderr_text, result.combined);
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
  close(out_pipe[0]);
  close(err_pipe[0]);
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

absl::Status WriteWholeFile(const fs::path& path, absl::string_view content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    return absl::InternalError(
        absl::StrCat("create ", path.parent_path().string(), ": ", ec.message()));
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
  file.close();
  if (!file) {
    return absl::InternalError(absl::StrCat("write ", path.string()));
  }
  return absl::OkStatus();
}

// Terraform's own files, never part of a fixture.
bool IsTerraformLeftover(const fs::path& relative) {
  for (const auto& part : relative) {
    if (part == ".terraform") return true;
  }
  const std::string name = relative.filename().string();
  return name == ".terraform.lock.hcl" || name == ".terraform.tfstate.lock.info" ||
         absl::EndsWith(name, ".tfstate") || absl::EndsWith(name, ".tfstate.backup") ||
         absl::EndsWith(name, ".tfplan");
}

// A CLI config that makes Terraform use the provider next to `binary`
// without init, and never phone home.
std::string CliConfig(const fs::path& provider_dir) {
  return absl::StrCat(
      "disable_checkpoint = true\n"
      "provider_installation {\n"
      "  dev_overrides {\n"
      "    \"compliancecheck/compliancecheck\" = \"",
      provider_dir.string(),
      "\"\n"
      "  }\n"
      "  direct {}\n"
      "}\n");
}

// The text of a line with Terraform's box drawing ("│ ") taken off, so the
// parser reads colored-off and boxed output alike.
absl::string_view Unboxed(absl::string_view line) {
  if (absl::ConsumePrefix(&line, "\u2502")) absl::ConsumePrefix(&line, " ");
  return line;
}

}  // namespace

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

std::vector<PrintedDiagnostic> ParseDiagnostics(absl::string_view output) {
  std::vector<PrintedDiagnostic> diagnostics;
  PrintedDiagnostic* current = nullptr;
  for (absl::string_view raw : absl::StrSplit(output, '\n')) {
    absl::string_view line = Unboxed(raw);
    absl::string_view rest = line;
    std::string severity;
    if (absl::ConsumePrefix(&rest, "Error: ")) {
      severity = "Error";
    } else if (absl::ConsumePrefix(&rest, "Warning: ")) {
      severity = "Warning";
    }
    if (!severity.empty()) {
      diagnostics.push_back({severity, std::string(rest), ""});
      current = &diagnostics.back();
      continue;
    }
    if (absl::StartsWith(raw, "\u2575")) {  // "╵" closes a boxed diagnostic
      current = nullptr;
      continue;
    }
    if (current != nullptr) absl::StrAppend(&current->body, line, "\n");
  }
  return diagnostics;
}

bool HasDiagnostic(absl::string_view output, absl::string_view severity,
                   absl::string_view summary_fragment) {
  for (const auto& diagnostic : ParseDiagnostics(output)) {
    if (diagnostic.severity == severity &&
        absl::StrContains(diagnostic.summary, summary_fragment)) {
      return true;
    }
  }
  return false;
}

std::string DiagnosticBody(absl::string_view output, absl::string_view severity,
                           absl::string_view summary_fragment) {
  for (const auto& diagnostic : ParseDiagnostics(output)) {
    if (diagnostic.severity == severity &&
        absl::StrContains(diagnostic.summary, summary_fragment)) {
      return diagnostic.body;
    }
  }
  return "";
}

absl::StatusOr<std::unique_ptr<Workspace>> Workspace::Create(WorkspaceOptions options) {
  absl::StatusOr<fs::path> terraform = FindTerraform();
  if (!terraform.ok()) return terraform.status();
  absl::StatusOr<fs::path> provider = ProviderBinary();
  if (!provider.ok()) return provider.status();

  std::error_code ec;
  fs::path temp = fs::temp_directory_path(ec);
  if (ec) temp = "/tmp";
  std::string pattern = (temp / "cc-e2e-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("mkdtemp ", pattern, ": ", std::strerror(errno)));
  }
  fs::path root(pattern);
  std::unique_ptr<Workspace> workspace(new Workspace(root, *terraform, std::move(options)));
  fs::create_directories(root / "work", ec);
  if (!ec) fs::create_directories(root / "home", ec);
  if (ec) {
    return absl::InternalError(absl::StrCat("create ", root.string(), ": ", ec.message()));
  }
  const std::string cli_config = workspace->options_.cli_config.empty()
                                     ? CliConfig(provider->parent_path())
                                     : workspace->options_.cli_config;
  absl::Status written = WriteWholeFile(workspace->CliConfigFile(), cli_config);
  if (!written.ok()) return written;
  return workspace;
}

Workspace::Workspace(fs::path root, fs::path terraform, WorkspaceOptions options)
    : root_(std::move(root)),
      dir_(root_ / "work"),
      terraform_(std::move(terraform)),
      options_(std::move(options)) {}

Workspace::~Workspace() {
  if (EnvOr("KEEP_E2E", "") == "1") {
    std::cerr << "KEEP_E2E=1: workspace kept at " << dir_.string() << "\n";
    return;
  }
  std::error_code ec;
  fs::remove_all(root_, ec);
}

absl::Status Workspace::WriteFile(absl::string_view relative_path, absl::string_view content) {
  return WriteWholeFile(dir_ / std::string(relative_path), content);
}

absl::Status Workspace::CopyFrom(const fs::path& source) {
  std::error_code ec;
  if (!fs::is_directory(source, ec)) {
    return absl::NotFoundError(absl::StrCat("fixture directory ", source.string(), " not found"));
  }
  for (auto it = fs::recursive_directory_iterator(source, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path relative = fs::relative(it->path(), source);
    if (IsTerraformLeftover(relative)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    const fs::path target = dir_ / relative;
    if (it->is_directory()) {
      fs::create_directories(target, ec);
    } else if (it->is_regular_file()) {
      fs::create_directories(target.parent_path(), ec);
      if (!ec) {
        fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing, ec);
      }
    }
    if (ec) break;
  }
  if (ec) {
    return absl::InternalError(absl::StrCat("copy ", source.string(), ": ", ec.message()));
  }
  return absl::OkStatus();
}

RunResult Workspace::Terraform(std::vector<std::string> args) const {
  std::vector<std::string> argv = {terraform_.string()};
  const size_t command_words = CommandWords(args);
  argv.insert(argv.end(), args.begin(), args.begin() + command_words);
  for (auto& flag : FlagsFor(args)) argv.push_back(std::move(flag));
  argv.insert(argv.end(), args.begin() + command_words, args.end());

  std::vector<std::string> env = Environment(EnvOr("PATH", "/usr/local/bin:/usr/bin:/bin"));
  return RunProcess(std::move(argv), dir_, env, options_.timeout);
}

RunResult Workspace::Shell(const std::string& command) const {
  const std::string path =
      absl::StrCat(terraform_.parent_path().string(), ":", EnvOr("PATH", "/usr/bin:/bin"));
  return RunProcess({"/bin/sh", "-c", command}, dir_, Environment(path), options_.timeout);
}

std::vector<std::string> Workspace::Environment(const std::string& path) const {
  std::vector<std::string> env = {
      "PATH=" + path,
      "HOME=" + (root_ / "home").string(),
      "TF_CLI_CONFIG_FILE=" + CliConfigFile().string(),
      "TF_IN_AUTOMATION=1",
      "TF_INPUT=0",
  };
  for (const auto& [name, value] : options_.extra_env) {
    env.push_back(name + "=" + value);
  }
  return env;
}

RunResult RunProgram(std::vector<std::string> argv, const fs::path& dir,
                     const std::vector<std::string>& env, std::chrono::seconds timeout) {
  return RunProcess(std::move(argv), dir, env, timeout);
}

RunResult Workspace::Plan(std::vector<std::string> extra) const {
  std::vector<std::string> args = {"plan"};
  args.insert(args.end(), extra.begin(), extra.end());
  return Terraform(std::move(args));
}

RunResult Workspace::Apply(std::vector<std::string> extra) const {
  std::vector<std::string> args = {"apply", "-auto-approve"};
  args.insert(args.end(), extra.begin(), extra.end());
  return Terraform(std::move(args));
}

}  // namespace e2e
