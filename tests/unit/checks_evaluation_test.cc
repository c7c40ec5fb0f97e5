// File: tests/unit/checks_evaluation_test.cc
//
// Levels, enforcement, the tri-state summary of an evaluation, report_json
// and the diagnostic detail.

#include <algorithm>
#include <string>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/unit/checks_test_support.h"

namespace checks {
namespace {

using control_ids::kIpc;
using control_ids::kMisplaced;
using control_ids::kPid;

// pid_mode, ipc_mode and a misplaced key all fail.
Input EverythingFails() {
  Input input;
  input.family = Text::Known("web");
  input.pid_mode = Text::Known("host");
  input.ipc_mode = Text::Known("host");
  // A container the ECS family passes, but for the key ECS ignores.
  input.container_definitions =
      Text::Known(R"([{"pidMode":"host","readonlyRootFilesystem":true,"user":"1000",)"
                  R"("logConfiguration":{"logDriver":"awslogs"}}])");
  return input;
}

TEST(SettingsTest, LevelOfIsTheOverrideElseTheDefault) {
  const Control& pid = *FindControl(kPid);
  Settings settings;
  EXPECT_EQ(settings.LevelOf(pid), Level::kError);
  settings.levels[kPid] = Level::kWarning;
  EXPECT_EQ(settings.LevelOf(pid), Level::kWarning);
  settings.levels[kPid] = Level::kOff;
  EXPECT_EQ(settings.LevelOf(pid), Level::kOff);
  EXPECT_EQ(settings.LevelOf(*FindControl(kIpc)), Level::kWarning);
}

struct LevelCase {
  std::string name;
  std::map<std::string, Level> levels;
  Enforcement enforcement;
  // pid, ipc, misplaced; kOff: the control was off.
  std::vector<Level> expected;
};

class LevelTest : public testing::TestWithParam<LevelCase> {};

TEST_P(LevelTest, AppliesOverridesThenEnforcement) {
  const LevelCase& c = GetParam();
  Settings settings;
  settings.levels = c.levels;
  settings.enforcement = c.enforcement;
  const Evaluation evaluation = Evaluate(EverythingFails(), settings);
  const std::vector<std::string> ids = {kPid, kIpc, kMisplaced};
  std::size_t expected_findings = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    SCOPED_TRACE(ids[i]);
    const ControlResult& result = ResultOf(evaluation, ids[i]);
    EXPECT_EQ(result.level, c.expected[i]);
    EXPECT_EQ(result.status, c.expected[i] == Level::kOff ? Status::kOff : Status::kFail);
    if (c.expected[i] != Level::kOff) ++expected_findings;
    for (const Finding& finding : evaluation.findings) {
      if (finding.control_id == ids[i]) {
        EXPECT_EQ(finding.level, c.expected[i]);
      }
    }
  }
  EXPECT_EQ(evaluation.findings.size(), expected_findings);
  const bool any_error =
      std::find(c.expected.begin(), c.expected.end(), Level::kError) != c.expected.end();
  EXPECT_EQ(evaluation.has_error(), any_error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LevelTest,
    testing::ValuesIn(std::vector<LevelCase>{
        {"Defaults", {}, Enforcement::kError, {Level::kError, Level::kWarning, Level::kWarning}},
        {"AdvisoryLowersErrors",
         {},
         Enforcement::kWarning,
         {Level::kWarning, Level::kWarning, Level::kWarning}},
        {"OverridesRaiseAndLower",
         {{kPid, Level::kWarning}, {kIpc, Level::kError}},
         Enforcement::kError,
         {Level::kWarning, Level::kError, Level::kWarning}},
        {"AdvisoryNeverRaisesWarnings",
         {{kMisplaced, Level::kWarning}},
         Enforcement::kWarning,
         {Level::kWarning, Level::kWarning, Level::kWarning}},
        {"AdvisoryLowersOverriddenErrors",
         {{kMisplaced, Level::kError}},
         Enforcement::kWarning,
         {Level::kWarning, Level::kWarning, Level::kWarning}},
        {"OffIsNotEvaluated",
         {{kPid, Level::kOff}, {kMisplaced, Level::kOff}},
         Enforcement::kError,
         {Level::kOff, Level::kWarning, Level::kOff}},
        {"AllOff",
         {{kPid, Level::kOff}, {kIpc, Level::kOff}, {kMisplaced, Level::kOff}},
         Enforcement::kWarning,
         {Level::kOff, Level::kOff, Level::kOff}},
    }),
    [](const auto& info) { return info.param.name; });

TEST(EvaluationTest, AllOffIsCompliant) {
  Settings settings;
  for (const Control& control : Catalog()) settings.levels[control.id] = Level::kOff;
  const Evaluation evaluation = Evaluate(EverythingFails(), settings);
  EXPECT_TRUE(evaluation.compliant());
  EXPECT_TRUE(evaluation.findings.empty());
}

TEST(EvaluationTest, OffControlHidesItsUnknown) {
  Input input;
  input.pid_mode = Text::Unknown();
  Settings settings;
  settings.levels[kPid] = Level::kOff;
  const Evaluation evaluation = Evaluate(input, settings);
  EXPECT_FALSE(evaluation.has_unknown());
  EXPECT_TRUE(evaluation.compliant());
}

TEST(EvaluationTest, WarningsAloneAreNotCompliant) {
  Input input;
  input.ipc_mode = Text::Known("host");
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_FALSE(evaluation.compliant());
  EXPECT_FALSE(evaluation.has_error());
}

TEST(EvaluationTest, FindingsCarryTheControlsTexts) {
  const Evaluation evaluation = Evaluate(EverythingFails(), Settings{});
  ASSERT_EQ(evaluation.findings.size(), 3u);
  for (const Finding& finding : evaluation.findings) {
    const Control* control = FindControl(finding.control_id);
    ASSERT_NE(control, nullptr);
    EXPECT_EQ(finding.title, control->title);
    EXPECT_EQ(finding.summary, control->summary);
    EXPECT_EQ(finding.remediation, control->remediation);
    EXPECT_EQ(finding.references, control->references);
    EXPECT_EQ(finding.severity, control->severity);
  }
}

TEST(EvaluationTest, IsDeterministic) {
  const Input input = EverythingFails();
  EXPECT_EQ(ReportJson(Evaluate(input, Settings{}), input.family),
            ReportJson(Evaluate(input, Settings{}), input.family));
}

TEST(ReportJsonTest, HasExactlyTheDocumentedShape) {
  Settings settings;
  settings.levels[kIpc] = Level::kOff;
  Input input = EverythingFails();
  const nlohmann::json report =
      nlohmann::json::parse(ReportJson(Evaluate(input, settings), input.family));
  ASSERT_TRUE(report.is_object());
  std::vector<std::string> keys;
  for (const auto& [key, value] : report.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"compliant", "controls", "family", "findings"}));
  EXPECT_EQ(report["family"], "web");
  EXPECT_EQ(report["compliant"], false);
  ASSERT_EQ(report["controls"].size(), Catalog().size());
  EXPECT_EQ(report["controls"][0],
            (nlohmann::json{{"id", kPid}, {"status", "fail"}, {"level", "error"}}));
  EXPECT_EQ(report["controls"][1],
            (nlohmann::json{{"id", kIpc}, {"status", "off"}, {"level", "off"}}));
  EXPECT_EQ(report["controls"][2],
            (nlohmann::json{{"id", kMisplaced}, {"status", "fail"}, {"level", "warning"}}));
  ASSERT_EQ(report["findings"].size(), 2u);
  const nlohmann::json& finding = report["findings"][0];
  std::vector<std::string> finding_keys;
  for (const auto& [key, value] : finding.items()) finding_keys.push_back(key);
  std::sort(finding_keys.begin(), finding_keys.end());
  EXPECT_EQ(finding_keys, (std::vector<std::string>{"attribute", "control_id", "level", "message",
                                                    "references", "remediation", "severity",
                                                    "title", "waiver_expires", "waiver_reason"}));
  EXPECT_EQ(finding["waiver_reason"], nullptr);  // not waived
  EXPECT_EQ(finding["control_id"], kPid);
  EXPECT_EQ(finding["severity"], "high");
  EXPECT_EQ(finding["level"], "error");
  EXPECT_EQ(finding["attribute"], "pid_mode");
  EXPECT_EQ(finding["references"][0], "AWS Security Hub ECS.3");
  EXPECT_EQ(report["findings"][1]["attribute"], "container_definitions[0].pidMode");
  EXPECT_EQ(report["findings"][1]["references"], nlohmann::json::array());
}

