// File: provider/plugin/certificate.h
//
// The self-signed certificate of go-plugin's AutoMTLS: generated fresh at every
// start, sent to the host in the handshake line, and used as the TLS server
// identity. go-plugin's hosts use the same shape for their client certificate.

#ifndef COMPLIANCECHECK_PROVIDER_PLUGIN_CERTIFICATE_H_
#define COMPLIANCECHECK_PROVIDER_PLUGIN_CERTIFICATE_H_

#include <string>

#include "absl/status/statusor.h"

namespace plugin {

// The ECDSA curve of the key. go-plugin uses P-521; P-256 is accepted by every
// host and is much cheaper to generate, which matters at every plugin start.
// kP521 is kept though the provider never uses it: the tests make the host's
// client certificate with it, exactly as go-plugin's client does.
enum class Curve { kP256, kP521 };

// A certificate and its private key, in the encodings TLS libraries take.
struct Certificate {
  std::string certificate_pem;
  std::string private_key_pem;  // PKCS#8
  std::string certificate_der;  // what the handshake line carries
};

// A fresh key on `curve` and a self-signed certificate for it: subject and
// SAN DNS "localhost", CA:true, key usages digitalSignature, keyEncipherment,
// keyAgreement and keyCertSign, extended key usages serverAuth and clientAuth,
// valid from 30 seconds ago (clock skew) for 30 years, as go-plugin's are.
absl::StatusOr<Certificate> GenerateSelfSignedCertificate(Curve curve);

}  // namespace plugin

#endif  // COMPLIANCECHECK_PROVIDER_PLUGIN_CERTIFICATE_H_
