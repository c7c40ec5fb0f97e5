// File: checks/finding_detail.cc
//
// The detail of a diagnostic, for the person at the terminal: what is wrong
// here, why it matters, how to fix it, where to read more. Terraform wraps
// long lines itself; paragraphs are separated by blank lines.

#include "absl/strings/str_join.h"
#include "checks/concat.h"
#include "checks/evaluation.h"

namespace checks {

std::string FindingDetail(const Finding& finding) {
  std::string detail = finding.message;
  if (const Control* control = FindControl(finding.control_id);
      control != nullptr && !control->rationale.empty()) {
    Append(detail, "\n\n", control->rationale);
  }
  if (!finding.remediation.empty()) {
    Append(detail, "\n\n", finding.remediation);
  }
  if (!finding.references.empty()) {
    Append(detail, "\n\nReferences: ", absl::StrJoin(finding.references, ", "));
  }
  return detail;
}

}  // namespace checks