TEST(ReportJsonTest, KeysComeInTheDocumentedOrder) {
  const std::string text = ReportJson(Evaluate(Input{}, Settings{}), Text::Null());
  EXPECT_EQ(text.rfind("{\"family\":null,\"compliant\":true,\"controls\":[{\"id\":", 0), 0u)
      << text;
  EXPECT_TRUE(Contains(text, "\"findings\":[]}")) << text;
}

TEST(ReportJsonTest, FamilyIsNullUnlessKnown) {
  for (const Text& family : {Text::Null(), Text::Unknown(), Text::Malformed("a number")}) {
    const nlohmann::json report =
        nlohmann::json::parse(ReportJson(Evaluate(Input{}, Settings{}), family));
    EXPECT_TRUE(report["family"].is_null());
  }
  const nlohmann::json report =
      nlohmann::json::parse(ReportJson(Evaluate(Input{}, Settings{}), Text::Known("")));
  EXPECT_EQ(report["family"], "");
}

TEST(ReportJsonTest, UnknownControlIsReportedAsUnknown) {
  Input input;
  input.pid_mode = Text::Unknown();
  const nlohmann::json report =
      nlohmann::json::parse(ReportJson(Evaluate(input, Settings{}), Text::Null()));
  EXPECT_EQ(report["compliant"], false);
  EXPECT_EQ(report["controls"][0]["status"], "unknown");
}

