// File: tests/support/terraform_workspace.cc
//
// Workspace: the temporary directory, CLI config and clean environment each
// end-to-end test runs terraform in.

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <system_error>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/support/terraform_runner.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

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

}  // namespace

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
  return RunCommand(std::move(argv), dir_, env, options_.timeout);
}

RunResult Workspace::Shell(const std::string& command) const {
  const std::string path =
      absl::StrCat(terraform_.parent_path().string(), ":", EnvOr("PATH", "/usr/bin:/bin"));
  return RunCommand({"/bin/sh", "-c", command}, dir_, Environment(path), options_.timeout);
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
