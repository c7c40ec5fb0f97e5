// File: tests/e2e/outputs_test.cc
//
// The computed attributes as a user or a CI tool reads them: `compliant`,
// `findings` and `report_json` through outputs, after `terraform apply` (the
// data source is read and nothing is created) and `terraform output -json`.

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kOutputs[] = R"(
output "compliant" {
  value = data.compliancecheck_ecs_task_definition.x.compliant
}

output "findings" {
  value = data.compliancecheck_ecs_task_definition.x.findings
}

output "report_json" {
  value = data.compliancecheck_ecs_task_definition.x.report_json
}
)";

// Applies `data_source` plus the outputs above and returns the outputs.
nlohmann::json ApplyAndReadOutputs(absl::string_view data_source) {
  auto workspace = NewWorkspace({{"main.tf", Module(absl::StrCat(data_source, kOutputs))}});
  if (workspace == nullptr) return nullptr;
  RunResult apply = workspace->Apply();
  if (apply.exit_code != 0) {
    ADD_FAILURE() << apply.Describe();
    return nullptr;
  }
  return Outputs(*workspace);
}

// The parsed report_json output; null after a test failure.
nlohmann::json Report(const nlohmann::json& outputs) {
  nlohmann::json text = OutputValue(outputs, "report_json");
  if (!text.is_string()) {
    ADD_FAILURE() << "report_json is not a string: " << outputs.dump(2);
    return nullptr;
  }
  nlohmann::json report = nlohmann::json::parse(text.get<std::string>(), nullptr, false);
  if (!report.is_object()) {
    ADD_FAILURE() << "report_json is not a JSON object: " << text;
    return nullptr;
  }
  return report;
}

// The report's entry for control `id`; null when absent.
nlohmann::json ReportControl(const nlohmann::json& report, absl::string_view id) {
  if (!report.contains("controls")) return nullptr;
  for (const auto& control : report["controls"]) {
    if (control.value("id", "") == id) return control;
  }
  return nullptr;
}

TEST(Outputs, CompliantTaskDefinitionReadsAsCompliantWithNoFindings) {
  nlohmann::json outputs = ApplyAndReadOutputs(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family                = "web"
  pid_mode              = "task"
  container_definitions = jsonencode([{ name = "app", image = "nginx", readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } }])
}
)");
  ASSERT_TRUE(outputs.is_object());
  EXPECT_EQ(OutputValue(outputs, "compliant"), true) << outputs.dump(2);
  EXPECT_EQ(OutputValue(outputs, "findings"), nlohmann::json::array()) << outputs.dump(2);

  nlohmann::json report = Report(outputs);
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["family"], "web") << report.dump(2);
  EXPECT_EQ(report["compliant"], true) << report.dump(2);
  EXPECT_EQ(report["findings"], nlohmann::json::array()) << report.dump(2);
  nlohmann::json pid = ReportControl(report, kPidControl);
  EXPECT_EQ(pid.value("status", ""), "pass") << report.dump(2);
  EXPECT_EQ(pid.value("level", ""), "error") << report.dump(2);
  nlohmann::json ipc = ReportControl(report, kIpcControl);
  EXPECT_EQ(ipc.value("level", ""), "warning") << report.dump(2);
  EXPECT_FALSE(ReportControl(report, kMisplacedKeyControl).is_null()) << report.dump(2);
}

TEST(Outputs, WarningFindingIsListedWithEveryField) {
  nlohmann::json outputs = ApplyAndReadOutputs(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  ipc_mode = "host"
}
)");
  ASSERT_TRUE(outputs.is_object());
  EXPECT_EQ(OutputValue(outputs, "compliant"), false) << outputs.dump(2);
  nlohmann::json findings = OutputValue(outputs, "findings");
  ASSERT_TRUE(findings.is_array() && findings.size() == 1) << outputs.dump(2);
  const nlohmann::json& finding = findings[0];
  EXPECT_EQ(finding["control_id"], kIpcControl);
  EXPECT_EQ(finding["level"], "warning");
  EXPECT_EQ(finding["severity"], "high");
  EXPECT_EQ(finding["attribute"], "ipc_mode");
  for (const char* field : {"title", "message", "remediation"}) {
    EXPECT_TRUE(finding[field].is_string() && !finding[field].get<std::string>().empty())
        << field << " empty: " << finding.dump(2);
  }
  EXPECT_TRUE(finding["references"].is_array()) << finding.dump(2);

  nlohmann::json report = Report(outputs);
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["compliant"], false);
  EXPECT_EQ(ReportControl(report, kIpcControl).value("status", ""), "fail") << report.dump(2);
  ASSERT_TRUE(report["findings"].is_array() && report["findings"].size() == 1) << report.dump(2);
  EXPECT_EQ(report["findings"][0]["control_id"], kIpcControl) << report.dump(2);
}

TEST(Outputs, MisplacedKeyFindingNamesTheContainerPath) {
  nlohmann::json outputs = ApplyAndReadOutputs(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family = "web"
  container_definitions = jsonencode([
    { name = "app", image = "nginx", readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } },
    { name = "debug", image = "busybox", pidMode = "host", readonlyRootFilesystem = true, user = "1000", logConfiguration = { logDriver = "awslogs" } },
  ])
}
)");
  ASSERT_TRUE(outputs.is_object());
  nlohmann::json findings = OutputValue(outputs, "findings");
  ASSERT_TRUE(findings.is_array() && findings.size() == 1) << outputs.dump(2);
  EXPECT_EQ(findings[0]["control_id"], kMisplacedKeyControl);
  EXPECT_EQ(findings[0]["attribute"], "container_definitions[1].pidMode");
  EXPECT_EQ(findings[0]["severity"], "medium");
  EXPECT_EQ(findings[0]["level"], "warning");
}

TEST(Outputs, AdvisoryHostPidFindingHasLevelWarning) {
  nlohmann::json outputs = ApplyAndReadOutputs(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family      = "web"
  pid_mode    = "host"
  enforcement = "warning"
}
)");
  ASSERT_TRUE(outputs.is_object());
  EXPECT_EQ(OutputValue(outputs, "compliant"), false) << outputs.dump(2);
  nlohmann::json findings = OutputValue(outputs, "findings");
  ASSERT_TRUE(findings.is_array() && findings.size() == 1) << outputs.dump(2);
  EXPECT_EQ(findings[0]["control_id"], kPidControl);
  EXPECT_EQ(findings[0]["attribute"], "pid_mode");
  EXPECT_EQ(findings[0]["level"], "warning");
  EXPECT_TRUE(findings[0]["references"].is_array() && !findings[0]["references"].empty())
      << findings[0].dump(2);
}

TEST(Outputs, PlanShowsTheKnownOutputValues) {
  auto workspace = NewWorkspace({{"main.tf", Module(absl::StrCat(R"(
data "compliancecheck_ecs_task_definition" "x" {
  family   = "web"
  pid_mode = "task"
}
)",
                                                                 kOutputs))}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.stdout_text, "+ compliant   = true")) << run.Describe();
}

}  // namespace
}  // namespace e2e
