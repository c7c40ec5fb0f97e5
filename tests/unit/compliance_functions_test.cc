// File: tests/unit/compliance_functions_test.cc
//
// The provider-defined functions: a Known / Null / Unknown table for each,
// malformed arguments, and their independence from the provider block.

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/compliance/functions.h"
#include "provider/compliance/provider.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "tests/unit/checks_test_support.h"
#include "tests/unit/compliance_test_support.h"

namespace compliance {
namespace {

using cty::Type;
using cty::Value;

using checks::Contains;
using control_ids::kIpc;
using control_ids::kMisplaced;
using control_ids::kPid;
// The keys of a container that the ECS family passes (ECS.5, ECS.9, ECS.20).
constexpr char kGoodContainer[] =
    R"("readonlyRootFilesystem":true,"user":"1000","logConfiguration":{"logDriver":"awslogs"})";

tf::CallFunctionResponse Call(const tf::Function& function, std::vector<Value> arguments) {
  tf::CallFunctionRequest request;
  request.arguments = std::move(arguments);
  tf::CallFunctionResponse response;
  function.Call(request, &response);
  // Whatever comes back must be sendable: a result of the declared type.
  if (!response.error.has_value()) {
    absl::StatusOr<std::string> encoded =
        cty::EncodeMsgpack(response.result, function.Definition().return_type);
    EXPECT_TRUE(encoded.ok()) << function.Name()
                              << " returned a value of the wrong type: " << encoded.status();
  }
  return response;
}

Value Obj(std::map<std::string, Value> attributes) { return Value::Object(std::move(attributes)); }

// ---------------------------------------------------------------------------
// ecs_pid_mode_compliant

struct PidModeCase {
  std::string name;
  Value pid_mode;
  bool compliant;
};

void PrintTo(const PidModeCase& c, std::ostream* os) { *os << c.name; }

class EcsPidModeCompliantTest : public testing::TestWithParam<PidModeCase> {};

TEST_P(EcsPidModeCompliantTest, ReturnsWhetherThePidModeIsCompliant) {
  const tf::CallFunctionResponse response = Call(EcsPidModeCompliant(), {GetParam().pid_mode});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  EXPECT_EQ(response.result, Value::Bool(GetParam().compliant));
}

INSTANTIATE_TEST_SUITE_P(KnownAndNull, EcsPidModeCompliantTest,
                         testing::Values(PidModeCase{"Null", Value::Null(Type::String()), true},
                                         PidModeCase{"EmptyString", Str(""), true},
                                         PidModeCase{"Task", Str("task"), true},
                                         PidModeCase{"Host", Str("host"), false},
                                         // Invalid values fail closed.
                                         PidModeCase{"UppercaseHost", Str("HOST"), false},
                                         PidModeCase{"LeadingSpaceHost", Str(" host"), false},
                                         PidModeCase{"Misspelt", Str("hots"), false},
                                         PidModeCase{"NoneIsOnlyValidForIpc", Str("none"), false}),
                         [](const testing::TestParamInfo<PidModeCase>& info) {
                           return info.param.name;
                         });

TEST(EcsPidModeCompliantDefinitionTest, AcceptsNullAndLeavesUnknownToTerraform) {
  const EcsPidModeCompliant function;
  const tf::FunctionDefinition& def = function.Definition();
  ASSERT_EQ(def.parameters.size(), 1u);
  EXPECT_EQ(def.parameters[0].name, "pid_mode");
  EXPECT_EQ(def.parameters[0].type, Type::String());
  EXPECT_TRUE(def.parameters[0].allow_null);
  // Unknown: Terraform does not call the function and returns unknown itself.
  EXPECT_FALSE(def.parameters[0].allow_unknown);
  EXPECT_FALSE(def.variadic.has_value());
  EXPECT_EQ(def.return_type, Type::Bool());
}

TEST(EcsPidModeCompliantTest, UnknownArgumentIsNeverReportedAsCompliant) {
  // Only a client that ignores allow_unknown_values = false sends this, but
  // a value that is not known yet must never pass (PRODUCT.md).
  for (const Value& unknown :
       {UnknownString(), Value::Unknown(Type::String(), /*refined_not_null=*/true)}) {
    tf::CallFunctionRequest request;
    request.arguments = {unknown};
    tf::CallFunctionResponse response;
    EcsPidModeCompliant().Call(request, &response);
    if (response.error.has_value()) continue;
    EXPECT_FALSE(response.result.is_known() && response.result.AsBool())
        << "an unknown pid_mode (refined_not_null=" << unknown.is_refined_not_null()
        << ") was reported as compliant";
  }
}

// ---------------------------------------------------------------------------
// check_ecs_task_definition

struct ExpectedFinding {
  std::string control_id;
  std::string attribute;
  std::string level;
};

struct CheckCase {
  std::string name;
  Value task_definition;
  bool known;      // false: the result must be unknown
  bool compliant;  // when known
  std::vector<ExpectedFinding> findings;
};

void PrintTo(const CheckCase& c, std::ostream* os) { *os << c.name; }

class CheckEcsTaskDefinitionTest : public testing::TestWithParam<CheckCase> {};

TEST_P(CheckEcsTaskDefinitionTest, ReturnsComplianceAndFindings) {
  const CheckCase& c = GetParam();
  const tf::CallFunctionResponse response = Call(CheckEcsTaskDefinition(), {c.task_definition});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  if (!c.known) {
    EXPECT_TRUE(response.result.is_unknown());
    return;
  }
  ASSERT_TRUE(response.result.IsWhollyKnown());
  EXPECT_EQ(response.result.GetAttr("compliant"), Value::Bool(c.compliant));
  const std::vector<Value>& findings = response.result.GetAttr("findings").Elements();
  ASSERT_EQ(findings.size(), c.findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(findings[i].GetAttr("control_id"), Str(c.findings[i].control_id));
    EXPECT_EQ(findings[i].GetAttr("attribute"), Str(c.findings[i].attribute));
    EXPECT_EQ(findings[i].GetAttr("level"), Str(c.findings[i].level));
    EXPECT_FALSE(findings[i].GetAttr("message").AsString().empty());
    EXPECT_FALSE(findings[i].GetAttr("title").AsString().empty());
  }
}

const ExpectedFinding kPidError{kPid, "pid_mode", "error"};
const ExpectedFinding kIpcWarning{kIpc, "ipc_mode", "warning"};

INSTANTIATE_TEST_SUITE_P(
    KnownAndUnknown, CheckEcsTaskDefinitionTest,
    testing::Values(
        // Known
        CheckCase{"PidModeTask", Obj({{"pid_mode", Str("task")}}), true, true, {}},
        CheckCase{"PidModeEmptyString", Obj({{"pid_mode", Str("")}}), true, true, {}},
        CheckCase{"PidModeHost", Obj({{"pid_mode", Str("host")}}), true, false, {kPidError}},
        CheckCase{"PidModeInvalid", Obj({{"pid_mode", Str("HOST")}}), true, false, {kPidError}},
        CheckCase{
            "IpcModeHostIsAWarning", Obj({{"ipc_mode", Str("host")}}), true, false, {kIpcWarning}},
        CheckCase{"PidAndIpcHost",
                  Obj({{"pid_mode", Str("host")}, {"ipc_mode", Str("host")}}),
                  true,
                  false,
                  {kPidError, kIpcWarning}},
        CheckCase{"ExtraAttributesAreIgnored",
                  Obj({{"pid_mode", Str("host")},
                       {"cpu", Str("256")},
                       {"arn", UnknownString()},
                       {"tags", Value::Map(Type::String(), {{"team", Str("web")}})}}),
                  true,
                  false,
                  {kPidError}},
        CheckCase{"MapOfStringWorksLikeAnObject",
                  Value::Map(Type::String(), {{"pid_mode", Str("host")}}),
                  true,
                  false,
                  {kPidError}},
        CheckCase{"CompliantMapOfString",
                  Value::Map(Type::String(), {{"pid_mode", Str("task")}, {"family", Str("web")}}),
                  true,
                  true,
                  {}},
        CheckCase{"NullAttributes",
                  Obj({{"pid_mode", Value::Null(Type::String())},
                       {"ipc_mode", Value::Null(Type::String())},
                       {"container_definitions", Value::Null(Type::String())}}),
                  true,
                  true,
                  {}},
        CheckCase{"MisplacedContainerKey",
                  Obj({{"container_definitions",
                        Str(std::string(R"([{"name":"a",)") + kGoodContainer +
                            R"(},{"name":"b","pidMode":"host",)" + kGoodContainer + "}]")}}),
                  true,
                  false,
                  {{kMisplaced, "container_definitions[1].pidMode", "warning"}}},
        CheckCase{"TaskDefinitionJsonDocument",
                  Obj({{"task_definition_json",
                        Str(R"({"taskDefinition":{"family":"web","pidMode":"host"}})")}}),
                  true,
                  false,
                  {{kPid, "task_definition_json.pidMode", "error"}}},
        // A malformed value of a known attribute is a finding at level
        // error, not a crash; the data source fails on the same value.
        CheckCase{"PidModeNumber", Obj({{"pid_mode", Value::Int(1)}}), true, false, {kPidError}},
        CheckCase{"IpcModeNumberBlocksThoughIpcIsAWarning",
                  Obj({{"ipc_mode", Value::Int(1)}}),
                  true,
                  false,
                  {{kIpc, "ipc_mode", "error"}}},
        CheckCase{"ContainerDefinitionsNotJson",
                  Obj({{"pid_mode", Str("task")}, {"container_definitions", Str("{{")}}),
                  true,
                  false,
                  // Every control that reads containers fails closed, at level error.
                  {{kMisplaced, "container_definitions", "error"},
                   {"ecs_container_no_privileged", "container_definitions", "error"},
                   {"ecs_container_no_environment_secrets", "container_definitions", "error"},
                   {"ecs_container_readonly_root_filesystem", "container_definitions", "error"},
                   {"ecs_container_logging_configured", "container_definitions", "error"},
                   {"ecs_container_linux_user_non_root", "container_definitions", "error"}}},
        CheckCase{"EmptyDocumentVerifiesNothing",
                  Obj({{"task_definition_json", Str("{}")}}),
                  true,
                  false,
                  // Nothing could be read: every control fails closed.
                  {{kPid, "task_definition_json", "error"},
                   {kIpc, "task_definition_json", "error"},
                   {kMisplaced, "task_definition_json", "error"},
                   {"ecs_container_no_privileged", "task_definition_json", "error"},
                   {"ecs_container_no_environment_secrets", "task_definition_json", "error"},
                   {"ecs_container_readonly_root_filesystem", "task_definition_json", "error"},
                   {"ecs_container_logging_configured", "task_definition_json", "error"},
                   {"ecs_task_definition_no_host_network_mode", "task_definition_json", "error"},
                   {"ecs_container_linux_user_non_root", "task_definition_json", "error"},
                   {"ecs_container_windows_user_non_admin", "task_definition_json", "error"}}},
        CheckCase{"PidModeList",
                  Obj({{"pid_mode", Value::Tuple({Str("host")})}}),
                  true,
                  false,
                  {kPidError}},
        // Unknown
        CheckCase{"WhollyUnknown", Value::Unknown(Type::Dynamic()), false, false, {}},
        CheckCase{"UnknownObject",
                  Value::Unknown(Type::Object({{"pid_mode", Type::String()}})),
                  false,
                  false,
                  {}},
        CheckCase{"UnknownPidModeNothingFails",
                  Obj({{"pid_mode", UnknownString()}, {"ipc_mode", Str("task")}}),
                  false,
                  false,
                  {}},
        CheckCase{"UnknownContainerDefinitions",
                  Obj({{"pid_mode", Str("task")}, {"container_definitions", UnknownString()}}),
                  false,
                  false,
                  {}},
        // Something known fails: the result is known.
        CheckCase{"UnknownPidModeButIpcHost",
                  Obj({{"pid_mode", UnknownString()}, {"ipc_mode", Str("host")}}),
                  true,
                  false,
                  {kIpcWarning}},
        CheckCase{"UnknownIpcModeButPidHost",
                  Obj({{"pid_mode", Str("host")}, {"ipc_mode", UnknownString()}}),
                  true,
                  false,
                  {kPidError}}),
    [](const testing::TestParamInfo<CheckCase>& info) { return info.param.name; });

TEST(CheckEcsTaskDefinitionDefinitionTest, RefusesNullButAcceptsUnknownOfAnyType) {
  const CheckEcsTaskDefinition function;
  const tf::FunctionDefinition& def = function.Definition();
  ASSERT_EQ(def.parameters.size(), 1u);
  EXPECT_EQ(def.parameters[0].name, "task_definition");
  EXPECT_EQ(def.parameters[0].type, Type::Dynamic());
  // Null: Terraform refuses it before the call.
  EXPECT_FALSE(def.parameters[0].allow_null);
  EXPECT_TRUE(def.parameters[0].allow_unknown);
  ASSERT_EQ(def.return_type.kind(), cty::Kind::kObject);
  EXPECT_EQ(def.return_type.attributes().at("compliant"), Type::Bool());
  EXPECT_EQ(def.return_type.attributes().at("findings").kind(), cty::Kind::kList);
}

TEST(CheckEcsTaskDefinitionTest, MalformedPidModeFindingSaysItIsNotAString) {
  const tf::CallFunctionResponse response =
      Call(CheckEcsTaskDefinition(), {Obj({{"pid_mode", Value::Int(1)}})});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  const std::vector<Value>& findings = response.result.GetAttr("findings").Elements();
  ASSERT_EQ(findings.size(), 1u);
  const std::string& message = findings[0].GetAttr("message").AsString();
  EXPECT_TRUE(Contains(message, "pid_mode")) << message;
  EXPECT_TRUE(Contains(message, "string")) << message;
  EXPECT_TRUE(Contains(message, "number")) << message;
}

TEST(CheckEcsTaskDefinitionTest, HostPidModeFindingCarriesItsTexts) {
  const tf::CallFunctionResponse response =
      Call(CheckEcsTaskDefinition(), {Obj({{"pid_mode", Str("host")}})});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  const Value& finding = response.result.GetAttr("findings").Elements().at(0);
  EXPECT_EQ(finding.GetAttr("severity"), Str("high"));
  EXPECT_TRUE(Contains(finding.GetAttr("remediation").AsString(), "task"))
      << finding.GetAttr("remediation").AsString();
  bool security_hub = false;
  for (const Value& r : finding.GetAttr("references").Elements())
    security_hub |= Contains(r.AsString(), "ECS.3");
  EXPECT_TRUE(security_hub);
}

TEST(CheckEcsTaskDefinitionTest, FargateNoteAppearsWithALiteralTupleOfCompatibilities) {
  // In HCL a literal ["FARGATE"] is a tuple, not a set.
  const tf::CallFunctionResponse response =
      Call(CheckEcsTaskDefinition(),
           {Obj({{"pid_mode", Str("host")},
                 {"requires_compatibilities", Value::Tuple({Str("FARGATE")})}})});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  const std::string& message =
      response.result.GetAttr("findings").Elements().at(0).GetAttr("message").AsString();
  EXPECT_TRUE(Contains(message, "Fargate")) << message;
}

// PRODUCT.md: a malformed value of a known attribute is a finding on that
// attribute, not an error of the call.
TEST(CheckEcsTaskDefinitionTest, ContainerDefinitionsThatAreNotJsonAreAFindingOnThem) {
  const tf::CallFunctionResponse response =
      Call(CheckEcsTaskDefinition(), {Obj({{"container_definitions", Str("[{not json")}})});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  EXPECT_EQ(response.result.GetAttr("compliant"), Value::Bool(false));
  const std::vector<Value>& findings = response.result.GetAttr("findings").Elements();
  // Every control that reads containers fails closed on it, at level error.
  ASSERT_EQ(findings.size(), 6u);
  EXPECT_EQ(findings[0].GetAttr("control_id"),
            Str("ecs_container_definitions_misplaced_namespace_key"));
  for (const Value& finding : findings) {
    EXPECT_EQ(finding.GetAttr("attribute"), Str("container_definitions"));
    EXPECT_EQ(finding.GetAttr("level"), Str("error"));
    EXPECT_TRUE(Contains(finding.GetAttr("message").AsString(), "JSON"))
        << finding.GetAttr("message").AsString();
  }
}

TEST(CheckEcsTaskDefinitionTest, BothFormsAreAFunctionErrorOnArgumentZero) {
  const tf::CallFunctionResponse response = Call(
      CheckEcsTaskDefinition(),
      {Obj({{"pid_mode", Str("task")}, {"task_definition_json", Str(R"({"family":"web"})")}})});
  ASSERT_TRUE(response.error.has_value());
  EXPECT_EQ(response.error->argument, 0);
  EXPECT_TRUE(Contains(response.error->text, "task_definition_json")) << response.error->text;
  EXPECT_TRUE(Contains(response.error->text, "pid_mode")) << response.error->text;
}

TEST(CheckEcsTaskDefinitionTest, IsDeterministic) {
  const Value arg = Obj({{"pid_mode", Str("host")},
                         {"ipc_mode", Str("host")},
                         {"container_definitions", Str(R"([{"ipcMode":"host"}])")}});
  EXPECT_EQ(Call(CheckEcsTaskDefinition(), {arg}).result,
            Call(CheckEcsTaskDefinition(), {arg}).result);
}

// ---------------------------------------------------------------------------
// assert_ecs_task_definition

enum class Outcome { kTrue, kUnknown, kError };

struct AssertCase {
  std::string name;
  Value task_definition;
  Outcome outcome;
  std::vector<std::string> error_mentions;  // kError
};

void PrintTo(const AssertCase& c, std::ostream* os) { *os << c.name; }

class AssertEcsTaskDefinitionTest : public testing::TestWithParam<AssertCase> {};

TEST_P(AssertEcsTaskDefinitionTest, PassesUnlessAFindingIsAtLevelError) {
  const AssertCase& c = GetParam();
  const tf::CallFunctionResponse response = Call(AssertEcsTaskDefinition(), {c.task_definition});
  switch (c.outcome) {
    case Outcome::kTrue:
      ASSERT_FALSE(response.error.has_value()) << response.error->text;
      EXPECT_EQ(response.result, Value::Bool(true));
      break;
    case Outcome::kUnknown:
      ASSERT_FALSE(response.error.has_value()) << response.error->text;
      EXPECT_TRUE(response.result.is_unknown());
      EXPECT_EQ(response.result.type(), Type::Bool());
      break;
    case Outcome::kError:
      ASSERT_TRUE(response.error.has_value());
      EXPECT_EQ(response.error->argument, 0);
      for (const std::string& part : c.error_mentions) {
        EXPECT_TRUE(Contains(response.error->text, part))
            << "missing \"" << part << "\" in: " << response.error->text;
      }
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(
    KnownAndUnknown, AssertEcsTaskDefinitionTest,
    testing::Values(
        // Known
        AssertCase{"PidModeTask", Obj({{"pid_mode", Str("task")}}), Outcome::kTrue, {}},
        AssertCase{
            "PidModeHost", Obj({{"pid_mode", Str("host")}}), Outcome::kError, {kPid, "pid_mode"}},
        AssertCase{"PidModeInvalid",
                   Obj({{"pid_mode", Str(" host")}}),
                   Outcome::kError,
                   {kPid, "pid_mode"}},
        AssertCase{"PidModeNumber",
                   Obj({{"pid_mode", Value::Int(7)}}),
                   Outcome::kError,
                   {"pid_mode: Invalid pid_mode", "must be a string, but it is a number"}},
        AssertCase{"MapWithHostPidMode",
                   Value::Map(Type::String(), {{"pid_mode", Str("host")}}),
                   Outcome::kError,
                   {kPid, "pid_mode"}},
        AssertCase{"HostPidModeInADocument",
                   Obj({{"task_definition_json", Str(R"({"pidMode":"host"})")}}),
                   Outcome::kError,
                   {kPid, "task_definition_json.pidMode"}},
        // Warnings do not block, as in plan.
        AssertCase{"IpcModeHostOnly", Obj({{"ipc_mode", Str("host")}}), Outcome::kTrue, {}},
        AssertCase{"MisplacedContainerKeyOnly",
                   Obj({{"container_definitions", Str(R"([{"pidMode":"host"}])")}}),
                   Outcome::kTrue,
                   {}},
        // Input problems
        AssertCase{
            "BothForms",
            Obj({{"ipc_mode", Str("task")}, {"task_definition_json", Str(R"({"family":"web"})")}}),
            Outcome::kError,
            {"task_definition_json"}},
        // Unreadable container JSON blocks, as the data source does on the
        // same value, whatever the level of the controls that read it.
        AssertCase{"ContainerDefinitionsNotJson",
                   Obj({{"pid_mode", Str("task")}, {"container_definitions", Str("{{")}}),
                   Outcome::kError,
                   {"container_definitions: Invalid container_definitions JSON", "line 1, column 2",
                    "jsonencode"}},
        AssertCase{
            "ContainerDefinitionsTooDeep",
            Obj({{"container_definitions", Str(std::string(100, '[') + std::string(100, ']'))}}),
            Outcome::kError,
            {"container_definitions is nested too deeply to check"}},
        AssertCase{"EmptyDocumentVerifiesNothing",
                   Obj({{"task_definition_json", Str("{}")}}),
                   Outcome::kError,
                   {"does not look like a task definition"}},
        // Unknown
        AssertCase{"WhollyUnknown", Value::Unknown(Type::Dynamic()), Outcome::kUnknown, {}},
        AssertCase{"UnknownPidMode", Obj({{"pid_mode", UnknownString()}}), Outcome::kUnknown, {}},
        AssertCase{"UnknownPidModeAndIpcHost",
                   Obj({{"pid_mode", UnknownString()}, {"ipc_mode", Str("host")}}),
                   Outcome::kUnknown,
                   {}},
        AssertCase{"HostPidModeAndUnknownIpc",
                   Obj({{"pid_mode", Str("host")}, {"ipc_mode", UnknownString()}}),
                   Outcome::kError,
                   {kPid, "pid_mode"}}),
    [](const testing::TestParamInfo<AssertCase>& info) { return info.param.name; });

TEST(AssertEcsTaskDefinitionDefinitionTest, RefusesNullButAcceptsUnknown) {
  const AssertEcsTaskDefinition function;
  const tf::FunctionDefinition& def = function.Definition();
  ASSERT_EQ(def.parameters.size(), 1u);
  EXPECT_EQ(def.parameters[0].type, Type::Dynamic());
  EXPECT_FALSE(def.parameters[0].allow_null);
  EXPECT_TRUE(def.parameters[0].allow_unknown);
  EXPECT_EQ(def.return_type, Type::Bool());
}

TEST(AssertEcsTaskDefinitionTest, ErrorTextSaysHowToFix) {
  const tf::CallFunctionResponse response =
      Call(AssertEcsTaskDefinition(), {Obj({{"pid_mode", Str("host")}})});
  ASSERT_TRUE(response.error.has_value());
  EXPECT_TRUE(Contains(response.error->text, "Fix: Omit pid_mode or set it to \"task\""))
      << response.error->text;
}

TEST(AssertEcsTaskDefinitionTest, ErrorTextNeverQuotesAnInvalidValue) {
  const tf::CallFunctionResponse response =
      Call(AssertEcsTaskDefinition(), {Obj({{"pid_mode", Str("HOST-secret-mode")}})});
  ASSERT_TRUE(response.error.has_value());
  EXPECT_FALSE(Contains(response.error->text, "secret")) << response.error->text;
}

// ---------------------------------------------------------------------------
// Fail closed on shape: both functions refuse anything that is not an
// object or map holding an attribute they read, with a function error on
// argument 0 that says what was given and what to write instead.

struct ShapeCase {
  std::string name;
  Value task_definition;
  std::vector<std::string> mentions;
};

void PrintTo(const ShapeCase& c, std::ostream* os) { *os << c.name; }

class TaskDefinitionShapeTest : public testing::TestWithParam<ShapeCase> {};

TEST_P(TaskDefinitionShapeTest, IsAFunctionErrorOnArgumentZeroInBothFunctions) {
  const ShapeCase& c = GetParam();
  const CheckEcsTaskDefinition check;
  const AssertEcsTaskDefinition assert_function;
  for (const tf::Function* function : {static_cast<const tf::Function*>(&check),
                                       static_cast<const tf::Function*>(&assert_function)}) {
    SCOPED_TRACE(std::string(function->Name()));
    const tf::CallFunctionResponse response = Call(*function, {c.task_definition});
    ASSERT_TRUE(response.error.has_value()) << "the call passed";
    EXPECT_EQ(response.error->argument, 0);
    EXPECT_TRUE(Contains(response.error->text, "task_definition must be an object"))
        << response.error->text;
    for (const std::string& part : c.mentions) {
      EXPECT_TRUE(Contains(response.error->text, part))
          << "missing \"" << part << "\" in: " << response.error->text;
    }
    EXPECT_TRUE(Contains(response.error->text, std::string(function->Name())))
        << "the example should call the same function: " << response.error->text;
    // The value itself is never quoted.
    EXPECT_FALSE(Contains(response.error->text, "host")) << response.error->text;
  }
}

const Value kHostTask = Obj({{"pid_mode", Str("host")}});

INSTANTIATE_TEST_SUITE_P(
    EveryShape, TaskDefinitionShapeTest,
    testing::Values(
        ShapeCase{"String", Str("host"), {"but it is a string", "literal object"}},
        ShapeCase{"Number", Value::Int(42), {"but it is a number"}},
        ShapeCase{"Bool", Value::Bool(true), {"but it is a bool"}},
        ShapeCase{"List",
                  Value::List(kHostTask.type(), {kHostTask}),
                  {"a list of 1 element", "aws_ecs_task_definition.x[0]", "for td in"}},
        ShapeCase{
            "Set", Value::Set(kHostTask.type(), {kHostTask}), {"a set of 1 element", "for td in"}},
        // What aws_ecs_task_definition.x is when x has count.
        ShapeCase{"CountResource",
                  Value::Tuple({kHostTask, Obj({{"pid_mode", Str("task")}})}),
                  {"a tuple of 2 elements", "count", "aws_ecs_task_definition.x[0]"}},
        ShapeCase{"EmptyTuple", Value::Tuple({}), {"a tuple of 0 elements"}},
        // What aws_ecs_task_definition.x is when x has for_each.
        ShapeCase{"ForEachResource",
                  Obj({{"web", kHostTask}, {"api", Obj({{"pid_mode", Str("task")}})}}),
                  {"none of the attributes", "for_each", "values(aws_ecs_task_definition.x)"}},
        ShapeCase{"MapOfObjects",
                  Value::Map(kHostTask.type(), {{"web", kHostTask}}),
                  {"none of the attributes", "for_each"}},
        ShapeCase{"EmptyObject", Obj({}), {"none of the attributes"}},
        ShapeCase{"EmptyMap", Value::Map(Type::String(), {}), {"none of the attributes"}}),
    [](const testing::TestParamInfo<ShapeCase>& info) { return info.param.name; });

TEST(TaskDefinitionShapeTest, UnknownStaysUnknown) {
  EXPECT_TRUE(
      Call(AssertEcsTaskDefinition(), {Value::Unknown(Type::Dynamic())}).result.is_unknown());
  EXPECT_TRUE(Call(CheckEcsTaskDefinition(), {Value::Unknown(Type::Tuple({kHostTask.type()}))})
                  .result.is_unknown());
}

TEST(AssertEcsTaskDefinitionTest, ErrorTextListsOnlyErrorLevelFindings) {
  const tf::CallFunctionResponse response = Call(
      AssertEcsTaskDefinition(), {Obj({{"pid_mode", Str("host")}, {"ipc_mode", Str("host")}})});
  ASSERT_TRUE(response.error.has_value());
  EXPECT_TRUE(Contains(response.error->text, kPid)) << response.error->text;
  EXPECT_FALSE(Contains(response.error->text, kIpc)) << response.error->text;
}

// ---------------------------------------------------------------------------
// Functions ignore the provider block

class FunctionsIgnoreProviderSettingsTest : public testing::Test {
 protected:
  // controls = { ecs_task_definition_no_host_pid_mode = "off" }, enforcement = "warning"
  void ConfigureLenient(Provider& provider) {
    const Value config = Obj({{"enforcement", Str("warning")},
                              {"controls", Value::Map(Type::String(), {{kPid, Str("off")}})}});
    tf::ProviderConfigResponse validated;
    provider.ValidateConfig({config}, &validated);
    ASSERT_TRUE(validated.diagnostics.empty());
    tf::ProviderConfigResponse configured;
    provider.Configure({"1.11.0", config}, &configured);
    ASSERT_TRUE(configured.diagnostics.empty());
  }
  static const tf::Function& Find(const Provider& provider, std::string_view name) {
    const tf::Function* f = provider.FindFunction(name);
    EXPECT_NE(f, nullptr) << name;
    return *f;
  }
};

TEST_F(FunctionsIgnoreProviderSettingsTest, AssertStillFailsOnHostPidMode) {
  Provider provider;
  ConfigureLenient(provider);
  const tf::CallFunctionResponse response =
      Call(Find(provider, "assert_ecs_task_definition"), {Obj({{"pid_mode", Str("host")}})});
  ASSERT_TRUE(response.error.has_value());
  EXPECT_EQ(response.error->argument, 0);
  EXPECT_TRUE(Contains(response.error->text, kPid)) << response.error->text;
}

TEST_F(FunctionsIgnoreProviderSettingsTest, CheckStillReportsTheFindingAtError) {
  Provider provider;
  ConfigureLenient(provider);
  const tf::CallFunctionResponse response =
      Call(Find(provider, "check_ecs_task_definition"), {Obj({{"pid_mode", Str("host")}})});
  ASSERT_FALSE(response.error.has_value()) << response.error->text;
  const std::vector<Value>& findings = response.result.GetAttr("findings").Elements();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].GetAttr("control_id"), Str(kPid));
  EXPECT_EQ(findings[0].GetAttr("level"), Str("error"));
}

TEST_F(FunctionsIgnoreProviderSettingsTest, PidModeCompliantStillFailsHost) {
  Provider provider;
  ConfigureLenient(provider);
  EXPECT_EQ(Call(Find(provider, "ecs_pid_mode_compliant"), {Str("host")}).result,
            Value::Bool(false));
}

TEST_F(FunctionsIgnoreProviderSettingsTest, ResultsAreTheSameWithAndWithoutAProviderBlock) {
  Provider configured;
  ConfigureLenient(configured);
  const Provider unconfigured;
  const Value arg = Obj({{"pid_mode", Str("host")}, {"ipc_mode", Str("host")}});
  EXPECT_EQ(Call(Find(configured, "check_ecs_task_definition"), {arg}).result,
            Call(Find(unconfigured, "check_ecs_task_definition"), {arg}).result);
}

}  // namespace
}  // namespace compliance
