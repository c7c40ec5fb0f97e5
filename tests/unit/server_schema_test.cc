// File: tests/unit/server_schema_test.cc
//
// The service's metadata and schemas as Terraform reads them: what PRODUCT.md
// promises, every RPC answering OK even to a default request.

#include <map>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/message_lite.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "provider/compliance/findings.h"
#include "tests/unit/server_service_driver.h"

namespace server {
namespace {

// A message's bytes in deterministic order (map entries sorted): equal bytes,
// equal messages. The generated code is protobuf's lite runtime, which has no
// reflection for MessageDifferencer.
std::string DeterministicBytes(const google::protobuf::MessageLite& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    EXPECT_TRUE(message.SerializeToCodedStream(&coded));
  }
  return bytes;
}

// ---------------------------------------------------------------------------
// Metadata and schema

TEST_F(ComplianceServiceTest, GetMetadataMakesTheSchemaOptionalAndListsEverything) {
  tfplugin6::GetMetadataRpc::Request request;
  tfplugin6::GetMetadataRpc::Response response;
  ASSERT_TRUE(driver_.service().GetMetadata(driver_.context(), &request, &response).ok());
  EXPECT_TRUE(response.server_capabilities().get_provider_schema_optional());
  ASSERT_EQ(response.data_sources_size(), 1);
  EXPECT_EQ(response.data_sources(0).type_name(), kDataSource);
  std::vector<std::string> functions;
  for (const auto& f : response.functions()) functions.push_back(f.name());
  EXPECT_EQ(functions,
            (std::vector<std::string>{"ecs_pid_mode_compliant", "check_ecs_task_definition",
                                      "assert_ecs_task_definition"}));
  EXPECT_EQ(response.resources_size(), 0);
  EXPECT_EQ(response.diagnostics_size(), 0);
}

TEST_F(ComplianceServiceTest, ProviderSchemaHasOptionalEnforcementAndControls) {
  const tfplugin6::GetProviderSchema::Response response = driver_.GetSchema();
  EXPECT_EQ(response.diagnostics_size(), 0);
  EXPECT_TRUE(response.server_capabilities().get_provider_schema_optional());
  ASSERT_TRUE(response.has_provider());
  ASSERT_TRUE(response.provider().has_block());
  std::map<std::string, Type> types;
  for (const tfplugin6::Schema::Attribute& a : response.provider().block().attributes()) {
    SCOPED_TRACE(a.name());
    EXPECT_TRUE(a.optional());
    EXPECT_FALSE(a.required());
    EXPECT_FALSE(a.computed());
    absl::StatusOr<Type> type = cty::ParseTypeJson(a.type());
    ASSERT_TRUE(type.ok()) << type.status();
    types.emplace(a.name(), *type);
  }
  EXPECT_EQ(types, (std::map<std::string, Type>{{"enforcement", Type::String()},
                                                {"controls", Type::Map(Type::String())}}));
}

TEST_F(ComplianceServiceTest, DataSourceSchemaHasEveryAttributeOfTheProduct) {
  const tfplugin6::GetProviderSchema::Response response = driver_.GetSchema();
  ASSERT_EQ(response.data_source_schemas_size(), 1);
  ASSERT_TRUE(response.data_source_schemas().count(kDataSource) == 1);
  const tfplugin6::Schema& schema = response.data_source_schemas().at(kDataSource);
  ASSERT_TRUE(schema.has_block());

  const Type finding = Type::Object({{"control_id", Type::String()},
                                     {"title", Type::String()},
                                     {"severity", Type::String()},
                                     {"level", Type::String()},
                                     {"attribute", Type::String()},
                                     {"message", Type::String()},
                                     {"remediation", Type::String()},
                                     {"references", Type::List(Type::String())},
                                     {"waiver_reason", Type::String()},
                                     {"waiver_expires", Type::String()}});
  struct Expected {
    Type type;
    bool computed;
  };
  const std::map<std::string, Expected> expected = {
      {"family", {Type::String(), false}},
      {"pid_mode", {Type::String(), false}},
      {"ipc_mode", {Type::String(), false}},
      {"network_mode", {Type::String(), false}},
      {"requires_compatibilities", {Type::Set(Type::String()), false}},
      {"container_definitions", {Type::String(), false}},
      {"task_definition_json", {Type::String(), false}},
      {"enforcement", {Type::String(), false}},
      {"waivers",
       {Type::List(Type::Object({{"control_id", Type::String()},
                                 {"reason", Type::String()},
                                 {"expires", Type::String()}},
                                {"expires"})),
        false}},
      {"compliant", {Type::Bool(), true}},
      {"findings", {Type::List(finding), true}},
      {"report_json", {Type::String(), true}},
  };
  std::set<std::string> seen;
  for (const tfplugin6::Schema::Attribute& a : schema.block().attributes()) {
    SCOPED_TRACE(a.name());
    seen.insert(a.name());
    auto it = expected.find(a.name());
    ASSERT_NE(it, expected.end()) << "attribute not in PRODUCT.md";
    absl::StatusOr<Type> type = cty::ParseTypeJson(a.type());
    ASSERT_TRUE(type.ok()) << type.status();
    EXPECT_EQ(*type, it->second.type) << a.type();
    EXPECT_FALSE(a.required());
    EXPECT_EQ(a.optional(), !it->second.computed);
    EXPECT_EQ(a.computed(), it->second.computed);
    EXPECT_FALSE(a.description().empty());
  }
  EXPECT_EQ(seen.size(), expected.size());
  // runtime_platform is a block, as on aws_ecs_task_definition: at most one.
  ASSERT_EQ(schema.block().block_types_size(), 1);
  const tfplugin6::Schema::NestedBlock& platform = schema.block().block_types(0);
  EXPECT_EQ(platform.type_name(), "runtime_platform");
  EXPECT_EQ(platform.nesting(), tfplugin6::Schema::NestedBlock::LIST);
  EXPECT_EQ(platform.max_items(), 1);
  std::set<std::string> platform_attributes;
  for (const auto& a : platform.block().attributes()) {
    EXPECT_TRUE(a.optional()) << a.name();
    platform_attributes.insert(a.name());
  }
  EXPECT_EQ(platform_attributes,
            (std::set<std::string>{"operating_system_family", "cpu_architecture"}));
}

TEST_F(ComplianceServiceTest, EverySchemaNameIsLowercaseSnakeCase) {
  const tfplugin6::GetProviderSchema::Response response = driver_.GetSchema();
  auto valid = [](const std::string& name) {
    return !name.empty() &&
           name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  };
  for (const auto& a : response.provider().block().attributes())
    EXPECT_TRUE(valid(a.name())) << a.name();
  for (const auto& [name, schema] : response.data_source_schemas()) {
    EXPECT_TRUE(valid(name)) << name;
    for (const auto& a : schema.block().attributes()) EXPECT_TRUE(valid(a.name())) << a.name();
  }
  for (const auto& [name, function] : response.functions()) {
    EXPECT_TRUE(valid(name)) << name;
    for (const auto& p : function.parameters()) EXPECT_TRUE(valid(p.name())) << p.name();
  }
}

TEST_F(ComplianceServiceTest, SchemaFunctionsEqualGetFunctions) {
  const tfplugin6::GetProviderSchema::Response schema = driver_.GetSchema();
  tfplugin6::GetFunctions::Request request;
  tfplugin6::GetFunctions::Response functions;
  ASSERT_TRUE(driver_.service().GetFunctions(driver_.context(), &request, &functions).ok());
  EXPECT_EQ(functions.diagnostics_size(), 0);
  ASSERT_EQ(schema.functions_size(), 3);
  ASSERT_EQ(functions.functions_size(), schema.functions_size());
  for (const auto& [name, function] : schema.functions()) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(functions.functions().count(name) == 1);
    EXPECT_EQ(DeterministicBytes(function), DeterministicBytes(functions.functions().at(name)));
    ASSERT_TRUE(function.has_return_());
    EXPECT_TRUE(cty::ParseTypeJson(function.return_().type()).ok()) << function.return_().type();
  }
}

