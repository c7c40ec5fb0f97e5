// File: tests/support/terraform_diagnostics.cc

#include "tests/support/terraform_diagnostics.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace e2e {
namespace {

// The text of a line with Terraform's box drawing ("│ ") taken off, so the
// parser reads colored-off and boxed output alike.
absl::string_view Unboxed(absl::string_view line) {
  if (absl::ConsumePrefix(&line, "\u2502")) absl::ConsumePrefix(&line, " ");
  return line;
}

}  // namespace

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

}  // namespace e2e
