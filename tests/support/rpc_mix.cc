// File: tests/support/rpc_mix.cc

#include "tests/support/rpc_mix.h"

#include <future>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "tests/support/provider_client.h"

namespace cc_test {
namespace {

using cty::Type;
using cty::Value;
using Async = tfplugin6::Provider::Stub::async_interface;
using Done = std::function<void(grpc::Status)>;

template <typename Request, typename Response>
class TypedExchange final : public Exchange {
 public:
  using Starter =
      std::function<void(Async*, grpc::ClientContext*, const Request*, Response*, Done)>;
  using Checker = std::function<std::string(const Response&)>;

  TypedExchange(std::string name, Request request, Starter start, Checker check)
      : name_(std::move(name)),
        request_(std::move(request)),
        start_(std::move(start)),
        check_(std::move(check)) {}

  std::string Name() const override { return name_; }
  void Start(tfplugin6::Provider::Stub& stub, grpc::ClientContext* context, Done done) override {
    start_(stub.async(), context, &request_, &response_, std::move(done));
  }
  std::string Check() const override { return check_(response_); }

 private:
  std::string name_;
  Request request_;
  Response response_;
  Starter start_;
  Checker check_;
};

using Diagnostics = google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>;

std::string ExpectNoDiagnostics(const Diagnostics& diags) {
  return diags.empty() ? "" : absl::StrCat("want no diagnostics, got ", Describe(diags));
}

// Exactly one ERROR, the ECS.3 summary, on pid_mode.
std::string ExpectEcs3Error(const Diagnostics& diags) {
  if (diags.size() != 1 || diags[0].severity() != tfplugin6::Diagnostic::ERROR ||
      diags[0].summary() != kEcs3Summary || diags[0].attribute().steps_size() != 1 ||
      diags[0].attribute().steps(0).attribute_name() != "pid_mode") {
    return absl::StrCat("want exactly one ERROR [pid_mode] ", kEcs3Summary, ", got ",
                        Describe(diags));
  }
  return "";
}

std::string Family(int index) { return absl::StrCat("family-", index); }

std::unique_ptr<Exchange> Validate(int index, const std::string& pid_mode, bool want_error) {
  tfplugin6::ValidateDataResourceConfig::Request request;
  request.set_type_name(kTaskDefinitionDataSource);
  *request.mutable_config() = TaskDefinitionMsgpack(
      {{"family", Value::String(Family(index))}, {"pid_mode", Value::String(pid_mode)}});
  return std::make_unique<TypedExchange<tfplugin6::ValidateDataResourceConfig::Request,
                                        tfplugin6::ValidateDataResourceConfig::Response>>(
      absl::StrCat("ValidateDataResourceConfig(pid_mode=", pid_mode, ")"), std::move(request),
      [](Async* a, grpc::ClientContext* c, const auto* rq, auto* rs, Done d) {
        a->ValidateDataResourceConfig(c, rq, rs, std::move(d));
      },
      [want_error](const tfplugin6::ValidateDataResourceConfig::Response& r) {
        return want_error ? ExpectEcs3Error(r.diagnostics()) : ExpectNoDiagnostics(r.diagnostics());
      });
}

// The state of a read that returned one: family echoed, `compliant` and the
// findings' control ids as given.
std::string CheckState(const tfplugin6::ReadDataSource::Response& r, int index, bool compliant,
                       const std::vector<std::string>& control_ids) {
  if (auto problem = ExpectNoDiagnostics(r.diagnostics()); !problem.empty()) return problem;
  absl::StatusOr<Value> state = Decode(r.state(), TaskDefinitionType());
  if (!state.ok()) return absl::StrCat("undecodable state: ", state.status().ToString());
  if (!state->IsWhollyKnown()) return "state is not wholly known";
  if (state->GetAttr("family") != Value::String(Family(index))) {
    return absl::StrCat("state is not this request's: family is not ", Family(index));
  }
  if (state->GetAttr("compliant") != Value::Bool(compliant)) {
    return absl::StrCat("want compliant = ", compliant);
  }
  const std::vector<Value>& findings = state->GetAttr("findings").Elements();
  std::vector<std::string> ids;
  for (const Value& f : findings) ids.push_back(f.GetAttr("control_id").AsString());
  if (ids != control_ids) return absl::StrCat("unexpected findings: ", ids.size());
  if (!absl::StrContains(state->GetAttr("report_json").AsString(),
                         absl::StrCat("\"", Family(index), "\""))) {
    return "report_json does not name this request's family";
  }
  return "";
}

std::unique_ptr<Exchange> Read(
    int index, std::map<std::string, Value> config, std::string what,
    std::function<std::string(const tfplugin6::ReadDataSource::Response&)> check) {
  config["family"] = Value::String(Family(index));
  tfplugin6::ReadDataSource::Request request;
  request.set_type_name(kTaskDefinitionDataSource);
  *request.mutable_config() = TaskDefinitionMsgpack(config);
  return std::make_unique<
      TypedExchange<tfplugin6::ReadDataSource::Request, tfplugin6::ReadDataSource::Response>>(
      absl::StrCat("ReadDataSource(", what, ")"), std::move(request),
      [](Async* a, grpc::ClientContext* c, const auto* rq, auto* rs, Done d) {
        a->ReadDataSource(c, rq, rs, std::move(d));
      },
      std::move(check));
}

std::unique_ptr<Exchange> Call(
    std::string function, tfplugin6::DynamicValue argument, std::string what,
    std::function<std::string(const tfplugin6::CallFunction::Response&)> check) {
  tfplugin6::CallFunction::Request request;
  request.set_name(function);
  *request.add_arguments() = std::move(argument);
  return std::make_unique<
      TypedExchange<tfplugin6::CallFunction::Request, tfplugin6::CallFunction::Response>>(
      absl::StrCat("CallFunction(", function, ", ", what, ")"), std::move(request),
      [](Async* a, grpc::ClientContext* c, const auto* rq, auto* rs, Done d) {
        a->CallFunction(c, rq, rs, std::move(d));
      },
      std::move(check));
}

std::string ExpectBoolResult(const tfplugin6::CallFunction::Response& r, bool want) {
  if (r.has_error()) return absl::StrCat("unexpected function error: ", r.error().text());
  absl::StatusOr<Value> result = Decode(r.result(), Type::Bool());
  if (!result.ok()) return absl::StrCat("undecodable result: ", result.status().ToString());
  if (*result != Value::Bool(want)) return absl::StrCat("want ", want);
  return "";
}

// check_ecs_task_definition's {compliant, findings}.
std::string ExpectCheckResult(const tfplugin6::CallFunction::Response& r, bool compliant,
                              const std::vector<std::string>& attributes) {
  if (r.has_error()) return absl::StrCat("unexpected function error: ", r.error().text());
  absl::StatusOr<Value> result = Decode(r.result(), CheckResultType());
  if (!result.ok()) return absl::StrCat("undecodable result: ", result.status().ToString());
  if (!result->IsWhollyKnown()) return "result is not wholly known";
  if (result->GetAttr("compliant") != Value::Bool(compliant)) {
    return absl::StrCat("want compliant = ", compliant);
  }
  std::vector<std::string> got;
  for (const Value& f : result->GetAttr("findings").Elements()) {
    if (f.GetAttr("control_id").AsString() != kPidModeControl) return "finding of another control";
    got.push_back(f.GetAttr("attribute").AsString());
  }
  if (got != attributes) return absl::StrCat("unexpected findings: ", got.size());
  return "";
}

std::unique_ptr<Exchange> Schema() {
  return std::make_unique<
      TypedExchange<tfplugin6::GetProviderSchema::Request, tfplugin6::GetProviderSchema::Response>>(
      "GetProviderSchema", tfplugin6::GetProviderSchema::Request(),
      [](Async* a, grpc::ClientContext* c, const auto* rq, auto* rs, Done d) {
        a->GetProviderSchema(c, rq, rs, std::move(d));
      },
      [](const tfplugin6::GetProviderSchema::Response& r) -> std::string {
        if (auto problem = ExpectNoDiagnostics(r.diagnostics()); !problem.empty()) return problem;
        if (!r.has_provider()) return "no provider schema";
        if (r.data_source_schemas_size() != 1 ||
            !r.data_source_schemas().contains(kTaskDefinitionDataSource)) {
          return "want exactly the task definition data source";
        }
        const auto& attributes = r.data_source_schemas().at(kTaskDefinitionDataSource).block();
        // Attributes and nested blocks (runtime_platform) make up the object.
        if (attributes.attributes_size() + attributes.block_types_size() !=
            static_cast<int>(TaskDefinitionType().attributes().size())) {
          return "data source schema lost attributes";
        }
        if (r.functions_size() != 3) return "want three functions";
        for (const char* name : {"ecs_pid_mode_compliant", "check_ecs_task_definition",
                                 "assert_ecs_task_definition"}) {
          if (!r.functions().contains(name)) return absl::StrCat("no function ", name);
        }
        return "";
      });
}

}  // namespace

std::unique_ptr<Exchange> MixedExchange(int index) {
  const Value host = Value::String("host");
  const Value task = Value::String("task");
  switch (index % kMixKinds) {
    case 0:
      return Validate(index, "host", /*want_error=*/true);
    case 1:
      return Validate(index, "task", /*want_error=*/false);
    case 2:
      return Read(index, {{"pid_mode", task}}, "pid_mode=task",
                  [index](const auto& r) { return CheckState(r, index, /*compliant=*/true, {}); });
    case 3:
      // A warning-level finding: the state says so, no diagnostic repeats it.
      return Read(index, {{"pid_mode", task}, {"ipc_mode", host}}, "ipc_mode=host",
                  [index](const auto& r) {
                    return CheckState(r, index, /*compliant=*/false, {kIpcModeControl});
                  });
    case 4:
      return Read(index, {{"pid_mode", host}}, "pid_mode=host",
                  [](const auto& r) { return ExpectEcs3Error(r.diagnostics()); });
    case 5:
      return Call("check_ecs_task_definition",
                  DynamicObject({{"family", Value::String(Family(index))}, {"pid_mode", host}}),
                  "pid_mode=host",
                  [](const auto& r) { return ExpectCheckResult(r, false, {"pid_mode"}); });
    case 6:
      return Call("check_ecs_task_definition",
                  DynamicObject({{"family", Value::String(Family(index))}, {"pid_mode", task}}),
                  "pid_mode=task", [](const auto& r) { return ExpectCheckResult(r, true, {}); });
    case 7:
      return Call("assert_ecs_task_definition", DynamicObject({{"pid_mode", host}}),
                  "pid_mode=host", [](const auto& r) -> std::string {
                    if (!r.has_error()) return "want a function error";
                    if (r.has_result() && !r.result().msgpack().empty()) return "error and result";
                    if (!r.error().has_function_argument() || r.error().function_argument() != 0) {
                      return "the error must name argument 0";
                    }
                    if (!absl::StrContains(r.error().text(), kPidModeControl)) {
                      return absl::StrCat("the error does not name the control: ",
                                          r.error().text());
                    }
                    return "";
                  });
    case 8:
      return Call("assert_ecs_task_definition", DynamicObject({{"pid_mode", task}}),
                  "pid_mode=task", [](const auto& r) { return ExpectBoolResult(r, true); });
    case 9:
      return Call("ecs_pid_mode_compliant", Msgpack(host, Type::String()), "host",
                  [](const auto& r) { return ExpectBoolResult(r, false); });
    case 10:
      return Call("ecs_pid_mode_compliant", Msgpack(task, Type::String()), "task",
                  [](const auto& r) { return ExpectBoolResult(r, true); });
    default:
      return Schema();
  }
}

std::string RunBlocking(Exchange& exchange, tfplugin6::Provider::Stub& stub,
                        std::chrono::milliseconds deadline) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline);
  std::promise<grpc::Status> done;
  exchange.Start(stub, &context, [&done](grpc::Status s) { done.set_value(std::move(s)); });
  const grpc::Status status = done.get_future().get();
  if (!status.ok()) {
    return absl::StrCat(exchange.Name(), ": gRPC status ", status.error_code(), " ",
                        status.error_message());
  }
  std::string problem = exchange.Check();
  return problem.empty() ? "" : absl::StrCat(exchange.Name(), ": ", problem);
}

}  // namespace cc_test
