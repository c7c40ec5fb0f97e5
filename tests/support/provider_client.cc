// File: tests/support/provider_client.cc

#include "tests/support/provider_client.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "grpc_controller.grpc.pb.h"
#include "provider/compliance/provider.h"
#include "provider/cty/msgpack.h"

namespace cc_test {
namespace {

// Built once, never destroyed: the types are shared by every thread of a
// stress test.
const compliance::Provider& SchemaSource() {
  static const compliance::Provider* provider = new compliance::Provider();
  return *provider;
}

std::string PathOf(const tfplugin6::Diagnostic& d) {
  std::string out;
  for (const auto& step : d.attribute().steps()) {
    switch (step.selector_case()) {
      case tfplugin6::AttributePath::Step::kAttributeName:
        absl::StrAppend(&out, out.empty() ? "" : ".", step.attribute_name());
        break;
      case tfplugin6::AttributePath::Step::kElementKeyString:
        absl::StrAppend(&out, "[\"", step.element_key_string(), "\"]");
        break;
      case tfplugin6::AttributePath::Step::kElementKeyInt:
        absl::StrAppend(&out, "[", step.element_key_int(), "]");
        break;
      default:
        out += "<empty step>";
    }
  }
  return out;
}

}  // namespace

const cty::Type& TaskDefinitionType() {
  static const cty::Type* type = new cty::Type(
      SchemaSource().FindDataSource(kTaskDefinitionDataSource)->GetSchema().block.ObjectType());
  return *type;
}

const cty::Type& CheckResultType() {
  static const cty::Type* type = new cty::Type(
      SchemaSource().FindFunction("check_ecs_task_definition")->Definition().return_type);
  return *type;
}

cty::Value TaskDefinitionConfig(const std::map<std::string, cty::Value>& given) {
  std::map<std::string, cty::Value> attributes;
  for (const auto& [name, type] : TaskDefinitionType().attributes()) {
    auto it = given.find(name);
    attributes.emplace(name, it != given.end() ? it->second : cty::Value::Null(type));
  }
  return cty::Value::Object(TaskDefinitionType(), std::move(attributes));
}

tfplugin6::DynamicValue Msgpack(const cty::Value& value, const cty::Type& type) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  if (!bytes.ok()) {
    std::fprintf(stderr, "test bug: cannot encode a request value: %s\n",
                 bytes.status().ToString().c_str());
    std::abort();
  }
  tfplugin6::DynamicValue out;
  out.set_msgpack(*std::move(bytes));
  return out;
}

tfplugin6::DynamicValue TaskDefinitionMsgpack(const std::map<std::string, cty::Value>& given) {
  return Msgpack(TaskDefinitionConfig(given), TaskDefinitionType());
}

tfplugin6::DynamicValue DynamicObject(const std::map<std::string, cty::Value>& attributes) {
  return Msgpack(cty::Value::Object(attributes), cty::Type::Dynamic());
}

absl::StatusOr<cty::Value> Decode(const tfplugin6::DynamicValue& value, const cty::Type& type) {
  return cty::DecodeMsgpack(value.msgpack(), type);
}

std::string Describe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    absl::StrAppend(&out, tfplugin6::Diagnostic::Severity_Name(d.severity()), " [", PathOf(d), "] ",
                    d.summary(), "\n");
  }
  return out.empty() ? "(no diagnostics)" : out;
}

std::shared_ptr<grpc::Channel> ChannelWithArguments(const PluginProcess& process,
                                                    grpc::ChannelArguments arguments) {
  arguments.SetSslTargetNameOverride("localhost");
  const HandshakeFields& line = process.handshake();
  const std::string target =
      line.network == "unix" ? absl::StrCat("unix:", line.address) : line.address;
  auto credentials = line.server_certificate.empty()
                         ? grpc::InsecureChannelCredentials()
                         : process.TlsCredentials(&process.client_certificate());
  return grpc::CreateCustomChannel(target, credentials, arguments);
}

std::shared_ptr<grpc::Channel> DistinctChannel(const PluginProcess& process, int index) {
  grpc::ChannelArguments arguments;
  arguments.SetInt("cc.test.channel", index);
  arguments.SetMaxReceiveMessageSize(256 << 20);
  arguments.SetMaxSendMessageSize(256 << 20);
  return ChannelWithArguments(process, std::move(arguments));
}

