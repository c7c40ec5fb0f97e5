// File: provider/plugin/listener.h
//
// Where the plugin listens. go-plugin's hosts connect to a unix socket named
// in the handshake line; TCP on 127.0.0.1 within PLUGIN_MIN_PORT..MAX_PORT is
// the fallback when no socket can be made (a socket directory whose path is
// too long for sun_path, or not writable).

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_LISTENER_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_LISTENER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace plugin {

// What the environment says about listening.
struct ListenerSettings {
  std::string socket_parent;  // directory to create the socket's directory in
  int min_port = 10000;       // TCP fallback range, inclusive
  int max_port = 25000;
};

// $PLUGIN_UNIX_SOCKET_DIR, else $TMPDIR, else /tmp (unset and empty alike).
std::string SocketParentDirectory(std::optional<std::string_view> plugin_unix_socket_dir,
                                  std::optional<std::string_view> tmpdir);

// Settings from the process environment.
ListenerSettings ListenerSettingsFromEnvironment();

// A reserved listening address. For a unix socket it owns a fresh private
// directory (mode 0700) holding the socket path; the destructor removes both,
// so it must outlive the server bound to it.
class Listener {
 public:
  // A unix socket path when possible, else a free TCP port in the range.
  static absl::StatusOr<std::unique_ptr<Listener>> Create(const ListenerSettings& settings);

  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  ~Listener();

  // Handshake line fields: "unix" + absolute path, or "tcp" + "127.0.0.1:port".
  const std::string& network() const { return network_; }
  const std::string& address() const { return address_; }
  // The address in gRPC's URI syntax, for ServerBuilder::AddListeningPort.
  std::string GrpcUri() const;

  // Narrows the bound socket to owner-only (0600); call after the server
  // has bound it. A no-op for TCP.
  absl::Status RestrictToOwner() const;

 private:
  Listener(std::string network, std::string address, std::string directory)
      : network_(std::move(network)),
        address_(std::move(address)),
        directory_(std::move(directory)) {}

  std::string network_;
  std::string address_;
  std::string directory_;  // empty for TCP
};

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_LISTENER_H_
