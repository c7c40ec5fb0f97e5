// File: provider/plugin/handshake.cc

#include "provider/plugin/handshake.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "provider/text/string_view.h"

namespace plugin {

absl::Status CheckMagicCookie(std::optional<std::string_view> cookie) {
  if (cookie.has_value() && *cookie == kMagicCookieValue) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat(kMagicCookieKey, " is missing or wrong: not started by Terraform"));
}

absl::StatusOr<int> NegotiateProtocolVersion(std::string_view client_versions) {
  if (client_versions.empty()) return kProviderProtocolVersion;
  for (absl::string_view entry : absl::StrSplit(text::AbslView(client_versions), ',')) {
    int version = 0;
    if (absl::SimpleAtoi(entry, &version) && version == kProviderProtocolVersion) {
      return kProviderProtocolVersion;
    }
  }
  return absl::FailedPreconditionError(
      absl::StrCat("the host offers plugin protocol versions \"", std::string(client_versions),
                   "\"; this provider speaks only version ", kProviderProtocolVersion));
}

std::string FormatHandshakeLine(const HandshakeLine& line) {
  return absl::StrCat(line.core_protocol_version, "|", line.app_protocol_version, "|", line.network,
                      "|", line.address, "|", line.protocol, "|", line.server_certificate, "\n");
}

}  // namespace plugin
