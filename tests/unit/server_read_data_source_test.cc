// File: tests/unit/server_read_data_source_test.cc
//
// ReadDataSource: the state Terraform stores and the diagnostics it shows.

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
// ReadDataSource

class ReadDataSourceTest : public ComplianceServiceTest {
 protected:
  // Reads `config` and decodes the state; fails the test when there is none.
  Value ReadState(std::map<std::string, Value> config,
                  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* diags) {
    const tfplugin6::ReadDataSource::Response response =
        driver_.ReadData(kDataSource, DataSourceConfig(config));
    *diags = response.diagnostics();
    EXPECT_FALSE(response.state().msgpack().empty()) << Describe(response.diagnostics());
    EXPECT_TRUE(response.state().json().empty());
    absl::StatusOr<Value> state = cty::DecodeMsgpack(response.state().msgpack(), DataSourceType());
    EXPECT_TRUE(state.ok()) << state.status();
    return state.ok() ? *state : Value();
  }
};

TEST_F(ReadDataSourceTest, CompliantTaskReturnsAWhollyKnownStateAndNoDiagnostics) {
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> diags;
  const Value compatibilities = Value::Set(Type::String(), {Value::String("FARGATE")});
  const Value state = ReadState({{"family", Value::String("web")},
                                 {"pid_mode", Value::String("task")},
                                 {"network_mode", Value::String("awsvpc")},
                                 {"requires_compatibilities", compatibilities}},
                                &diags);
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
  ASSERT_TRUE(state.is_known());
  EXPECT_TRUE(state.IsWhollyKnown());
  EXPECT_EQ(state.type(), DataSourceType());
  // Inputs echoed, unset ones null.
  EXPECT_EQ(state.GetAttr("family"), Value::String("web"));
  EXPECT_EQ(state.GetAttr("pid_mode"), Value::String("task"));
  EXPECT_EQ(state.GetAttr("network_mode"), Value::String("awsvpc"));
  EXPECT_EQ(state.GetAttr("requires_compatibilities"), compatibilities);
  EXPECT_TRUE(state.GetAttr("ipc_mode").is_null());
  EXPECT_TRUE(state.GetAttr("container_definitions").is_null());
  EXPECT_TRUE(state.GetAttr("task_definition_json").is_null());
  EXPECT_TRUE(state.GetAttr("enforcement").is_null());
  // Computed ones filled.
  EXPECT_EQ(state.GetAttr("compliant"), Value::Bool(true));
  ASSERT_TRUE(state.GetAttr("findings").is_known());
  EXPECT_TRUE(state.GetAttr("findings").Elements().empty());
  ASSERT_TRUE(state.GetAttr("report_json").is_known());
  const nlohmann::json report = nlohmann::json::parse(state.GetAttr("report_json").AsString());
  EXPECT_EQ(report["family"], "web");
  EXPECT_EQ(report["compliant"], true);
  EXPECT_TRUE(report["findings"].empty());
  EXPECT_EQ(report["controls"].size(), checks::Catalog().size());
}

TEST_F(ReadDataSourceTest, EmptyConfigIsCompliantWithNullFamilyInTheReport) {
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> diags;
  const Value state = ReadState({}, &diags);
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
  EXPECT_TRUE(state.IsWhollyKnown());
  EXPECT_EQ(state.GetAttr("compliant"), Value::Bool(true));
  const nlohmann::json report = nlohmann::json::parse(state.GetAttr("report_json").AsString());
  EXPECT_TRUE(report["family"].is_null());
}

