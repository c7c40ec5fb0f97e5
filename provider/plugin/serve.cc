// File: provider/plugin/serve.cc
//
// The start-up sequence of a go-plugin server, in the order go-plugin's
// client depends on: cookie, version, TLS, listener, services, then the one
// handshake line, then serve until told to stop.

#include "provider/plugin/serve.h"

#include <grpc/grpc.h>
#include <grpcpp/grpcpp.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#include "absl/strings/str_cat.h"
#include "provider/log/crash.h"
#include "provider/log/log.h"
#include "provider/plugin/controller.h"
#include "provider/plugin/environment.h"
#include "provider/plugin/handshake.h"
#include "provider/plugin/health.h"
#include "provider/plugin/listener.h"
#include "provider/plugin/reattach.h"
#include "provider/plugin/shutdown_signal.h"
#include "provider/plugin/signals.h"
#include "provider/plugin/stdio.h"
#include "provider/plugin/transport_security.h"
#include "provider/text/string_view.h"

namespace plugin {
namespace {

// Terraform's messages are bounded by what it sends (plans, states); gRPC's
// 4 MiB default is too small for large configurations.
constexpr int kMaxMessageBytes = 256 << 20;

// How long the server's Shutdown lets calls still running finish before it
// cancels them: Controller.Shutdown's reply is on its way out when the
// shutdown signal wakes Serve, and cancelling it would reach the host as an
// error (go-plugin then logs a warning and SIGKILLs the plugin). Held
// streams end at the signal; Provider handlers are waited for regardless.
constexpr std::chrono::milliseconds kShutdownGrace{100};

// How long Serve waits for gRPC's own shutdown after the server is gone.
// Normally milliseconds; bounded so that a stuck gRPC thread cannot keep the
// process alive after the host said goodbye.
constexpr std::chrono::milliseconds kGrpcShutdownWait{500};

int Fail(std::string_view what, const absl::Status& status) {
  tflog::Write(tflog::Level::kError, what, {tflog::Str("error", text::StdView(status.message()))});
  return 1;
}

// Writes the handshake line to stdout, then points stdout at stderr so that
// nothing printed later (by us or a library) can reach the host's
// handshake reader.
absl::Status PrintHandshakeLine(const HandshakeLine& line) {
  const std::string text = FormatHandshakeLine(line);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    return absl::UnavailableError("writing the handshake line to stdout failed");
  }
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  return absl::OkStatus();
}

// Debug mode's stdout: the instructions with the TF_REATTACH_PROVIDERS line.
absl::Status PrintReattachInstructions(const Listener& listener) {
  ReattachConfig config;
  config.pid = static_cast<int>(::getpid());
  config.network = listener.network();
  config.address = listener.address();
  const std::string text = FormatDebugInstructions(kProviderAddress, config);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    return absl::UnavailableError("writing the reattach configuration to stdout failed");
  }
  return absl::OkStatus();
}

