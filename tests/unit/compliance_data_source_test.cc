// File: tests/unit/compliance_data_source_test.cc
//
// The data source's diagnostics across the moments of a plan: the validate
// walk (provider not configured, settings possibly unknown), the plan walk's
// validation (configured) and the read. Each finding is reported once, a
// setting not known yet is never replaced by its default, and errors are
// never lost.

#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/compliance/provider.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "tests/unit/compliance_test_support.h"

namespace compliance {
namespace {

using cty::Type;
using cty::Value;

constexpr char kDataSource[] = "compliancecheck_ecs_task_definition";
constexpr char kPidSummary[] =
    "ECS task definition shares the host's process namespace (AWS Security Hub ECS.3)";
constexpr char kIpcSummary[] = "ECS task definition shares the host's IPC namespace";

class DataSourceMomentsTest : public testing::Test {
 protected:
  const tf::DataSource& data_source() const { return *provider_.FindDataSource(kDataSource); }

  // The provider block's value with `given` attributes, the rest null.
  Value ProviderConfig(std::map<std::string, Value> given) const {
    return Complete(provider_.GetSchema().block.ObjectType(), std::move(given));
  }
  Value DataSourceConfig(std::map<std::string, Value> given) const {
    return Complete(data_source().GetSchema().block.ObjectType(), std::move(given));
  }

  void ValidateProvider(const Value& config) {
    tf::ProviderConfigResponse response;
    provider_.ValidateConfig({config}, &response);
    ASSERT_TRUE(response.diagnostics.empty());
  }
  void ConfigureProvider(const Value& config) {
    tf::ProviderConfigResponse response;
    provider_.Configure({"1.11.4", config}, &response);
    ASSERT_TRUE(response.diagnostics.empty());
  }

  // "error: SUMMARY" / "warning: SUMMARY", in order.
  std::vector<std::string> Validate(const Value& config) const {
    tf::ValidateDataSourceResponse response;
    data_source().Validate({config}, &response);
    return Summaries(response.diagnostics);
  }
  std::vector<std::string> Read(const Value& config) const {
    tf::ReadDataSourceResponse response;
    data_source().Read({config}, &response);
    return Summaries(response.diagnostics);
  }

  Provider provider_;

