// File: tests/unit/checks_container_definitions_test.cc
//
// container_definitions: misplaced pidMode / ipcMode keys, and JSON that
// cannot be read, which fails the misplaced-key control closed and is an
// input problem whatever the levels are.

#include <string>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"

namespace checks {
namespace {

constexpr char kMisplaced[] = "ecs_container_definitions_misplaced_namespace_key";
constexpr char kPid[] = "ecs_task_definition_no_host_pid_mode";

const ControlResult& ResultOf(const Evaluation& evaluation, std::string_view id) {
  for (const ControlResult& result : evaluation.controls) {
    if (result.control->id == id) return result;
  }
  ADD_FAILURE() << "no result for " << id;
  return evaluation.controls.front();
}

std::vector<Finding> FindingsOf(const Evaluation& evaluation, std::string_view id) {
  std::vector<Finding> out;
  for (const Finding& finding : evaluation.findings) {
    if (finding.control_id == id) out.push_back(finding);
  }
  return out;
}

std::vector<std::string> AttributesOf(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const Finding& finding : findings) out.push_back(finding.attribute);
  return out;
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Input WithContainers(std::string json) {
  Input input;
  input.container_definitions = Text::Known(std::move(json));
  return input;
}

struct KeyCase {
  std::string name;
  std::string json;
  std::vector<std::string> attributes;
};

class MisplacedKeyTest : public testing::TestWithParam<KeyCase> {};

TEST_P(MisplacedKeyTest, FindsEachKeyAtItsExactAttribute) {
  const KeyCase& c = GetParam();
  const Input input = WithContainers(c.json);
  const Evaluation evaluation = Evaluate(input, Settings{});
  const std::vector<Finding> findings = FindingsOf(evaluation, kMisplaced);
  EXPECT_EQ(AttributesOf(findings), c.attributes);
  EXPECT_EQ(ResultOf(evaluation, kMisplaced).status,
            c.attributes.empty() ? Status::kPass : Status::kFail);
  for (const Finding& finding : findings) {
    EXPECT_EQ(finding.argument, "container_definitions");
    EXPECT_EQ(finding.level, Level::kWarning);
    EXPECT_EQ(finding.severity, Severity::kMedium);
  }
  // Valid JSON is never an input problem.
  EXPECT_TRUE(ValidateInputForms(input).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MisplacedKeyTest,
    testing::ValuesIn(std::vector<KeyCase>{
        {"EmptyArray", "[]", {}},
        {"NoNamespaceKeys", R"([{"name":"app","image":"nginx","essential":true}])", {}},
        {"PidModeInFirstContainer",
         R"([{"name":"app","pidMode":"host"}])",
         {"container_definitions[0].pidMode"}},
        {"IpcModeInSecondContainer",
         R"([{"name":"a"},{"name":"b","ipcMode":"task"}])",
         {"container_definitions[1].ipcMode"}},
        {"BothKeysInTwoContainers",
         R"([{"pidMode":"task","ipcMode":"host"},{"pidMode":"host"}])",
         {"container_definitions[0].ipcMode", "container_definitions[0].pidMode",
          "container_definitions[1].pidMode"}},
        {"AnyValueCountsEvenNull",
         R"([{"pidMode":null},{"ipcMode":7}])",
         {"container_definitions[0].pidMode", "container_definitions[1].ipcMode"}},
        {"DuplicateKeyIsOneFinding",
         R"([{"pidMode":"task","pidMode":"host"}])",
         {"container_definitions[0].pidMode"}},
        {"NestedKeysAreNotContainerKeys",
         R"([{"linuxParameters":{"pidMode":"host"},"dockerLabels":{"ipcMode":"x"}}])",
         {}},
        {"KeysAreCaseSensitive", R"([{"PidMode":"host","pidmode":"host"}])", {}},
        {"IndexesSortNumerically",
         R"([{},{},{"pidMode":"host"},{},{},{},{},{},{},{},{"pidMode":"host"}])",
         {"container_definitions[2].pidMode", "container_definitions[10].pidMode"}},
        {"NumbersWhereStringsBelongAreNotOurConcern",
         R"([{"name":1,"image":false,"memory":"512"}])",
         {}},
    }),
    [](const auto& info) { return info.param.name; });

TEST(MisplacedKeyTest, MessageExplainsThatEcsIgnoresTheKey) {
  const std::vector<Finding> findings = FindingsOf(
      Evaluate(WithContainers(R"([{"name":"a"},{"pidMode":"host"}])"), Settings{}), kMisplaced);
  ASSERT_EQ(findings.size(), 1u);
  const Finding& finding = findings[0];
  EXPECT_EQ(finding.summary, "Container definition sets a namespace mode that ECS ignores");
  EXPECT_EQ(finding.message,
            "container_definitions[1].pidMode is \"host\", but ECS ignores "
            "pidMode inside a container definition. The PID namespace is set "
            "only by the task-level pid_mode, so this setting has no effect.");
}

TEST(MisplacedKeyTest, DoesNotAffectThePidVerdict) {
  const Evaluation evaluation = Evaluate(WithContainers(R"([{"pidMode":"host"}])"), Settings{});
  EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kPass);
}

TEST(ContainerDefinitionsTest, NullAndUnknown) {
  Input input;
  EXPECT_EQ(ResultOf(Evaluate(input, Settings{}), kMisplaced).status, Status::kPass);
  input.container_definitions = Text::Unknown();
  const Evaluation unknown = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(unknown, kMisplaced).status, Status::kUnknown);
  EXPECT_TRUE(unknown.findings.empty());
  EXPECT_FALSE(unknown.compliant());
  EXPECT_TRUE(ValidateInputForms(input).empty());
}

TEST(ContainerDefinitionsTest, NotAStringIsAFindingButNotAnInputProblem) {
  Input input;
  input.container_definitions = Text::Malformed("a list");
  const Evaluation evaluation = Evaluate(input, Settings{});
  const std::vector<Finding> findings = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute, "container_definitions");
  EXPECT_TRUE(
      Contains(findings[0].message, "container_definitions must be a string, but it is a list"));
  EXPECT_TRUE(ValidateInputForms(input).empty());
}

