// File: tests/unit/compliance_agreement_test.cc
//
// The same task definition through the data source, check_ecs_task_definition
// and assert_ecs_task_definition must get the same verdict: compliant, not
// compliant (warnings only: plan goes on), blocked (an error: plan fails), or
// unknown (not decidable yet). A user who moves a check from a data source
// into a postcondition must not find a gate that passes what the other one
// stopped.

#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/compliance/provider.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"

namespace compliance {
namespace {

using cty::Type;
using cty::Value;

enum class Verdict { kCompliant, kNotCompliant, kBlocked, kUnknown };

std::ostream& operator<<(std::ostream& os, Verdict v) {
  switch (v) {
    case Verdict::kCompliant:
      return os << "compliant";
    case Verdict::kNotCompliant:
      return os << "not compliant (warnings only)";
    case Verdict::kBlocked:
      return os << "blocked";
    case Verdict::kUnknown:
      return os << "unknown";
  }
  return os;
}

struct Row {
  std::string name;
  std::map<std::string, Value> arguments;
  Verdict verdict;
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

Value Str(std::string s) { return Value::String(std::move(s)); }
Value UnknownString() { return Value::Unknown(Type::String()); }

class AgreementTest : public testing::TestWithParam<Row> {
 protected:
  AgreementTest() {
    tf::ProviderConfigResponse configured;
    provider_.Configure({"1.11.4", Value::Null(provider_.GetSchema().block.ObjectType())},
                        &configured);
  }

  // As `terraform plan` sees it: validation, then (when the configuration is
  // wholly known) the read.
  Verdict DataSource(const std::map<std::string, Value>& arguments) const {
    const tf::DataSource& ds = *provider_.FindDataSource("compliancecheck_ecs_task_definition");
    const Type type = ds.GetSchema().block.ObjectType();
    std::map<std::string, Value> attributes;
    for (const auto& [name, attribute_type] : type.attributes()) {
      auto it = arguments.find(name);
      attributes.emplace(name, it != arguments.end() ? it->second : Value::Null(attribute_type));
    }
    const Value config = Value::Object(type, std::move(attributes));
    tf::ValidateDataSourceResponse validated;
    ds.Validate({config}, &validated);
    if (validated.diagnostics.HasError()) return Verdict::kBlocked;
    if (!config.IsWhollyKnown()) {
      // The read waits for apply; a warning already shown says something
      // known fails.
      return validated.diagnostics.empty() ? Verdict::kUnknown : Verdict::kNotCompliant;
    }
    tf::ReadDataSourceResponse read;
    ds.Read({config}, &read);
    if (read.diagnostics.HasError()) return Verdict::kBlocked;
    return read.state.GetAttr("compliant").AsBool() ? Verdict::kCompliant : Verdict::kNotCompliant;
  }

  Verdict Check(const std::map<std::string, Value>& arguments) const {
    const tf::CallFunctionResponse response = Call("check_ecs_task_definition", arguments);
    if (response.error.has_value()) return Verdict::kBlocked;
    if (response.result.is_unknown()) return Verdict::kUnknown;
    for (const Value& finding : response.result.GetAttr("findings").Elements()) {
      if (finding.GetAttr("level").AsString() == "error") return Verdict::kBlocked;
    }
    return response.result.GetAttr("compliant").AsBool() ? Verdict::kCompliant
                                                         : Verdict::kNotCompliant;
  }

  // assert cannot tell warnings from compliance: true for both.
  Verdict Assert(const std::map<std::string, Value>& arguments) const {
    const tf::CallFunctionResponse response = Call("assert_ecs_task_definition", arguments);
    if (response.error.has_value()) return Verdict::kBlocked;
    if (response.result.is_unknown()) return Verdict::kUnknown;
    EXPECT_TRUE(response.result.AsBool());
    return Verdict::kCompliant;
  }

 private:
  tf::CallFunctionResponse Call(std::string_view name,
                                const std::map<std::string, Value>& arguments) const {
    tf::CallFunctionRequest request;
    request.arguments = {Value::Object(arguments)};  // a literal object
    tf::CallFunctionResponse response;
    provider_.FindFunction(name)->Call(request, &response);
    return response;
  }

