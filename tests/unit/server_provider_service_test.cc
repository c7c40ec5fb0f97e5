// The tfplugin6 Provider service as Terraform sees it: every RPC answers OK,
// whatever a user should read arrives as a diagnostic or a FunctionError,
// the schema matches PRODUCT.md, and provider settings reach data sources.

#include <map>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/server_context.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "provider/compliance/findings.h"
#include "provider/compliance/provider.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "provider/server/provider_service.h"

namespace server {
namespace {

using cty::Type;
using cty::Value;

constexpr char kDataSource[] = "compliancecheck_ecs_task_definition";
constexpr char kPid[] = "ecs_task_definition_no_host_pid_mode";
constexpr char kIpc[] = "ecs_task_definition_no_host_ipc_mode";
constexpr char kMisplaced[] = "ecs_container_definitions_misplaced_namespace_key";
constexpr char kPidSummary[] =
    "ECS task definition shares the host's process namespace (AWS Security Hub ECS.3)";

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string Encode(const Value& value, const Type& type) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::string();
}

tfplugin6::DynamicValue Msgpack(std::string bytes) {
  tfplugin6::DynamicValue v;
  v.set_msgpack(std::move(bytes));
  return v;
}

// `controls["nope"]`, `pid_mode`, `a[0]`: the path as a user would write it.
std::string PathString(const tfplugin6::Diagnostic& d) {
  std::string out;
  for (const tfplugin6::AttributePath::Step& s : d.attribute().steps()) {
    switch (s.selector_case()) {
      case tfplugin6::AttributePath::Step::kAttributeName:
        out += (out.empty() ? "" : ".") + s.attribute_name();
        break;
      case tfplugin6::AttributePath::Step::kElementKeyString:
        out += "[\"" + s.element_key_string() + "\"]";
        break;
      case tfplugin6::AttributePath::Step::kElementKeyInt:
        out += "[" + std::to_string(s.element_key_int()) + "]";
        break;
      default:
        out += "<empty step>";
    }
  }
  return out;
}

std::string Describe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) {
  std::string out;
  for (const tfplugin6::Diagnostic& d : diags) {
    out += tfplugin6::Diagnostic::Severity_Name(d.severity()) + " [" + PathString(d) + "] " +
           d.summary() + ": " + d.detail() + "\n";
  }
  return out.empty() ? "(no diagnostics)" : out;
}

int CountSeverity(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags,
                  tfplugin6::Diagnostic::Severity severity) {
  int n = 0;
  for (const tfplugin6::Diagnostic& d : diags) n += d.severity() == severity ? 1 : 0;
  return n;
}

// Drives a ProviderService the way Terraform does, one RPC at a time.
class ServiceDriver {
 public:
  explicit ServiceDriver(tf::Provider& provider) : service_(provider) {}

  ProviderService& service() { return service_; }
  grpc::ServerContext* context() { return &context_; }

  tfplugin6::ValidateProviderConfig::Response ValidateProvider(tfplugin6::DynamicValue config) {
    tfplugin6::ValidateProviderConfig::Request request;
    *request.mutable_config() = std::move(config);
    tfplugin6::ValidateProviderConfig::Response response;
    EXPECT_TRUE(service_.ValidateProviderConfig(&context_, &request, &response).ok());
    return response;
  }

  tfplugin6::ConfigureProvider::Response Configure(tfplugin6::DynamicValue config) {
    tfplugin6::ConfigureProvider::Request request;
    request.set_terraform_version("1.11.0");
    *request.mutable_config() = std::move(config);
    tfplugin6::ConfigureProvider::Response response;
    EXPECT_TRUE(service_.ConfigureProvider(&context_, &request, &response).ok());
    return response;
  }

  tfplugin6::ValidateDataResourceConfig::Response ValidateData(std::string type_name,
                                                               tfplugin6::DynamicValue config) {
    tfplugin6::ValidateDataResourceConfig::Request request;
    request.set_type_name(std::move(type_name));
    *request.mutable_config() = std::move(config);
    tfplugin6::ValidateDataResourceConfig::Response response;
    EXPECT_TRUE(service_.ValidateDataResourceConfig(&context_, &request, &response).ok());
    return response;
  }

