// File: tests/unit/server_service_driver.h
//
// What the service's unit tests share: a driver that calls a ProviderService
// the way Terraform does, one RPC at a time, the fixture with the real
// compliancecheck provider behind it, and helpers that read diagnostics as a
// user would (the attribute path written as in HCL).

#ifndef COMPLIANCECHECK_TESTS_UNIT_SERVER_SERVICE_DRIVER_H_
#define COMPLIANCECHECK_TESTS_UNIT_SERVER_SERVICE_DRIVER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "grpcpp/server_context.h"
#include "gtest/gtest.h"
#include "provider/compliance/provider.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "provider/server/provider_service.h"
#include "tests/unit/control_ids.h"

namespace server {

using cty::Type;
using cty::Value;

inline constexpr char kDataSource[] = "compliancecheck_ecs_task_definition";
using control_ids::kIpc;
using control_ids::kMisplaced;
using control_ids::kPid;
inline constexpr char kPidSummary[] =
    "ECS task definition shares the host's process namespace (AWS Security Hub ECS.3)";

inline bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

inline std::string Encode(const Value& value, const Type& type) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::string();
}

inline tfplugin6::DynamicValue Msgpack(std::string bytes) {
  tfplugin6::DynamicValue v;
  v.set_msgpack(std::move(bytes));
  return v;
}

inline tfplugin6::DynamicValue Json(std::string text) {
  tfplugin6::DynamicValue v;
  v.set_json(std::move(text));
  return v;
}

// `controls["nope"]`, `pid_mode`, `a[0]`: the path as a user would write it.
inline std::string PathString(const tfplugin6::Diagnostic& d) {
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

inline std::string Describe(
    const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) {
  std::string out;
  for (const tfplugin6::Diagnostic& d : diags) {
    out += tfplugin6::Diagnostic::Severity_Name(d.severity()) + " [" + PathString(d) + "] " +
           d.summary() + ": " + d.detail() + "\n";
  }
  return out.empty() ? "(no diagnostics)" : out;
}

inline int CountSeverity(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags,
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

}  // namespace server

#endif  // COMPLIANCECHECK_TESTS_UNIT_SERVER_SERVICE_DRIVER_H_
