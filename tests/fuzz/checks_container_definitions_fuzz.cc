// File: tests/fuzz/checks_container_definitions_fuzz.cc
//
// libFuzzer target: the checks against arbitrary JSON text. The first input
// byte picks where the rest goes (container_definitions, task_definition_json
// or both) and which other arguments are set beside it; the rest is the text.
// Whatever the text, Evaluate (with its input problems), FindingDetail and
// ReportJson must not crash, and their results must keep the promises of
// checks/evaluation.h.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "checks/input.h"
#include "nlohmann/json.hpp"
#include "tests/fuzz/require.h"

namespace {

using checks::Input;
using checks::Text;
using fuzz::Fail;
using fuzz::Require;
using fuzz::StartsWith;

// The top-level arguments a finding or input problem may name.
bool IsArgument(std::string_view name) {
  for (std::string_view known :
       {"family", "pid_mode", "ipc_mode", "network_mode", "requires_compatibilities",
        "container_definitions", "task_definition_json"}) {
    if (name == known) return true;
  }
  return false;
}

// Selector bits 2..3: a pid_mode beside the text (argument form only).
Text PidMode(uint8_t selector) {
  switch ((selector >> 2) & 3) {
    case 1:
      return Text::Known("host");
    case 2:
      return Text::Unknown();
    case 3:
      return Text::Malformed("a number");
    default:
      return Text::Null();
  }
}

Input MakeInput(uint8_t selector, std::string_view text) {
  Input input;
  input.family = Text::Known("fuzz");
  switch (selector & 3) {
    case 0:
    case 3:
      input.container_definitions = Text::Known(std::string(text));
      break;
    case 1:
      input.task_definition_json = Text::Known(std::string(text));
      break;
    case 2:  // both forms: an input problem, and only the document is checked
      input.container_definitions = Text::Known(std::string(text));
      input.task_definition_json = Text::Known(std::string(text));
      break;
  }
  if ((selector & 3) != 1) input.pid_mode = PidMode(selector);
  if (selector & 0x10) {
    input.requires_compatibilities.state = checks::TextSet::State::kKnown;
    input.requires_compatibilities.values = {"FARGATE"};
  }
  if (selector & 0x20) input.family = Text::Null();
  return input;
}

void CheckReport(const std::string& report_json, const checks::Evaluation& evaluation,
                 const Text& family) {
  const nlohmann::json report =
      nlohmann::json::parse(report_json, nullptr, /*allow_exceptions=*/false);
  Require(report.is_object(), "report_json is not a JSON object", report_json);
  for (const char* key : {"family", "compliant", "controls", "findings"}) {
    Require(report.contains(key), "report_json lacks a documented key", key);
  }
  Require(report.size() == 4, "report_json has undocumented keys", report_json);
  Require(family.state == Text::State::kKnown ? report["family"].is_string()
                                              : report["family"].is_null(),
          "report_json family is wrong", report_json);
  Require(
      report["compliant"].is_boolean() && report["compliant"].get<bool>() == evaluation.compliant(),
      "report_json compliant differs from Evaluation::compliant()", report_json);

  const nlohmann::json& controls = report["controls"];
  Require(controls.is_array() && controls.size() == evaluation.controls.size(),
          "report_json controls do not match the evaluation", report_json);
  for (const nlohmann::json& control : controls) {
    for (const char* key : {"id", "status", "level"}) {
      Require(control.contains(key) && control[key].is_string(), "report_json control lacks a key",
              key);
    }
  }

  const nlohmann::json& findings = report["findings"];
  Require(findings.is_array() && findings.size() == evaluation.findings.size(),
          "report_json findings do not match the evaluation", report_json);
  for (const nlohmann::json& finding : findings) {
    for (const char* key :
         {"control_id", "title", "severity", "level", "attribute", "message", "remediation"}) {
      Require(finding.contains(key) && finding[key].is_string(), "report_json finding lacks a key",
              key);
    }
    Require(finding.contains("references") && finding["references"].is_array(),
            "report_json finding lacks references", report_json);
    Require(finding["level"] != "off", "report_json finding at level off", report_json);
  }
}

void CheckEvaluation(const Input& input, const checks::Evaluation& evaluation) {
  Require(evaluation.controls.size() == checks::Catalog().size(),
          "not one control result per catalog control");
  for (const checks::ControlResult& result : evaluation.controls) {
    Require(result.control != nullptr, "control result without its control");
    Require((result.status == checks::Status::kOff) == (result.level == checks::Level::kOff),
            "control status off and level off disagree", result.control->id);
  }
  for (const checks::Finding& finding : evaluation.findings) {
    Require(finding.level != checks::Level::kOff, "finding at level off", finding.attribute);
    Require(IsArgument(finding.argument), "finding names no top-level argument", finding.argument);
    Require(StartsWith(finding.attribute, finding.argument),
            "finding attribute does not start with its argument",
            finding.attribute + " / " + finding.argument);
    Require(checks::FindControl(finding.control_id) != nullptr, "finding of an unknown control",
            finding.control_id);
    Require(!finding.message.empty() && !finding.summary.empty(),
            "finding without message or summary", finding.attribute);
    Require(!checks::FindingDetail(finding).empty(), "empty FindingDetail", finding.attribute);
  }
  if (!evaluation.findings.empty()) {
    Require(!evaluation.compliant(), "compliant() although there are findings");
  }
  if (evaluation.has_error()) Require(!evaluation.compliant(), "compliant() with an error finding");

  const std::string report = checks::ReportJson(evaluation, input.family);
  CheckReport(report, evaluation, input.family);
  // Pure and deterministic: a second evaluation finds the same.
  const checks::Evaluation again = checks::Evaluate(input, checks::Settings{});
  Require(again.findings.size() == evaluation.findings.size(), "Evaluate is not deterministic");
  for (size_t i = 0; i < again.findings.size(); ++i) {
    Require(again.findings[i].attribute == evaluation.findings[i].attribute &&
                again.findings[i].message == evaluation.findings[i].message,
            "Evaluate is not deterministic", again.findings[i].attribute);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Input input = MakeInput(data[0], text);

  const checks::Evaluation evaluation = checks::Evaluate(input, checks::Settings{});
  for (const checks::InputProblem& problem : evaluation.problems) {
    Require(IsArgument(problem.argument), "input problem names no top-level argument",
            problem.argument);
    Require(!problem.summary.empty() && !problem.detail.empty(),
            "input problem without summary or detail", problem.argument);
  }
  CheckEvaluation(input, evaluation);
  return 0;
}