  tfplugin6::ReadDataSource::Response ReadData(std::string type_name,
                                               tfplugin6::DynamicValue config) {
    tfplugin6::ReadDataSource::Request request;
    request.set_type_name(std::move(type_name));
    *request.mutable_config() = std::move(config);
    tfplugin6::ReadDataSource::Response response;
    EXPECT_TRUE(service_.ReadDataSource(&context_, &request, &response).ok());
    return response;
  }

  tfplugin6::CallFunction::Response Call(std::string name,
                                         std::vector<tfplugin6::DynamicValue> arguments) {
    tfplugin6::CallFunction::Request request;
    request.set_name(std::move(name));
    for (tfplugin6::DynamicValue& a : arguments) *request.add_arguments() = std::move(a);
    tfplugin6::CallFunction::Response response;
    EXPECT_TRUE(service_.CallFunction(&context_, &request, &response).ok());
    return response;
  }

  tfplugin6::GetProviderSchema::Response GetSchema() {
    tfplugin6::GetProviderSchema::Request request;
    tfplugin6::GetProviderSchema::Response response;
    EXPECT_TRUE(service_.GetProviderSchema(&context_, &request, &response).ok());
    return response;
  }

 private:
  ProviderService service_;
  grpc::ServerContext context_;
};

// The real compliancecheck provider behind a service.
class ComplianceServiceTest : public testing::Test {
 protected:
  Type ProviderType() const { return provider_.GetSchema().block.ObjectType(); }
  Type DataSourceType() const {
    return provider_.FindDataSource(kDataSource)->GetSchema().block.ObjectType();
  }

  // The provider block with `enforcement` and `controls` (null when omitted).
  tfplugin6::DynamicValue ProviderConfig(Value enforcement, Value controls) const {
    return Msgpack(Encode(Value::Object({{"enforcement", enforcement}, {"controls", controls}}),
                          ProviderType()));
  }
  tfplugin6::DynamicValue ProviderConfig(Value enforcement) const {
    return ProviderConfig(std::move(enforcement), Value::Null(Type::Map(Type::String())));
  }

  // The data source's configuration: every attribute null unless given.
  Value DataSourceValue(std::map<std::string, Value> given) const {
    std::map<std::string, Value> attributes;
    const Type object = DataSourceType();
    for (const auto& [name, type] : object.attributes()) {
      auto it = given.find(name);
      attributes.emplace(name, it != given.end() ? it->second : Value::Null(type));
    }
    return Value::Object(std::move(attributes));
  }
  tfplugin6::DynamicValue DataSourceConfig(std::map<std::string, Value> given) const {
    return Msgpack(Encode(DataSourceValue(std::move(given)), DataSourceType()));
  }

  static tfplugin6::DynamicValue Argument(const Value& value, const Type& type) {
    return Msgpack(Encode(value, type));
  }

  compliance::Provider provider_;
  ServiceDriver driver_{provider_};
};

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
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(function,
                                                                   functions.functions().at(name)));
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

// ---------------------------------------------------------------------------
// Bad input: a diagnostic naming the problem, never a non-OK status

struct BadConfigCase {
  std::string name;
  std::string type_name;  // empty: the real data source
  tfplugin6::DynamicValue config;
  std::string summary;
  std::vector<std::string> detail_mentions;
};

void PrintTo(const BadConfigCase& c, std::ostream* os) { *os << c.name; }

tfplugin6::DynamicValue BothEncodings() {
  tfplugin6::DynamicValue v;
  v.set_msgpack(std::string("\xc0", 1));
  v.set_json("null");
  return v;
}

tfplugin6::DynamicValue Json(std::string text) {
  tfplugin6::DynamicValue v;
  v.set_json(std::move(text));
  return v;
}

constexpr char kUndecodable[] = "Invalid data source configuration received from Terraform";