 private:
  static Value Complete(const Type& type, std::map<std::string, Value> given) {
    std::map<std::string, Value> attributes;
    for (const auto& [name, attribute_type] : type.attributes()) {
      auto it = given.find(name);
      attributes.emplace(name, it != given.end() ? it->second : Value::Null(attribute_type));
    }
    return Value::Object(type, std::move(attributes));
  }
  static std::vector<std::string> Summaries(const tf::Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const tf::Diagnostic& d : diagnostics.items()) {
      out.push_back((d.severity == tf::Severity::kError ? "error: " : "warning: ") + d.summary);
    }
    return out;
  }
};

using Lines = std::vector<std::string>;

TEST_F(DataSourceMomentsTest, EachFindingIsReportedOncePerPlan) {
  const Value config = DataSourceConfig({{"pid_mode", Str("host")}, {"ipc_mode", Str("host")}});
  // Validate walk: the error at once (it stops the plan); the warning waits
  // for the configured provider, or it would be printed twice.
  EXPECT_EQ(Validate(config), Lines({std::string("error: ") + kPidSummary}));
  // Plan walk (another process in Terraform; here the same provider, now
  // configured): validation says everything, the read repeats only errors.
  ConfigureProvider(ProviderConfig({}));
  EXPECT_EQ(Validate(config),
            Lines({std::string("error: ") + kPidSummary, std::string("warning: ") + kIpcSummary}));
  EXPECT_EQ(Read(config), Lines({std::string("error: ") + kPidSummary}));
}

TEST_F(DataSourceMomentsTest, AdvisoryModeFromAVariableIsNotReplacedByTheDefault) {
  // provider "compliancecheck" { enforcement = var.enforcement }: unknown in
  // the validate walk, "warning" in plan.
  const Value config = DataSourceConfig({{"pid_mode", Str("host")}});
  ValidateProvider(ProviderConfig({{"enforcement", UnknownString()}}));
  EXPECT_EQ(Validate(config), Lines());

  ConfigureProvider(ProviderConfig({{"enforcement", Str("warning")}}));
  EXPECT_EQ(Validate(config), Lines({std::string("warning: ") + kPidSummary}));
  EXPECT_EQ(Read(config), Lines());
}

TEST_F(DataSourceMomentsTest, AnUnknownEnforcementCannotLowerAWarningSoItIsStillReported) {
  const Value config = DataSourceConfig({{"ipc_mode", Str("host")}});
  ConfigureProvider(ProviderConfig({{"enforcement", UnknownString()}}));
  EXPECT_EQ(Validate(config), Lines({std::string("warning: ") + kIpcSummary}));
  EXPECT_EQ(Read(config), Lines());
}

TEST_F(DataSourceMomentsTest, AControlLevelFromAVariableDefersThatControlOnly) {
  // controls = { ecs_task_definition_no_host_pid_mode = var.level }
  const Value config = DataSourceConfig({{"pid_mode", Str("host")}, {"ipc_mode", Str("host")}});
  const Value controls =
      Value::Map(Type::String(), {{"ecs_task_definition_no_host_pid_mode", UnknownString()}});
  ConfigureProvider(ProviderConfig({{"controls", controls}}));
  EXPECT_EQ(Validate(config), Lines({std::string("warning: ") + kIpcSummary}));
  // Still unknown at the read (a provider configured from values known only
  // after apply): the read decides, failing closed at the default level.
  EXPECT_EQ(Read(config), Lines({std::string("error: ") + kPidSummary}));
}

TEST_F(DataSourceMomentsTest, AControlTurnedOffByAVariableStaysSilentOnceKnown) {
  const Value config = DataSourceConfig({{"pid_mode", Str("host")}});
  ValidateProvider(ProviderConfig({{"controls", Value::Unknown(Type::Map(Type::String()))}}));
  EXPECT_EQ(Validate(config), Lines());
  ConfigureProvider(ProviderConfig(
      {{"controls",
        Value::Map(Type::String(), {{"ecs_task_definition_no_host_pid_mode", Str("off")}})}}));
  EXPECT_EQ(Validate(config), Lines());
  EXPECT_EQ(Read(config), Lines());
}

TEST_F(DataSourceMomentsTest, TheDataSourcesOwnUnknownEnforcementDefersItsErrors) {
  // enforcement = var.advisory ? "warning" : "error"
  const Value pending =
      DataSourceConfig({{"pid_mode", Str("host")}, {"enforcement", UnknownString()}});
  EXPECT_EQ(Validate(pending), Lines());
  ConfigureProvider(ProviderConfig({}));
  const Value advisory =
      DataSourceConfig({{"pid_mode", Str("host")}, {"enforcement", Str("warning")}});
  EXPECT_EQ(Validate(advisory), Lines({std::string("warning: ") + kPidSummary}));
  EXPECT_EQ(Read(advisory), Lines());
}

TEST_F(DataSourceMomentsTest, AKnownDataSourceEnforcementOutranksAnUnknownProviderOne) {
  const Value config = DataSourceConfig({{"pid_mode", Str("host")}, {"enforcement", Str("error")}});
  ValidateProvider(ProviderConfig({{"enforcement", UnknownString()}}));
  EXPECT_EQ(Validate(config), Lines({std::string("error: ") + kPidSummary}));
}

TEST_F(DataSourceMomentsTest, InputProblemsAreErrorsAtEveryMomentAndUnderAdvisoryMode) {
  const Value config =
      DataSourceConfig({{"container_definitions", Str("{{")}, {"enforcement", Str("warning")}});
  const Lines expected({"error: Invalid container_definitions JSON"});
  EXPECT_EQ(Validate(config), expected);
  ConfigureProvider(ProviderConfig({}));
  EXPECT_EQ(Validate(config), expected);
  EXPECT_EQ(Read(config), expected);
}

TEST_F(DataSourceMomentsTest, UnknownFormsAreNotAConflictYet) {
  // pid_mode = var.a, task_definition_json = var.b, both null by default.
  EXPECT_EQ(Validate(DataSourceConfig(
                {{"pid_mode", UnknownString()}, {"task_definition_json", UnknownString()}})),
            Lines());
  EXPECT_EQ(Validate(DataSourceConfig(
                {{"pid_mode", Str("task")}, {"task_definition_json", Str(R"({"family":"web"})")}})),
            Lines({"error: Conflicting task definition forms"}));
}

}  // namespace
}  // namespace compliance
