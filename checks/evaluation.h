// File: checks/evaluation.h
//
// Evaluates every control of the catalog against one task definition and
// returns tri-state results and findings. Pure and deterministic; never
// throws: malformed input (invalid JSON, a number where a string belongs) is
// a finding on the attribute that holds it.

#ifndef COMPLIANCECHECK_CHECKS_EVALUATION_H_
#define COMPLIANCECHECK_CHECKS_EVALUATION_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/control.h"
#include "checks/input.h"
#include "checks/waiver.h"

namespace checks {

enum class Enforcement { kError, kWarning };

// Levels per control and the enforcement mode. Default-constructed Settings
// are "every control at its default level, enforcement error": what
// functions use.
//
// A setting may not be known yet (Terraform: a variable during `validate`).
// It is never replaced by its default for a verdict the user sees: the
// controls whose level it could change are `level_pending`, and validation
// reports nothing for them. Evaluate itself then fails closed: an unknown
// enforcement counts as "error", an unknown level as the control's default.
struct Settings {
  std::map<std::string, Level> levels;  // overrides by control id
  Enforcement enforcement = Enforcement::kError;
  bool enforcement_unknown = false;
  bool levels_unknown = false;           // the whole `controls` map
  std::set<std::string> unknown_levels;  // ids whose level is not known yet
  // The data source's waivers that are in force, by control id (functions
  // take none). `waivers_unknown`: some waiver is not known yet, so any
  // control may turn out waived; `pending_waivers`: ids whose waiver is not
  // known yet to be in force (its expiry or reason is not known).
  std::map<std::string, Waiver> waivers;
  bool waivers_unknown = false;
  std::set<std::string> pending_waivers;

  // The effective level of `control` before enforcement.
  Level LevelOf(const Control& control) const;
  // Whether a setting not known yet could change `control`'s final level.
  bool LevelPending(const Control& control) const;
};

enum class Status { kPass, kFail, kUnknown, kOff, kWaived };
std::string_view StatusName(Status s);  // "pass" | "fail" | "unknown" | "off" | "waived"

struct ControlResult {
  const Control* control = nullptr;
  Status status = Status::kPass;
  Level level = Level::kOff;     // after enforcement; the control's own level when waived
  bool level_pending = false;    // see Settings::LevelPending
  std::optional<Waiver> waiver;  // kWaived: the waiver in force
};

// A control's references as a finding holds them: the catalog's list, which
// lives for the program, not a copy of it. Reads as a const vector.
class ReferenceList {
 public:
  using value_type = std::string;
  using const_iterator = std::vector<std::string>::const_iterator;
  using iterator = const_iterator;

  ReferenceList() = default;
  // `list` must outlive every copy (the catalog's lives for the program).
  explicit ReferenceList(const std::vector<std::string>& list) : list_(&list) {}

  const std::vector<std::string>& list() const { return list_ != nullptr ? *list_ : Empty(); }
  operator const std::vector<std::string>&() const { return list(); }  // NOLINT: reads as one
  const_iterator begin() const { return list().begin(); }
  const_iterator end() const { return list().end(); }
  std::size_t size() const { return list().size(); }
  bool empty() const { return list().empty(); }
  const std::string& operator[](std::size_t i) const { return list()[i]; }

  friend bool operator==(const ReferenceList& a, const ReferenceList& b) {
    return a.list() == b.list();
  }
  friend bool operator==(const ReferenceList& a, const std::vector<std::string>& b) {
    return a.list() == b;
  }

 private:
  static const std::vector<std::string>& Empty();
  const std::vector<std::string>* list_ = nullptr;
};

// The texts that come from the catalog (control_id, title, remediation,
// references) are views of it: it lives for the program, so a Finding may
// be copied and kept anywhere.
struct Finding {
  std::string_view control_id;
  std::string_view title;
  Severity severity = Severity::kMedium;
  Level level = Level::kWarning;  // after enforcement; never kOff
  // The top-level argument that holds the problem ("pid_mode",
  // "container_definitions", "task_definition_json"): where Terraform points.
  std::string argument;
  // The argument plus the path inside its JSON, 0-based:
  // "pid_mode", "container_definitions[1].pidMode",
  // "task_definition_json.containerDefinitions[0].pidMode".
  std::string attribute;
  std::string message;           // what is wrong here, specific to this value
  std::string_view remediation;  // how to fix it
  ReferenceList references;
  std::string summary;  // the control's diagnostic summary
  // The control failed closed because its input could not be read: the
  // summary says it could not be verified, not that it failed.
  bool unverifiable = false;
  // level kWaived: the waiver's reason and expiry, the user's own words
  // (findings and report_json carry them; diagnostics never do).
  std::string waiver_reason;
  std::string waiver_expires;
};

// A problem with the input's shape that is not a control finding: both
// input forms given, JSON that cannot be read, a value of the wrong kind.
// Always an error on its argument, whatever the levels: the controls that
// read it cannot judge it. Messages never quote the value.
struct InputProblem {
  enum class Kind {
    kConflictingForms,  // both the arguments and task_definition_json given
    kUnreadable,        // a value that cannot be read; the controls fail closed on it
  };
  Kind kind = Kind::kUnreadable;
  std::string argument;
  std::string summary;
  std::string detail;
};

struct Evaluation {
  std::vector<ControlResult> controls;  // one per catalog control, catalog order
  std::vector<Finding> findings;        // control order, then attribute order
  std::vector<InputProblem> problems;   // in the order found

  // True only when there is no problem and no finding, and no control is
  // unknown.
  bool compliant() const;
  // True when some control could not be decided because a value is unknown.
  bool has_unknown() const;
  // True when something blocks a plan: an input problem or a finding at
  // level error.
  bool has_error() const;
};

// Reads `input` once and evaluates every control under `settings`. Findings
// on an argument that has an input problem are at level error (unless their
// control is off): a value that cannot be read never passes. When both
// input forms are given, only task_definition_json is evaluated.
Evaluation Evaluate(const Input& input, const Settings& settings);

// Diagnostic detail for a finding: the specific message, why it matters, how
// to fix it, and the references. Plain text, a few short paragraphs.
std::string FindingDetail(const Finding& finding);

// report_json: {"family":..., "compliant":..., "controls":[{"id","status","level"}],
// "findings":[{control_id,title,severity,level,attribute,message,remediation,references}]}
// `family` is null when the family is not known.
std::string ReportJson(const Evaluation& evaluation, const Text& family);

}  // namespace checks

#endif  // COMPLIANCECHECK_CHECKS_EVALUATION_H_
