// File: provider/compliance/evaluate.cc

#include "provider/compliance/evaluate.h"

#include <string>

#include "checks/control.h"
#include "provider/log/log.h"

namespace compliance {

checks::Evaluation EvaluateLogged(std::string_view caller, const checks::Input& input,
                                  const checks::Settings& settings) {
  checks::Evaluation evaluation = checks::Evaluate(input, settings);
  if (!tflog::Enabled(tflog::Level::kTrace)) return evaluation;
  for (const checks::ControlResult& result : evaluation.controls) {
    tflog::Write(tflog::Level::kTrace, "control evaluated",
                 {tflog::Str("caller", caller), tflog::Str("control_id", result.control->id),
                  tflog::Str("status", checks::StatusName(result.status)),
                  tflog::Str("level", checks::LevelName(result.level))});
  }
  return evaluation;
}

}  // namespace compliance
