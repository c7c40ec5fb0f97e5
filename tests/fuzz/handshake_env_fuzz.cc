// File: tests/fuzz/handshake_env_fuzz.cc
//
// libFuzzer target: what provider/plugin/ reads from the environment
// Terraform sets: the magic cookie, PLUGIN_PROTOCOL_VERSIONS,
// TF_DISABLE_PLUGIN_TLS / PLUGIN_CLIENT_CERT (the client certificate PEM),
// PLUGIN_UNIX_SOCKET_DIR / TMPDIR; and what flows from them to the host:
// the handshake line and the JSON log line that quotes a refused version list.
//
// Input: one flag byte, then the fields separated by NUL (an environment
// value never holds NUL):
//   cookie \0 protocol_versions \0 client_cert_pem \0 disable_tls \0
//   socket_dir \0 tmpdir
// Flag bit i set means field i is unset (nullopt); missing fields are unset.
// Bit 6 also builds the AutoMTLS credentials when the PEM is accepted (a
// fresh key pair each time, so it is slow and kept off most inputs).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "provider/log/log.h"
#include "provider/plugin/base64.h"
#include "provider/plugin/handshake.h"
#include "provider/plugin/listener.h"
#include "provider/plugin/transport_security.h"
#include "tests/fuzz/require.h"

namespace {

using fuzz::Fail;
using fuzz::Require;
enum Field { kCookie, kVersions, kClientCert, kDisableTls, kSocketDir, kTmpDir, kFieldCount };

std::vector<std::optional<std::string_view>> SplitFields(uint8_t flags, std::string_view rest) {
  std::vector<std::optional<std::string_view>> fields(kFieldCount);
  for (int i = 0; i < kFieldCount && rest.data() != nullptr; ++i) {
    const size_t end = rest.find('\0');
    if (!(flags & (1u << i))) fields[i] = rest.substr(0, end);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return fields;
}

std::vector<std::string_view> SplitCommas(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t comma = text.find(',');
    parts.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return parts;
    text.remove_prefix(comma + 1);
  }
}

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF),
// as a JSON parser demands.
bool IsUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1, cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2, cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

void CheckCookie(std::optional<std::string_view> cookie) {
  const absl::Status status = plugin::CheckMagicCookie(cookie);
  const bool expected = cookie.has_value() && *cookie == plugin::kMagicCookieValue;
  Require(status.ok() == expected,
          "CheckMagicCookie accepts a wrong cookie or refuses the right one",
          cookie.value_or("<unset>"));
  if (!status.ok()) {
    Require(absl::IsFailedPrecondition(status), "cookie refusal is not FailedPrecondition");
  }
}

// Serve() logs some failures with a status message that quotes the
// environment (a refused PLUGIN_PROTOCOL_VERSIONS, a socket directory it
// cannot use) as the "error" field: the log line must be one JSON object on
// one line, whatever bytes the host put in the variable.
void CheckLogLine(const char* what, std::string_view message) {
  std::string line;
  try {
    line = tflog::FormatLine(tflog::Level::kWarn, what, {tflog::Str("error", message)}, 0);
  } catch (const std::exception& e) {
    Fail("formatting a log line that quotes the environment threw", e.what());
  }
  Require(line.find_first_of("\n\r") == std::string::npos, "log line spans more than one line",
          line);
  const nlohmann::json parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    // Bytes that are not UTF-8 may pass through; anything else must parse.
    Require(!IsUtf8(message), "log line is not JSON", line);
    return;
  }
  Require(parsed.is_object() && parsed.value("@level", "") == "warn" &&
              parsed.value("@message", "") == what && parsed.contains("@timestamp") &&
              (!IsUtf8(message) || parsed.value("error", "") == message),
          "log line lost a key or the message", line);
}

void CheckVersions(std::optional<std::string_view> versions) {
  // Serve() passes an unset variable as "".
  const std::string_view list = versions.value_or("");
  const absl::StatusOr<int> chosen = plugin::NegotiateProtocolVersion(list);
  bool offers_six = false;
  for (std::string_view entry : SplitCommas(list)) offers_six = offers_six || entry == "6";
  if (chosen.ok()) {
    Require(*chosen == plugin::kProviderProtocolVersion,
            "negotiated a version this provider does not speak");
  } else {
    Require(absl::IsFailedPrecondition(chosen.status()),
            "negotiation failure is not FailedPrecondition");
    Require(!list.empty(), "an empty version list (legacy host) was refused");
    Require(!offers_six, "refused a list that offers 6", list);
    CheckLogLine("no common plugin protocol version", std::string(chosen.status().message()));
  }
  // The list has no order: reversing it changes nothing.
  std::vector<std::string_view> entries = SplitCommas(list);
  std::string reversed;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it != entries.rbegin()) reversed += ',';
    reversed += *it;
  }
  Require(plugin::NegotiateProtocolVersion(reversed).ok() == chosen.ok(),
          "negotiation depends on the order of the list", list);
}

