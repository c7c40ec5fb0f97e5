// File: provider/plugin/certificate.cc

#include "provider/plugin/certificate.h"

// The key is made and encoded with OpenSSL's EC_KEY functions, which 3.0
// deprecates (see MakeKey): the suppression must come before any header.
#define OPENSSL_SUPPRESS_DEPRECATED

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/plugin/openssl_ptr.h"

namespace plugin {
namespace {

constexpr long kBackdateSeconds = 30;
// go-plugin's validity: 262980 hours, about 30 years.
constexpr int kValidityDays = 262980 / 24;

// `what` plus OpenSSL's most recent error, and the error queue cleared.
absl::Status OpenSslError(std::string_view what) {
  char reason[256] = "unknown error";
  if (unsigned long code = ERR_get_error(); code != 0) {
    ERR_error_string_n(code, reason, sizeof reason);
  }
  ERR_clear_error();
  return absl::InternalError(absl::StrCat(std::string(what), ": ", reason));
}

absl::Status AddExtension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  if (ext == nullptr || X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslError(absl::StrCat("adding extension ", OBJ_nid2sn(nid)));
  }
  return absl::OkStatus();
}

absl::Status SetRandomSerial(X509* cert) {
  BnPtr serial(BN_new());
  if (serial == nullptr || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) == nullptr) {
    return OpenSslError("choosing a serial number");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> BioContents(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  if (size <= 0) return OpenSslError("encoding PEM");
  return std::string(data, static_cast<size_t>(size));
}

// A fresh ECDSA key on the curve, held the pre-3.0 way (an EC_KEY inside the
// EVP_PKEY) on purpose: OpenSSL 3.0 encodes a provider-held key, as
// X509_set_pubkey and PEM_write_bio_PrivateKey do, through an OSSL_ENCODER
// (and X509_set_pubkey decodes the result again through an OSSL_DECODER),
// and 3.0 builds every encoder or decoder context by enumerating all its
// algorithms: a third of the provider's CPU time before the handshake line.
// An EC_KEY is encoded by the same DER code directly. Signing still goes
// through the provider.
PkeyPtr MakeKey(bool p521) {
  EC_KEY* ec = EC_KEY_new_by_curve_name(p521 ? NID_secp521r1 : NID_X9_62_prime256v1);
  if (ec == nullptr) return nullptr;
  // Named curve, uncompressed point: what EVP_EC_gen gives and TLS expects.
  EC_KEY_set_asn1_flag(ec, OPENSSL_EC_NAMED_CURVE);
  PkeyPtr key(EVP_PKEY_new());
  if (key == nullptr || EC_KEY_generate_key(ec) != 1 ||
      EVP_PKEY_assign_EC_KEY(key.get(), ec) != 1) {
    EC_KEY_free(ec);
    return nullptr;
  }
  return key;
}

// The private key as PKCS#8 PEM, without an OSSL_ENCODER (see MakeKey).
absl::StatusOr<std::string> PrivateKeyPem(EVP_PKEY* key) {
  std::unique_ptr<PKCS8_PRIV_KEY_INFO, OpenSslDeleter<PKCS8_PRIV_KEY_INFO_free>> info(
      EVP_PKEY2PKCS8(key));
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (info == nullptr || bio == nullptr ||
      PEM_write_bio_PKCS8_PRIV_KEY_INFO(bio.get(), info.get()) != 1) {
    return OpenSslError("encoding PEM");
  }
  return BioContents(bio.get());
}

}  // namespace

absl::StatusOr<Certificate> GenerateSelfSignedCertificate(Curve curve) {
  const bool p521 = curve == Curve::kP521;
  PkeyPtr key = MakeKey(p521);
  if (key == nullptr) return OpenSslError("generating an ECDSA key");

  X509Ptr cert(X509_new());
  if (cert == nullptr || X509_set_version(cert.get(), X509_VERSION_3) != 1) {
    return OpenSslError("creating a certificate");
  }
  if (auto status = SetRandomSerial(cert.get()); !status.ok()) return status;
  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) == nullptr ||
      X509_time_adj_ex(X509_getm_notAfter(cert.get()), kValidityDays, 0, nullptr) == nullptr) {
    return OpenSslError("setting the validity period");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
                                 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key.get()) != 1) {
    return OpenSslError("naming the certificate");
  }
  for (auto [nid, value] : {
           std::pair{NID_basic_constraints, "critical,CA:TRUE"},
           std::pair{NID_key_usage,
                     "critical,digitalSignature,keyEncipherment,keyAgreement,keyCertSign"},
           std::pair{NID_ext_key_usage, "serverAuth,clientAuth"},
           std::pair{NID_subject_alt_name, "DNS:localhost"},
           std::pair{NID_subject_key_identifier, "hash"},
       }) {
    if (auto status = AddExtension(cert.get(), nid, value); !status.ok()) return status;
  }
  // The digest Go's crypto/x509 picks for the curve.
  if (X509_sign(cert.get(), key.get(), p521 ? EVP_sha512() : EVP_sha256()) == 0) {
    return OpenSslError("signing the certificate");
  }

  Certificate out;
  unsigned char* der = nullptr;
  const int der_size = i2d_X509(cert.get(), &der);
  if (der_size <= 0) return OpenSslError("encoding DER");
  out.certificate_der.assign(reinterpret_cast<const char*>(der), static_cast<size_t>(der_size));
  OPENSSL_free(der);

  BioPtr cert_bio(BIO_new(BIO_s_mem()));
  if (cert_bio == nullptr || PEM_write_bio_X509(cert_bio.get(), cert.get()) != 1) {
    return OpenSslError("encoding PEM");
  }
  auto cert_pem = BioContents(cert_bio.get());
  if (!cert_pem.ok()) return cert_pem.status();
  auto key_pem = PrivateKeyPem(key.get());
  if (!key_pem.ok()) return key_pem.status();
  out.certificate_pem = *std::move(cert_pem);
  out.private_key_pem = *std::move(key_pem);
  return out;
}

}  // namespace plugin
