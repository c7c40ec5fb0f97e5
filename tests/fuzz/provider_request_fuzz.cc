// File: tests/fuzz/provider_request_fuzz.cc
//
// libFuzzer target: one whole tfplugin6 RPC, from the request bytes gRPC
// would hand the service to the response Terraform would read. The first
// input byte picks the RPC (bits 0..1) and a provider configuration applied
// before it (bits 2..3; for CallFunction the function to call when the
// request names none); the rest is the serialized request message.
//
// Whatever the bytes, the service must answer grpc OK (DESIGN.md 2.4: every
// user-facing problem is a diagnostic or a FunctionError), every diagnostic
// must be ERROR or WARNING (Terraform drops INVALID silently), nothing may
// reach the "this is a bug" paths, and what it returns must decode as
// Terraform would decode it.
//
// The provider is built once; settings changed by an input are reset after
// it, so every input replays the same way.

#include <grpcpp/server_context.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "checks/control.h"
#include "google/protobuf/stubs/logging.h"
#include "provider/compliance/provider.h"
#include "provider/cty/msgpack.h"
#include "provider/server/provider_service.h"
#include "tests/fuzz/require.h"

namespace {

using cty::Type;
using cty::Value;
using fuzz::Fail;
using fuzz::Require;
using fuzz::StartsWith;

constexpr char kDataSource[] = "compliancecheck_ecs_task_definition";

struct Fixture {
  compliance::Provider provider;
  server::ProviderService service{provider};
  // Provider configurations by selector bits 2..3; [0] (null) is the default.
  std::string configs[4];

  Fixture() {
    // Invalid UTF-8 in a string field makes protobuf log on every parse.
    google::protobuf::SetLogHandler(nullptr);
    const Type type = provider.GetSchema().block.ObjectType();
    const Value null_string = Value::Null(Type::String());
    std::map<std::string, Value> all_off, all_error;
    for (const checks::Control& control : checks::Catalog()) {
      all_off.emplace(control.id, Value::String("off"));
      all_error.emplace(control.id, Value::String("error"));
    }
    const Value settings[4] = {
        Value::Null(type),
        Value::Object({{"enforcement", Value::String("warning")},
                       {"controls", Value::Null(Type::Map(Type::String()))}}),
        Value::Object(
            {{"enforcement", null_string}, {"controls", Value::Map(Type::String(), all_off)}}),
        Value::Object({{"enforcement", Value::String("error")},
                       {"controls", Value::Map(Type::String(), all_error)}}),
    };
    for (int i = 0; i < 4; ++i) {
      absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(settings[i], type);
      if (!bytes.ok())
        Fail("cannot encode a provider configuration", std::string(bytes.status().message()));
      configs[i] = *bytes;
    }
  }

