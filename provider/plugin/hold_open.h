// File: provider/plugin/hold_open.h
//
// For a synchronous streaming handler that has nothing more to send
// (GRPCStdio.StreamStdio, Health.Watch): blocks its gRPC thread until the
// client cancels the call or shutdown is requested.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_HOLD_OPEN_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_HOLD_OPEN_H_

#include <grpcpp/server_context.h>

#include "provider/plugin/shutdown_signal.h"

namespace plugin {

// Returns at once when shutdown is requested, so that Server::Shutdown never
// waits on the handler; within 200 ms of the client going away.
void HoldOpen(grpc::ServerContext& context, const ShutdownSignal& shutdown);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_HOLD_OPEN_H_
