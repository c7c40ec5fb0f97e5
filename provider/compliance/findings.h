// File: provider/compliance/findings.h
//
// Findings as Terraform sees them: the `findings` list value shared by the
// data source and check_ecs_task_definition, and the diagnostics that point
// at the offending argument.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_FINDINGS_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_FINDINGS_H_

#include <vector>

#include "checks/evaluation.h"
#include "provider/cty/value.h"
#include "provider/tf/diagnostics.h"

namespace compliance {

// object({control_id, title, severity, level, attribute, message, remediation,
// references = list(string)})
const cty::Type& FindingType();
// list(FindingType())
const cty::Type& FindingListType();

cty::Value FindingsValue(const std::vector<checks::Finding>& findings);

// One error per problem with the shape of the input, on its argument, then
// one diagnostic per finding, at its level, on its argument; except findings
// on an argument that already has a problem: the controls only fail closed
// there, and one error that says what is wrong with the JSON is clearer than
// four on the same line.
void AddDiagnostics(const std::vector<checks::InputProblem>& problems,
                    const checks::Evaluation& evaluation, tf::Diagnostics* diags);

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_FINDINGS_H_
