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

namespace plugin {

// Holds each StreamStdio call open without a thread until it is cancelled
// (client gone, or Server::Shutdown's deadline).
class StdioService final : public GRPCStdio::CallbackService {
 public:
  grpc::ServerWriteReactor<StdioData>* StreamStdio(grpc::CallbackServerContext* context,
                                                   const google::protobuf::Empty* request) override;
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_STDIO_H_