TEST_F(ComplianceServiceTest, FunctionSignaturesMatchTheProduct) {
  const tfplugin6::GetProviderSchema::Response schema = driver_.GetSchema();
  const tfplugin6::Function& pid = schema.functions().at("ecs_pid_mode_compliant");
  ASSERT_EQ(pid.parameters_size(), 1);
  EXPECT_EQ(pid.parameters(0).type(), "\"string\"");
  EXPECT_TRUE(pid.parameters(0).allow_null_value());
  EXPECT_EQ(pid.return_().type(), "\"bool\"");
  for (const char* name : {"check_ecs_task_definition", "assert_ecs_task_definition"}) {
    SCOPED_TRACE(name);
    const tfplugin6::Function& f = schema.functions().at(name);
    ASSERT_EQ(f.parameters_size(), 1);
    EXPECT_EQ(f.parameters(0).name(), "task_definition");
    EXPECT_EQ(f.parameters(0).type(), "\"dynamic\"");
    EXPECT_FALSE(f.parameters(0).allow_null_value());
    EXPECT_TRUE(f.parameters(0).allow_unknown_values());
  }
  EXPECT_EQ(schema.functions().at("assert_ecs_task_definition").return_().type(), "\"bool\"");
}

TEST_F(ComplianceServiceTest, ResourceIdentitySchemasAreEmpty) {
  tfplugin6::GetResourceIdentitySchemas::Request request;
  tfplugin6::GetResourceIdentitySchemas::Response response;
  ASSERT_TRUE(
      driver_.service().GetResourceIdentitySchemas(driver_.context(), &request, &response).ok());
  EXPECT_EQ(response.identity_schemas_size(), 0);
  EXPECT_EQ(response.diagnostics_size(), 0);
}

