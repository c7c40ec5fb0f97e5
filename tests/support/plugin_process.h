// File: tests/support/plugin_process.h
//
// The provider binary started exactly as go-plugin's client starts it: a
// clean environment with the magic cookie, PLUGIN_PROTOCOL_VERSIONS, the port
// range and a freshly generated P-521 client certificate; stdout and stderr on
// pipes; the handshake line read with a timeout; a gRPC channel over mutual
// TLS with the certificates both sides exchanged. Ended on destruction.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_PLUGIN_PROCESS_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_PLUGIN_PROCESS_H_

#include <grpcpp/grpcpp.h>
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/support/client_cert.h"

namespace cc_test {

inline constexpr char kMagicCookie[] =
    "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

// How to start the plugin. The defaults are what Terraform does.
struct PluginOptions {
  std::string binary = CC_PROVIDER_BINARY;
  bool magic_cookie = true;
  std::string protocol_versions = "5,6";
  // Sets TF_DISABLE_PLUGIN_TLS=1 and sends no client certificate.
  bool disable_tls = false;
  // Sent as PLUGIN_CLIENT_CERT instead of the generated certificate's PEM
  // (garbage, or "" to leave the variable out).
  std::optional<std::string> client_certificate_override;
  std::string unix_socket_dir;                 // PLUGIN_UNIX_SOCKET_DIR when not empty
  std::vector<std::string> extra_environment;  // "NAME=value", replacing a default NAME
  std::vector<std::string> arguments;          // after argv[0]; Terraform passes none
};

// The six fields of go-plugin's handshake line.
struct HandshakeFields {
  int core_protocol_version = 0;
  int app_protocol_version = 0;
  std::string network;
  std::string address;
  std::string protocol;
  std::string server_certificate;  // unpadded base64 DER, or empty
};

// Splits a handshake line (without its '\n') the way Terraform 1.8+ does:
// exactly six '|'-separated fields, integers first.
absl::StatusOr<HandshakeFields> ParseHandshakeLine(std::string_view line);

// How the process ended: an exit code, or the signal that killed it.
struct ProcessExit {
  bool exited = false;
  int code = -1;   // when exited
  int signal = 0;  // when killed by a signal
  std::chrono::steady_clock::time_point at;
};

class PluginProcess {
 public:
  // Spawns the binary. The handshake line is read by ReadHandshake().
  static absl::StatusOr<std::unique_ptr<PluginProcess>> Start(PluginOptions options = {});

  PluginProcess(const PluginProcess&) = delete;
  PluginProcess& operator=(const PluginProcess&) = delete;
  // Ends the process if it still runs (SIGTERM, then SIGKILL after 2 s, as
  // go-plugin's client does) and reaps it.
  ~PluginProcess();

  // Waits for the first stdout line; an error when stdout closes first or
  // `timeout` passes. Parses and remembers it.
  absl::StatusOr<HandshakeFields> ReadHandshake(
      std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // From spawn to the arrival of the handshake line's '\n'.
  std::chrono::nanoseconds TimeToHandshake() const;

  // A channel to the handshake's address: mutual TLS with the certificate
  // sent in PLUGIN_CLIENT_CERT, trusting only the handshake's server
  // certificate; plaintext when TLS is disabled.
  std::shared_ptr<grpc::Channel> Channel() const;
  // A channel to the same address with other credentials.
  std::shared_ptr<grpc::Channel> ChannelWith(
      std::shared_ptr<grpc::ChannelCredentials> credentials) const;
  // TLS credentials trusting the server certificate, presenting `client`
  // (none when null).
  std::shared_ptr<grpc::ChannelCredentials> TlsCredentials(const ClientCertificate* client) const;

  // Waits for the process to end; nullopt on timeout.
  std::optional<ProcessExit> WaitForExit(
      std::chrono::milliseconds timeout = std::chrono::seconds(5));

  void SendSignal(int signal) const;

  pid_t pid() const { return pid_; }
  const HandshakeFields& handshake() const { return handshake_; }
  const ClientCertificate& client_certificate() const { return client_; }
  // Everything read from the pipes so far (all of it once the process ended).
  std::string Stdout() const;
  std::string Stderr() const;

 private:
  PluginProcess() = default;
  void ReadPipes();

  pid_t pid_ = -1;
  int pidfd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  bool tls_ = true;
  ClientCertificate client_;
  HandshakeFields handshake_;
  std::string server_certificate_pem_;
  std::optional<ProcessExit> exit_;
  std::chrono::steady_clock::time_point spawned_at_;

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::string stdout_;
  std::string stderr_;
  bool stdout_closed_ = false;
  std::optional<std::chrono::steady_clock::time_point> line_at_;
  std::thread reader_;
};

// go-plugin's client's ping: grpc.health.v1.Health/Check for `service`.
// Returns the serving status number (1 = SERVING) or the RPC's error.
absl::StatusOr<int> CheckHealth(grpc::Channel& channel, const std::string& service,
                                std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace cc_test

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_PLUGIN_PROCESS_H_