void CheckTransportSecurity(std::optional<std::string_view> disable_tls,
                            std::optional<std::string_view> pem, bool build_credentials) {
  const bool pem_ok = pem.has_value() && plugin::CheckClientCertificatePem(*pem).ok();
  if (disable_tls.has_value() && !disable_tls->empty()) {
    const auto security = plugin::ChooseTransportSecurity(disable_tls, pem);
    Require(security.ok(), "TF_DISABLE_PLUGIN_TLS set but TLS was not disabled");
    Require(security->credentials != nullptr && security->server_certificate.empty(),
            "plaintext transport with a certificate or without credentials");
    return;
  }
  if (!pem_ok) {
    const auto security = plugin::ChooseTransportSecurity(disable_tls, pem);
    Require(!security.ok() && absl::IsInvalidArgument(security.status()),
            "a missing or bad PLUGIN_CLIENT_CERT was not refused with InvalidArgument",
            pem.value_or("<unset>"));
    return;
  }
  if (!build_credentials) return;
  const auto security = plugin::ChooseTransportSecurity(disable_tls, pem);
  Require(security.ok(), "a PEM CheckClientCertificatePem accepts was refused", *pem);
  Require(security->credentials != nullptr && !security->server_certificate.empty(),
          "mutual TLS without credentials or server certificate");
  Require(security->server_certificate.find('=') == std::string::npos &&
              security->server_certificate.find('|') == std::string::npos,
          "server certificate field is padded or holds '|'", security->server_certificate);
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// UnpaddedBase64 of any bytes is RawStdEncoding: decodes back to the bytes.
void CheckBase64(std::string_view bytes) {
  const std::string encoded = plugin::UnpaddedBase64(bytes);
  Require(encoded.size() == (bytes.size() * 4 + 2) / 3, "unpadded base64 has the wrong length",
          encoded);
  std::string decoded;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : encoded) {
    const int v = Base64Value(c);
    Require(v >= 0, "base64 outside the standard alphabet", encoded);
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      decoded.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  Require(decoded == bytes, "unpadded base64 does not decode to its input", encoded);
}

// The handshake line for a socket under the directory the environment names.
void CheckHandshakeLine(std::optional<std::string_view> socket_dir,
                        std::optional<std::string_view> tmpdir,
                        std::string_view certificate_bytes) {
  const std::string parent = plugin::SocketParentDirectory(socket_dir, tmpdir);
  const std::string expected = socket_dir.has_value() && !socket_dir->empty()
                                   ? std::string(*socket_dir)
                               : tmpdir.has_value() && !tmpdir->empty() ? std::string(*tmpdir)
                                                                        : std::string("/tmp");
  Require(parent == expected,
          "SocketParentDirectory does not follow PLUGIN_UNIX_SOCKET_DIR, TMPDIR, /tmp", parent);

  // What Serve() logs when it cannot create the socket directory there.
  CheckLogLine("cannot listen", "creating a socket directory in " + parent + ": Permission denied");

  plugin::HandshakeLine line;
  line.network = "unix";
  line.address = parent + "/plugin-AbCdEf/plugin.sock";
  line.server_certificate = plugin::UnpaddedBase64(certificate_bytes);
  const std::string text = plugin::FormatHandshakeLine(line);
  Require(text.size() > 1 && text.back() == '\n', "handshake line does not end in a newline", text);
  Require(text.rfind("1|6|unix|", 0) == 0, "handshake line does not start 1|6|unix|", text);
  // A directory name holding '|' or a newline would break the line; that
  // is the host's setting to get right, not ours to check here.
  if (parent.find_first_of("|\n\r") != std::string::npos) return;
  size_t bars = 0;
  for (char c : text) bars += c == '|';
  Require(bars == 5, "handshake line does not have exactly six fields", text);
  Require(text.find('\n') == text.size() - 1, "handshake line holds more than one line", text);
  Require(text.find("|grpc|" + line.server_certificate + "\n") != std::string::npos,
          "handshake line fields out of order", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<std::optional<std::string_view>> fields = SplitFields(flags, rest);

  CheckCookie(fields[kCookie]);
  CheckVersions(fields[kVersions]);
  CheckTransportSecurity(fields[kDisableTls], fields[kClientCert], (flags & 0x40) != 0);
  CheckBase64(fields[kClientCert].value_or(""));
  CheckHandshakeLine(fields[kSocketDir], fields[kTmpDir], fields[kClientCert].value_or(""));
  return 0;
}