  // Applies configuration `index`, which must be accepted without a word.
  void Configure(int index) {
    tfplugin6::ValidateProviderConfig::Request request;
    request.mutable_config()->set_msgpack(configs[index]);
    tfplugin6::ValidateProviderConfig::Response response;
    grpc::ServerContext context;
    const grpc::Status status = service.ValidateProviderConfig(&context, &request, &response);
    Require(status.ok() && response.diagnostics_size() == 0,
            "a valid provider configuration was refused");
  }
};

void CheckDiagnostics(
    const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diagnostics) {
  for (const tfplugin6::Diagnostic& d : diagnostics) {
    Require(d.severity() == tfplugin6::Diagnostic::ERROR ||
                d.severity() == tfplugin6::Diagnostic::WARNING,
            "diagnostic severity is neither ERROR nor WARNING", d.summary());
    Require(!d.summary().empty(), "diagnostic without a summary", d.detail());
    Require(!StartsWith(d.summary(), "Internal error"), "internal error diagnostic", d.detail());
  }
}

bool HasError(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diagnostics) {
  for (const tfplugin6::Diagnostic& d : diagnostics) {
    if (d.severity() == tfplugin6::Diagnostic::ERROR) return true;
  }
  return false;
}

void RequireOk(const grpc::Status& status, const char* rpc) {
  if (!status.ok()) Fail(rpc, status.error_message());
}

// The config as the service decodes it, when it can.
std::optional<Value> DecodeConfig(const tfplugin6::DynamicValue& config, const Type& type) {
  if (config.msgpack().empty() || !config.json().empty()) return std::nullopt;
  absl::StatusOr<Value> value = cty::DecodeMsgpack(config.msgpack(), type);
  if (!value.ok()) return std::nullopt;
  return *value;
}

int ValidateProviderConfig(Fixture& f, std::string_view bytes) {
  tfplugin6::ValidateProviderConfig::Request request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return -1;
  tfplugin6::ValidateProviderConfig::Response response;
  grpc::ServerContext context;
  RequireOk(f.service.ValidateProviderConfig(&context, &request, &response),
            "ValidateProviderConfig");
  CheckDiagnostics(response.diagnostics());
  return 0;
}

int ValidateDataResourceConfig(Fixture& f, std::string_view bytes) {
  tfplugin6::ValidateDataResourceConfig::Request request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return -1;
  if (request.type_name().empty()) request.set_type_name(kDataSource);
  tfplugin6::ValidateDataResourceConfig::Response response;
  grpc::ServerContext context;
  RequireOk(f.service.ValidateDataResourceConfig(&context, &request, &response),
            "ValidateDataResourceConfig");
  CheckDiagnostics(response.diagnostics());
  return 0;
}

int ReadDataSource(Fixture& f, std::string_view bytes) {
  tfplugin6::ReadDataSource::Request request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return -1;
  if (request.type_name().empty()) request.set_type_name(kDataSource);
  tfplugin6::ReadDataSource::Response response;
  grpc::ServerContext context;
  RequireOk(f.service.ReadDataSource(&context, &request, &response), "ReadDataSource");
  CheckDiagnostics(response.diagnostics());
  if (HasError(response.diagnostics())) return 0;

  // A successful read: the state is the complete object, as Terraform
  // decodes it, and wholly known whenever the configuration was.
  const tf::DataSource* source = f.provider.FindDataSource(request.type_name());
  Require(source != nullptr, "read of an unknown data source without an error",
          request.type_name());
  const Type type = source->GetSchema().block.ObjectType();
  Require(response.has_state() && !response.state().msgpack().empty(),
          "successful read without a state");
  absl::StatusOr<Value> state = cty::DecodeMsgpack(response.state().msgpack(), type);
  Require(state.ok(), "state does not decode as the schema type",
          std::string(state.status().message()));
  Require(state->is_known(), "state is null or unknown");
  Require(state->GetAttr("compliant").is_known() && state->GetAttr("findings").is_known() &&
              state->GetAttr("report_json").is_known(),
          "a computed attribute of the state is not known");
  const std::optional<Value> config = DecodeConfig(request.config(), type);
  if (config.has_value() && config->IsWhollyKnown()) {
    Require(state->IsWhollyKnown(), "state of a wholly known configuration is not wholly known");
  }
  return 0;
}

int CallFunction(Fixture& f, std::string_view bytes, int function_choice) {
  tfplugin6::CallFunction::Request request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return -1;
  const auto& functions = f.provider.Functions();
  if (request.name().empty()) {
    request.set_name(std::string(functions[function_choice % functions.size()]->Name()));
  }
  tfplugin6::CallFunction::Response response;
  grpc::ServerContext context;
  RequireOk(f.service.CallFunction(&context, &request, &response), "CallFunction");

  if (response.has_error()) {
    const tfplugin6::FunctionError& error = response.error();
    Require(!response.has_result(), "both a result and an error");
    Require(!error.text().empty(), "function error without text");
    Require(!StartsWith(error.text(), "internal error"), "internal error in a function call",
            error.text());
    if (error.has_function_argument()) {
      Require(
          error.function_argument() >= 0 && error.function_argument() < request.arguments_size(),
          "function error names an argument that was not given");
    }
    return 0;
  }
  const tf::Function* function = f.provider.FindFunction(request.name());
  Require(function != nullptr, "call of an unknown function without an error", request.name());
  Require(response.has_result(), "neither a result nor an error");
  absl::StatusOr<Value> result =
      cty::DecodeMsgpack(response.result().msgpack(), function->Definition().return_type);
  Require(result.ok(), "result does not decode as the return type",
          std::string(result.status().message()));
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture* const fixture = new Fixture();
  if (size == 0) return 0;
  const int rpc = data[0] & 3;
  const int option = (data[0] >> 2) & 3;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  int result = 0;
  switch (rpc) {
    case 0:
      result = ValidateProviderConfig(*fixture, bytes);
      break;
    case 1:
      fixture->Configure(option);
      result = ValidateDataResourceConfig(*fixture, bytes);
      break;
    case 2:
      fixture->Configure(option);
      result = ReadDataSource(*fixture, bytes);
      break;
    case 3:
      result = CallFunction(*fixture, bytes, option);
      break;
  }
  // Back to the settings of a provider that was never configured.
  if (rpc != 3) fixture->Configure(0);
  return result;
}