std::vector<BadConfigCase> BadDataSourceConfigs() {
  // A valid config (object of 11 attributes) is 0x8b followed by the pairs;
  // the truncated and trailing cases are built from it in the test.
  return {
      {"EmptyDynamicValue", "", tfplugin6::DynamicValue{}, kUndecodable, {"empty"}},
      {"MsgpackAndJsonBothSet", "", BothEncodings(), kUndecodable, {"both"}},
      {"TruncatedMsgpack",
       "",
       Msgpack(std::string("\x81\xa6", 2) + "fam"),
       kUndecodable,
       {"unexpected end of input"}},
      // The announced length is checked against the input before anything is allocated.
      {"MapLongerThanTheInput",
       "",
       Msgpack(std::string("\x8b\xa6", 2) + "fam"),
       kUndecodable,
       {"remain"}},
      {"HugeArrayAnnouncement",
       "",
       Msgpack(std::string("\xdd\xff\xff\xff\xff", 5)),
       kUndecodable,
       {"announces 4294967295 elements but only 0 bytes remain"}},
      {"NumberWhereTheObjectBelongs",
       "",
       Msgpack(std::string("\x05", 1)),
       kUndecodable,
       {"expected object"}},
      {"StringWhereTheObjectBelongs",
       "",
       Msgpack(std::string("\xa4host", 5)),
       kUndecodable,
       {"expected object"}},
      {"InvalidJson",
       "",
       Json("{\"pid_mode\":"),
       kUndecodable,
       {"invalid JSON at byte 13", "unexpected end of input"}},
      // An attribute name that is an integer (0x01), not a string.
      {"IntegerAttributeName",
       "",
       Msgpack(std::string("\x81\x01\xc0", 3)),
       kUndecodable,
       {"expected a string key, got integer"}},
      // 100,000 nested one-element arrays: the schema wants an object at the
      // top, so the decoder stops at the first byte instead of recursing
      // (nothing in this schema nests deeper than findings[].references[]).
      {"HundredThousandDeepArray",
       "",
       Msgpack(std::string(100000, '\x91') + '\xc0'),
       kUndecodable,
       {"expected object, got array"}},
      {"UnknownDataSourceTypeName",
       "compliancecheck_nope",
       Msgpack(std::string("\xc0", 1)),
       "Unknown data source type",
       {"compliancecheck_nope"}},
      {"EmptyDataSourceTypeName",
       "-",
       Msgpack(std::string("\xc0", 1)),
       "Unknown data source type",
       {"no data source \"\""}},
  };
}

class BadDataSourceConfigTest : public ComplianceServiceTest,
                                public testing::WithParamInterface<BadConfigCase> {
 protected:
  std::string TypeName() const {
    if (GetParam().type_name.empty()) return kDataSource;
    if (GetParam().type_name == "-") return "";
    return GetParam().type_name;
  }
  void ExpectOneNamedError(
      const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) const {
    ASSERT_EQ(diags.size(), 1) << Describe(diags);
    EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_EQ(diags[0].summary(), GetParam().summary);
    EXPECT_FALSE(diags[0].detail().empty());
    for (const std::string& part : GetParam().detail_mentions) {
      EXPECT_TRUE(Contains(diags[0].detail(), part))
          << "missing \"" << part << "\" in: " << diags[0].detail();
    }
  }
};

TEST_P(BadDataSourceConfigTest, ValidateReportsADiagnosticNotAStatus) {
  ExpectOneNamedError(driver_.ValidateData(TypeName(), GetParam().config).diagnostics());
}

TEST_P(BadDataSourceConfigTest, ReadReportsADiagnosticAndNoState) {
  const tfplugin6::ReadDataSource::Response response =
      driver_.ReadData(TypeName(), GetParam().config);
  ExpectOneNamedError(response.diagnostics());
  EXPECT_TRUE(response.state().msgpack().empty());
}

INSTANTIATE_TEST_SUITE_P(Inputs, BadDataSourceConfigTest, testing::ValuesIn(BadDataSourceConfigs()),
                         [](const testing::TestParamInfo<BadConfigCase>& info) {
                           return info.param.name;
                         });

TEST_F(ComplianceServiceTest, TrailingBytesAfterTheConfigAreAnError) {
  tfplugin6::DynamicValue config = DataSourceConfig({{"pid_mode", Value::String("task")}});
  config.mutable_msgpack()->push_back('\xc0');
  const auto diags = driver_.ValidateData(kDataSource, config).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(diags[0].summary(), kUndecodable);
  EXPECT_TRUE(Contains(diags[0].detail(), "unexpected bytes after the value")) << diags[0].detail();
}

