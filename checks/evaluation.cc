// File: checks/evaluation.cc

#include "checks/evaluation.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "checks/catalog.h"
#include "checks/concat.h"
#include "checks/input_problems.h"
#include "checks/task_definition.h"

namespace checks {
namespace {

// Attribute order with indexes compared as numbers, so
// container_definitions[2] comes before container_definitions[10].
bool AttributeLess(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool digit_a = std::isdigit(static_cast<unsigned char>(a[i]));
    const bool digit_b = std::isdigit(static_cast<unsigned char>(b[j]));
    if (digit_a && digit_b) {
      std::size_t end_a = i, end_b = j;
      while (end_a < a.size() && std::isdigit(static_cast<unsigned char>(a[end_a]))) ++end_a;
      while (end_b < b.size() && std::isdigit(static_cast<unsigned char>(b[end_b]))) ++end_b;
      std::string_view run_a = a.substr(i, end_a - i);
      std::string_view run_b = b.substr(j, end_b - j);
      // Indexes have no leading zeros, so the longer run is the larger one.
      if (run_a.size() != run_b.size()) return run_a.size() < run_b.size();
      if (run_a != run_b) return run_a < run_b;
      i = end_a;
      j = end_b;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

// "Cannot verify: ECS task definitions should not share the host's process
// namespace (AWS Security Hub ECS.3)": a control that failed closed on input
// it could not read must not claim the task shares anything.
std::string UnverifiableSummary(const Control& control) {
  std::string summary = Concat("Cannot verify: ", control.title);
  if (!control.security_hub_id.empty()) {
    Append(summary, " (AWS Security Hub ", control.security_hub_id, ")");
  }
  return summary;
}

Level AfterEnforcement(Level level, Enforcement enforcement) {
  // Advisory mode lowers errors; nothing ever raises a warning.
  if (enforcement == Enforcement::kWarning && level == Level::kError) {
    return Level::kWarning;
  }
  return level;
}

}  // namespace

const std::vector<std::string>& ReferenceList::Empty() {
  static const std::vector<std::string>* const empty = new std::vector<std::string>();
  return *empty;
}

Level Settings::LevelOf(const Control& control) const {
  auto it = levels.find(control.id);
  return it == levels.end() ? control.default_level : it->second;
}

bool Settings::LevelPending(const Control& control) const {
  if (levels_unknown || unknown_levels.count(control.id) > 0) return true;
  if (waivers_unknown || pending_waivers.count(control.id) > 0) return true;
  // Advisory mode could still lower an error; it never raises a warning.
  return enforcement_unknown && LevelOf(control) == Level::kError;
}

std::string_view StatusName(Status s) {
  switch (s) {
    case Status::kPass:
      return "pass";
    case Status::kFail:
      return "fail";
    case Status::kUnknown:
      return "unknown";
    case Status::kOff:
      return "off";
    case Status::kWaived:
      return "waived";
  }
  return "unknown";
}

bool Evaluation::compliant() const {
  // A waived control and its findings do not count against compliance.
  return problems.empty() &&
         std::none_of(controls.begin(), controls.end(),
                      [](const ControlResult& r) {
                        return r.status == Status::kFail || r.status == Status::kUnknown;
                      }) &&
         std::all_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.level == Level::kWaived; });
}

bool Evaluation::has_unknown() const {
  return std::any_of(controls.begin(), controls.end(),
                     [](const ControlResult& r) { return r.status == Status::kUnknown; });
}

bool Evaluation::has_error() const {
  return !problems.empty() || std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.level == Level::kError;
  });
}

Evaluation Evaluate(const Input& input, const Settings& settings) {
  const TaskDefinition definition = ReadTaskDefinition(input);
  const std::vector<CatalogEntry>& entries = CatalogEntries();
  const std::vector<Control>& catalog = Catalog();
  Evaluation evaluation;
  evaluation.problems = InputProblems(input, definition);
  std::set<std::string_view> troubled;
  for (const InputProblem& problem : evaluation.problems) troubled.insert(problem.argument);
  // An unknown enforcement fails closed: errors stay errors.
  const Enforcement enforcement =
      settings.enforcement_unknown ? Enforcement::kError : settings.enforcement;
  evaluation.controls.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Control& control = catalog[i];
    ControlResult result{
        .control = &control, .level_pending = settings.LevelPending(control), .waiver = {}};
    const Level level = settings.LevelOf(control);
    if (level == Level::kOff) {
      result.status = Status::kOff;
      result.level = Level::kOff;
      evaluation.controls.push_back(result);
      continue;
    }
    result.level = AfterEnforcement(level, enforcement);
    Outcome outcome = entries[i].check(definition);
    result.status = outcome.status;
    const auto waiver = settings.waivers.find(control.id);
    if (waiver != settings.waivers.end()) {
      result.status = Status::kWaived;
      result.waiver = waiver->second;
    }
    std::sort(outcome.violations.begin(), outcome.violations.end(),
              [](const Violation& a, const Violation& b) {
                return AttributeLess(a.place.attribute, b.place.attribute);
              });
    for (Violation& violation : outcome.violations) {
      const bool unreadable = troubled.count(violation.place.argument) > 0;
      const Level level = result.waiver.has_value() ? Level::kWaived
                          : unreadable              ? Level::kError
                                                    : result.level;
      evaluation.findings.push_back(Finding{
          .control_id = control.id,
          .title = control.title,
          .severity = control.severity,
          .level = level,
          .argument = std::string(violation.place.argument),
          .attribute = std::move(violation.place.attribute),
          .message = std::move(violation.message),
          .remediation = control.remediation,
          .references = ReferenceList(control.references),
          .summary = !violation.summary.empty() ? std::move(violation.summary)
                     : violation.unverifiable   ? UnverifiableSummary(control)
                     : violation.invalid_value && !control.invalid_value_summary.empty()
                         ? control.invalid_value_summary
                         : control.summary,
          .unverifiable = violation.unverifiable,
          .waiver_reason = result.waiver.has_value() ? result.waiver->reason : std::string(),
          .waiver_expires = result.waiver.has_value() ? result.waiver->expires : std::string(),
      });
    }
    evaluation.controls.push_back(result);
  }
  return evaluation;
}

}  // namespace checks
