// File: tests/support/client_cert.h
//
// The client side of go-plugin's AutoMTLS, for tests that play the host: the
// certificate a host puts in PLUGIN_CLIENT_CERT, and the server certificate
// from the handshake line turned back into PEM.

#ifndef COMPLIANCECHECK_TESTS_SUPPORT_CLIENT_CERT_H_
#define COMPLIANCECHECK_TESTS_SUPPORT_CLIENT_CERT_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace cc_test {

// A certificate and key in PEM, as gRPC's credentials take them.
struct ClientCertificate {
  std::string certificate_pem;
  std::string private_key_pem;
};

// A fresh self-signed ECDSA P-521 certificate (CA, SAN localhost), the shape
// go-plugin's client generates (it shares generateCert with the server).
// Aborts the test binary on an OpenSSL failure: nothing can be tested then.
ClientCertificate GenerateClientCertificate();

// The handshake line's field 6 (unpadded base64 of a DER certificate) as PEM.
absl::StatusOr<std::string> ServerCertificatePem(std::string_view unpadded_base64_der);

}  // namespace cc_test

#endif  // COMPLIANCECHECK_TESTS_SUPPORT_CLIENT_CERT_H_
