// File: checks/report_json.cc
//
// The report_json attribute: a stable document for CI tools. Keys are written
// in a fixed order so the text is deterministic and diffs stay small.

#include "checks/evaluation.h"
#include "nlohmann/json.hpp"

namespace checks {

std::string ReportJson(const Evaluation& evaluation, const Text& family) {
  using Json = nlohmann::ordered_json;
  Json report = Json::object();
  report["family"] = family.state == Text::State::kKnown ? Json(family.value) : Json(nullptr);
  report["compliant"] = evaluation.compliant();
  Json controls = Json::array();
  for (const ControlResult& result : evaluation.controls) {
    Json control = Json::object();
    control["id"] = result.control != nullptr ? result.control->id : "";
    control["status"] = StatusName(result.status);
    control["level"] = LevelName(result.level);
    if (result.waiver.has_value()) {
      control["reason"] = result.waiver->reason;
      control["expires"] =
          result.waiver->expires.empty() ? Json(nullptr) : Json(result.waiver->expires);
    }
    controls.push_back(std::move(control));
  }
  report["controls"] = std::move(controls);
  Json findings = Json::array();
  for (const Finding& finding : evaluation.findings) {
    Json entry = Json::object();
    entry["control_id"] = finding.control_id;
    entry["title"] = finding.title;
    entry["severity"] = SeverityName(finding.severity);
    entry["level"] = LevelName(finding.level);
    entry["attribute"] = finding.attribute;
    entry["message"] = finding.message;
    entry["remediation"] = finding.remediation;
    entry["references"] = finding.references;
    const bool waived = finding.level == Level::kWaived;
    entry["waiver_reason"] = waived ? Json(finding.waiver_reason) : Json(nullptr);
    entry["waiver_expires"] =
        waived && !finding.waiver_expires.empty() ? Json(finding.waiver_expires) : Json(nullptr);
    findings.push_back(std::move(entry));
  }
  report["findings"] = std::move(findings);
  // `replace`: a family that is not valid UTF-8 must not make this throw.
  return report.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace checks
