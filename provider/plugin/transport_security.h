// File: provider/plugin/transport_security.h
//
// go-plugin's AutoMTLS, server side: the host puts its client certificate in
// PLUGIN_CLIENT_CERT; the plugin trusts only that certificate, requires it
// from every connection, and answers with a fresh server certificate of its
// own in the handshake line. Terraform turns it off with TF_DISABLE_PLUGIN_TLS.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_TRANSPORT_SECURITY_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_TRANSPORT_SECURITY_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace grpc {
class ServerCredentials;
}

namespace plugin {

// How the listener is secured, and what the handshake line says about it.
struct TransportSecurity {
  std::shared_ptr<grpc::ServerCredentials> credentials;  // never null
  // Unpadded base64 of the server certificate's DER; empty for plaintext.
  std::string server_certificate;
};

// OK when `pem` holds at least one X.509 certificate in PEM form.
absl::Status CheckClientCertificatePem(std::string_view pem);

// Plaintext when `disable_tls` (TF_DISABLE_PLUGIN_TLS) is set and non-empty,
// as Terraform reads it. Otherwise mutual TLS trusting only
// `client_certificate_pem` (PLUGIN_CLIENT_CERT), which must then be present
// and valid: InvalidArgument, with a reason for the log, if not.
absl::StatusOr<TransportSecurity> ChooseTransportSecurity(
    std::optional<std::string_view> disable_tls,
    std::optional<std::string_view> client_certificate_pem);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_TRANSPORT_SECURITY_H_
