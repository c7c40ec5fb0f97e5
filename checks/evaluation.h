// File: checks/evaluation.h
//
// Evaluates every control of the catalog against one task definition and
// returns tri-state results and findings. Pure and deterministic; never
// throws: malformed input (invalid JSON, a number where a string belongs) is
// a finding on the attribute that holds it.

#ifndef COMPLIANCECHECK_CHECKS_EVALUATION_H_
#define COMPLIANCECHECK_CHECKS_EVALUATION_H_

#include <map>
#include <string>
#include <vector>

#include "checks/control.h"
#include "checks/input.h"

namespace checks {

enum class Enforcement { kError, kWarning };

// Levels per control and the enforcement mode. Default-constructed Settings
// are "every control at its default level, enforcement error": what
// functions use.
struct Settings {
  std::map<std::string, Level> levels;  // overrides by control id
  Enforcement enforcement = Enforcement::kError;

  // The effective level of `control` before enforcement.
  Level LevelOf(const Control& control) const;
};

enum class Status { kPass, kFail, kUnknown, kOff };
std::string_view StatusName(Status s);  // "pass" | "fail" | "unknown" | "off"

struct ControlResult {
  const Control* control = nullptr;
  Status status = Status::kPass;
  Level level = Level::kOff;  // after enforcement
};

struct Finding {
  std::string control_id;
  std::string title;
  Severity severity = Severity::kMedium;
  Level level = Level::kWarning;  // after enforcement; never kOff
  // The top-level argument that holds the problem ("pid_mode",
  // "container_definitions", "task_definition_json"): where Terraform points.
  std::string argument;
  // The argument plus the path inside its JSON, 0-based:
  // "pid_mode", "container_definitions[1].pidMode",
  // "task_definition_json.containerDefinitions[0].pidMode".
  std::string attribute;
  std::string message;      // what is wrong here, specific to this value
  std::string remediation;  // how to fix it
  std::vector<std::string> references;
  std::string summary;  // the control's diagnostic summary
};

struct Evaluation {
  std::vector<ControlResult> controls;  // one per catalog control, catalog order
  std::vector<Finding> findings;        // control order, then attribute order

  // True only when no control failed and none is unknown.
  bool compliant() const;
  // True when some control could not be decided because a value is unknown.
  bool has_unknown() const;
  // True when some finding is at level error.
  bool has_error() const;
};

// Evaluates `input` under `settings`. An input that mixes the argument form
// and task_definition_json is not evaluated here: see ValidateInputForms.
Evaluation Evaluate(const Input& input, const Settings& settings);

// Problems with the input's shape that are not control findings, e.g. giving
// both `pid_mode` and `task_definition_json`. Each names the argument.
struct InputProblem {
  enum class Kind {
    kConflictingForms,  // both the arguments and task_definition_json given
    kUnreadable,        // JSON that cannot be read; the controls fail closed on it
  };
  Kind kind = Kind::kUnreadable;
  std::string argument;
  std::string summary;
  std::string detail;
};
std::vector<InputProblem> ValidateInputForms(const Input& input);

// Diagnostic detail for a finding: the specific message, why it matters, how
// to fix it, and the references. Plain text, a few short paragraphs.
std::string FindingDetail(const Finding& finding);

// report_json: {"family":..., "compliant":..., "controls":[{"id","status","level"}],
// "findings":[{control_id,title,severity,level,attribute,message,remediation,references}]}
// `family` is null when the family is not known.
std::string ReportJson(const Evaluation& evaluation, const Text& family);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_EVALUATION_H_