void PassSanitizerOptions(PluginOptions* options) {
  for (const char* name : {"TSAN_OPTIONS", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    // CC_PROVIDER_<NAME>, when set, is for the provider alone (e.g. slow
    // full stack unwinding where only the provider needs it).
    const char* value = std::getenv(absl::StrCat("CC_PROVIDER_", name).c_str());
    if (value == nullptr) value = std::getenv(name);
    if (value != nullptr) {
      options->extra_environment.push_back(absl::StrCat(name, "=", value));
    }
  }
}

absl::StatusOr<std::unique_ptr<PluginProcess>> StartServing(PluginOptions options,
                                                            std::chrono::milliseconds timeout) {
  PassSanitizerOptions(&options);
  absl::StatusOr<std::unique_ptr<PluginProcess>> process = PluginProcess::Start(std::move(options));
  if (!process.ok()) return process.status();
  if (auto line = (*process)->ReadHandshake(timeout); !line.ok()) return line.status();
  return process;
}

absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

ProviderClient::ProviderClient(std::shared_ptr<grpc::Channel> channel,
                               std::chrono::milliseconds deadline)
    : channel_(std::move(channel)),
      stub_(tfplugin6::Provider::NewStub(channel_)),
      deadline_(deadline) {}

std::chrono::system_clock::time_point ProviderClient::Deadline() const {
  return std::chrono::system_clock::now() + deadline_;
}

absl::StatusOr<tfplugin6::GetProviderSchema::Response> ProviderClient::GetProviderSchema() {
  grpc::ClientContext context;
  context.set_deadline(Deadline());
  tfplugin6::GetProviderSchema::Request request;
  tfplugin6::GetProviderSchema::Response response;
  if (auto s = FromGrpc(stub_->GetProviderSchema(&context, request, &response)); !s.ok()) return s;
  return response;
}

absl::StatusOr<tfplugin6::ValidateDataResourceConfig::Response> ProviderClient::ValidateDataSource(
    const std::string& type_name, const tfplugin6::DynamicValue& config) {
  grpc::ClientContext context;
  context.set_deadline(Deadline());
  tfplugin6::ValidateDataResourceConfig::Request request;
  request.set_type_name(type_name);
  *request.mutable_config() = config;
  tfplugin6::ValidateDataResourceConfig::Response response;
  if (auto s = FromGrpc(stub_->ValidateDataResourceConfig(&context, request, &response)); !s.ok()) {
    return s;
  }
  return response;
}

absl::StatusOr<tfplugin6::ReadDataSource::Response> ProviderClient::ReadDataSource(
    const std::string& type_name, const tfplugin6::DynamicValue& config) {
  grpc::ClientContext context;
  context.set_deadline(Deadline());
  tfplugin6::ReadDataSource::Request request;
  request.set_type_name(type_name);
  *request.mutable_config() = config;
  tfplugin6::ReadDataSource::Response response;
  if (auto s = FromGrpc(stub_->ReadDataSource(&context, request, &response)); !s.ok()) return s;
  return response;
}

absl::StatusOr<tfplugin6::CallFunction::Response> ProviderClient::CallFunction(
    const std::string& name, const std::vector<tfplugin6::DynamicValue>& arguments) {
  grpc::ClientContext context;
  context.set_deadline(Deadline());
  tfplugin6::CallFunction::Request request;
  request.set_name(name);
  for (const auto& argument : arguments) *request.add_arguments() = argument;
  tfplugin6::CallFunction::Response response;
  if (auto s = FromGrpc(stub_->CallFunction(&context, request, &response)); !s.ok()) return s;
  return response;
}

absl::StatusOr<tfplugin6::StopProvider::Response> ProviderClient::StopProvider() {
  grpc::ClientContext context;
  context.set_deadline(Deadline());
  tfplugin6::StopProvider::Request request;
  tfplugin6::StopProvider::Response response;
  if (auto s = FromGrpc(stub_->StopProvider(&context, request, &response)); !s.ok()) return s;
  return response;
}

absl::Status ProviderClient::Shutdown() {
  auto controller = plugin::GRPCController::NewStub(channel_);
  grpc::ClientContext context;
  context.set_deadline(Deadline());
  plugin::Empty request, response;
  return FromGrpc(controller->Shutdown(&context, request, &response));
}

void ExpectServesRightAnswers(PluginProcess& process, ProviderClient& client) {
  auto validated = client.ValidateDataSource(
      kTaskDefinitionDataSource, TaskDefinitionMsgpack({{"pid_mode", cty::Value::String("host")}}));
  ASSERT_TRUE(validated.ok()) << validated.status() << "\nstderr: " << process.Stderr();
  ASSERT_EQ(validated->diagnostics_size(), 1) << Describe(validated->diagnostics());
  EXPECT_EQ(validated->diagnostics(0).summary(), kEcs3Summary);
  auto called = client.CallFunction("ecs_pid_mode_compliant",
                                    {Msgpack(cty::Value::String("task"), cty::Type::String())});
  ASSERT_TRUE(called.ok()) << called.status();
  ASSERT_FALSE(called->has_error()) << called->error().text();
  EXPECT_EQ(*Decode(called->result(), cty::Type::Bool()), cty::Value::Bool(true));
  EXPECT_FALSE(process.WaitForExit(std::chrono::milliseconds(0)).has_value()) << process.Stderr();
}

}  // namespace cc_test
