// File: provider/plugin/handshake.h
//
// The text half of go-plugin's start-up contract: the magic cookie that tells
// a plugin it was started by its host, the protocol version negotiated from
// PLUGIN_PROTOCOL_VERSIONS, and the one line printed on stdout that tells the
// host where to connect.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_HANDSHAKE_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_HANDSHAKE_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace plugin {

// Terraform's handshake settings (hashicorp/terraform internal/plugin6).
inline constexpr char kMagicCookieKey[] = "TF_PLUGIN_MAGIC_COOKIE";
inline constexpr std::string_view kMagicCookieValue =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

// go-plugin's own protocol version (first field of the handshake line).
inline constexpr int kCoreProtocolVersion = 1;
// The only Terraform plugin protocol this provider speaks (tfplugin6).
inline constexpr int kProviderProtocolVersion = 6;

// What go-plugin prints when a plugin binary is run by hand.
inline constexpr std::string_view kNotStartedByHostMessage =
    "This binary is a plugin. These are not meant to be executed directly.\n"
    "Please execute the program that consumes these plugins, which will\n"
    "load any plugins automatically\n";

// OK when `cookie` (the value of kMagicCookieKey, nullopt when unset) is
// Terraform's; FailedPrecondition otherwise.
absl::Status CheckMagicCookie(std::optional<std::string_view> cookie);

// Chooses the protocol version from the host's PLUGIN_PROTOCOL_VERSIONS, a
// comma-separated list in no particular order. Entries that are not integers
// are skipped, as go-plugin skips them. An empty or absent list (a legacy
// host) yields kProviderProtocolVersion. A list without it is
// FailedPrecondition: the caller may still answer kProviderProtocolVersion, as
// go-plugin does, so the host reports the mismatch in its own words.
absl::StatusOr<int> NegotiateProtocolVersion(std::string_view client_versions);

// The fields of go-plugin's handshake line, in order.
struct HandshakeLine {
  int core_protocol_version = kCoreProtocolVersion;
  int app_protocol_version = kProviderProtocolVersion;
  std::string network;  // "unix" or "tcp"
  std::string address;  // absolute socket path, or host:port
  std::string protocol = "grpc";
  std::string server_certificate;  // unpadded base64 of the DER; empty without TLS
};

// `1|6|unix|/abs/path|grpc|CERT` followed by '\n'. Always six fields: the
// trailing '|' stays when the certificate is empty.
std::string FormatHandshakeLine(const HandshakeLine& line);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_HANDSHAKE_H_
