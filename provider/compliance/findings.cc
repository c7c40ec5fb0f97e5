// File: provider/compliance/findings.cc

#include "provider/compliance/findings.h"

#include <set>
#include <string>
#include <string_view>

namespace compliance {

const cty::Type& FindingType() {
  static const cty::Type* type = new cty::Type(cty::Type::Object({
      {"control_id", cty::Type::String()},
      {"title", cty::Type::String()},
      {"severity", cty::Type::String()},
      {"level", cty::Type::String()},
      {"attribute", cty::Type::String()},
      {"message", cty::Type::String()},
      {"remediation", cty::Type::String()},
      {"references", cty::Type::List(cty::Type::String())},
      {"waiver_reason", cty::Type::String()},
      {"waiver_expires", cty::Type::String()},
  }));
  return *type;
}

const cty::Type& FindingListType() {
  static const cty::Type* type = new cty::Type(cty::Type::List(FindingType()));
  return *type;
}

cty::Value FindingsValue(const std::vector<checks::Finding>& findings) {
  std::vector<cty::Value> items;
  items.reserve(findings.size());
  for (const checks::Finding& f : findings) {
    std::vector<cty::Value> refs;
    for (const std::string& r : f.references) refs.push_back(cty::Value::String(r));
    const bool waived = f.level == checks::Level::kWaived;
    items.push_back(cty::Value::Object({
        {"control_id", cty::Value::String(std::string(f.control_id))},
        {"title", cty::Value::String(std::string(f.title))},
        {"severity", cty::Value::String(std::string(checks::SeverityName(f.severity)))},
        {"level", cty::Value::String(std::string(checks::LevelName(f.level)))},
        {"attribute", cty::Value::String(f.attribute)},
        {"message", cty::Value::String(f.message)},
        {"remediation", cty::Value::String(std::string(f.remediation))},
        {"references", cty::Value::List(cty::Type::String(), std::move(refs))},
        {"waiver_reason",
         waived ? cty::Value::String(f.waiver_reason) : cty::Value::Null(cty::Type::String())},
        {"waiver_expires", waived && !f.waiver_expires.empty()
                               ? cty::Value::String(f.waiver_expires)
                               : cty::Value::Null(cty::Type::String())},
    }));
  }
  return cty::Value::List(FindingType(), std::move(items));
}

namespace {

// Each finding once per plan. `terraform plan` validates the data source
// twice, on two processes: in the validate walk (provider not configured,
// variables unknown) and in the plan walk (configured, values known), then
// reads it. Errors are reported as soon as they are known: the first one
// stops the plan. Warnings only once the provider is configured, where every
// value the read will see is known; the validate walk's warnings would be
// printed again. Nothing that a setting not known yet could change is
// reported by validation; the read reports it with the settings it has.
bool Reported(Moment moment, bool error, bool pending) {
  switch (moment) {
    case Moment::kValidateUnconfigured:
      return error && !pending;
    case Moment::kValidateConfigured:
      return !pending;
    case Moment::kRead:
      return error || pending;
  }
  return true;
}

}  // namespace

void AddDiagnostics(const checks::Evaluation& evaluation, Moment moment, tf::Diagnostics* diags) {
  std::set<std::string> troubled;
  for (const checks::InputProblem& p : evaluation.problems) {
    diags->AddError(p.summary, p.detail, tf::AttributePath::Root(p.argument));
    troubled.insert(p.argument);
  }
  std::set<std::string_view> pending;
  for (const checks::ControlResult& r : evaluation.controls) {
    if (r.level_pending) pending.insert(r.control->id);
  }
  for (const checks::Finding& f : evaluation.findings) {
    // A waived finding prints nothing: the waiver says it was accepted.
    if (troubled.count(f.argument) > 0 || f.level == checks::Level::kWaived) continue;
    const bool is_pending = pending.count(f.control_id) > 0;
    const bool error = f.level == checks::Level::kError;
    if (!Reported(moment, error, is_pending)) continue;
    tf::Diagnostic d;
    d.severity = error ? tf::Severity::kError : tf::Severity::kWarning;
    d.summary = f.summary;
    d.detail = checks::FindingDetail(f);
    d.attribute = tf::AttributePath::Root(f.argument);
    diags->Add(std::move(d));
  }
}

}  // namespace compliance
