// File: provider/plugin/serve.h
//
// The go-plugin server side, as hashicorp/go-plugin's client expects it:
// magic cookie, protocol negotiation, a unix socket, AutoMTLS, the handshake
// line on stdout, and the side services (health "plugin", GRPCController,
// GRPCStdio, GRPCBroker). Knows nothing of Terraform values.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_SERVE_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_SERVE_H_

#include <vector>

namespace grpc {
class Service;
}

namespace plugin {

// How the process was started.
enum class ServeMode {
  // By go-plugin's host (Terraform, OpenTofu): magic cookie, AutoMTLS and
  // the handshake line.
  kPlugin,
  // By hand with -debug (provider/plugin/reattach.h): no cookie, plaintext
  // on an owner-only unix socket, the TF_REATTACH_PROVIDERS line on stdout,
  // and serving until SIGINT or SIGTERM.
  kDebug,
};

// Serves `services` (not owned; they must outlive the call) until the client
// calls GRPCController.Shutdown, SIGTERM arrives or the parent dies (debug
// mode: SIGINT or SIGTERM). Reads its settings from the environment
// go-plugin sets. Returns the process exit code: 0 after a clean shutdown, 1
// when the process was not started as a plugin (the reason is on stderr;
// stdout stays empty). Returns only once gRPC's runtime has shut down and its
// threads have ended (at most 500 ms after the server stopped), so that the
// process can exit safely.
int Serve(const std::vector<grpc::Service*>& services, ServeMode mode = ServeMode::kPlugin);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_SERVE_H_
