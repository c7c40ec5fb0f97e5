// File: tests/support/client_cert.cc

#include "tests/support/client_cert.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "provider/plugin/certificate.h"

namespace cc_test {

ClientCertificate GenerateClientCertificate() {
  auto cert = plugin::GenerateSelfSignedCertificate(plugin::Curve::kP521);
  if (!cert.ok()) {
    std::fprintf(stderr, "generating a client certificate: %s\n",
                 std::string(cert.status().message()).c_str());
    std::abort();
  }
  return {cert->certificate_pem, cert->private_key_pem};
}

absl::StatusOr<std::string> ServerCertificatePem(std::string_view unpadded_base64_der) {
  std::string padded(unpadded_base64_der);
  while (padded.size() % 4 != 0) padded.push_back('=');
  std::string der;
  if (padded.empty() || !absl::Base64Unescape(padded, &der)) {
    return absl::InvalidArgumentError("the server certificate is not base64");
  }
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  if (cert == nullptr) return absl::InvalidArgumentError("the server certificate is not DER X.509");
  BIO* bio = BIO_new(BIO_s_mem());
  std::string pem;
  if (bio != nullptr && PEM_write_bio_X509(bio, cert) == 1) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    if (size > 0) pem.assign(data, static_cast<size_t>(size));
  }
  BIO_free(bio);
  X509_free(cert);
  if (pem.empty()) return absl::InternalError("encoding the server certificate as PEM");
  return pem;
}

}  // namespace cc_test