  Provider provider_;
};

TEST_P(AgreementTest, DataSourceCheckAndAssertAgree) {
  const Row& row = GetParam();
  EXPECT_EQ(DataSource(row.arguments), row.verdict) << "data source";
  EXPECT_EQ(Check(row.arguments), row.verdict) << "check_ecs_task_definition";
  // assert cannot say "warnings only": it passes them, or stays unknown
  // while an unknown value could still hide an error.
  const bool has_unknown = std::any_of(row.arguments.begin(), row.arguments.end(),
                                       [](const auto& a) { return a.second.is_unknown(); });
  const Verdict assert_verdict = row.verdict != Verdict::kNotCompliant ? row.verdict
                                 : has_unknown                         ? Verdict::kUnknown
                                                                       : Verdict::kCompliant;
  EXPECT_EQ(Assert(row.arguments), assert_verdict) << "assert_ecs_task_definition";
}

std::string Deep(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

INSTANTIATE_TEST_SUITE_P(
    SameInputs, AgreementTest,
    testing::Values(
        Row{"TaskPidMode", {{"pid_mode", Str("task")}}, Verdict::kCompliant},
        Row{"EmptyPidMode", {{"pid_mode", Str("")}}, Verdict::kCompliant},
        Row{"NullPidMode", {{"pid_mode", Value::Null(Type::String())}}, Verdict::kCompliant},
        Row{"CleanContainers",
            {{"container_definitions",
              Str(R"([{"name":"app","image":"nginx","readonlyRootFilesystem":true,)"
                  R"("user":"1000","logConfiguration":{"logDriver":"awslogs"}}])")}},
            Verdict::kCompliant},
        Row{"HostPidMode", {{"pid_mode", Str("host")}}, Verdict::kBlocked},
        Row{"UpperCaseHostPidMode", {{"pid_mode", Str("HOST")}}, Verdict::kBlocked},
        Row{"TypoPidMode", {{"pid_mode", Str("hots")}}, Verdict::kBlocked},
        Row{"HostPidModeOnFargate",
            {{"pid_mode", Str("host")},
             {"requires_compatibilities", Value::Set(Type::String(), {Str("FARGATE")})}},
            Verdict::kBlocked},
        Row{"HostIpcModeIsAWarning", {{"ipc_mode", Str("host")}}, Verdict::kNotCompliant},
        Row{"InvalidIpcModeIsAWarning", {{"ipc_mode", Str("HOST")}}, Verdict::kNotCompliant},
        Row{"MisplacedContainerKeyIsAWarning",
            {{"container_definitions", Str(R"([{"name":"app","pidMode":"host"}])")}},
            Verdict::kNotCompliant},
        Row{"ContainerDefinitionsNotJson",
            {{"pid_mode", Str("task")}, {"container_definitions", Str("{{")}},
            Verdict::kBlocked},
        Row{"ContainerDefinitionsNotAList",
            {{"container_definitions", Str(R"({"name":"app"})")}},
            Verdict::kBlocked},
        Row{"ContainerDefinitionsTooDeep",
            {{"container_definitions", Str(Deep(100))}},
            Verdict::kBlocked},
        Row{"EmptyDocument", {{"task_definition_json", Str("{}")}}, Verdict::kBlocked},
        Row{"DocumentWithHostPidMode",
            {{"task_definition_json", Str(R"({"taskDefinition":{"pidMode":"host"}})")}},
            Verdict::kBlocked},
        Row{"CleanDocument",
            {{"task_definition_json", Str(R"({"family":"web","pidMode":"task"})")}},
            Verdict::kCompliant},
        Row{"BothForms",
            {{"pid_mode", Str("task")}, {"task_definition_json", Str(R"({"family":"web"})")}},
            Verdict::kBlocked},
        Row{"UnknownPidMode", {{"pid_mode", UnknownString()}}, Verdict::kUnknown},
        Row{"UnknownContainers",
            {{"pid_mode", Str("task")}, {"container_definitions", UnknownString()}},
            Verdict::kUnknown},
        Row{"UnknownDocument", {{"task_definition_json", UnknownString()}}, Verdict::kUnknown},
        Row{"UnknownFormsAreNotAConflict",
            {{"pid_mode", UnknownString()}, {"task_definition_json", UnknownString()}},
            Verdict::kUnknown},
        Row{"UnknownPidModeButHostIpcMode",
            {{"pid_mode", UnknownString()}, {"ipc_mode", Str("host")}},
            Verdict::kNotCompliant},
        Row{"HostPidModeAndUnknownIpcMode",
            {{"pid_mode", Str("host")}, {"ipc_mode", UnknownString()}},
            Verdict::kBlocked},
        Row{"UnknownPidModeButUnreadableContainers",
            {{"pid_mode", UnknownString()}, {"container_definitions", Str("[")}},
            Verdict::kBlocked}),
    [](const testing::TestParamInfo<Row>& info) { return info.param.name; });

}  // namespace
}  // namespace compliance
