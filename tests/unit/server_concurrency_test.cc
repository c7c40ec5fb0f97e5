// File: tests/unit/server_concurrency_test.cc
//
// One provider, many RPCs at once, as Terraform sends them during a plan
// with many data sources and function calls, and with ConfigureProvider
// arriving beside them: every answer is the right one for its own request.
//
// The handlers are called directly from 16 threads, without gRPC, so that a
// ThreadSanitizer build sees every access and every lock: scripts/test.sh
// runs this test under TSan. (gRPC and abseil come from Debian
// uninstrumented; TSan cannot see their synchronization, so the same load
// over real connections, tests/integration/go_plugin_stress_test.cc, is run
// there for correct answers, not judged for races.)

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "grpcpp/server_context.h"
#include "gtest/gtest.h"
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
constexpr char kPidSummary[] =
    "ECS task definition shares the host's process namespace (AWS Security Hub ECS.3)";
constexpr int kThreads = 16;
constexpr int kCallsPerThread = 64;  // 1,024 calls in all
constexpr int kKinds = 8;

tfplugin6::DynamicValue Msgpack(const Value& value, const Type& type) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  if (!bytes.ok()) std::abort();  // a bug in the test itself
  tfplugin6::DynamicValue out;
  out.set_msgpack(*std::move(bytes));
  return out;
}

class ConcurrentCalls {
 public:
  ConcurrentCalls() : service_(provider_) {}

  // Call `index` (kind index % kKinds): "" when its answer is right, else
  // what is wrong. Each call builds its own request from its index, so an
  // answer meant for another caller is caught too.
  std::string Run(int index) {
    grpc::ServerContext context;
    const std::string family = "family-" + std::to_string(index);
    switch (index % kKinds) {
      case 0: {  // pid_mode = "host" fails validation at pid_mode
        tfplugin6::ValidateDataResourceConfig::Request request;
        request.set_type_name(kDataSource);
        *request.mutable_config() = DataSource(family, "host");
        tfplugin6::ValidateDataResourceConfig::Response response;
        if (!service_.ValidateDataResourceConfig(&context, &request, &response).ok())
          return "status";
        if (response.diagnostics_size() != 1) return "validate host: not one diagnostic";
        const tfplugin6::Diagnostic& d = response.diagnostics(0);
        if (d.severity() != tfplugin6::Diagnostic::ERROR || d.summary() != kPidSummary ||
            d.attribute().steps_size() != 1 ||
            d.attribute().steps(0).attribute_name() != "pid_mode") {
          return "validate host: wrong diagnostic " + d.summary();
        }
        return "";
      }
      case 1:    // pid_mode = "task": a compliant state echoing the family
      case 2: {  // pid_mode = "host": the ECS.3 error and no state
        const bool host = index % kKinds == 2;
        tfplugin6::ReadDataSource::Request request;
        request.set_type_name(kDataSource);
        *request.mutable_config() = DataSource(family, host ? "host" : "task");
        tfplugin6::ReadDataSource::Response response;
        if (!service_.ReadDataSource(&context, &request, &response).ok()) return "status";
        if (host) {
          if (response.diagnostics_size() != 1 ||
              response.diagnostics(0).summary() != kPidSummary) {
            return "read host: no ECS.3 error";
          }
          return "";
        }
        if (response.diagnostics_size() != 0) return "read task: diagnostics";
        absl::StatusOr<Value> state =
            cty::DecodeMsgpack(response.state().msgpack(), DataSourceType());
        if (!state.ok()) return "read task: state does not decode";
        if (state->GetAttr("family") != Value::String(family))
          return "read task: another call's family";
        if (state->GetAttr("compliant") != Value::Bool(true)) return "read task: not compliant";
        return "";
      }
      case 3: {  // ecs_pid_mode_compliant, alternating host and task
        const bool host = (index / kKinds) % 2 == 0;
        tfplugin6::CallFunction::Request request;
        request.set_name("ecs_pid_mode_compliant");
        *request.add_arguments() = Msgpack(Value::String(host ? "host" : "task"), Type::String());
        tfplugin6::CallFunction::Response response;
        if (!service_.CallFunction(&context, &request, &response).ok()) return "status";
        if (response.has_error()) return "ecs_pid_mode_compliant: " + response.error().text();
        absl::StatusOr<Value> result =
            cty::DecodeMsgpack(response.result().msgpack(), Type::Bool());
        if (!result.ok() || *result != Value::Bool(!host))
          return "ecs_pid_mode_compliant: wrong result";
        return "";
      }
      case 4: {  // check_ecs_task_definition on a literal object
        tfplugin6::CallFunction::Request request;
        request.set_name("check_ecs_task_definition");
        *request.add_arguments() = Msgpack(
            Value::Object({{"family", Value::String(family)}, {"pid_mode", Value::String("host")}}),
            Type::Dynamic());
        tfplugin6::CallFunction::Response response;
        if (!service_.CallFunction(&context, &request, &response).ok()) return "status";
        if (response.has_error()) return "check_ecs_task_definition: " + response.error().text();
        const Type type = Type::Object(
            {{"compliant", Type::Bool()}, {"findings", compliance::FindingListType()}});
        absl::StatusOr<Value> result = cty::DecodeMsgpack(response.result().msgpack(), type);
        if (!result.ok() || result->GetAttr("compliant") != Value::Bool(false) ||
            result->GetAttr("findings").Elements().size() != 1) {
          return "check_ecs_task_definition: wrong result";
        }
        return "";
      }
      case 5: {  // ConfigureProvider with the defaults, beside the reads
        tfplugin6::ConfigureProvider::Request request;
        request.set_terraform_version("1.11.0");
        *request.mutable_config() = Provider("error");
        tfplugin6::ConfigureProvider::Response response;
        if (!service_.ConfigureProvider(&context, &request, &response).ok()) return "status";
        return response.diagnostics_size() == 0 ? "" : "configure: diagnostics";
      }
      case 6: {  // ValidateProviderConfig of a bad enforcement names it
        tfplugin6::ValidateProviderConfig::Request request;
        *request.mutable_config() = Provider("bogus");
        tfplugin6::ValidateProviderConfig::Response response;
        if (!service_.ValidateProviderConfig(&context, &request, &response).ok()) return "status";
        if (response.diagnostics_size() != 1 ||
            response.diagnostics(0).attribute().steps(0).attribute_name() != "enforcement") {
          return "validate provider: no error on enforcement";
        }
        return "";
      }
      default: {  // GetProviderSchema
        tfplugin6::GetProviderSchema::Request request;
        tfplugin6::GetProviderSchema::Response response;
        if (!service_.GetProviderSchema(&context, &request, &response).ok()) return "status";
        if (response.data_source_schemas().count(kDataSource) != 1 ||
            response.functions_size() != 3) {
          return "schema: incomplete";
        }
        return "";
      }
    }
  }

