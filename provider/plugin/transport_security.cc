// File: provider/plugin/transport_security.cc

#include "provider/plugin/transport_security.h"

#include <grpcpp/security/server_credentials.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/plugin/base64.h"
#include "provider/plugin/certificate.h"
#include "provider/plugin/openssl_ptr.h"

namespace plugin {

absl::Status CheckClientCertificatePem(std::string_view pem) {
  const BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return absl::ResourceExhaustedError("out of memory");
  const X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (cert == nullptr) {
    return absl::InvalidArgumentError("PLUGIN_CLIENT_CERT does not hold a PEM X.509 certificate");
  }
  return absl::OkStatus();
}

absl::StatusOr<TransportSecurity> ChooseTransportSecurity(
    std::optional<std::string_view> disable_tls,
    std::optional<std::string_view> client_certificate_pem) {
  if (disable_tls.has_value() && !disable_tls->empty()) {
    return TransportSecurity{grpc::InsecureServerCredentials(), ""};
  }
  if (!client_certificate_pem.has_value() || client_certificate_pem->empty()) {
    return absl::InvalidArgumentError(
        "PLUGIN_CLIENT_CERT is not set: the host must offer AutoMTLS (or set "
        "TF_DISABLE_PLUGIN_TLS to run without TLS)");
  }
  if (auto status = CheckClientCertificatePem(*client_certificate_pem); !status.ok()) {
    return status;
  }
  // P-256: the host accepts any curve, and P-521 costs several milliseconds
  // more at every start.
  auto server = GenerateSelfSignedCertificate(Curve::kP256);
  if (!server.ok()) return server.status();

  grpc::SslServerCredentialsOptions options(
      GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = std::string(*client_certificate_pem);
  options.pem_key_cert_pairs.push_back({server->private_key_pem, server->certificate_pem});
  return TransportSecurity{grpc::SslServerCredentials(options),
                           UnpaddedBase64(server->certificate_der)};
}

}  // namespace plugin
