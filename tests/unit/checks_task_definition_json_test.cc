// File: tests/unit/checks_task_definition_json_test.cc
//
// task_definition_json: DescribeTaskDefinition / RegisterTaskDefinition
// documents as audit evidence, with or without the taskDefinition wrapper,
// and the rule that the two input forms do not mix.

#include <string>
#include <vector>

#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/checks_test_support.h"

namespace checks {
namespace {

using control_ids::kIpc;
using control_ids::kMisplaced;
using control_ids::kPid;

Input WithDocument(std::string json) {
  Input input;
  input.task_definition_json = Text::Known(std::move(json));
  return input;
}

constexpr char kDescribeOutput[] = R"({
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
    "family": "web",
    "containerDefinitions": [
      {"name": "app", "image": "nginx", "essential": true},
      {"name": "sidecar", "image": "busybox", "pidMode": "host"}
    ],
    "pidMode": "host",
    "ipcMode": "none",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "compatibilities": ["EC2", "FARGATE"]
  },
  "tags": [{"key": "team", "value": "a"}]
})";

constexpr char kRegisterInput[] = R"({
  "family": "web",
  "pidMode": "host",
  "containerDefinitions": [{"name": "app", "ipcMode": "host"}]
})";

TEST(TaskDefinitionJsonTest, ReadsDescribeOutputThroughTheWrapper) {
  const Input input = WithDocument(kDescribeOutput);
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
  const std::vector<Finding> pid = FindingsOf(evaluation, kPid);
  ASSERT_EQ(pid.size(), 1u);
  EXPECT_EQ(pid[0].argument, "task_definition_json");
  EXPECT_EQ(pid[0].attribute, "task_definition_json.pidMode");
  EXPECT_TRUE(Contains(pid[0].message, "task_definition_json.pidMode is \"host\""));
  EXPECT_TRUE(Contains(pid[0].message, "Fargate rejects host PID mode"));
  EXPECT_EQ(ResultOf(evaluation, kIpc).status, Status::kPass);
  const std::vector<Finding> misplaced = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(misplaced.size(), 1u);
  EXPECT_EQ(misplaced[0].attribute, "task_definition_json.containerDefinitions[1].pidMode");
  EXPECT_EQ(misplaced[0].argument, "task_definition_json");
  EXPECT_TRUE(Contains(misplaced[0].message, "task-level pidMode"));
}

TEST(TaskDefinitionJsonTest, ReadsRegisterInputWithoutWrapper) {
  const Evaluation evaluation = Evaluate(WithDocument(kRegisterInput), Settings{});
  const std::vector<Finding> pid = FindingsOf(evaluation, kPid);
  ASSERT_EQ(pid.size(), 1u);
  EXPECT_EQ(pid[0].attribute, "task_definition_json.pidMode");
  EXPECT_FALSE(Contains(pid[0].message, "Fargate"));
  const std::vector<Finding> misplaced = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(misplaced.size(), 1u);
  EXPECT_EQ(misplaced[0].attribute, "task_definition_json.containerDefinitions[0].ipcMode");
}

struct DocumentCase {
  std::string name;
  std::string json;
  Status pid;
  std::string pid_message_part;  // empty when the pid control passes
};

class DocumentPidModeTest : public testing::TestWithParam<DocumentCase> {};

