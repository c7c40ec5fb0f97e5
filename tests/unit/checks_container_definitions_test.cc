// File: tests/unit/checks_container_definitions_test.cc
//
// container_definitions: misplaced pidMode / ipcMode keys, and JSON that
// cannot be read, which fails the misplaced-key control closed and is an
// input problem whatever the levels are.

#include <string>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/checks_test_support.h"

namespace checks {
namespace {

using control_ids::kMisplaced;
using control_ids::kPid;

std::vector<std::string> AttributesOf(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const Finding& finding : findings) out.push_back(finding.attribute);
  return out;
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
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
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
        // ECS ignores a namespace key in a container whatever its spelling.
        {"AnySpellingOfTheKey",
         R"([{"PidMode":"host","pid_mode":"host","IPCMODE":"host"}])",
         {"container_definitions[0].IPCMODE", "container_definitions[0].PidMode",
          "container_definitions[0].pid_mode"}},
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

TEST(MisplacedKeyTest, QuotesOnlyNamespaceModesAndDescribesAnythingElse) {
  const std::vector<Finding> findings = FindingsOf(
      Evaluate(WithContainers(R"([{"pidMode":" HOST"},{"ipcMode":"tok-9f8e7d6c"},{"pidMode":7}])"),
               Settings{}),
      kMisplaced);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_TRUE(Contains(findings[0].message, "pidMode is \" HOST\", but")) << findings[0].message;
  EXPECT_TRUE(Contains(findings[1].message, "ipcMode is a string of 12 characters, but"))
      << findings[1].message;
  EXPECT_FALSE(Contains(findings[1].message, "tok-9f8e7d6c"));
  EXPECT_TRUE(Contains(findings[2].message, "pidMode is a number, but")) << findings[2].message;
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
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
}

TEST(ContainerDefinitionsTest, NotAStringIsAnInputProblemAndAnErrorFinding) {
  // What a function sees for { container_definitions = [ ... ] }: it must
  // block as the data source would, whatever the control's own level.
  Input input;
  input.container_definitions = Text::Malformed("a list");
  const Evaluation evaluation = Evaluate(input, Settings{});
  const std::vector<Finding> findings = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute, "container_definitions");
  EXPECT_EQ(findings[0].level, Level::kError);
  EXPECT_TRUE(findings[0].unverifiable);
  EXPECT_TRUE(
      Contains(findings[0].message, "container_definitions must be a string, but it is a list"));
  ASSERT_EQ(evaluation.problems.size(), 1u);
  EXPECT_EQ(evaluation.problems[0].summary, "Invalid container_definitions");
  EXPECT_TRUE(evaluation.has_error());
  EXPECT_FALSE(evaluation.compliant());
}

struct InvalidCase {
  std::string name;
  std::string json;
  std::string attribute;           // of the fail-closed finding
  std::vector<std::string> parts;  // in the message and the problem detail
  std::string summary = "Invalid container_definitions JSON";  // of the problem
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
  // Fails closed at level error (the control's own level is warning), and
  // says it could not verify rather than claiming a misplaced key.
  EXPECT_EQ(findings[0].level, Level::kError);
  EXPECT_TRUE(findings[0].unverifiable);
  EXPECT_TRUE(Contains(findings[0].summary, "Cannot verify")) << findings[0].summary;

  // Reported even when the control is off.
  Settings off;
  for (const Control& control : Catalog()) off.levels[control.id] = Level::kOff;
  EXPECT_TRUE(Evaluate(input, off).findings.empty());
  EXPECT_EQ(Evaluate(input, off).problems.size(), 1u);
  const std::vector<InputProblem> problems = Evaluate(input, Settings{}).problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].argument, "container_definitions");
  EXPECT_EQ(problems[0].summary, c.summary);
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
        {"SyntaxInsideThirdContainer",
         "[{\"name\":\"a\"},\n {\"name\":\"b\"},\n {\"name\":\"c\" \"image\":\"x\"}]",
         "container_definitions",
         {"line 3, column 14", "inside container_definitions[2]"}},
        {"Object",
         R"({"name":"app","pidMode":"host"})",
         "container_definitions",
         {"container_definitions must be a JSON array of container "
          "definitions, but it is an object"},
         "Invalid container_definitions"},
        {"JsonNull",
         "null",
         "container_definitions",
         {"must be a JSON array", "but it is null"},
         "Invalid container_definitions"},
        {"ElementNotObject",
         R"([{"name":"a"},"b"])",
         "container_definitions[1]",
         {"container_definitions[1] must be a container definition object, "
          "but it is a string"},
         "Invalid container_definitions"},
        {"ElementIsArray",
         R"([[{"pidMode":"host"}]])",
         "container_definitions[0]",
         {"but it is an array"},
         "Invalid container_definitions"},
        // Valid JSON may be too deep or too large to read: the summary says
        // so, and does not call it invalid.
        {"HundredThousandDeep",
         Deep(100000),
         "container_definitions",
         {"deeper than 64 levels"},
         "container_definitions is nested too deeply to check"},
        {"JustTooDeep",
         "[" + Deep(64) + "]",
         "container_definitions",
         {"deeper than 64 levels"},
         "container_definitions is nested too deeply to check"},
        {"TooLarge",
         "[" + std::string(4 << 20, ' ') + "]",
         "container_definitions",
         {"more than the 4194304 bytes this provider reads"},
         "container_definitions is too large to check"},
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
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
  EXPECT_EQ(ResultOf(Evaluate(input, Settings{}), kMisplaced).status, Status::kPass);
}

// The text around a syntax error may be a secret interpolated into the
// JSON: the problem and the finding give its place, never the text.
TEST(ContainerDefinitionsTest, SyntaxErrorsNeverQuoteTheText) {
  const std::string secret = "hunter2-s3cr3t-Pa55w0rd";
  const Input input = WithContainers(R"([{"name":"app","environment":[{"name":"DB","value":")" +
                                     secret + R"("}]} "image":"x"}])");
  const Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_EQ(evaluation.problems.size(), 1u);
  EXPECT_FALSE(Contains(evaluation.problems[0].detail, "hunter2")) << evaluation.problems[0].detail;
  EXPECT_FALSE(Contains(evaluation.problems[0].detail, "Pa55")) << evaluation.problems[0].detail;
  EXPECT_TRUE(Contains(evaluation.problems[0].detail, "column")) << evaluation.problems[0].detail;
  ASSERT_FALSE(evaluation.findings.empty());
  for (const Finding& f : evaluation.findings) {
    EXPECT_FALSE(Contains(f.message, "hunter2")) << f.message;
    EXPECT_FALSE(Contains(FindingDetail(f), "Pa55")) << FindingDetail(f);
  }
  EXPECT_FALSE(Contains(ReportJson(evaluation, Text::Known("web")), "hunter2"));
}

TEST(ContainerDefinitionsTest, MessagesFromBadBytesAreValidUtf8) {
  const std::vector<InputProblem> problems =
      Evaluate(WithContainers("[\xff]"), Settings{}).problems;
  ASSERT_EQ(problems.size(), 1u);
  for (unsigned char c : problems[0].detail) {
    EXPECT_NE(c, 0xff);
  }
}

}  // namespace
}  // namespace checks