struct InvalidCase {
  std::string name;
  std::string json;
  std::string attribute;           // of the fail-closed finding
  std::vector<std::string> parts;  // in the message and the problem detail
};

class InvalidContainerJsonTest : public testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidContainerJsonTest, FailsClosedAndIsAnInputProblem) {
  const InvalidCase& c = GetParam();
  const Input input = WithContainers(c.json);
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(evaluation, kMisplaced).status, Status::kFail);
  const std::vector<Finding> findings = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].argument, "container_definitions");
  EXPECT_EQ(findings[0].attribute, c.attribute);
  EXPECT_TRUE(Contains(findings[0].message, "cannot be ruled out")) << findings[0].message;
  EXPECT_LT(findings[0].message.size(), 600u);

  // Reported even when the control is off.
  Settings off;
  off.levels[kMisplaced] = Level::kOff;
  EXPECT_TRUE(Evaluate(input, off).findings.empty());
  const std::vector<InputProblem> problems = ValidateInputForms(input);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].argument, "container_definitions");
  EXPECT_EQ(problems[0].summary, "Invalid container_definitions JSON");
  for (const std::string& part : c.parts) {
    EXPECT_TRUE(Contains(findings[0].message, part)) << findings[0].message << "\nlacks: " << part;
    EXPECT_TRUE(Contains(problems[0].detail, part)) << problems[0].detail << "\nlacks: " << part;
  }
}

std::string Deep(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

INSTANTIATE_TEST_SUITE_P(
    Cases, InvalidContainerJsonTest,
    testing::ValuesIn(std::vector<InvalidCase>{
        {"EmptyString",
         "",
         "container_definitions",
         {"container_definitions is not valid JSON", "line 1, column 1"}},
        {"Syntax",
         R"([{"name": "app",}])",
         "container_definitions",
         {"is not valid JSON", "line 1, column 17"}},
        {"TrailingData", R"([] [])", "container_definitions", {"is not valid JSON"}},
        {"Comment", "[] // x", "container_definitions", {"is not valid JSON"}},
        {"Object",
         R"({"name":"app","pidMode":"host"})",
         "container_definitions",
         {"container_definitions must be a JSON array of container "
          "definitions, but it is an object"}},
        {"JsonNull", "null", "container_definitions", {"must be a JSON array", "but it is null"}},
        {"ElementNotObject",
         R"([{"name":"a"},"b"])",
         "container_definitions[1]",
         {"container_definitions[1] must be a container definition object, "
          "but it is a string"}},
        {"ElementIsArray",
         R"([[{"pidMode":"host"}]])",
         "container_definitions[0]",
         {"but it is an array"}},
        {"HundredThousandDeep", Deep(100000), "container_definitions", {"deeper than 64 levels"}},
        {"JustTooDeep", "[" + Deep(64) + "]", "container_definitions", {"deeper than 64 levels"}},
        {"TooLarge",
         "[" + std::string(4 << 20, ' ') + "]",
         "container_definitions",
         {"more than the limit of 4194304 bytes"}},
        {"InvalidUtf8",
         "[{\"name\":\"\xff\xfe\"}]",
         "container_definitions",
         {"is not valid JSON"}},
        {"TruncatedUtf8",
         "[{\"name\":\"\xe2\x82\"}]",
         "container_definitions",
         {"is not valid JSON"}},
        {"NulInsideString",
         std::string("[{\"name\":\"a\0b\"}]", 16),
         "container_definitions",
         {"is not valid JSON"}},
        {"NulAfterDocument",
         std::string("[]\0", 3),
         "container_definitions",
         {"is not valid JSON"}},
        {"SyntaxErrorAfterShapeError",
         R"(["x", ])",
         "container_definitions",
         {"is not valid JSON"}},
    }),
    [](const auto& info) { return info.param.name; });

TEST(ContainerDefinitionsTest, SixtyFourLevelsAreAccepted) {
  // The list, its element and 62 nested levels inside it.
  std::string json = "[{\"a\":" + Deep(62) + "}]";
  const Input input = WithContainers(json);
  EXPECT_TRUE(ValidateInputForms(input).empty());
  EXPECT_TRUE(Evaluate(input, Settings{}).compliant());
}

TEST(ContainerDefinitionsTest, MessagesFromBadBytesAreValidUtf8) {
  const std::vector<InputProblem> problems = ValidateInputForms(WithContainers("[\xff]"));
  ASSERT_EQ(problems.size(), 1u);
  for (unsigned char c : problems[0].detail) {
    EXPECT_NE(c, 0xff);
  }
}

}  // namespace
}  // namespace checks