TEST_F(ComplianceServiceTest, ValidConfigCutShortIsAnError) {
  tfplugin6::DynamicValue config = DataSourceConfig({{"pid_mode", Value::String("task")}});
  config.mutable_msgpack()->resize(config.msgpack().size() - 2);
  const auto diags = driver_.ValidateData(kDataSource, config).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), kUndecodable);
  EXPECT_TRUE(Contains(diags[0].detail(), "unexpected end of input")) << diags[0].detail();
}

TEST_F(ComplianceServiceTest, AttributeOfTheWrongTypeIsAnErrorNamingIt) {
  // pid_mode as a bool inside an otherwise valid object.
  std::map<std::string, Type> attrs = DataSourceType().attributes();
  attrs["pid_mode"] = Type::Bool();
  const Type wrong = Type::Object(attrs);
  std::map<std::string, Value> values;
  for (const auto& [name, type] : attrs) values.emplace(name, Value::Null(type));
  values["pid_mode"] = Value::Bool(true);
  const auto diags =
      driver_.ValidateData(kDataSource, Msgpack(Encode(Value::Object(values), wrong)))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), kUndecodable);
  EXPECT_TRUE(Contains(diags[0].detail(), "pid_mode")) << diags[0].detail();
}

struct BadProviderConfigCase {
  std::string name;
  tfplugin6::DynamicValue config;
  std::string detail_mention;
};

void PrintTo(const BadProviderConfigCase& c, std::ostream* os) { *os << c.name; }

class BadProviderConfigTest : public ComplianceServiceTest,
                              public testing::WithParamInterface<BadProviderConfigCase> {};

