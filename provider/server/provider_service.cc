// File: provider/server/provider_service.cc

#include "provider/server/provider_service.h"

#include <chrono>
#include <exception>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/message_lite.h"
#include "provider/log/log.h"
#include "provider/server/convert.h"

namespace server {
namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One debug line per RPC: its name, duration and verdict, never a value.
void LogRpc(absl::string_view rpc, Clock::time_point start, const tf::Diagnostics& diags) {
  if (!tflog::Enabled(tflog::Level::kDebug)) return;
  long long errors = 0;
  long long warnings = 0;
  for (const tf::Diagnostic& d : diags.items())
    (d.severity == tf::Severity::kError ? errors : warnings)++;
  tflog::Write(tflog::Level::kDebug, "RPC handled",
               {tflog::Str("rpc", std::string(rpc)), tflog::Num("duration_ms", MillisSince(start)),
                tflog::Int("errors", errors), tflog::Int("warnings", warnings)});
}

// One trace line per RPC as it arrives: its name and size, never a value.
void LogReceived(absl::string_view rpc, const google::protobuf::MessageLite& request) {
  if (!tflog::Enabled(tflog::Level::kTrace)) return;
  tflog::Write(tflog::Level::kTrace, "RPC received",
               {tflog::Str("rpc", std::string(rpc)),
                tflog::Int("request_bytes", static_cast<long long>(request.ByteSizeLong()))});
}

// What the user reads when a handler throws: an error naming what failed
// (`failed`: the RPC, or the function) and that it is our bug. `what` is the
// exception's text, or null when it was not a std::exception.
void AddInternalError(absl::string_view failed, const char* what, tf::Diagnostics* diags) {
  diags->AddError("Internal error in the compliancecheck provider",
                  what != nullptr
                      ? absl::StrCat(failed, " failed unexpectedly: ", what,
                                     "\n\nThis is a bug in the provider; please report it.")
                      : absl::StrCat(failed,
                                     " failed unexpectedly.\n\nThis is a bug in the "
                                     "provider; please report it."));
}
void AddInternalError(absl::string_view failed, const char* what,
                      std::optional<tf::FunctionError>* error) {
  *error = tf::FunctionError{
      what != nullptr ? absl::StrCat("internal error in the compliancecheck provider: ", failed,
                                     " failed: ", what, "; this is a bug, please report it")
                      : absl::StrCat("internal error in the compliancecheck provider: ", failed,
                                     " failed unexpectedly; this is a bug, please report it"),
      std::nullopt};
}

// The pipeline every RPC that can fail runs: a trace line as it arrives,
// then `body`, with an escaped exception turned into an `Outcome` the user
// reads (diagnostics, or a function error), so the process keeps serving.
template <typename Outcome, typename Body>
Outcome Guarded(absl::string_view rpc, absl::string_view failed,
                const google::protobuf::MessageLite& request, Body body) {
  LogReceived(rpc, request);
  Outcome outcome{};
  try {
    body(&outcome);
  } catch (const std::exception& e) {
    AddInternalError(failed, e.what(), &outcome);
  } catch (...) {
    AddInternalError(failed, nullptr, &outcome);
  }
  return outcome;
}

// Guarded for the RPCs that answer with diagnostics.
template <typename Response, typename Body>
grpc::Status WithDiagnostics(absl::string_view rpc, const google::protobuf::MessageLite& request,
                             Response* response, Body body) {
  const Clock::time_point start = Clock::now();
  const tf::Diagnostics diags = Guarded<tf::Diagnostics>(rpc, rpc, request, body);
  ToProto(diags, response->mutable_diagnostics());
  LogRpc(rpc, start, diags);
  return grpc::Status::OK;
}

void AddUndecodable(absl::string_view what, const absl::Status& status, tf::Diagnostics* diags) {
  diags->AddError(absl::StrCat("Invalid ", what, " received from Terraform"),
                  absl::StrCat("The provider could not decode the ", what, ": ", status.message(),
                               "\n\nThis usually means Terraform and the provider disagree on the "
                               "schema; check that both are current."));
}

void AddUnknownDataSource(absl::string_view type_name, tf::Diagnostics* diags) {
  diags->AddError(
      "Unknown data source type",
      absl::StrCat("The compliancecheck provider has no data source \"", type_name, "\"."));
}

}  // namespace

