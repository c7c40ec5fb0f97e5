// File: tests/unit/checks_no_host_network_mode_test.cc
//
// ecs_task_definition_no_host_network_mode (AWS Security Hub ECS.17;
// PRODUCT.md, "The ECS task-definition family"): the task-level network_mode
// is not "host". AWS accepts bridge, host, awsvpc and none (case-sensitive);
// any other value fails closed and is quoted only when it differs from a
// valid one in case or white space. Cases follow AWS Config's
// ECS_TASK_DEFINITION_NETWORK_MODE_NOT_HOST examples.

#include <algorithm>
#include <string>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kHostNetwork;

struct NetworkCase {
  std::string name;
  Text value;
  Status status;
  std::vector<std::string> message_parts = {};  // empty: no finding
  std::string forbidden = {};                   // never in the message
  bool invalid = false;                         // the invalid-value summary
};

std::vector<NetworkCase> HostNetworkCases() {
  return {
      {"Null", Text::Null(), Status::kPass},
      {"Empty", Text::Known(""), Status::kPass},
      {"Bridge", Text::Known("bridge"), Status::kPass},
      {"AwsVpc", Text::Known("awsvpc"), Status::kPass},
      {"None", Text::Known("none"), Status::kPass},
      {"Host", Text::Known("host"), Status::kFail, {"network_mode is \"host\""}},
      {"UpperCaseHost", Text::Known("HOST"), Status::kFail, {"network_mode is \"HOST\""}, "", true},
      {"Typo", Text::Known("hots"), Status::kFail, {"(4 characters)"}, "hots", true},
      {"SecretLooking",
       Text::Known("awsvpc-s3cr3t"),
       Status::kFail,
       {"(13 characters)"},
       "s3cr3t",
       true},
      {"Unknown", Text::Unknown(), Status::kUnknown},
  };
}

class NoHostNetworkModeTest : public testing::TestWithParam<NetworkCase> {};

TEST_P(NoHostNetworkModeTest, DecidesAtNetworkMode) {
  const NetworkCase& c = GetParam();
  Input input;
  input.network_mode = c.value;
  const Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_NE(FindResult(evaluation, kHostNetwork), nullptr) << "the catalog has no " << kHostNetwork;
  EXPECT_EQ(FindResult(evaluation, kHostNetwork)->status, c.status);
  const std::vector<Finding> findings = FindingsOf(evaluation, kHostNetwork);
  if (c.message_parts.empty()) {
    EXPECT_TRUE(findings.empty());
    return;
  }
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.argument, "network_mode");
  EXPECT_EQ(f.attribute, "network_mode");
  EXPECT_EQ(f.level, Level::kWarning);
  EXPECT_EQ(f.severity, Severity::kMedium);
  EXPECT_NE(f.summary.find("(AWS Security Hub ECS.17)"), std::string::npos) << f.summary;
  EXPECT_EQ(f.summary == FindControl(kHostNetwork)->summary, !c.invalid) << f.summary;
  for (const std::string& part : c.message_parts) {
    EXPECT_NE(f.message.find(part), std::string::npos) << f.message << "\nlacks: " << part;
  }
  if (c.invalid) {
    EXPECT_NE(f.message.find("\"awsvpc\""), std::string::npos) << f.message;
  }
  if (!c.forbidden.empty()) {
    EXPECT_EQ(f.message.find(c.forbidden), std::string::npos) << f.message;
    EXPECT_EQ(ReportJson(evaluation, Text::Null()).find(c.forbidden), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(AwsExamples, NoHostNetworkModeTest, testing::ValuesIn(HostNetworkCases()),
                         [](const auto& info) { return info.param.name; });

TEST(NoHostNetworkModeTest, DocumentFormReadsNetworkMode) {
  for (const auto& [json, status] : std::vector<std::pair<std::string, Status>>{
           {R"({"family":"web","networkMode":"host"})", Status::kFail},
           {R"({"taskDefinition":{"family":"web","networkMode":"host"}})", Status::kFail},
           {R"({"family":"web","networkMode":"awsvpc"})", Status::kPass},
           {R"({"family":"web"})", Status::kPass},
       }) {
    Input input;
    input.task_definition_json = Text::Known(json);
    const Evaluation evaluation = Evaluate(input, Settings{});
    ASSERT_NE(FindResult(evaluation, kHostNetwork), nullptr);
    EXPECT_EQ(FindResult(evaluation, kHostNetwork)->status, status) << json;
    const std::vector<Finding> findings = FindingsOf(evaluation, kHostNetwork);
    ASSERT_EQ(findings.size(), status == Status::kFail ? 1u : 0u) << json;
    if (!findings.empty()) {
      EXPECT_EQ(findings[0].attribute, "task_definition_json.networkMode");
      EXPECT_EQ(findings[0].argument, "task_definition_json");
    }
  }
}

TEST(NoHostNetworkModeTest, MalformedFailsClosedAtLevelError) {
  Input input;
  input.network_mode = Text::Malformed("a number");
  Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_NE(FindResult(evaluation, kHostNetwork), nullptr);
  EXPECT_EQ(FindResult(evaluation, kHostNetwork)->status, Status::kFail);
  std::vector<Finding> findings = FindingsOf(evaluation, kHostNetwork);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, Level::kError);
  EXPECT_EQ(findings[0].attribute, "network_mode");
  EXPECT_TRUE(evaluation.has_error());

  Input document;
  document.task_definition_json = Text::Known(R"({"networkMode":5})");
  evaluation = Evaluate(document, Settings{});
  EXPECT_EQ(FindResult(evaluation, kHostNetwork)->status, Status::kFail);
  findings = FindingsOf(evaluation, kHostNetwork);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute, "task_definition_json.networkMode");

  Input unreadable;
  unreadable.task_definition_json = Text::Known(R"({"networkMode":)");
  evaluation = Evaluate(unreadable, Settings{});
  EXPECT_EQ(FindResult(evaluation, kHostNetwork)->status, Status::kFail);
  findings = FindingsOf(evaluation, kHostNetwork);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, Level::kError);
  EXPECT_TRUE(findings[0].unverifiable);

  Input unknown;
  unknown.task_definition_json = Text::Unknown();
  EXPECT_EQ(FindResult(Evaluate(unknown, Settings{}), kHostNetwork)->status, Status::kUnknown);
}

TEST(NoHostNetworkModeTest, CatalogEntry) {
  const Control* control = FindControl(kHostNetwork);
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->security_hub_id, "ECS.17");
  EXPECT_EQ(control->severity, Severity::kMedium);
  EXPECT_EQ(control->default_level, Level::kWarning);
  EXPECT_NE(control->documentation_url.find("#ecs-17"), std::string::npos);
  for (const char* ref :
       {"AWS Security Hub ECS.17", "AWS Config ECS_TASK_DEFINITION_NETWORK_MODE_NOT_HOST"}) {
    EXPECT_NE(std::find(control->references.begin(), control->references.end(), ref),
              control->references.end())
        << ref;
  }
}

}  // namespace
}  // namespace checks