TEST_P(DocumentPidModeTest, AppliesTheSameValueRules) {
  const DocumentCase& c = GetParam();
  const Evaluation evaluation = Evaluate(WithDocument(c.json), Settings{});
  EXPECT_EQ(ResultOf(evaluation, kPid).status, c.pid);
  const std::vector<Finding> pid = FindingsOf(evaluation, kPid);
  if (c.pid_message_part.empty()) {
    EXPECT_TRUE(pid.empty());
    return;
  }
  ASSERT_EQ(pid.size(), 1u);
  EXPECT_TRUE(Contains(pid[0].message, c.pid_message_part)) << pid[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DocumentPidModeTest,
    testing::ValuesIn(std::vector<DocumentCase>{
        {"Absent", R"({"family":"web","containerDefinitions":[]})", Status::kPass, ""},
        {"JsonNull", R"({"family":"web","pidMode":null})", Status::kPass, ""},
        {"Empty", R"({"family":"web","pidMode":""})", Status::kPass, ""},
        {"Task", R"({"taskDefinition":{"pidMode":"task"}})", Status::kPass, ""},
        {"Host", R"({"taskDefinition":{"pidMode":"host"}})", Status::kFail, "is \"host\""},
        {"UpperCase", R"({"pidMode":"HOST"})", Status::kFail, "not a valid PID mode"},
        {"Number", R"({"pidMode":1})", Status::kFail,
         "task_definition_json.pidMode must be a string, but it is a number"},
        {"Object", R"({"pidMode":{"mode":"host"}})", Status::kFail,
         "must be a string, but it is an object"},
        {"DuplicateSameValue", R"({"pidMode":"task","pidMode":"task"})", Status::kPass, ""},
        {"DuplicateDifferentValues", R"({"pidMode":"task","pidMode":"host"})", Status::kFail,
         "more than once with different values"},
        {"WrapperWinsOverTopLevelKeys", R"({"pidMode":"host","taskDefinition":{"pidMode":"task"}})",
         Status::kPass, ""},
        {"NestedPidModeIsNotTaskLevel", R"({"family":"x","volumes":[{"pidMode":"host"}]})",
         Status::kPass, ""},
        {"CompatibilitiesIsNotRequiresCompatibilities",
         R"({"pidMode":"host","compatibilities":["FARGATE"]})", Status::kFail,
         "is \"host\": the containers of this task share the host's process "
         "namespace."},
    }),
    [](const auto& info) { return info.param.name; });

TEST(TaskDefinitionJsonTest, UnknownDocumentMakesEveryControlUnknown) {
  Input input;
  input.task_definition_json = Text::Unknown();
  const Evaluation evaluation = Evaluate(input, Settings{});
  for (const ControlResult& result : evaluation.controls) {
    EXPECT_EQ(result.status, Status::kUnknown) << result.control->id;
  }
  EXPECT_TRUE(evaluation.findings.empty());
  EXPECT_FALSE(evaluation.compliant());
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
}

TEST(TaskDefinitionJsonTest, NotAStringFailsEveryControlClosed) {
  Input input;
  input.task_definition_json = Text::Malformed("an object");
  const Evaluation evaluation = Evaluate(input, Settings{});
  ASSERT_EQ(evaluation.findings.size(), Catalog().size());  // every control fails closed
  for (const Finding& finding : evaluation.findings) {
    EXPECT_EQ(finding.attribute, "task_definition_json");
    EXPECT_TRUE(
        Contains(finding.message, "task_definition_json must be a string, but it is an object"));
    EXPECT_EQ(finding.level, Level::kError);
    EXPECT_TRUE(finding.unverifiable);
  }
  ASSERT_EQ(evaluation.problems.size(), 1u);
  EXPECT_EQ(evaluation.problems[0].summary, "Invalid task_definition_json");
}

struct InvalidDocumentCase {
  std::string name;
  std::string json;
  std::string attribute;
  std::string part;
  std::string summary = "Invalid task_definition_json document";
};

class InvalidDocumentTest : public testing::TestWithParam<InvalidDocumentCase> {};

TEST_P(InvalidDocumentTest, FailsEveryControlClosedAndIsAnInputProblem) {
  const InvalidDocumentCase& c = GetParam();
  const Input input = WithDocument(c.json);
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kFail);
  const std::vector<Finding> pid = FindingsOf(evaluation, kPid);
  ASSERT_EQ(pid.size(), 1u);
  EXPECT_EQ(pid[0].argument, "task_definition_json");
  EXPECT_EQ(pid[0].attribute, c.attribute);
  EXPECT_TRUE(Contains(pid[0].message, c.part)) << pid[0].message;
  EXPECT_TRUE(Contains(pid[0].message, "cannot be verified")) << pid[0].message;
  // Nothing was verified: the summary must not claim the host's namespace
  // is shared (what `{task_definition_json = "{}"}` used to say).
  EXPECT_EQ(pid[0].summary,
            "Cannot verify: ECS task definitions should not share the host's process namespace "
            "(AWS Security Hub ECS.3)");
  EXPECT_EQ(pid[0].level, Level::kError);
  const std::vector<InputProblem> problems = Evaluate(input, Settings{}).problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].argument, "task_definition_json");
  EXPECT_EQ(problems[0].summary, c.summary);
  EXPECT_TRUE(Contains(problems[0].detail, c.part)) << problems[0].detail;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, InvalidDocumentTest,
    testing::ValuesIn(std::vector<InvalidDocumentCase>{
        {"Empty", "", "task_definition_json", "is not valid JSON"},
        {"Syntax", R"({"pidMode": task})", "task_definition_json", "is not valid JSON"},
        {"Array", R"([{"pidMode":"task"}])", "task_definition_json", "must be a JSON object"},
        {"WrapperNotObject", R"({"taskDefinition":"web"})", "task_definition_json.taskDefinition",
         "must be an object"},
        {"NoTaskDefinitionKeys", R"({"taskDefinitions":{"pidMode":"host"}})",
         "task_definition_json", "does not look like a task definition"},
        {"EmptyObject", "{}", "task_definition_json", "does not look like a task definition"},
        {"TooDeep", R"({"family":"x","volumes":)" + std::string(100000, '[') + "]}",
         "task_definition_json", "deeper than 64 levels",
         "task_definition_json is nested too deeply to check"},
        {"InvalidUtf8", "{\"family\":\"\xc0\xaf\"}", "task_definition_json", "is not valid JSON"},
        // Valid JSON, but over the size limit: refused before it is read.
        {"TooLarge", "{" + std::string(4 << 20, ' ') + "}", "task_definition_json",
         "task_definition_json is 4194306 bytes long, more than the 4194304 bytes this provider "
         "reads",
         "task_definition_json is too large to check"},
        {"NulInsideString", std::string("{\"family\":\"a\0b\"}", 17), "task_definition_json",
         "is not valid JSON: a NUL byte is not allowed at line 1, column 13"},
    }),
    [](const auto& info) { return info.param.name; });