ProviderService::ProviderService(tf::Provider& provider)
    : provider_(provider), provider_config_type_(provider.GetSchema().block.ObjectType()) {
  for (const tf::DataSource* source : provider.DataSources()) {
    data_source_config_types_.emplace(source, source->GetSchema().block.ObjectType());
  }
}

const cty::Type& ProviderService::ConfigType(const tf::DataSource& source) const {
  return data_source_config_types_.at(&source);
}

grpc::Status ProviderService::GetMetadata(grpc::ServerContext*,
                                          const tfplugin6::GetMetadataRpc::Request*,
                                          tfplugin6::GetMetadataRpc::Response* response) {
  response->mutable_server_capabilities()->set_get_provider_schema_optional(true);
  for (const tf::DataSource* d : provider_.DataSources()) {
    response->add_data_sources()->set_type_name(std::string(d->TypeName()));
  }
  for (const tf::Function* f : provider_.Functions()) {
    response->add_functions()->set_name(std::string(f->Name()));
  }
  return grpc::Status::OK;
}

grpc::Status ProviderService::GetProviderSchema(grpc::ServerContext*,
                                                const tfplugin6::GetProviderSchema::Request*,
                                                tfplugin6::GetProviderSchema::Response* response) {
  ToProto(provider_.GetSchema(), response->mutable_provider());
  for (const tf::DataSource* d : provider_.DataSources()) {
    ToProto(d->GetSchema(),
            &(*response->mutable_data_source_schemas())[std::string(d->TypeName())]);
  }
  for (const tf::Function* f : provider_.Functions()) {
    ToProto(f->Definition(), &(*response->mutable_functions())[std::string(f->Name())]);
  }
  response->mutable_server_capabilities()->set_get_provider_schema_optional(true);
  return grpc::Status::OK;
}

grpc::Status ProviderService::GetFunctions(grpc::ServerContext*,
                                           const tfplugin6::GetFunctions::Request*,
                                           tfplugin6::GetFunctions::Response* response) {
  for (const tf::Function* f : provider_.Functions()) {
    ToProto(f->Definition(), &(*response->mutable_functions())[std::string(f->Name())]);
  }
  return grpc::Status::OK;
}

grpc::Status ProviderService::GetResourceIdentitySchemas(
    grpc::ServerContext*, const tfplugin6::GetResourceIdentitySchemas::Request*,
    tfplugin6::GetResourceIdentitySchemas::Response*) {
  return grpc::Status::OK;  // no managed resources, so no identities
}

grpc::Status ProviderService::ValidateProviderConfig(
    grpc::ServerContext*, const tfplugin6::ValidateProviderConfig::Request* request,
    tfplugin6::ValidateProviderConfig::Response* response) {
  return WithDiagnostics("ValidateProviderConfig", *request, response, [&](tf::Diagnostics* diags) {
    absl::StatusOr<cty::Value> config = FromProto(request->config(), provider_config_type_);
    if (!config.ok()) return AddUndecodable("provider configuration", config.status(), diags);
    tf::ProviderConfigResponse out;
    provider_.ValidateConfig({*std::move(config)}, &out);
    diags->Append(out.diagnostics);
  });
}

grpc::Status ProviderService::ConfigureProvider(
    grpc::ServerContext*, const tfplugin6::ConfigureProvider::Request* request,
    tfplugin6::ConfigureProvider::Response* response) {
  return WithDiagnostics("ConfigureProvider", *request, response, [&](tf::Diagnostics* diags) {
    absl::StatusOr<cty::Value> config = FromProto(request->config(), provider_config_type_);
    if (!config.ok()) return AddUndecodable("provider configuration", config.status(), diags);
    tf::ProviderConfigResponse out;
    provider_.Configure({request->terraform_version(), *std::move(config)}, &out);
    diags->Append(out.diagnostics);
  });
}

grpc::Status ProviderService::ValidateDataResourceConfig(
    grpc::ServerContext*, const tfplugin6::ValidateDataResourceConfig::Request* request,
    tfplugin6::ValidateDataResourceConfig::Response* response) {
  return WithDiagnostics(
      "ValidateDataResourceConfig", *request, response, [&](tf::Diagnostics* diags) {
        const tf::DataSource* source = provider_.FindDataSource(request->type_name());
        if (source == nullptr) return AddUnknownDataSource(request->type_name(), diags);
        absl::StatusOr<cty::Value> config = FromProto(request->config(), ConfigType(*source));
        if (!config.ok())
          return AddUndecodable("data source configuration", config.status(), diags);
        tf::ValidateDataSourceResponse out;
        source->Validate({*std::move(config)}, &out);
        diags->Append(out.diagnostics);
      });
}

