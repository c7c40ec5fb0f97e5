// File: tests/e2e/e2e_util.h
//
// What the end-to-end tests share: building a workspace from inline files
// (failing the test, never skipping, when terraform or the provider is
// missing), the configuration header every module needs, and the exact text
// Terraform prints for a source line, so tests can assert that a diagnostic
// points at the argument that caused it.

#ifndef COMPLIANCECHECK_TESTS_E2E_E2E_UTIL_H_
#define COMPLIANCECHECK_TESTS_E2E_E2E_UTIL_H_

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ios>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/terraform_runner.h"

namespace e2e {

// The summary of the ECS.3 finding, as PRODUCT.md fixes it.
inline constexpr char kEcs3Summary[] =
    "ECS task definition shares the host's process namespace (AWS Security Hub "
    "ECS.3)";

inline constexpr char kPidControl[] = "ecs_task_definition_no_host_pid_mode";
inline constexpr char kIpcControl[] = "ecs_task_definition_no_host_ipc_mode";
inline constexpr char kMisplacedKeyControl[] = "ecs_container_definitions_misplaced_namespace_key";

// Without this block Terraform would look for hashicorp/compliancecheck, and
// provider functions would not resolve at all.
inline constexpr char kRequiredProviders[] = R"(terraform {
  required_providers {
    compliancecheck = {
      source = "compliancecheck/compliancecheck"
    }
  }
}
)";

// The bytes of the file at `path`; empty when it cannot be read (the
// assertion on its content then fails).
inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// `body` as a whole root module: the required_providers block first.
inline std::string Module(absl::string_view body) {
  return absl::StrCat(kRequiredProviders, "\n", body);
}

// A workspace holding `files` (name -> content); nullptr after recording a
// test failure that says why (e.g. "terraform not found: ...").
inline std::unique_ptr<Workspace> NewWorkspace(const std::map<std::string, std::string>& files,
                                               WorkspaceOptions options = {}) {
  absl::StatusOr<std::unique_ptr<Workspace>> workspace = Workspace::Create(std::move(options));
  if (!workspace.ok()) {
    ADD_FAILURE() << workspace.status().message();
    return nullptr;
  }
  for (const auto& [name, content] : files) {
    absl::Status written = (*workspace)->WriteFile(name, content);
    if (!written.ok()) {
      ADD_FAILURE() << written.message();
      return nullptr;
    }
  }
  return *std::move(workspace);
}

// A workspace with main.tf = Module(body).
inline std::unique_ptr<Workspace> NewModuleWorkspace(absl::string_view body) {
  return NewWorkspace({{"main.tf", Module(body)}});
}

// The 1-based number of the first line of `text` containing `fragment`, or 0.
inline int LineOf(absl::string_view text, absl::string_view fragment) {
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    if (line.find(fragment) != absl::string_view::npos) return number;
  }
  return 0;
}

// The snippet line Terraform prints under a diagnostic for the first line of
// `file_text` containing `fragment`: "%4d: <line as written>".
inline std::string SourceLine(absl::string_view file_text, absl::string_view fragment) {
  int number = 0;
  for (absl::string_view line : absl::StrSplit(file_text, '\n')) {
    ++number;
    if (line.find(fragment) != absl::string_view::npos) {
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "%4d: ", number);
      return absl::StrCat(prefix, line);
    }
  }
  return absl::StrCat("<no line containing ", fragment, ">");
}

// "on main.tf line N" for the first line of `file_text` containing `fragment`.
inline std::string SourceLocation(absl::string_view file_text, absl::string_view fragment,
                                  absl::string_view file_name = "main.tf") {
  return absl::StrCat("on ", file_name, " line ", LineOf(file_text, fragment));
}

// True when some diagnostic of `severity` in `output` shows `source_line`
// (from SourceLine) in its snippet.
inline bool HasDiagnosticAt(absl::string_view output, absl::string_view severity,
                            absl::string_view source_line) {
  for (const auto& diagnostic : ParseDiagnostics(output)) {
    if (diagnostic.severity == severity && absl::StrContains(diagnostic.body, source_line)) {
      return true;
    }
  }
  return false;
}

// The first diagnostic of `severity` showing `source_line`, summary and body
// as one text; "" when there is none.
inline std::string DiagnosticTextAt(absl::string_view output, absl::string_view severity,
                                    absl::string_view source_line) {
  for (const auto& diagnostic : ParseDiagnostics(output)) {
    if (diagnostic.severity == severity && absl::StrContains(diagnostic.body, source_line)) {
      return absl::StrCat(diagnostic.summary, "\n", diagnostic.body);
    }
  }
  return "";
}

// `terraform output -json` parsed; a null json after a test failure.
inline nlohmann::json Outputs(const Workspace& workspace) {
  RunResult run = workspace.OutputJson();
  if (!run.Succeeded()) {
    ADD_FAILURE() << run.Describe();
    return nullptr;
  }
  nlohmann::json parsed = nlohmann::json::parse(run.stdout_text, nullptr,
                                                /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    ADD_FAILURE() << "terraform output -json is not JSON:\n" << run.Describe();
    return nullptr;
  }
  return parsed;
}

// The value of output `name` from Outputs(); null when it is absent.
inline nlohmann::json OutputValue(const nlohmann::json& outputs, absl::string_view name) {
  if (!outputs.is_object()) return nullptr;
  auto it = outputs.find(std::string(name));
  if (it == outputs.end() || !it->is_object() || !it->contains("value")) {
    return nullptr;
  }
  return (*it)["value"];
}

}  // namespace e2e

#endif  // COMPLIANCECHECK_TESTS_E2E_E2E_UTIL_H_