TEST_P(BadProviderConfigTest, ValidateAndConfigureReportADiagnosticNotAStatus) {
  for (const auto& diags : {driver_.ValidateProvider(GetParam().config).diagnostics(),
                            driver_.Configure(GetParam().config).diagnostics()}) {
    ASSERT_EQ(diags.size(), 1) << Describe(diags);
    EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_EQ(diags[0].summary(), "Invalid provider configuration received from Terraform");
    EXPECT_TRUE(Contains(diags[0].detail(), GetParam().detail_mention)) << diags[0].detail();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, BadProviderConfigTest,
    testing::Values(BadProviderConfigCase{"EmptyDynamicValue", tfplugin6::DynamicValue{}, "empty"},
                    BadProviderConfigCase{"MsgpackAndJsonBothSet", BothEncodings(), "both"},
                    BadProviderConfigCase{"TruncatedMsgpack",
                                          Msgpack(std::string("\x82\xab"
                                                              "enforce",
                                                              9)),
                                          "unexpected end of input"},
                    BadProviderConfigCase{"NumberWhereTheObjectBelongs",
                                          Msgpack(std::string("\x05", 1)), "expected object"},
                    // controls is a map(string); its one key is the integer 1.
                    BadProviderConfigCase{"IntegerKeyInTheControlsMap",
                                          Msgpack(std::string("\x82\xa8"
                                                              "controls\x81\x01\xa5"
                                                              "error\xab"
                                                              "enforcement\xc0",
                                                              31)),
                                          "controls: expected a string key, got integer"}),
    [](const testing::TestParamInfo<BadProviderConfigCase>& info) { return info.param.name; });

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

// Content faults: the configuration decodes, but the JSON text in
// container_definitions or task_definition_json cannot be used. Terraform
// must show one error on that argument's line (the attribute path), with a
// detail short enough to read and valid UTF-8 (Terraform's protobuf refuses
// a string field that is not, and would report a broken provider instead).

struct ContentFaultCase {
  std::string name;
  std::string attribute;    // container_definitions or task_definition_json
  std::string (*text)();    // built in the test: the 50 MiB ones are not kept around
  std::string detail_part;  // follows "<attribute> " in the detail
};

void PrintTo(const ContentFaultCase& c, std::ostream* os) { *os << c.name; }

constexpr size_t kFiftyMebibytes = size_t{50} << 20;

// Valid JSON of exactly 50 MiB: `prefix`, [{"name":"x"},...] padded with
// spaces, `suffix`.
std::string FiftyMebibytesOfContainers(std::string prefix, std::string_view suffix) {
  constexpr std::string_view kElement = R"({"name":"x"})";
  std::string text = std::move(prefix);
  text.reserve(kFiftyMebibytes);
  text += '[';
  text += kElement;
  while (text.size() + 1 + kElement.size() + 1 + suffix.size() <= kFiftyMebibytes) {
    text += ',';
    text += kElement;
  }
  text.append(kFiftyMebibytes - text.size() - 1 - suffix.size(), ' ');
  text += ']';
  text += suffix;
  return text;
}

std::vector<ContentFaultCase> ContentFaults() {
  constexpr char kTooLarge[] = "is 52428800 bytes long, more than the 4194304 bytes this provider";
  constexpr char kBadUtf8[] = "is not valid JSON: invalid string: ill-formed UTF-8 byte";
  constexpr char kNul[] = "is not valid JSON: a NUL byte is not allowed";
  constexpr char kTooDeep[] = "nests arrays and objects deeper than 64 levels";
  return {
      {"ContainersFiftyMebibytes", "container_definitions",
       [] { return FiftyMebibytesOfContainers("", ""); }, kTooLarge},
      {"ContainersInvalidUtf8", "container_definitions",
       [] { return std::string("[{\"name\":\"\xff\xfe\"}]"); }, kBadUtf8},
      {"ContainersNulInsideAString", "container_definitions",
       [] { return std::string("[{\"name\":\"a\0b\"}]", 16); }, kNul},
      {"ContainersHundredThousandDeep", "container_definitions",
       [] { return std::string(100000, '['); }, kTooDeep},
      {"DocumentFiftyMebibytes", "task_definition_json",
       [] { return FiftyMebibytesOfContainers(R"({"family":"web","containerDefinitions":)", "}"); },
       kTooLarge},
      {"DocumentInvalidUtf8", "task_definition_json",
       [] { return std::string("{\"family\":\"\xff\xfe\"}"); }, kBadUtf8},
      {"DocumentNulInsideAString", "task_definition_json",
       [] { return std::string("{\"family\":\"a\0b\"}", 17); }, kNul},
      {"DocumentHundredThousandDeep", "task_definition_json",
       [] { return R"({"family":"x","volumes":)" + std::string(100000, '['); }, kTooDeep},
      // The same brackets as the whole document: its shape is wrong before its depth is.
      {"DocumentIsAHundredThousandDeepArray", "task_definition_json",
       [] { return std::string(100000, '['); },
       "must be a JSON object (a DescribeTaskDefinition or RegisterTaskDefinition document), but "
       "it is an array"},
  };
}

bool IsValidUtf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();  // the strict handler throws on invalid UTF-8
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

class ContentFaultTest : public ComplianceServiceTest,
                         public testing::WithParamInterface<ContentFaultCase> {
 protected:
  tfplugin6::DynamicValue Config() const {
    return DataSourceConfig({{GetParam().attribute, Value::String(GetParam().text())}});
  }
  void ExpectOneErrorOnTheAttribute(
      const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) const {
    const ContentFaultCase& c = GetParam();
    ASSERT_EQ(diags.size(), 1) << Describe(diags).substr(0, 2000);
    const tfplugin6::Diagnostic& d = diags[0];
    EXPECT_EQ(d.severity(), tfplugin6::Diagnostic::ERROR);
    // Too large and too deep are named for what they are, not "invalid".
    const bool too_large = Contains(c.detail_part, "bytes long");
    const bool too_deep = Contains(c.detail_part, "deeper than");
    EXPECT_EQ(d.summary(), too_large  ? c.attribute + " is too large to check"
                           : too_deep ? c.attribute + " is nested too deeply to check"
                           : c.attribute == "container_definitions"
                               ? "Invalid container_definitions JSON"
                               : "Invalid task_definition_json document");
    ASSERT_EQ(d.attribute().steps_size(), 1) << PathString(d);
    EXPECT_EQ(d.attribute().steps(0).attribute_name(), c.attribute);
    EXPECT_TRUE(Contains(d.detail(), c.attribute + " " + c.detail_part))
        << d.detail().substr(0, 2000);
    EXPECT_LT(d.detail().size(), 1000u) << "the detail quotes too much of the input";
    EXPECT_TRUE(IsValidUtf8(d.summary()) && IsValidUtf8(d.detail())) << d.detail().substr(0, 2000);
  }
};

TEST_P(ContentFaultTest, ValidateReportsOneErrorOnTheAttribute) {
  ExpectOneErrorOnTheAttribute(driver_.ValidateData(kDataSource, Config()).diagnostics());
}

TEST_P(ContentFaultTest, ReadReportsOneErrorOnTheAttributeAndNoState) {
  const tfplugin6::ReadDataSource::Response response = driver_.ReadData(kDataSource, Config());
  ExpectOneErrorOnTheAttribute(response.diagnostics());
  EXPECT_TRUE(response.state().msgpack().empty());
}

INSTANTIATE_TEST_SUITE_P(Inputs, ContentFaultTest, testing::ValuesIn(ContentFaults()),
                         [](const testing::TestParamInfo<ContentFaultCase>& info) {
                           return info.param.name;
                         });

// ---------------------------------------------------------------------------
// CallFunction

TEST_F(ComplianceServiceTest, CallFunctionReturnsTheResult) {
  const auto response =
      driver_.Call("ecs_pid_mode_compliant", {Argument(Value::String("host"), Type::String())});
  ASSERT_FALSE(response.has_error()) << response.error().text();
  absl::StatusOr<Value> result = cty::DecodeMsgpack(response.result().msgpack(), Type::Bool());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(*result, Value::Bool(false));
}

TEST_F(ComplianceServiceTest, CallFunctionReturnsAnUnknownResultForAnUnknownArgument) {
  const auto response = driver_.Call(
      "check_ecs_task_definition",
      {Argument(Value::Object({{"pid_mode", Value::Unknown(Type::String())}}), Type::Dynamic())});
  ASSERT_FALSE(response.has_error()) << response.error().text();
  const Type result_type =
      Type::Object({{"compliant", Type::Bool()}, {"findings", compliance::FindingListType()}});
  absl::StatusOr<Value> result = cty::DecodeMsgpack(response.result().msgpack(), result_type);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->is_unknown());
}

