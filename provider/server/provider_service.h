// File: provider/server/provider_service.h
//
// The tfplugin6 Provider gRPC service. Every RPC is the same short pipeline:
// convert the request, call the tf::Provider, convert the response. Whatever
// a user should read becomes a diagnostic (or a FunctionError); a gRPC status
// other than OK is never returned for a request we can answer.

#ifndef COMPLIANCECHECK_PROVIDER_SERVER_PROVIDER_SERVICE_H_
#define COMPLIANCECHECK_PROVIDER_SERVER_PROVIDER_SERVICE_H_

#include <unordered_map>

#include "provider/cty/type.h"
#include "provider/tf/provider.h"
#include "tfplugin6.grpc.pb.h"

namespace server {

class ProviderService final : public tfplugin6::Provider::Service {
 public:
  // `provider` must outlive the service. Its schemas are read once, here:
  // they never change while it serves.
  explicit ProviderService(tf::Provider& provider);
  ProviderService(const ProviderService&) = delete;
  ProviderService& operator=(const ProviderService&) = delete;

  grpc::Status GetMetadata(grpc::ServerContext*, const tfplugin6::GetMetadataRpc::Request*,
                           tfplugin6::GetMetadataRpc::Response*) override;
  grpc::Status GetProviderSchema(grpc::ServerContext*, const tfplugin6::GetProviderSchema::Request*,
                                 tfplugin6::GetProviderSchema::Response*) override;
  grpc::Status GetFunctions(grpc::ServerContext*, const tfplugin6::GetFunctions::Request*,
                            tfplugin6::GetFunctions::Response*) override;
  grpc::Status GetResourceIdentitySchemas(
      grpc::ServerContext*, const tfplugin6::GetResourceIdentitySchemas::Request*,
      tfplugin6::GetResourceIdentitySchemas::Response*) override;
  grpc::Status ValidateProviderConfig(grpc::ServerContext*,
                                      const tfplugin6::ValidateProviderConfig::Request*,
                                      tfplugin6::ValidateProviderConfig::Response*) override;
  grpc::Status ConfigureProvider(grpc::ServerContext*, const tfplugin6::ConfigureProvider::Request*,
                                 tfplugin6::ConfigureProvider::Response*) override;
  grpc::Status ValidateDataResourceConfig(
      grpc::ServerContext*, const tfplugin6::ValidateDataResourceConfig::Request*,
      tfplugin6::ValidateDataResourceConfig::Response*) override;
  grpc::Status ReadDataSource(grpc::ServerContext*, const tfplugin6::ReadDataSource::Request*,
                              tfplugin6::ReadDataSource::Response*) override;
  grpc::Status CallFunction(grpc::ServerContext*, const tfplugin6::CallFunction::Request*,
                            tfplugin6::CallFunction::Response*) override;
  grpc::Status StopProvider(grpc::ServerContext*, const tfplugin6::StopProvider::Request*,
                            tfplugin6::StopProvider::Response*) override;

 private:
  // The object type of `source`'s configuration (one of provider_'s).
  const cty::Type& ConfigType(const tf::DataSource& source) const;

  tf::Provider& provider_;
  // Built once: decoding every request needs them.
  const cty::Type provider_config_type_;
  std::unordered_map<const tf::DataSource*, cty::Type> data_source_config_types_;
};

}  // namespace server

#endif  // COMPLIANCECHECK_PROVIDER_SERVER_PROVIDER_SERVICE_H_
