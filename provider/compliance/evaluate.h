// File: provider/compliance/evaluate.h
//
// checks::Evaluate as the provider calls it: the same result, and at trace
// level one log line per control with its id, status and level (a verdict,
// never a value), so that a TF_LOG=trace bug report shows what each control
// decided.

#ifndef COMPLIANCECHECK_PROVIDER_COMPLIANCE_EVALUATE_H_
#define COMPLIANCECHECK_PROVIDER_COMPLIANCE_EVALUATE_H_

#include <string_view>

#include "checks/evaluation.h"

namespace compliance {

// `caller` names the data source or function, for the log line.
checks::Evaluation EvaluateLogged(std::string_view caller, const checks::Input& input,
                                  const checks::Settings& settings);

}  // namespace compliance

#endif  // COMPLIANCECHECK_PROVIDER_COMPLIANCE_EVALUATE_H_
