// File: provider/plugin/health.h
//
// grpc.health.v1.Health: go-plugin's client pings "plugin" with Check before
// it uses the plugin. Synchronous, like every service here: gRPC's built-in
// one (EnableDefaultHealthCheckService) uses the callback API, and one
// callback service makes gRPC start its callback threads, at a cost to
// start-up.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_HEALTH_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_HEALTH_H_

#include "health.grpc.pb.h"
#include "provider/plugin/shutdown_signal.h"

namespace plugin {

// SERVING for "" (the whole server) and "plugin", as gRPC's built-in
// service answers once go-plugin's server has marked "plugin" serving;
// NOT_FOUND for any other name. The status never changes while serving.
class HealthService final : public grpc::health::v1::Health::Service {
 public:
  // `shutdown` must outlive the server.
  explicit HealthService(const ShutdownSignal* shutdown) : shutdown_(shutdown) {}

  grpc::Status Check(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::health::v1::HealthCheckResponse* response) override;

  // Sends the current status (SERVICE_UNKNOWN for an unknown name), then
  // holds the stream open until the client cancels it or shutdown is
  // requested (provider/plugin/hold_open.h).
  grpc::Status Watch(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::ServerWriter<grpc::health::v1::HealthCheckResponse>* writer) override;

 private:
  const ShutdownSignal* shutdown_;
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_HEALTH_H_
