// File: tests/unit/checks_namespace_mode_test.cc
//
// pid_mode and ipc_mode value rules (PRODUCT.md, Controls): null, "" and the
// valid non-host values pass, "host" fails, anything else fails closed,
// unknown is never a pass.

#include <string>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/checks_test_support.h"

namespace checks {
namespace {

using control_ids::kIpc;
using control_ids::kPid;

struct ValueCase {
  std::string name;
  Text value;
  Status status;
  std::vector<std::string> message_parts;  // empty when no finding
  std::string forbidden = {};              // never in the message: not a known value
};

std::vector<ValueCase> PidCases() {
  const std::vector<std::string> invalid = {"not a valid PID mode", "\"host\" and \"task\"",
                                            "case-sensitive"};
  auto with = [](std::vector<std::string> parts, std::string extra) {
    parts.push_back(std::move(extra));
    return parts;
  };
  return {
      {"Null", Text::Null(), Status::kPass, {}},
      {"Empty", Text::Known(""), Status::kPass, {}},
      {"Task", Text::Known("task"), Status::kPass, {}},
      {"Host",
       Text::Known("host"),
       Status::kFail,
       {"pid_mode is \"host\"", "host's process namespace"}},
      {"UpperCaseHost", Text::Known("HOST"), Status::kFail, with(invalid, "pid_mode is \"HOST\"")},
      {"PaddedHost", Text::Known(" host"), Status::kFail, with(invalid, "pid_mode is \" host\"")},
      // Only a known value or its case/white-space variant is quoted: the
      // rest may be a secret (Terraform strips sensitive marks).
      {"Typo", Text::Known("hots"), Status::kFail,
       with(invalid, "pid_mode is not a valid PID mode (4 characters)"), "hots"},
      {"SensitiveLooking", Text::Known("HOST-secret-mode"), Status::kFail,
       with(invalid, "(16 characters)"), "secret"},
      {"IpcOnlyValueNone", Text::Known("none"), Status::kFail,
       with(invalid, "pid_mode is not a valid PID mode (4 characters)")},
      {"NulByte", Text::Known(std::string("host\0", 5)), Status::kFail,
       with(invalid, "(5 characters)")},
      {"Malformed",
       Text::Malformed("a list"),
       Status::kFail,
       {"pid_mode must be a string, but it is a list"}},
      {"Unknown", Text::Unknown(), Status::kUnknown, {}},
  };
}

class PidModeValueTest : public testing::TestWithParam<ValueCase> {};

TEST_P(PidModeValueTest, DecidesTheControlAndExplainsFailures) {
  const ValueCase& c = GetParam();
  Input input;
  input.pid_mode = c.value;
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(evaluation, kPid).status, c.status);
  const std::vector<Finding> findings = FindingsOf(evaluation, kPid);
  if (c.message_parts.empty()) {
    EXPECT_TRUE(findings.empty());
    return;
  }
  ASSERT_EQ(findings.size(), 1u);
  const Finding& finding = findings[0];
  EXPECT_EQ(finding.argument, "pid_mode");
  EXPECT_EQ(finding.attribute, "pid_mode");
  EXPECT_EQ(finding.level, Level::kError);
  EXPECT_EQ(finding.severity, Severity::kHigh);
  // "host" is a verdict; any other value is invalid and says so, naming
  // ECS.3 all the same.
  EXPECT_EQ(finding.summary, c.name == "Host"
                                 ? "ECS task definition shares the host's process namespace "
                                   "(AWS Security Hub ECS.3)"
                                 : "ECS task definition has an invalid PID mode (AWS Security "
                                   "Hub ECS.3)");
  for (const std::string& part : c.message_parts) {
    EXPECT_TRUE(Contains(finding.message, part)) << finding.message << "\nlacks: " << part;
  }
  EXPECT_FALSE(Contains(finding.message, "Fargate"));
  if (!c.forbidden.empty()) EXPECT_FALSE(Contains(finding.message, c.forbidden)) << finding.message;
}

INSTANTIATE_TEST_SUITE_P(EveryValueClass, PidModeValueTest, testing::ValuesIn(PidCases()),
                         [](const auto& info) { return info.param.name; });

TEST(PidModeTest, UnknownIsNeverReportedAsPassingOrCompliant) {
  Input input;
  input.pid_mode = Text::Unknown();
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kUnknown);
  EXPECT_TRUE(evaluation.findings.empty());
  EXPECT_TRUE(evaluation.has_unknown());
  EXPECT_FALSE(evaluation.compliant());
  EXPECT_FALSE(evaluation.has_error());
}

TEST(PidModeTest, HostOnFargateAddsThatFargateRejectsItAnyway) {
  Input input;
  input.pid_mode = Text::Known("host");
  input.requires_compatibilities = {TextSet::State::kKnown, {"EC2", "FARGATE"}};
  const std::vector<Finding> findings = FindingsOf(Evaluate(input, Settings{}), kPid);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(Contains(findings[0].message, "Fargate rejects host PID mode at registration anyway"))
      << findings[0].message;
}

