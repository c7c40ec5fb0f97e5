// File: tests/unit/checks_no_privileged_test.cc
//
// ecs_container_no_privileged (AWS Security Hub ECS.4; PRODUCT.md, "The ECS
// task-definition family"): a container with privileged = true fails, at the
// exact key, in either input form. Cases follow AWS Config's
// ECS_CONTAINERS_NONPRIVILEGED examples (privileged true / false / absent)
// and the fixtures peers use for CKV_AWS_334, with the key they misread.

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kPrivileged;

constexpr char kSummary[] = "(AWS Security Hub ECS.4)";

std::vector<Case> PrivilegedCases() {
  return {
      {"EmptyList", "[]", Status::kPass, {}},
      {"Absent", R"([{"name":"web","image":"nginx"}])", Status::kPass, {}},
      {"Null", R"([{"name":"web","privileged":null}])", Status::kPass, {}},
      {"False", R"([{"name":"web","privileged":false}])", Status::kPass, {}},
      {"True",
       R"([{"name":"web","privileged":true}])",
       Status::kFail,
       {"[0].privileged"},
       "capabilities of root"},
      {"SecondOfThree",
       R"([{"name":"a"},{"name":"b","privileged":true},{"name":"c","privileged":false}])",
       Status::kFail,
       {"[1].privileged"}},
      {"TwoContainers",
       R"([{"name":"a","privileged":true},{"name":"b","privileged":true}])",
       Status::kFail,
       {"[0].privileged", "[1].privileged"}},
      // Go's encoding/json matches case-insensitively: this reaches ECS.
      {"PascalCase", R"([{"name":"web","Privileged":true}])", Status::kFail, {"[0].Privileged"}},
      // Checkov's CKV_AWS_334 reads this key; the AWS provider ignores it
      // (the misplaced-key control warns about it instead).
      {"NearMissPrivilege", R"([{"name":"web","privilege":true}])", Status::kPass, {}},
      // The wrong kind cannot be decoded by the AWS provider: fail closed.
      {"StringTrue",
       R"([{"name":"web","privileged":"true"}])",
       Status::kFail,
       {"[0].privileged"},
       "must be true or false, but it is a string"},
      {"Number", R"([{"name":"web","privileged":1}])", Status::kFail, {"[0].privileged"}},
      // Nested keys of another object are not the container's.
      {"NestedInLinuxParameters",
       R"([{"name":"web","linuxParameters":{"privileged":true}}])",
       Status::kPass,
       {}},
  };
}

class NoPrivilegedTest : public testing::TestWithParam<std::tuple<Case, bool>> {};

TEST_P(NoPrivilegedTest, FailsAtTheExactKeyInEitherForm) {
  const auto& [c, document] = GetParam();
  const Evaluation evaluation =
      Evaluate(document ? Document(c.containers) : Arguments(c.containers), Settings{});
  const ControlResult* result = FindResult(evaluation, kPrivileged);
  ASSERT_NE(result, nullptr) << "the catalog has no " << kPrivileged;
  EXPECT_EQ(result->status, c.status);
  const std::string prefix =
      document ? "task_definition_json.containerDefinitions" : "container_definitions";
  const std::vector<Finding> findings = FindingsOf(evaluation, kPrivileged);
  ASSERT_EQ(findings.size(), c.paths.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    EXPECT_EQ(f.attribute, prefix + c.paths[i]);
    EXPECT_EQ(f.argument, document ? "task_definition_json" : "container_definitions");
    EXPECT_EQ(f.level, Level::kError);
    EXPECT_EQ(f.severity, Severity::kHigh);
    EXPECT_NE(f.summary.find(kSummary), std::string::npos) << f.summary;
    EXPECT_EQ(f.message.rfind(f.attribute, 0), 0u) << f.message;
    if (!c.message_part.empty()) {
      EXPECT_NE(f.message.find(c.message_part), std::string::npos) << f.message;
    }
  }
  EXPECT_EQ(evaluation.has_error(), !c.paths.empty());
}

INSTANTIATE_TEST_SUITE_P(AwsAndPeerExamples, NoPrivilegedTest,
                         testing::Combine(testing::ValuesIn(PrivilegedCases()), testing::Bool()),
                         [](const auto& info) {
                           return std::get<0>(info.param).name +
                                  (std::get<1>(info.param) ? "Document" : "Arguments");
                         });

TEST(NoPrivilegedCatalogTest, TitleSeverityLevelAndMappings) {
  const Control* control = FindControl(kPrivileged);
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->security_hub_id, "ECS.4");
  EXPECT_EQ(control->severity, Severity::kHigh);
  EXPECT_EQ(control->default_level, Level::kError);
  EXPECT_NE(control->summary.find(kSummary), std::string::npos);
  const std::vector<std::string>& refs = control->references;
  for (const char* expected :
       {"AWS Security Hub ECS.4", "AWS Config ECS_CONTAINERS_NONPRIVILEGED", "Checkov CKV_AWS_334",
        "Prowler ecs_task_definitions_no_privileged_containers"}) {
    // The mapping's name first; a note may follow ("Checkov CKV_AWS_334 (reads ...)").
    EXPECT_TRUE(std::any_of(refs.begin(), refs.end(), [&](const std::string& r) {
      return r.rfind(expected, 0) == 0;
    })) << expected;
  }
  EXPECT_NE(control->documentation_url.find("ecs-4"), std::string::npos);
}

