// File: provider/plugin/stdio.h
//
// plugin.GRPCStdio: go-plugin's client opens StreamStdio once per process to
// copy the plugin's stdout/stderr; without the service it logs a warning.
// This plugin logs to its real stderr (the host reads that pipe anyway), so
// the stream stays open and silent until the client or the server ends it.
// A clean end reaches the client as EOF, which it takes quietly.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_STDIO_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_STDIO_H_

#include "grpc_stdio.grpc.pb.h"
#include "provider/plugin/shutdown_signal.h"

namespace plugin {

// Holds each StreamStdio call open, on one of gRPC's server threads, until
// the client cancels it or shutdown is requested; then ends it cleanly.
// Synchronous, like every service here: one callback service would make
// gRPC start its callback threads, at a cost to start-up.
class StdioService final : public GRPCStdio::Service {
 public:
  // `shutdown` must outlive the server.
  explicit StdioService(const ShutdownSignal* shutdown) : shutdown_(shutdown) {}

  grpc::Status StreamStdio(grpc::ServerContext* context, const google::protobuf::Empty* request,
                           grpc::ServerWriter<StdioData>* writer) override;

 private:
  const ShutdownSignal* shutdown_;
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_STDIO_H_