TEST(PidModeTest, FargateNoteNeedsKnownFargate) {
  const std::vector<TextSet> not_fargate = {
      {},
      {TextSet::State::kUnknown, {}},
      {TextSet::State::kKnown, {"EC2"}},
      {TextSet::State::kKnown, {"fargate"}},
      {TextSet::State::kKnown, {"EC2"}, /*has_unknown_element=*/true},
      {TextSet::State::kMalformed, {}},
  };
  for (const TextSet& compatibilities : not_fargate) {
    Input input;
    input.pid_mode = Text::Known("host");
    input.requires_compatibilities = compatibilities;
    const Evaluation evaluation = Evaluate(input, Settings{});
    // requires_compatibilities never changes the verdict.
    EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kFail);
    const std::vector<Finding> findings = FindingsOf(evaluation, kPid);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_FALSE(Contains(findings[0].message, "Fargate"));
  }
}

TEST(PidModeTest, FargateAloneDoesNotFailTaskMode) {
  Input input;
  input.pid_mode = Text::Known("task");
  input.requires_compatibilities = {TextSet::State::kKnown, {"FARGATE"}};
  EXPECT_TRUE(Evaluate(input, Settings{}).compliant());
}

TEST(PidModeTest, InvalidValueIsQuotedSafelyAndBounded) {
  Input input;
  input.pid_mode = Text::Known(std::string(10000, 'h') + "\xff");
  const std::vector<Finding> findings = FindingsOf(Evaluate(input, Settings{}), kPid);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_LT(findings[0].message.size(), 400u);
}

std::vector<ValueCase> IpcCases() {
  const std::vector<std::string> invalid = {"not a valid IPC mode",
                                            "\"host\", \"task\" and \"none\"", "case-sensitive"};
  return {
      {"Null", Text::Null(), Status::kPass, {}},
      {"Empty", Text::Known(""), Status::kPass, {}},
      {"Task", Text::Known("task"), Status::kPass, {}},
      {"None", Text::Known("none"), Status::kPass, {}},
      {"Host",
       Text::Known("host"),
       Status::kFail,
       {"ipc_mode is \"host\"", "host's IPC namespace"}},
      {"UpperCaseHost", Text::Known("HOST"), Status::kFail, invalid},
      {"PaddedHost", Text::Known(" host"), Status::kFail, invalid},
      {"Typo", Text::Known("hots"), Status::kFail, invalid},
      {"Malformed",
       Text::Malformed("a number"),
       Status::kFail,
       {"ipc_mode must be a string, but it is a number"}},
      {"Unknown", Text::Unknown(), Status::kUnknown, {}},
  };
}

class IpcModeValueTest : public testing::TestWithParam<ValueCase> {};

TEST_P(IpcModeValueTest, DecidesTheControlAtWarningLevel) {
  const ValueCase& c = GetParam();
  Input input;
  input.ipc_mode = c.value;
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(evaluation, kIpc).status, c.status);
  EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kPass);
  const std::vector<Finding> findings = FindingsOf(evaluation, kIpc);
  if (c.message_parts.empty()) {
    EXPECT_TRUE(findings.empty());
    return;
  }
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute, "ipc_mode");
  // A value that is not a string cannot be judged: it blocks, whatever the
  // control's level (what a function sees for { ipc_mode = 1 }).
  EXPECT_EQ(findings[0].level, c.name == "Malformed" ? Level::kError : Level::kWarning);
  EXPECT_EQ(findings[0].summary, c.name == "Host"
                                     ? "ECS task definition shares the host's IPC namespace"
                                     : "ECS task definition has an invalid IPC mode");
  for (const std::string& part : c.message_parts) {
    EXPECT_TRUE(Contains(findings[0].message, part)) << findings[0].message << "\nlacks: " << part;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryValueClass, IpcModeValueTest, testing::ValuesIn(IpcCases()),
                         [](const auto& info) { return info.param.name; });

TEST(IpcModeTest, HostOnFargateAddsTheFargateNote) {
  Input input;
  input.ipc_mode = Text::Known("host");
  input.requires_compatibilities = {TextSet::State::kKnown, {"FARGATE"}};
  const std::vector<Finding> findings = FindingsOf(Evaluate(input, Settings{}), kIpc);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(Contains(findings[0].message, "Fargate rejects host IPC mode"));
}

TEST(NamespaceModeTest, EmptyInputIsCompliant) {
  const Evaluation evaluation = Evaluate(Input{}, Settings{});
  EXPECT_TRUE(evaluation.compliant());
  EXPECT_FALSE(evaluation.has_unknown());
  EXPECT_FALSE(evaluation.has_error());
  ASSERT_EQ(evaluation.controls.size(), Catalog().size());
  for (const ControlResult& result : evaluation.controls) {
    EXPECT_EQ(result.status, Status::kPass) << result.control->id;
  }
}

TEST(NamespaceModeTest, BothHostModesGiveOneFindingEachInCatalogOrder) {
  Input input;
  input.ipc_mode = Text::Known("host");
  input.pid_mode = Text::Known("host");
  const Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_EQ(evaluation.findings.size(), 2u);
  EXPECT_EQ(evaluation.findings[0].control_id, kPid);
  EXPECT_EQ(evaluation.findings[1].control_id, kIpc);
  EXPECT_TRUE(evaluation.has_error());
  EXPECT_FALSE(evaluation.compliant());
}

}  // namespace
}  // namespace checks