 private:
  Type DataSourceType() const {
    return provider_.FindDataSource(kDataSource)->GetSchema().block.ObjectType();
  }

  tfplugin6::DynamicValue DataSource(const std::string& family, const std::string& pid_mode) const {
    const Type type = DataSourceType();
    std::map<std::string, Value> attributes;
    for (const auto& [name, attribute_type] : type.attributes()) {
      attributes.emplace(name, Value::Null(attribute_type));
    }
    attributes["family"] = Value::String(family);
    attributes["pid_mode"] = Value::String(pid_mode);
    return Msgpack(Value::Object(std::move(attributes)), type);
  }

  tfplugin6::DynamicValue Provider(const std::string& enforcement) const {
    return Msgpack(Value::Object({{"enforcement", Value::String(enforcement)},
                                  {"controls", Value::Null(Type::Map(Type::String()))}}),
                   provider_.GetSchema().block.ObjectType());
  }

  compliance::Provider provider_;
  ProviderService service_;
};

TEST(ServerConcurrency, SixteenThreadsOfMixedRpcsEachGetTheirOwnRightAnswer) {
  // Every RPC also writes its TRACE and DEBUG lines, from all threads.
  setenv("TF_LOG_PROVIDER_COMPLIANCECHECK", "trace", 1);
  ConcurrentCalls calls;
  std::atomic<bool> go{false};
  std::mutex mutex;
  std::vector<std::string> problems;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int i = 0; i < kCallsPerThread; ++i) {
        const int index = t * kCallsPerThread + i;
        std::string problem = calls.Run(index);
        if (problem.empty()) continue;
        std::lock_guard<std::mutex> lock(mutex);
        problems.push_back("call " + std::to_string(index) + ": " + problem);
      }
    });
  }
  go = true;
  for (std::thread& thread : threads) thread.join();
  EXPECT_TRUE(problems.empty()) << problems.size() << " wrong answers, first: " << problems.front();
}

}  // namespace
}  // namespace server