TEST(TaskDefinitionJsonTest, ContainerListOfTheWrongShapeFailsOnlyThatControl) {
  const Input input =
      WithDocument(R"({"family":"web","pidMode":"task","containerDefinitions":"[{}]"})");
  const Evaluation evaluation = Evaluate(input, Settings{});
  EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kPass);
  const std::vector<Finding> misplaced = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(misplaced.size(), 1u);
  EXPECT_EQ(misplaced[0].attribute, "task_definition_json.containerDefinitions");
  const std::vector<InputProblem> problems = Evaluate(input, Settings{}).problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(Contains(problems[0].detail,
                       "task_definition_json.containerDefinitions must be a JSON "
                       "array of container definitions, but it is a string"));
}

TEST(TaskDefinitionJsonTest, ContainerElementOfTheWrongShapeNamesItsIndex) {
  const Evaluation evaluation =
      Evaluate(WithDocument(R"({"family":"web","containerDefinitions":[{},7]})"), Settings{});
  const std::vector<Finding> misplaced = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(misplaced.size(), 1u);
  EXPECT_EQ(misplaced[0].attribute, "task_definition_json.containerDefinitions[1]");
}

TEST(InputFormsTest, BothFormsAreAConflictNamingEachArgument) {
  Input input = WithDocument(kRegisterInput);
  input.pid_mode = Text::Known("task");
  input.requires_compatibilities = {TextSet::State::kKnown, {"EC2"}};
  input.container_definitions = Text::Known("[]");
  const std::vector<InputProblem> problems = Evaluate(input, Settings{}).problems;
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].argument, "task_definition_json");
  EXPECT_EQ(problems[0].summary, "Conflicting task definition forms");
  EXPECT_TRUE(Contains(problems[0].detail,
                       "pid_mode, requires_compatibilities and "
                       "container_definitions"))
      << problems[0].detail;
  // Only the document is evaluated.
  const std::vector<Finding> pid = FindingsOf(Evaluate(input, Settings{}), kPid);
  ASSERT_EQ(pid.size(), 1u);
  EXPECT_EQ(pid[0].attribute, "task_definition_json.pidMode");
}

TEST(InputFormsTest, EachArgumentAloneConflictsWithTheDocument) {
  const std::vector<std::pair<std::string, void (*)(Input&)>> arguments = {
      {"pid_mode", [](Input& i) { i.pid_mode = Text::Known(""); }},
      {"ipc_mode", [](Input& i) { i.ipc_mode = Text::Known("task"); }},
      {"network_mode", [](Input& i) { i.network_mode = Text::Known("awsvpc"); }},
      {"requires_compatibilities",
       [](Input& i) { i.requires_compatibilities.state = TextSet::State::kKnown; }},
      {"container_definitions",
       [](Input& i) { i.container_definitions = Text::Malformed("a list"); }},
  };
  for (const auto& [name, set] : arguments) {
    SCOPED_TRACE(name);
    Input input = WithDocument(kRegisterInput);
    set(input);
    const std::vector<InputProblem> problems = Evaluate(input, Settings{}).problems;
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(Contains(problems[0].detail, "combined with " + name + ".")) << problems[0].detail;
  }
}

// ConflictsWith in the SDK: a value not known yet is not "given" yet (a
// variable during validate may still be null).
TEST(InputFormsTest, AnUnknownValueIsNotGivenYet) {
  Input input = WithDocument(kRegisterInput);
  input.pid_mode = Text::Unknown();
  input.requires_compatibilities = {TextSet::State::kUnknown, {}};
  input.container_definitions = Text::Unknown();
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());

  Input unknown_document;
  unknown_document.task_definition_json = Text::Unknown();
  unknown_document.pid_mode = Text::Known("host");
  const Evaluation evaluation = Evaluate(unknown_document, Settings{});
  EXPECT_TRUE(evaluation.problems.empty());
  // Still never compliant: the document may hold anything.
  EXPECT_EQ(ResultOf(evaluation, kPid).status, Status::kUnknown);
  EXPECT_FALSE(evaluation.compliant());
}

TEST(InputFormsTest, FamilyGoesWithEitherForm) {
  Input input = WithDocument(kRegisterInput);
  input.family = Text::Known("web");
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
  input = Input{};
  input.family = Text::Known("web");
  input.pid_mode = Text::Known("task");
  EXPECT_TRUE(Evaluate(input, Settings{}).problems.empty());
  EXPECT_TRUE(Evaluate(Input{}, Settings{}).problems.empty());
}

TEST(InputFormsTest, InvalidContainerJsonBesideTheDocumentIsStillNamed) {
  Input input = WithDocument(kRegisterInput);
  input.container_definitions = Text::Known("[");
  const std::vector<InputProblem> problems = Evaluate(input, Settings{}).problems;
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].summary, "Conflicting task definition forms");
  EXPECT_EQ(problems[1].argument, "container_definitions");
  EXPECT_EQ(problems[1].summary, "Invalid container_definitions JSON");
}

}  // namespace
}  // namespace checks
