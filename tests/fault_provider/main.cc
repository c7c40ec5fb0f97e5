// File: tests/fault_provider/main.cc
//
// terraform-provider-ccfaulty: the real provider binary's serving path
// (plugin::Serve, server::ProviderService, compliance::Provider) with one
// extra function whose handler throws, so that an integration test can prove
// through the real process and gRPC what the unit tests prove in process: an
// exception inside a handler becomes an error for that call, and the process
// keeps serving. Built for tests only, never installed.
//
//   provider::compliancecheck::explode(kind string) bool
//     kind "std":   throws std::runtime_error
//     kind "alloc": throws std::bad_alloc
//     otherwise:    throws an int (not a std::exception)

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "provider/compliance/provider.h"
#include "provider/log/crash.h"
#include "provider/plugin/serve.h"
#include "provider/server/provider_service.h"

namespace {

class Explode final : public tf::Function {
 public:
  Explode() {
    tf::Parameter kind;
    kind.name = "kind";
    kind.type = cty::Type::String();
    kind.description = "Which exception to throw.";
    definition_.parameters = {kind};
    definition_.return_type = cty::Type::Bool();
    definition_.summary = "Throws, for tests";
    definition_.description = "Throws the exception named by `kind`.";
  }
  std::string_view Name() const override { return "explode"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest& request, tf::CallFunctionResponse*) const override {
    const std::string kind = request.arguments.at(0).AsString();
    if (kind == "std") throw std::runtime_error("explode was asked to throw");
    if (kind == "alloc") throw std::bad_alloc();
    throw 42;
  }

 private:
  tf::FunctionDefinition definition_;
};

// compliance::Provider with `explode` added to its functions.
class FaultyProvider final : public tf::Provider {
 public:
  FaultyProvider() : functions_(real_.Functions()) { functions_.push_back(&explode_); }
  std::string_view TypeName() const override { return real_.TypeName(); }
  const tf::Schema& GetSchema() const override { return real_.GetSchema(); }
  const std::vector<const tf::DataSource*>& DataSources() const override {
    return real_.DataSources();
  }
  const std::vector<const tf::Function*>& Functions() const override { return functions_; }
  void ValidateConfig(const tf::ValidateProviderConfigRequest& request,
                      tf::ProviderConfigResponse* response) override {
    real_.ValidateConfig(request, response);
  }
  void Configure(const tf::ConfigureProviderRequest& request,
                 tf::ProviderConfigResponse* response) override {
    real_.Configure(request, response);
  }

 private:
  compliance::Provider real_;
  Explode explode_;
  std::vector<const tf::Function*> functions_;
};

}  // namespace

int main() {
  tflog::InstallCrashHandler();
  FaultyProvider provider;
  server::ProviderService service(provider);
  return plugin::Serve({&service});
}
