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

// When diagnostics are reported. Terraform validates a data source in the
// validate walk, on a provider that is not configured (`terraform validate`,
// and the first step of `terraform plan`), again in the plan walk on a
// configured provider right before the read, and then reads it.
enum class Moment { kValidateUnconfigured, kValidateConfigured, kRead };

// One error per input problem, on its argument, then one diagnostic per
// finding, at its level, on its argument; except findings on an argument
// that already has a problem (the controls only fail closed there, and one
// error that says what is wrong with the JSON is clearer than four on the
// same line). Which findings each moment reports: see findings.cc.
void AddDiagnostics(const checks::Evaluation& evaluation, Moment moment, tf::Diagnostics* diags);

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_FINDINGS_H_
