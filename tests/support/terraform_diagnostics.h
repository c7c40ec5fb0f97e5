// File: tests/support/terraform_diagnostics.h
//
// Reading the diagnostics out of what `terraform -no-color` printed, boxed
// or not, for the end-to-end tests' assertions.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_TERRAFORM_DIAGNOSTICS_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_TERRAFORM_DIAGNOSTICS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace e2e {

// One diagnostic as Terraform printed it with -no-color: "Error: SUMMARY" or
// "Warning: SUMMARY", then the source snippet and the detail. `body` keeps
// the lines after the summary up to the next diagnostic (in plain output
// there is no closing marker, so for the last one on a stream it may run on
// into text that follows).
struct PrintedDiagnostic {
  std::string severity;  // "Error" or "Warning"
  std::string summary;
  std::string body;
};

// Every diagnostic found in `output` (either stream, or both combined).
std::vector<PrintedDiagnostic> ParseDiagnostics(absl::string_view output);

// True when `output` holds a diagnostic of `severity` whose summary contains
// `summary_fragment`.
bool HasDiagnostic(absl::string_view output, absl::string_view severity,
                   absl::string_view summary_fragment);

// The body of the first such diagnostic, or "" when there is none.
std::string DiagnosticBody(absl::string_view output, absl::string_view severity,
                           absl::string_view summary_fragment);

}  // namespace e2e

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_TERRAFORM_DIAGNOSTICS_H_
