#include "provider/compliance/findings.h"

#include <set>
#include <string>

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
    items.push_back(cty::Value::Object({
        {"control_id", cty::Value::String(f.control_id)},
        {"title", cty::Value::String(f.title)},
        {"severity", cty::Value::String(std::string(checks::SeverityName(f.severity)))},
        {"level", cty::Value::String(std::string(checks::LevelName(f.level)))},
        {"attribute", cty::Value::String(f.attribute)},
        {"message", cty::Value::String(f.message)},
        {"remediation", cty::Value::String(f.remediation)},
        {"references", cty::Value::List(cty::Type::String(), std::move(refs))},
    }));
  }
  return cty::Value::List(FindingType(), std::move(items));
}

void AddDiagnostics(const std::vector<checks::InputProblem>& problems,
                    const checks::Evaluation& evaluation, tf::Diagnostics* diags) {
  std::set<std::string> troubled;
  for (const checks::InputProblem& p : problems) {
    diags->AddError(p.summary, p.detail, tf::AttributePath::Root(p.argument));
    troubled.insert(p.argument);
  }
  for (const checks::Finding& f : evaluation.findings) {
    if (troubled.count(f.argument) > 0) continue;
    tf::Diagnostic d;
    d.severity = f.level == checks::Level::kError ? tf::Severity::kError : tf::Severity::kWarning;
    d.summary = f.summary;
    d.detail = checks::FindingDetail(f);
    d.attribute = tf::AttributePath::Root(f.argument);
    diags->Add(std::move(d));
  }
}

}  // namespace compliance