TEST(NoPrivilegedTest, NoContainersPass) {
  const Evaluation evaluation = Evaluate(Input{}, Settings{});
  ASSERT_NE(FindResult(evaluation, kPrivileged), nullptr);
  EXPECT_EQ(FindResult(evaluation, kPrivileged)->status, Status::kPass);
}

TEST(NoPrivilegedTest, UnknownContainersAreUnknownNeverPass) {
  Input input;
  input.container_definitions = Text::Unknown();
  const Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_NE(FindResult(evaluation, kPrivileged), nullptr);
  EXPECT_EQ(FindResult(evaluation, kPrivileged)->status, Status::kUnknown);
  EXPECT_TRUE(FindingsOf(evaluation, kPrivileged).empty());
  EXPECT_FALSE(evaluation.compliant());

  Input document;
  document.task_definition_json = Text::Unknown();
  EXPECT_EQ(FindResult(Evaluate(document, Settings{}), kPrivileged)->status, Status::kUnknown);
}

// Unreadable input proves nothing: the control fails closed at level error.
struct Unreadable {
  std::string name;
  Input input;
  std::string attribute_prefix;
};

std::vector<Unreadable> UnreadableCases() {
  Input not_json;
  not_json.container_definitions = Text::Known(R"([{"privileged": fals)");
  Input object;
  object.container_definitions = Text::Known(R"({"privileged":true})");
  Input not_a_string;
  not_a_string.container_definitions = Text::Malformed("a number");
  Input document_not_json;
  document_not_json.task_definition_json = Text::Known("{\"containerDefinitions\": [");
  Input document_wrong_kind;
  document_wrong_kind.task_definition_json = Text::Known(R"({"containerDefinitions": "x"})");
  Input element_not_object;
  element_not_object.container_definitions = Text::Known(R"([1,{"privileged":true}])");
  return {
      {"ElementNotAnObject", element_not_object, "container_definitions"},
      {"InvalidJson", not_json, "container_definitions"},
      {"ObjectNotList", object, "container_definitions"},
      {"NotAString", not_a_string, "container_definitions"},
      {"DocumentInvalidJson", document_not_json, "task_definition_json"},
      {"DocumentContainersNotList", document_wrong_kind, "task_definition_json"},
  };
}

class NoPrivilegedUnreadableTest : public testing::TestWithParam<Unreadable> {};

TEST_P(NoPrivilegedUnreadableTest, FailsClosedAtLevelError) {
  const Evaluation evaluation = Evaluate(GetParam().input, Settings{});
  ASSERT_NE(FindResult(evaluation, kPrivileged), nullptr);
  EXPECT_EQ(FindResult(evaluation, kPrivileged)->status, Status::kFail);
  const std::vector<Finding> findings = FindingsOf(evaluation, kPrivileged);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, Level::kError);
  EXPECT_TRUE(findings[0].unverifiable);
  EXPECT_EQ(findings[0].attribute.rfind(GetParam().attribute_prefix, 0), 0u)
      << findings[0].attribute;
  EXPECT_NE(findings[0].message.find("cannot be verified"), std::string::npos)
      << findings[0].message;
  EXPECT_TRUE(evaluation.has_error());
  EXPECT_FALSE(evaluation.compliant());
}

INSTANTIATE_TEST_SUITE_P(FailClosed, NoPrivilegedUnreadableTest,
                         testing::ValuesIn(UnreadableCases()),
                         [](const auto& info) { return info.param.name; });

TEST(NoPrivilegedTest, ErrorEvenUnderAdvisoryEnforcementIsOnlyAWarning) {
  Settings settings;
  settings.enforcement = Enforcement::kWarning;
  const Evaluation evaluation =
      Evaluate(Arguments(R"([{"name":"web","privileged":true}])"), settings);
  const std::vector<Finding> findings = FindingsOf(evaluation, kPrivileged);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, Level::kWarning);
  EXPECT_FALSE(evaluation.has_error());
}

TEST(NoPrivilegedTest, OffMeansNoFinding) {
  Settings settings;
  settings.levels[kPrivileged] = Level::kOff;
  const Evaluation evaluation =
      Evaluate(Arguments(R"([{"name":"web","privileged":true}])"), settings);
  ASSERT_NE(FindResult(evaluation, kPrivileged), nullptr);
  EXPECT_EQ(FindResult(evaluation, kPrivileged)->status, Status::kOff);
  EXPECT_TRUE(FindingsOf(evaluation, kPrivileged).empty());
}

// DescribeTaskDefinition output: the wrapper is left out of the path.
TEST(NoPrivilegedTest, DocumentWithTheTaskDefinitionWrapper) {
  Input input;
  input.task_definition_json =
      Text::Known(R"({"taskDefinition":{"family":"web","containerDefinitions":[{"name":"a"},)"
                  R"({"name":"b","privileged":true}]}})");
  const std::vector<Finding> findings = FindingsOf(Evaluate(input, Settings{}), kPrivileged);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute, "task_definition_json.containerDefinitions[1].privileged");
}

TEST(NoPrivilegedTest, ReportJsonNamesTheExactPath) {
  const Evaluation evaluation =
      Evaluate(Arguments(R"([{"name":"a"},{"name":"b","Privileged":true}])"), Settings{});
  const std::string report = ReportJson(evaluation, Text::Known("web"));
  EXPECT_NE(report.find(R"("attribute":"container_definitions[1].Privileged")"), std::string::npos)
      << report;
  EXPECT_NE(report.find(R"({"id":"ecs_container_no_privileged","status":"fail","level":"error"})"),
            std::string::npos)
      << report;
}

}  // namespace
}  // namespace checks