TEST_F(ComplianceServiceTest, UnknownFunctionNameIsAFunctionErrorNamingIt) {
  const auto response = driver_.Call("no_such_function", {});
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "no_such_function")) << response.error().text();
  EXPECT_FALSE(response.error().has_function_argument());
  EXPECT_FALSE(response.has_result());
}

struct ArityCase {
  std::string name;
  std::string function;
  int arguments;
};

void PrintTo(const ArityCase& c, std::ostream* os) { *os << c.name; }

class WrongArityTest : public ComplianceServiceTest,
                       public testing::WithParamInterface<ArityCase> {};

TEST_P(WrongArityTest, IsAFunctionErrorWithoutArgumentIndex) {
  std::vector<tfplugin6::DynamicValue> args;
  for (int i = 0; i < GetParam().arguments; ++i)
    args.push_back(Argument(Value::String("task"), Type::String()));
  const auto response = driver_.Call(GetParam().function, args);
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "expected 1 argument")) << response.error().text();
  EXPECT_FALSE(response.error().has_function_argument());
  EXPECT_FALSE(response.has_result());
}

INSTANTIATE_TEST_SUITE_P(
    Calls, WrongArityTest,
    testing::Values(ArityCase{"NoArguments", "ecs_pid_mode_compliant", 0},
                    ArityCase{"TwoArguments", "ecs_pid_mode_compliant", 2},
                    ArityCase{"CheckWithNone", "check_ecs_task_definition", 0},
                    ArityCase{"AssertWithThree", "assert_ecs_task_definition", 3}),
    [](const testing::TestParamInfo<ArityCase>& info) { return info.param.name; });

struct UndecodableArgumentCase {
  std::string name;
  std::string function;
  tfplugin6::DynamicValue argument;
};

void PrintTo(const UndecodableArgumentCase& c, std::ostream* os) { *os << c.name; }

class UndecodableArgumentTest : public ComplianceServiceTest,
                                public testing::WithParamInterface<UndecodableArgumentCase> {};

TEST_P(UndecodableArgumentTest, IsAFunctionErrorOnArgumentZero) {
  const auto response = driver_.Call(GetParam().function, {GetParam().argument});
  ASSERT_TRUE(response.has_error());
  ASSERT_TRUE(response.error().has_function_argument());
  EXPECT_EQ(response.error().function_argument(), 0);
  EXPECT_TRUE(Contains(response.error().text(), "decode")) << response.error().text();
  EXPECT_FALSE(response.has_result());
}