// Serve's body: every gRPC object it makes is gone when it returns.
int ServeUntilStopped(const std::vector<grpc::Service*>& services, ServeMode mode) {
  const bool debug = mode == ServeMode::kDebug;
  const pid_t parent = ::getppid();
  if (!debug && !CheckMagicCookie(Getenv(kMagicCookieKey)).ok()) {
    std::fputs(std::string(kNotStartedByHostMessage).c_str(), stderr);
    return 1;
  }

  auto shutdown = ShutdownSignal::Create();
  if (!shutdown.ok()) return Fail("cannot start the plugin", shutdown.status());
  if (auto status = InstallSignalHandling(**shutdown, parent,
                                          debug ? SignalMode::kDebug : SignalMode::kPlugin);
      !status.ok()) {
    return Fail("cannot install signal handling", status);
  }

  // Like go-plugin, answer our only version even when the host does not list
  // it: the host then reports the mismatch to the user in its own words.
  // Debug mode has no host to ask.
  const auto negotiated =
      NegotiateProtocolVersion(debug ? "" : Getenv("PLUGIN_PROTOCOL_VERSIONS").value_or(""));
  if (!negotiated.ok()) {
    tflog::Write(tflog::Level::kWarn, "no common plugin protocol version",
                 {tflog::Str("error", text::StdView(negotiated.status().message()))});
  }

  // Terraform's reattach client dials without TLS; the socket is the
  // owner's alone (RestrictToOwner below).
  auto security = debug ? ChooseTransportSecurity("1", std::nullopt)
                        : ChooseTransportSecurity(Getenv("TF_DISABLE_PLUGIN_TLS"),
                                                  Getenv("PLUGIN_CLIENT_CERT"));
  if (!security.ok()) return Fail("cannot set up AutoMTLS", security.status());

  auto listener = Listener::Create(ListenerSettingsFromEnvironment());
  if (!listener.ok()) return Fail("cannot listen", listener.status());

  ControllerService controller(shutdown->get());
  StdioService stdio(shutdown->get());
  HealthService health(shutdown->get());
  grpc::ServerBuilder builder;
  builder.AddListeningPort((*listener)->GrpcUri(), security->credentials);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  for (grpc::Service* service : services) builder.RegisterService(service);
  builder.RegisterService(&controller);
  builder.RegisterService(&stdio);
  builder.RegisterService(&health);
  // plugin.GRPCBroker is left unregistered: this plugin brokers nothing, and
  // go-plugin's client ignores the UNIMPLEMENTED answer to StartStream.
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr) {
    return Fail(
        "cannot start the gRPC server",
        absl::UnavailableError(absl::StrCat("binding ", (*listener)->GrpcUri(), " failed")));
  }
  // The signal first: held streams (StreamStdio, Watch) then return, and
  // the server's Shutdown is left waiting on none of them.
  auto stop = [&] {
    (*shutdown)->Request();
    server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
  };
  if (auto status = (*listener)->RestrictToOwner(); !status.ok()) {
    stop();
    return Fail("cannot secure the socket", status);
  }

  if (debug) {
    if (auto status = PrintReattachInstructions(**listener); !status.ok()) {
      stop();
      return Fail("cannot print the reattach configuration", status);
    }
  } else {
    HandshakeLine line;
    line.app_protocol_version = kProviderProtocolVersion;
    line.network = (*listener)->network();
    line.address = (*listener)->address();
    line.server_certificate = security->server_certificate;
    if (auto status = PrintHandshakeLine(line); !status.ok()) {
      stop();
      return Fail("cannot hand shake", status);
    }
  }
  // Off the start-up path: the host is already connecting.
  tflog::PrepareBacktracesInBackground();

  (*shutdown)->Wait();
  stop();
  server.reset();
  return 0;  // ~Listener removes the socket and its directory
}

}  // namespace

int Serve(const std::vector<grpc::Service*>& services, ServeMode mode) {
  // The machine's OpenSSL configuration is written for the machine's own
  // OpenSSL: a static binary that read it would try to load the provider
  // modules it names (FIPS, crypto policies), fail, and lose every
  // algorithm. This first initialisation wins; gRPC's later one loads
  // nothing more.
  OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);

  // gRPC must be wholly shut down, its threads joined, before the process
  // exits: a gRPC thread still ending while exit runs OpenSSL's clean-up
  // frees OpenSSL's per-thread state twice (AddressSanitizer caught it: a
  // double free, then a hang in its report, after Shutdown under load). The
  // last reference to gRPC's runtime may drop on one of its own threads,
  // which then shuts gRPC down on a detached thread; grpc_is_initialized()
  // stays true, and blocks, until that clean-up has finished. Our own
  // reference, released last, makes the common case synchronous.
  //
  // gRPC's start-up (its core configuration and first threads, 2.2 ms of the
  // 20 ms to the handshake line on a 2-core CI-like machine) uses nothing of
  // OpenSSL, so it runs on another core while ServeUntilStopped makes the
  // server certificate. Every gRPC object made there calls grpc_init itself,
  // which waits for this one to finish. Measured over 80 alternating starts:
  // handshake p50 1.0-1.2 ms sooner, and 3 ms less CPU.
  std::optional<std::thread> grpc_start;
  try {
    grpc_start.emplace([] { grpc_init(); });
  } catch (const std::system_error&) {
    grpc_init();  // no thread to spare: start gRPC here, as before
  }
  const int code = ServeUntilStopped(services, mode);
  if (grpc_start.has_value()) grpc_start->join();
  grpc_shutdown_blocking();
  const auto deadline = std::chrono::steady_clock::now() + kGrpcShutdownWait;
  while (grpc_is_initialized() != 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      tflog::Write(tflog::Level::kWarn, "gRPC did not shut down in time; exiting anyway", {});
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return code;
}

}  // namespace plugin
