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

// Answers Shutdown, and raises the shutdown signal only once the reply has
// been handed to the transport: the server is then stopped by the thread
// waiting on the signal, never by the handler (gRPC's Server::Shutdown
// waits for running handlers, this one included).
class ControllerService final : public GRPCController::CallbackService {
 public:
  // `shutdown` must outlive the server.
  explicit ControllerService(const ShutdownSignal* shutdown) : shutdown_(shutdown) {}

  grpc::ServerUnaryReactor* Shutdown(grpc::CallbackServerContext* context, const Empty* request,
                                     Empty* response) override;

 private:
  const ShutdownSignal* shutdown_;
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_CONTROLLER_H_
