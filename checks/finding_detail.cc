// File: checks/finding_detail.cc
//
// The detail of a diagnostic, for the person at the terminal: what is wrong
// here, why it matters, how to fix it, then one line of references and the
// control's documentation link. The full list of references is in the
// finding (findings[].references, report_json), not in every diagnostic:
// fifty failing task definitions must not print fifty reference lists.
// Terraform wraps long lines itself; paragraphs are separated by blank lines.

#include <algorithm>
#include <cstddef>

#include "absl/strings/str_join.h"
#include "checks/concat.h"
#include "checks/evaluation.h"

namespace checks {
namespace {

constexpr std::size_t kReferencesShown = 3;

}  // namespace

std::string FindingDetail(const Finding& finding) {
  std::string detail = finding.message;
  const Control* control = FindControl(finding.control_id);
  if (control != nullptr && !control->rationale.empty()) {
    Append(detail, "\n\n", control->rationale);
  }
  if (!finding.remediation.empty()) Append(detail, "\n\n", finding.remediation);
  std::string line;
  if (!finding.references.empty()) {
    const std::size_t shown = std::min(kReferencesShown, finding.references.size());
    line = Concat(
        "References: ",
        absl::StrJoin(finding.references.begin(),
                      finding.references.begin() + static_cast<std::ptrdiff_t>(shown), ", "));
    if (finding.references.size() > shown) {
      Append(line, " and ", finding.references.size() - shown, " more (see findings)");
    }
    line += '.';
  }
  if (control != nullptr && !control->documentation_url.empty()) {
    Append(line, line.empty() ? "" : " ", control->documentation_url);
  }
  if (!line.empty()) Append(detail, "\n\n", line);
  return detail;
}

}  // namespace checks