grpc::Status ProviderService::ReadDataSource(grpc::ServerContext*,
                                             const tfplugin6::ReadDataSource::Request* request,
                                             tfplugin6::ReadDataSource::Response* response) {
  return WithDiagnostics("ReadDataSource", *request, response, [&](tf::Diagnostics* diags) {
    const tf::DataSource* source = provider_.FindDataSource(request->type_name());
    if (source == nullptr) return AddUnknownDataSource(request->type_name(), diags);
    const cty::Type& type = ConfigType(*source);
    absl::StatusOr<cty::Value> config = FromProto(request->config(), type);
    if (!config.ok()) return AddUndecodable("data source configuration", config.status(), diags);
    tf::ReadDataSourceResponse out;
    source->Read({*std::move(config)}, &out);
    diags->Append(out.diagnostics);
    if (diags->HasError()) return;
    absl::Status encoded = ToProto(out.state, type, response->mutable_state());
    if (!encoded.ok()) {
      diags->AddError(
          "Internal error in the compliancecheck provider",
          absl::StrCat("The data source state could not be encoded: ", encoded.message()));
    }
  });
}

grpc::Status ProviderService::CallFunction(grpc::ServerContext*,
                                           const tfplugin6::CallFunction::Request* request,
                                           tfplugin6::CallFunction::Response* response) {
  const Clock::time_point start = Clock::now();
  using Error = std::optional<tf::FunctionError>;
  Error error = Guarded<Error>(
      "CallFunction", absl::StrCat("function \"", request->name(), "\""), *request,
      [&](Error* failure) {
        const tf::Function* function = provider_.FindFunction(request->name());
        if (function == nullptr) {
          *failure =
              tf::FunctionError{absl::StrCat("the compliancecheck provider has no function \"",
                                             request->name(), "\""),
                                std::nullopt};
          return;
        }
        const tf::FunctionDefinition& def = function->Definition();
        const size_t fixed = def.parameters.size();
        const size_t given = static_cast<size_t>(request->arguments_size());
        if (given < fixed || (given > fixed && !def.variadic.has_value())) {
          *failure = tf::FunctionError{
              absl::StrCat("expected ", fixed, " argument(s), got ", given), std::nullopt};
          return;
        }
        tf::CallFunctionRequest call;
        for (size_t i = 0; i < given; ++i) {
          const tf::Parameter& param = i < fixed ? def.parameters[i] : *def.variadic;
          absl::StatusOr<cty::Value> arg =
              FromProto(request->arguments(static_cast<int>(i)), param.type);
          if (!arg.ok()) {
            *failure = tf::FunctionError{
                absl::StrCat("could not decode the argument: ", arg.status().message()),
                static_cast<int64_t>(i)};
            return;
          }
          call.arguments.push_back(*std::move(arg));
        }
        tf::CallFunctionResponse out;
        function->Call(call, &out);
        if (out.error.has_value()) {
          *failure = std::move(out.error);
          return;
        }
        absl::Status encoded = ToProto(out.result, def.return_type, response->mutable_result());
        if (!encoded.ok()) {
          *failure = tf::FunctionError{
              absl::StrCat("internal error: the result could not be encoded: ", encoded.message()),
              std::nullopt};
        }
      });
  if (error.has_value()) {
    // Terraform ends the sentence itself ("...: TEXT.").
    std::string& text = error->text;
    while (!text.empty() && (text.back() == '.' || text.back() == ' ' || text.back() == '\n')) {
      text.pop_back();
    }
    response->clear_result();
    ToProto(*error, response->mutable_error());
  }
  if (tflog::Enabled(tflog::Level::kDebug)) {
    tflog::Write(tflog::Level::kDebug, "RPC handled",
                 {tflog::Str("rpc", "CallFunction"), tflog::Str("function", request->name()),
                  tflog::Num("duration_ms", MillisSince(start)),
                  tflog::Str("result", error.has_value() ? "error" : "ok")});
  }
  return grpc::Status::OK;
}

grpc::Status ProviderService::StopProvider(grpc::ServerContext*,
                                           const tfplugin6::StopProvider::Request*,
                                           tfplugin6::StopProvider::Response*) {
  // Nothing runs long enough to be worth cancelling: every RPC is in-memory.
  return grpc::Status::OK;
}

}  // namespace server
