// File: tests/support/terraform_runner.h
//
// Drives the real `terraform` program for the end-to-end tests, offline and
// isolated: every Workspace is its own temporary directory holding a copy of
// the configuration, its own CLI config file (dev_overrides pointing
// `compliancecheck/compliancecheck` at the built provider, checkpoint off),
// its own HOME, and Terraform runs with a clean environment, so a user's
// TF_VAR_*, TF_CLI_ARGS* or ~/.terraformrc cannot leak into a test.
//
// Terraform is found through the TERRAFORM environment variable, else on
// PATH. A missing client is a test failure, never a skip.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_TERRAFORM_RUNNER_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_TERRAFORM_RUNNER_H_

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tests/support/terraform_diagnostics.h"

namespace e2e {

// The absolute path of the terraform binary: $TERRAFORM (a path, or a name
// looked up on PATH), else `terraform` on PATH. NotFoundError with the message
// the tests print when there is none.
absl::StatusOr<std::filesystem::path> FindTerraform();

// The provider binary built with the tests (CC_PROVIDER_BINARY), checked to
// exist and be executable.
absl::StatusOr<std::filesystem::path> ProviderBinary();

// The environment variable `name`, or `fallback` when it is unset.
std::string EnvOr(const char* name, std::string fallback);

// The repository root (CC_SOURCE_DIR), for fixtures such as examples/.
std::filesystem::path SourceDir();

// What one terraform run left behind. `combined` interleaves stdout and
// stderr in the order the reads returned them, for failure messages and for
// assertions that do not care which stream Terraform chose.
struct RunResult {
  std::vector<std::string> argv;  // as executed, argv[0] the binary
  int exit_code = -1;             // -1 when killed by a signal or timed out
  bool timed_out = false;
  std::string stdout_text;
  std::string stderr_text;
  std::string combined;

  bool Succeeded() const { return exit_code == 0 && !timed_out; }
  // The command line, exit status and output, for a gtest failure message.
  std::string Describe() const;
};

// Runs argv (argv[0] an absolute path) in `dir` with exactly `env`, in its
// own process group, which is killed after `timeout` and, once the command
// has exited, so that nothing it started (a provider) outlives the run.
// Workspaces run terraform with it; tests run the other programs they drive
// (scripts/release.sh, unzip, gpg) with it too.
RunResult RunCommand(std::vector<std::string> argv, const std::filesystem::path& dir,
                     const std::vector<std::string>& env,
                     std::chrono::seconds timeout = std::chrono::seconds(120));

struct WorkspaceOptions {
  // Added to the clean environment (e.g. TF_LOG_PROVIDER); never TF_VAR_*
  // from the caller's own environment.
  std::map<std::string, std::string> extra_env;
  // A run that takes longer is killed with its whole process group.
  std::chrono::seconds timeout{120};
  // When set, the CLI config file holds this text instead of the
  // dev_overrides one (e.g. filesystem mirrors and a plugin cache, for tests
  // that run `terraform init`).
  std::string cli_config;
};

// A temporary directory with the configuration under test. Removed on
// destruction unless KEEP_E2E=1 (then its path goes to stderr).
class Workspace {
 public:
  // Creates the directory tree and CLI config. Fails when terraform or the
  // provider binary is missing, or the filesystem refuses.
  static absl::StatusOr<std::unique_ptr<Workspace>> Create(WorkspaceOptions options = {});

  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  ~Workspace();

  // The directory terraform runs in (the root module).
  const std::filesystem::path& dir() const { return dir_; }

  // Writes `content` to `relative_path` under dir(), creating parents.
  absl::Status WriteFile(absl::string_view relative_path, absl::string_view content);

  // Copies the files of `source` (recursively) into dir(), leaving out
  // Terraform's own leftovers (.terraform/, state and lock files).
  absl::Status CopyFrom(const std::filesystem::path& source);

  // Runs `terraform ARGS...`. The first one or two args name the command;
  // -input=false and -no-color are inserted after them where the command
  // accepts them (plan, apply, destroy, refresh: both; validate, get, output,
  // show, state, fmt: -no-color; providers schema: neither).
  RunResult Terraform(std::vector<std::string> args) const;

  // Runs `/bin/sh -c COMMAND` in dir() with the same clean environment, the
  // directory of the terraform binary first on PATH: for commands a README
  // gives literally (`TF_LOG=trace terraform plan 2>plan.log`).
  RunResult Shell(const std::string& command) const;

  // The CLI config file Terraform reads (TF_CLI_CONFIG_FILE).
  std::filesystem::path CliConfigFile() const { return root_ / "cli.tfrc"; }

  RunResult Validate() const { return Terraform({"validate"}); }
  RunResult Plan(std::vector<std::string> extra = {}) const;
  // apply -auto-approve EXTRA...
  RunResult Apply(std::vector<std::string> extra = {}) const;
  // Installs local modules; offline (`init` never is).
  RunResult Get() const { return Terraform({"get"}); }
  RunResult OutputJson() const { return Terraform({"output", "-json"}); }
  RunResult ProvidersSchemaJson() const { return Terraform({"providers", "schema", "-json"}); }

 private:
  Workspace(std::filesystem::path root, std::filesystem::path terraform, WorkspaceOptions options);

  // The clean environment every run gets, with `path` as PATH.
  std::vector<std::string> Environment(const std::string& path) const;

  std::filesystem::path root_;  // holds dir_, home/ and the CLI config
  std::filesystem::path dir_;
  std::filesystem::path terraform_;
  WorkspaceOptions options_;
};

}  // namespace e2e

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_TERRAFORM_RUNNER_H_