TEST_F(ReadDataSourceTest, WarningLevelFindingIsInTheStateButNotRepeatedAsADiagnostic) {
  // Terraform validates right before every read and shows the warnings then.
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> diags;
  const Value state =
      ReadState({{"family", Value::String("web")}, {"ipc_mode", Value::String("host")}}, &diags);
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
  EXPECT_TRUE(state.IsWhollyKnown());
  EXPECT_EQ(state.GetAttr("ipc_mode"), Value::String("host"));
  EXPECT_EQ(state.GetAttr("compliant"), Value::Bool(false));
  const std::vector<Value>& findings = state.GetAttr("findings").Elements();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].GetAttr("control_id"), Value::String(kIpc));
  EXPECT_EQ(findings[0].GetAttr("level"), Value::String("warning"));
  EXPECT_EQ(findings[0].GetAttr("attribute"), Value::String("ipc_mode"));
  EXPECT_EQ(findings[0].GetAttr("severity"), Value::String("high"));

  const nlohmann::json report = nlohmann::json::parse(state.GetAttr("report_json").AsString());
  EXPECT_EQ(report["compliant"], false);
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["control_id"], kIpc);
  EXPECT_EQ(report["findings"][0]["level"], "warning");
}

TEST_F(ReadDataSourceTest, ValidateStillWarnsAboutWhatReadLeavesOut) {
  ASSERT_EQ(driver_.Configure(ProviderConfig(Value::Null(Type::String()))).diagnostics_size(), 0);
  const auto diags =
      driver_.ValidateData(kDataSource, DataSourceConfig({{"ipc_mode", Value::String("host")}}))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::WARNING);
  EXPECT_EQ(PathString(diags[0]), "ipc_mode");
}

TEST_F(ReadDataSourceTest, ReadRepeatsErrorsButNotWarnings) {
  const tfplugin6::ReadDataSource::Response response = driver_.ReadData(
      kDataSource,
      DataSourceConfig({{"pid_mode", Value::String("host")}, {"ipc_mode", Value::String("host")}}));
  ASSERT_EQ(response.diagnostics_size(), 1) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(response.diagnostics(0).summary(), kPidSummary);
  EXPECT_EQ(PathString(response.diagnostics(0)), "pid_mode");
}

TEST_F(ReadDataSourceTest, AdvisoryModeReadReturnsTheStateWithTheFindingAtWarning) {
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> diags;
  const Value state = ReadState(
      {{"pid_mode", Value::String("host")}, {"enforcement", Value::String("warning")}}, &diags);
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
  EXPECT_EQ(state.GetAttr("compliant"), Value::Bool(false));
  const std::vector<Value>& findings = state.GetAttr("findings").Elements();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].GetAttr("control_id"), Value::String(kPid));
  EXPECT_EQ(findings[0].GetAttr("level"), Value::String("warning"));
  EXPECT_EQ(state.GetAttr("enforcement"), Value::String("warning"));
}

TEST_F(ReadDataSourceTest, ControlSetOffIsListedAsOffAndDoesNotAffectCompliant) {
  const Value controls = Value::Map(Type::String(), {{kPid, Value::String("off")}});
  ASSERT_EQ(driver_.ValidateProvider(ProviderConfig(Value::Null(Type::String()), controls))
                .diagnostics_size(),
            0);
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> diags;
  const Value state = ReadState({{"pid_mode", Value::String("host")}}, &diags);
  EXPECT_EQ(diags.size(), 0) << Describe(diags);
  EXPECT_EQ(state.GetAttr("compliant"), Value::Bool(true));
  EXPECT_TRUE(state.GetAttr("findings").Elements().empty());
  const nlohmann::json report = nlohmann::json::parse(state.GetAttr("report_json").AsString());
  bool listed_off = false;
  for (const nlohmann::json& control : report["controls"]) {
    if (control["id"] == kPid) listed_off = control["status"] == "off";
  }
  EXPECT_TRUE(listed_off) << report.dump();
}

TEST_F(ReadDataSourceTest, ReadWorksWithoutGetProviderSchemaOrConfigure) {
  // get_provider_schema_optional: a fresh process may be asked to read first.
  compliance::Provider fresh;
  ServiceDriver driver(fresh);
  const tfplugin6::ReadDataSource::Response response =
      driver.ReadData(kDataSource, DataSourceConfig({{"pid_mode", Value::String("task")}}));
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  EXPECT_TRUE(cty::DecodeMsgpack(response.state().msgpack(), DataSourceType()).ok());
}

}  // namespace
}  // namespace server
