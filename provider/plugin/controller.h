// File: provider/plugin/controller.h
//
// plugin.GRPCController: go-plugin's client calls Shutdown at the end of every
// plugin instance's life and SIGKILLs the process 2 s later if it is still
// there. Terraform starts several instances per plan, so exit is prompt.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_CONTROLLER_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_CONTROLLER_H_

#include "grpc_controller.grpc.pb.h"
#include "provider/plugin/shutdown_signal.h"

namespace plugin {

// Answers Shutdown and raises the shutdown signal: the server is then
// stopped by the thread waiting on the signal, never by the handler (gRPC's
// Server::Shutdown waits for running handlers, this one included). Serve
// gives the reply time to leave before it cancels what is still open.
// Synchronous, like every service here: one callback service would make
// gRPC start its callback threads, at a cost to start-up.
class ControllerService final : public GRPCController::Service {
 public:
  // `shutdown` must outlive the server.
  explicit ControllerService(const ShutdownSignal* shutdown) : shutdown_(shutdown) {}

  grpc::Status Shutdown(grpc::ServerContext* context, const Empty* request,
                        Empty* response) override;

 private:
  const ShutdownSignal* shutdown_;
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_CONTROLLER_H_
