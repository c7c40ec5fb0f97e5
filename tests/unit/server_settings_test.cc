// File: tests/unit/server_settings_test.cc
//
// The provider block's settings (enforcement, controls) as
// ValidateProviderConfig and ConfigureProvider see them, and as they reach
// ValidateDataResourceConfig.

#include <map>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "provider/compliance/findings.h"
#include "tests/unit/server_service_driver.h"

namespace server {
namespace {

// ---------------------------------------------------------------------------
// ValidateProviderConfig

TEST_F(ComplianceServiceTest, NoProviderBlockIsValid) {
  EXPECT_EQ(driver_.ValidateProvider(Msgpack(std::string("\xc0", 1))).diagnostics_size(), 0);
  EXPECT_EQ(
      driver_.ValidateProvider(ProviderConfig(Value::Null(Type::String()))).diagnostics_size(), 0);
}

TEST_F(ComplianceServiceTest, InvalidEnforcementIsAnErrorOnTheEnforcementAttribute) {
  const auto diags = driver_.ValidateProvider(ProviderConfig(Value::String("bogus"))).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  ASSERT_EQ(diags[0].attribute().steps_size(), 1);
  EXPECT_EQ(diags[0].attribute().steps(0).attribute_name(), "enforcement");
  // The value may come from a sensitive variable: never quoted.
  EXPECT_FALSE(Contains(diags[0].detail(), "bogus")) << diags[0].detail();
  EXPECT_TRUE(Contains(diags[0].detail(), "\"warning\"")) << diags[0].detail();
}

TEST_F(ComplianceServiceTest, UnknownControlIdIsAnErrorOnItsMapKeyListingValidIds) {
  const Value controls = Value::Map(Type::String(), {{"nope", Value::String("error")}});
  const auto diags =
      driver_.ValidateProvider(ProviderConfig(Value::Null(Type::String()), controls)).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(PathString(diags[0]), "controls[\"nope\"]");
  ASSERT_EQ(diags[0].attribute().steps_size(), 2);
  EXPECT_EQ(diags[0].attribute().steps(0).attribute_name(), "controls");
  EXPECT_EQ(diags[0].attribute().steps(1).element_key_string(), "nope");
  for (const char* id : {kPid, kIpc, kMisplaced}) {
    EXPECT_TRUE(Contains(diags[0].detail(), id))
        << "missing " << id << " in: " << diags[0].detail();
  }
}

TEST_F(ComplianceServiceTest, InvalidControlLevelIsAnErrorOnItsMapKey) {
  const Value controls = Value::Map(Type::String(), {{kPid, Value::String("loud")}});
  const auto diags =
      driver_.ValidateProvider(ProviderConfig(Value::Null(Type::String()), controls)).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(PathString(diags[0]), std::string("controls[\"") + kPid + "\"]");
  EXPECT_FALSE(Contains(diags[0].detail(), "loud")) << diags[0].detail();
}

struct UnknownEnforcementCase {
  std::string name;
  std::string msgpack;  // the whole provider config
};

void PrintTo(const UnknownEnforcementCase& c, std::ostream* os) { *os << c.name; }

class UnknownEnforcementTest : public ComplianceServiceTest,
                               public testing::WithParamInterface<UnknownEnforcementCase> {};

TEST_P(UnknownEnforcementTest, IsNotReplacedByTheDefaultSoValidationLeavesItToTheRead) {
  EXPECT_EQ(driver_.ValidateProvider(Msgpack(GetParam().msgpack)).diagnostics_size(), 0)
      << Describe(driver_.ValidateProvider(Msgpack(GetParam().msgpack)).diagnostics());
  // enforcement = var.x may turn out "warning": no error yet.
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")}}))
          .diagnostics();
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
}

// {"controls": null, "enforcement": <unknown>} with each wire form of unknown.
std::string ConfigWithEnforcement(std::string enforcement) {
  return std::string(
             "\x82\xa8"
             "controls"
             "\xc0"
             "\xab"
             "enforcement") +
         enforcement;
}

INSTANTIATE_TEST_SUITE_P(
    WireForms, UnknownEnforcementTest,
    testing::Values(
        UnknownEnforcementCase{"Plain", ConfigWithEnforcement(std::string("\xd4\x00\x00", 3))},
        // ext 12 {1: false}: refined as definitely not null.
        UnknownEnforcementCase{"RefinedNotNull",
                               ConfigWithEnforcement(std::string("\xc7\x03\x0c\x81\x01\xc2", 6))},
        // ext 12 {1: false, 2: "war"}: not null, with a string prefix.
        UnknownEnforcementCase{"RefinedWithPrefix",
                               ConfigWithEnforcement(std::string("\xc7\x08\x0c\x82\x01\xc2\x02\xa3"
                                                                 "war",
                                                                 11))},
        UnknownEnforcementCase{"WholeConfigUnknown", std::string("\xd4\x00\x00", 3)}),
    [](const testing::TestParamInfo<UnknownEnforcementCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// ValidateDataResourceConfig

TEST_F(ComplianceServiceTest, HostPidModeIsAnErrorOnPidMode) {
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(diags[0].summary(), kPidSummary);
  EXPECT_EQ(PathString(diags[0]), "pid_mode");
  // The detail says how to fix it and where to read more.
  EXPECT_TRUE(Contains(diags[0].detail(), "\"task\"")) << diags[0].detail();
  EXPECT_TRUE(Contains(diags[0].detail(), "ECS.3")) << diags[0].detail();
}

struct NoDiagnosticCase {
  std::string name;
  std::map<std::string, Value> config;
};

void PrintTo(const NoDiagnosticCase& c, std::ostream* os) { *os << c.name; }

class CompliantOrPendingConfigTest : public ComplianceServiceTest,
                                     public testing::WithParamInterface<NoDiagnosticCase> {};

TEST_P(CompliantOrPendingConfigTest, ValidateAddsNoDiagnostic) {
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig(GetParam().config)).diagnostics();
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
}

INSTANTIATE_TEST_SUITE_P(
    Configs, CompliantOrPendingConfigTest,
    testing::Values(
        NoDiagnosticCase{"Empty", {}},
        NoDiagnosticCase{"PidModeTask", {{"pid_mode", Value::String("task")}}},
        NoDiagnosticCase{"PidModeEmptyString", {{"pid_mode", Value::String("")}}},
        NoDiagnosticCase{"PidModeUnknown", {{"pid_mode", Value::Unknown(Type::String())}}},
        NoDiagnosticCase{"PidModeRefinedUnknown",
                         {{"pid_mode", Value::Unknown(Type::String(), /*refined_not_null=*/true)}}},
        NoDiagnosticCase{"ContainerDefinitionsUnknown",
                         {{"container_definitions", Value::Unknown(Type::String())}}},
        NoDiagnosticCase{"EnforcementUnknown",
                         {{"enforcement", Value::Unknown(Type::String())},
                          {"pid_mode", Value::String("task")}}}),
    [](const testing::TestParamInfo<NoDiagnosticCase>& info) { return info.param.name; });

TEST_F(ComplianceServiceTest, ProviderWarningEnforcementTurnsTheErrorIntoAWarning) {
  // Warnings come from the configured provider's validation (the plan walk).
  ASSERT_EQ(driver_.Configure(ProviderConfig(Value::String("warning"))).diagnostics_size(), 0);
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::WARNING);
  EXPECT_EQ(diags[0].summary(), kPidSummary);
  EXPECT_EQ(PathString(diags[0]), "pid_mode");
}

TEST_F(ComplianceServiceTest, DataSourceErrorEnforcementOverridesProviderWarning) {
  ASSERT_EQ(driver_.ValidateProvider(ProviderConfig(Value::String("warning"))).diagnostics_size(),
            0);
  const auto diags =
      driver_
          .ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")},
                                                       {"enforcement", Value::String("error")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
}

TEST_F(ComplianceServiceTest, DataSourceWarningEnforcementOverridesProviderDefault) {
  ASSERT_EQ(driver_.Configure(ProviderConfig(Value::Null(Type::String()))).diagnostics_size(), 0);
  const auto diags =
      driver_
          .ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")},
                                                       {"enforcement", Value::String("warning")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::WARNING);
}

TEST_F(ComplianceServiceTest, UnknownDataSourceEnforcementIsLeftToTheRead) {
  // As for the provider block: a setting not known yet is never replaced by
  // a default; the read, with the value known, decides.
  const auto diags =
      driver_
          .ValidateData(kDataSource,
                        DataSourceConfig({{"pid_mode", Value::String("host")},
                                          {"enforcement", Value::Unknown(Type::String())}}))
          .diagnostics();
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
}

TEST_F(ComplianceServiceTest, InvalidDataSourceEnforcementIsAnErrorOnIt) {
  const auto diags =
      driver_
          .ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("task")},
                                                       {"enforcement", Value::String("bogus")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(PathString(diags[0]), "enforcement");
}

TEST_F(ComplianceServiceTest, ControlSetOffInTheProviderBlockReportsNothing) {
  const Value controls = Value::Map(Type::String(), {{kPid, Value::String("off")}});
  ASSERT_EQ(driver_.ValidateProvider(ProviderConfig(Value::Null(Type::String()), controls))
                .diagnostics_size(),
            0);
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")}}))
          .diagnostics();
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
}

TEST_F(ComplianceServiceTest, InvalidProviderConfigKeepsThePreviousSettings) {
  ASSERT_EQ(driver_.Configure(ProviderConfig(Value::String("warning"))).diagnostics_size(), 0);
  ASSERT_EQ(driver_.ValidateProvider(ProviderConfig(Value::String("bogus"))).diagnostics_size(), 1);
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::WARNING);
}

TEST_F(ComplianceServiceTest, ConfigureProviderAppliesSettingsLikeValidate) {
  ASSERT_EQ(driver_.Configure(ProviderConfig(Value::String("warning"))).diagnostics_size(), 0);
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("host")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::WARNING);
}

TEST_F(ComplianceServiceTest, ValidateAcceptsJsonConfigWithMissingAttributes) {
  const auto diags =
      driver_.ValidateData(kDataSource, Json(R"({"pid_mode":"host"})")).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), kPidSummary);
}

}  // namespace
}  // namespace server