TEST(ReportJsonTest, SurvivesInvalidUtf8InTheFamily) {
  const std::string text = ReportJson(Evaluate(Input{}, Settings{}), Text::Known("web\xff"));
  EXPECT_NO_THROW(static_cast<void>(nlohmann::json::parse(text)));
}

// The document as report_json wrote it through nlohmann-json, before it was
// written directly: CI tools may compare the text, so it must not change.
std::string NlohmannReport(const Evaluation& evaluation, const Text& family) {
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
  return report.dump(-1, ' ', false, Json::error_handler_t::replace);
}

TEST(ReportJsonTest, IsTheSameTextNlohmannWrote) {
  Settings waived;
  waived.waivers[kPid] = Waiver{kPid, "legacy \"sidecar\"\n\tuntil Q3 \xc3\xa9\x01", "2099-03-31"};
  waived.waivers[kMisplaced] = Waiver{kMisplaced, "no expiry", ""};
  Settings off;
  off.levels[kIpc] = Level::kOff;
  Input bad_json;
  bad_json.container_definitions = Text::Known("[{\"name\":\"a\"} x]");
  for (const Settings& settings : {Settings{}, waived, off}) {
    for (const Input& input : {EverythingFails(), Input{}, bad_json}) {
      for (const Text& family :
           {Text::Known("web"), Text::Null(), Text::Unknown(), Text::Known(""),
            Text::Known(
                "w\"e\\b/\x7f\x1f\xff\xe2\x82x\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82")}) {
        const Evaluation evaluation = Evaluate(input, settings);
        EXPECT_EQ(ReportJson(evaluation, family), NlohmannReport(evaluation, family));
      }
    }
  }
}

TEST(FindingDetailTest, SaysWhatWhyHowAndWhereToReadMore) {
  Input input;
  input.pid_mode = Text::Known("host");
  const Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_EQ(evaluation.findings.size(), 1u);
  const std::string detail = FindingDetail(evaluation.findings[0]);
  EXPECT_EQ(detail.find(evaluation.findings[0].message), 0u);
  EXPECT_TRUE(Contains(detail, "signal every process on the host"));
  EXPECT_TRUE(Contains(detail, "secrets"));
  EXPECT_TRUE(Contains(detail, "Omit pid_mode or set it to \"task\""));
  EXPECT_TRUE(Contains(detail, "with each other"));
  EXPECT_TRUE(Contains(detail,
                       "References: AWS Security Hub ECS.3, AWS Config "
                       "ECS_TASK_DEFINITION_PID_MODE_CHECK, Checkov CKV_AWS_335"));
  // One short line of references, not all thirteen, and the control page.
  EXPECT_FALSE(Contains(detail, "NIST SP 800-53 r5 CM-2"));
  EXPECT_TRUE(Contains(detail, "and 10 more (see findings)"));
  EXPECT_TRUE(Contains(
      detail, "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3"));
  EXPECT_EQ(evaluation.findings[0].references.size(), 13u);  // all of them in the finding
  EXPECT_LT(std::count(detail.begin(), detail.end(), '\n'), 10);
}

TEST(FindingDetailTest, OmitsReferencesWhenThereAreNone) {
  const Evaluation evaluation = Evaluate(EverythingFails(), Settings{});
  const std::string detail = FindingDetail(evaluation.findings.back());
  EXPECT_EQ(evaluation.findings.back().control_id, kMisplaced);
  EXPECT_FALSE(Contains(detail, "References"));
  EXPECT_TRUE(Contains(detail, "Remove the key"));
}

TEST(StatusTest, Names) {
  EXPECT_EQ(StatusName(Status::kPass), "pass");
  EXPECT_EQ(StatusName(Status::kFail), "fail");
  EXPECT_EQ(StatusName(Status::kUnknown), "unknown");
  EXPECT_EQ(StatusName(Status::kOff), "off");
}

}  // namespace
}  // namespace checks
