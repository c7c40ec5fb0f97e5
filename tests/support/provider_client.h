// File: tests/support/provider_client.h
//
// The host's side of the tfplugin6 Provider service for integration tests
// that talk to a running provider process: requests built from cty values
// with the provider's own schema types, a blocking client whose calls carry a
// deadline, and channels with arguments of the test's choosing (distinct
// connections, larger message limits). A PluginProcess must outlive every
// channel made from it.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_PROVIDER_CLIENT_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_PROVIDER_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "tests/support/plugin_process.h"
#include "tfplugin6.grpc.pb.h"

namespace cc_test {

inline constexpr char kTaskDefinitionDataSource[] = "compliancecheck_ecs_task_definition";
inline constexpr char kPidModeControl[] = "ecs_task_definition_no_host_pid_mode";
inline constexpr char kIpcModeControl[] = "ecs_task_definition_no_host_ipc_mode";
// PRODUCT.md fixes this summary for the ECS.3 finding.
inline constexpr char kEcs3Summary[] =
    "ECS task definition shares the host's process namespace (AWS Security Hub ECS.3)";

// The data source's object type, from compliance::Provider's schema.
const cty::Type& TaskDefinitionType();
// The return type of check_ecs_task_definition.
const cty::Type& CheckResultType();

// A data source configuration: every attribute of TaskDefinitionType() null
// unless given.
cty::Value TaskDefinitionConfig(const std::map<std::string, cty::Value>& given);

// `value` encoded as msgpack of `type`; aborts the test binary when the
// value does not fit the type (a bug in the test itself).
tfplugin6::DynamicValue Msgpack(const cty::Value& value, const cty::Type& type);
// A data source configuration as Terraform sends it.
tfplugin6::DynamicValue TaskDefinitionMsgpack(const std::map<std::string, cty::Value>& given);
// A function argument of type dynamic: an object with these attributes.
tfplugin6::DynamicValue DynamicObject(const std::map<std::string, cty::Value>& attributes);

// Decodes a response's msgpack as `type`.
absl::StatusOr<cty::Value> Decode(const tfplugin6::DynamicValue& value, const cty::Type& type);

// "ERROR [pid_mode] summary" per diagnostic, for failure messages.
std::string Describe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diagnostics);

// A channel to `process`'s address with its own credentials (the client
// certificate it was started with) and the given arguments; the TLS target
// name override is added here.
std::shared_ptr<grpc::Channel> ChannelWithArguments(const PluginProcess& process,
                                                    grpc::ChannelArguments arguments);

// A channel that gets a connection of its own: gRPC shares one subchannel
// between channels with equal arguments, so each `index` sets a different
// custom argument. 256 MiB message limits, as Terraform's client.
std::shared_ptr<grpc::Channel> DistinctChannel(const PluginProcess& process, int index);

// Blocking calls with a deadline. A non-OK gRPC status becomes the error
// (same code and message); diagnostics stay in the response.
class ProviderClient {
 public:
  explicit ProviderClient(std::shared_ptr<grpc::Channel> channel,
                          std::chrono::milliseconds deadline = std::chrono::seconds(30));

  absl::StatusOr<tfplugin6::GetProviderSchema::Response> GetProviderSchema();
  absl::StatusOr<tfplugin6::ValidateDataResourceConfig::Response> ValidateDataSource(
      const std::string& type_name, const tfplugin6::DynamicValue& config);
  absl::StatusOr<tfplugin6::ReadDataSource::Response> ReadDataSource(
      const std::string& type_name, const tfplugin6::DynamicValue& config);
  absl::StatusOr<tfplugin6::CallFunction::Response> CallFunction(
      const std::string& name, const std::vector<tfplugin6::DynamicValue>& arguments);
  absl::StatusOr<tfplugin6::StopProvider::Response> StopProvider();
  // plugin.GRPCController/Shutdown.
  absl::Status Shutdown();

  tfplugin6::Provider::Stub& stub() { return *stub_; }
  std::chrono::system_clock::time_point Deadline() const;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<tfplugin6::Provider::Stub> stub_;
  std::chrono::milliseconds deadline_;
};

// Adds the sanitizer runtime options of this process's environment
// (TSAN_OPTIONS, ASAN_OPTIONS, ...) to `options`: go-plugin's client passes
// the host's whole environment on, and a sanitized provider should run with
// the options the test runs with. CC_PROVIDER_ASAN_OPTIONS (and so on), when set,
// replaces the host's value for the provider.
void PassSanitizerOptions(PluginOptions* options);

// Starts the provider (sanitizer options passed on) and reads its handshake
// line: a process ready for Channel().
absl::StatusOr<std::unique_ptr<PluginProcess>> StartServing(
    PluginOptions options = {}, std::chrono::milliseconds timeout = std::chrono::seconds(30));

// Expects (gtest) that `process` is still running and answers right over
// `client`: pid_mode = "host" validates to the ECS.3 error and
// ecs_pid_mode_compliant("task") is true. For tests that prove a fault left
// the process serving.
void ExpectServesRightAnswers(PluginProcess& process, ProviderClient& client);

// A gRPC status as an absl::Status with the same code and message.
absl::Status FromGrpc(const grpc::Status& status);

}  // namespace cc_test

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_PROVIDER_CLIENT_H_