INSTANTIATE_TEST_SUITE_P(
    Arguments, UndecodableArgumentTest,
    testing::Values(UndecodableArgumentCase{"EmptyDynamicValue", "ecs_pid_mode_compliant",
                                            tfplugin6::DynamicValue{}},
                    UndecodableArgumentCase{"TruncatedString", "ecs_pid_mode_compliant",
                                            Msgpack(std::string("\xa5ho", 3))},
                    UndecodableArgumentCase{"ArrayForAString", "ecs_pid_mode_compliant",
                                            Msgpack(std::string("\x90", 1))},
                    UndecodableArgumentCase{"TrailingBytes", "ecs_pid_mode_compliant",
                                            Msgpack(std::string("\xa4task\xc0", 6))},
                    UndecodableArgumentCase{"DynamicWithoutTypeWrapper",
                                            "check_ecs_task_definition",
                                            Msgpack(std::string("\x81\xa8pid_mode\xa4host", 15))},
                    UndecodableArgumentCase{"DynamicWithInvalidTypeJson",
                                            "assert_ecs_task_definition",
                                            Msgpack(std::string("\x92\xc4\x04nope\xc0", 8))}),
    [](const testing::TestParamInfo<UndecodableArgumentCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// A provider whose data source and function throw: the service keeps serving.

class ThrowingDataSource final : public tf::DataSource {
 public:
  ThrowingDataSource() {
    tf::Attribute name{"name", Type::String(), "A name."};
    name.optional = true;
    schema_.block.attributes = {name};
  }
  std::string_view TypeName() const override { return "fake_thing"; }
  const tf::Schema& GetSchema() const override { return schema_; }
  void Validate(const tf::ValidateDataSourceRequest&,
                tf::ValidateDataSourceResponse*) const override {
    throw std::runtime_error("validate blew up");
  }
  void Read(const tf::ReadDataSourceRequest&, tf::ReadDataSourceResponse*) const override {
    throw 42;  // not a std::exception
  }

 private:
  tf::Schema schema_;
};

class ThrowingFunction final : public tf::Function {
 public:
  ThrowingFunction() {
    definition_.parameters = {tf::Parameter{"x", Type::String(), false, false, "x"}};
    definition_.return_type = Type::String();
  }
  std::string_view Name() const override { return "explode"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest&, tf::CallFunctionResponse*) const override {
    throw std::runtime_error("function blew up");
  }

 private:
  tf::FunctionDefinition definition_;
};

// concat(a string, b string) string: for argument indexes beyond 0.
class ConcatFunction final : public tf::Function {
 public:
  ConcatFunction() {
    definition_.parameters = {tf::Parameter{"a", Type::String(), false, false, "a"},
                              tf::Parameter{"b", Type::String(), false, false, "b"}};
    definition_.return_type = Type::String();
  }
  std::string_view Name() const override { return "concat"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest& request,
            tf::CallFunctionResponse* response) const override {
    response->result =
        Value::String(request.arguments.at(0).AsString() + request.arguments.at(1).AsString());
  }

 private:
  tf::FunctionDefinition definition_;
};

// Returns a value that does not match its declared return type.
class WrongResultFunction final : public tf::Function {
 public:
  WrongResultFunction() { definition_.return_type = Type::Bool(); }
  std::string_view Name() const override { return "wrong_result"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest&, tf::CallFunctionResponse* response) const override {
    response->result = Value::String("not a bool");
  }

 private:
  tf::FunctionDefinition definition_;
};

class FakeProvider final : public tf::Provider {
 public:
  FakeProvider() {
    tf::Attribute mode{"mode", Type::String(), "A mode."};
    mode.optional = true;
    schema_.block.attributes = {mode};
  }
  std::string_view TypeName() const override { return "fake"; }
  const tf::Schema& GetSchema() const override { return schema_; }
  const std::vector<const tf::DataSource*>& DataSources() const override { return data_sources_; }
  const std::vector<const tf::Function*>& Functions() const override { return functions_; }
  void ValidateConfig(const tf::ValidateProviderConfigRequest&,
                      tf::ProviderConfigResponse*) override {
    throw std::logic_error("provider validation blew up");
  }
  void Configure(const tf::ConfigureProviderRequest&, tf::ProviderConfigResponse*) override {}

 private:
  tf::Schema schema_;
  ThrowingDataSource thing_;
  ThrowingFunction explode_;
  ConcatFunction concat_;
  WrongResultFunction wrong_result_;
  std::vector<const tf::DataSource*> data_sources_{&thing_};
  std::vector<const tf::Function*> functions_{&explode_, &concat_, &wrong_result_};
};

class FaultyProviderTest : public testing::Test {
 protected:
  tfplugin6::DynamicValue ThingConfig() const {
    const Type type = provider_.FindDataSource("fake_thing")->GetSchema().block.ObjectType();
    return Msgpack(Encode(Value::Object({{"name", Value::String("n")}}), type));
  }
  static tfplugin6::DynamicValue Str(const std::string& s) {
    return Msgpack(Encode(Value::String(s), Type::String()));
  }

  // A following RPC still works.
  void ExpectStillServing() {
    const auto response = driver_.Call("concat", {Str("a"), Str("b")});
    ASSERT_FALSE(response.has_error()) << response.error().text();
    EXPECT_EQ(*cty::DecodeMsgpack(response.result().msgpack(), Type::String()),
              Value::String("ab"));
    EXPECT_EQ(driver_.GetSchema().data_source_schemas_size(), 1);
  }

  FakeProvider provider_;
  ServiceDriver driver_{provider_};
};

TEST_F(FaultyProviderTest, ThrowingDataSourceValidateBecomesAnInternalErrorDiagnostic) {
  const auto diags = driver_.ValidateData("fake_thing", ThingConfig()).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_TRUE(Contains(diags[0].summary(), "Internal error")) << diags[0].summary();
  EXPECT_TRUE(Contains(diags[0].detail(), "validate blew up")) << diags[0].detail();
  EXPECT_TRUE(Contains(diags[0].detail(), "ValidateDataResourceConfig")) << diags[0].detail();
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, NonStandardExceptionFromReadBecomesAnInternalErrorDiagnostic) {
  const auto response = driver_.ReadData("fake_thing", ThingConfig());
  ASSERT_EQ(response.diagnostics_size(), 1) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_TRUE(Contains(response.diagnostics(0).summary(), "Internal error"));
  EXPECT_TRUE(response.state().msgpack().empty());
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, ThrowingProviderValidateBecomesAnInternalErrorDiagnostic) {
  const auto diags = driver_.ValidateProvider(Msgpack(std::string("\xc0", 1))).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_TRUE(Contains(diags[0].summary(), "Internal error"));
  EXPECT_TRUE(Contains(diags[0].detail(), "provider validation blew up")) << diags[0].detail();
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, ThrowingFunctionBecomesAFunctionErrorMentioningAnInternalError) {
  const auto response = driver_.Call("explode", {Str("x")});
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "internal error")) << response.error().text();
  EXPECT_TRUE(Contains(response.error().text(), "function blew up")) << response.error().text();
  EXPECT_FALSE(response.error().has_function_argument());
  EXPECT_FALSE(response.has_result());
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, ResultOfTheWrongTypeIsAFunctionErrorNotAnInvalidResult) {
  const auto response = driver_.Call("wrong_result", {});
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "internal error")) << response.error().text();
  EXPECT_FALSE(response.has_result());
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, UndecodableSecondArgumentNamesIndexOne) {
  const auto response = driver_.Call("concat", {Str("a"), Msgpack(std::string("\xa5ho", 3))});
  ASSERT_TRUE(response.has_error());
  ASSERT_TRUE(response.error().has_function_argument());
  EXPECT_EQ(response.error().function_argument(), 1);
}

TEST_F(FaultyProviderTest, UnknownDataSourceOnAnotherProviderNamesIt) {
  const auto diags =
      driver_.ValidateData(kDataSource, Msgpack(std::string("\xc0", 1))).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), "Unknown data source type");
  EXPECT_TRUE(Contains(diags[0].detail(), kDataSource));
}

}  // namespace
}  // namespace server