TEST_F(ComplianceServiceTest, StopProviderAnswersWithAnEmptyError) {
  tfplugin6::StopProvider::Request request;
  tfplugin6::StopProvider::Response response;
  ASSERT_TRUE(driver_.service().StopProvider(driver_.context(), &request, &response).ok());
  EXPECT_EQ(response.error(), "");
}

TEST_F(ComplianceServiceTest, EveryRpcAnswersOkToADefaultRequest) {
  ProviderService& s = driver_.service();
  grpc::ServerContext* c = driver_.context();
  {
    tfplugin6::GetMetadataRpc::Request q;
    tfplugin6::GetMetadataRpc::Response r;
    EXPECT_TRUE(s.GetMetadata(c, &q, &r).ok());
  }
  {
    tfplugin6::GetProviderSchema::Request q;
    tfplugin6::GetProviderSchema::Response r;
    EXPECT_TRUE(s.GetProviderSchema(c, &q, &r).ok());
  }
  {
    tfplugin6::GetFunctions::Request q;
    tfplugin6::GetFunctions::Response r;
    EXPECT_TRUE(s.GetFunctions(c, &q, &r).ok());
  }
  {
    tfplugin6::GetResourceIdentitySchemas::Request q;
    tfplugin6::GetResourceIdentitySchemas::Response r;
    EXPECT_TRUE(s.GetResourceIdentitySchemas(c, &q, &r).ok());
  }
  // The rest have an empty config or no name: each says so in a diagnostic.
  {
    tfplugin6::ValidateProviderConfig::Request q;
    tfplugin6::ValidateProviderConfig::Response r;
    EXPECT_TRUE(s.ValidateProviderConfig(c, &q, &r).ok());
    EXPECT_EQ(CountSeverity(r.diagnostics(), tfplugin6::Diagnostic::ERROR), 1)
        << Describe(r.diagnostics());
  }
  {
    tfplugin6::ConfigureProvider::Request q;
    tfplugin6::ConfigureProvider::Response r;
    EXPECT_TRUE(s.ConfigureProvider(c, &q, &r).ok());
    EXPECT_EQ(CountSeverity(r.diagnostics(), tfplugin6::Diagnostic::ERROR), 1)
        << Describe(r.diagnostics());
  }
  {
    tfplugin6::ValidateDataResourceConfig::Request q;
    tfplugin6::ValidateDataResourceConfig::Response r;
    EXPECT_TRUE(s.ValidateDataResourceConfig(c, &q, &r).ok());
    EXPECT_EQ(CountSeverity(r.diagnostics(), tfplugin6::Diagnostic::ERROR), 1)
        << Describe(r.diagnostics());
  }
  {
    tfplugin6::ReadDataSource::Request q;
    tfplugin6::ReadDataSource::Response r;
    EXPECT_TRUE(s.ReadDataSource(c, &q, &r).ok());
    EXPECT_EQ(CountSeverity(r.diagnostics(), tfplugin6::Diagnostic::ERROR), 1)
        << Describe(r.diagnostics());
  }
  {
    tfplugin6::CallFunction::Request q;
    tfplugin6::CallFunction::Response r;
    EXPECT_TRUE(s.CallFunction(c, &q, &r).ok());
    EXPECT_TRUE(r.has_error());
  }
  {
    tfplugin6::StopProvider::Request q;
    tfplugin6::StopProvider::Response r;
    EXPECT_TRUE(s.StopProvider(c, &q, &r).ok());
  }
}

}  // namespace
}  // namespace server
