// File: tests/unit/plugin_certificate_test.cc
//
// The AutoMTLS certificate, read back with OpenSSL as a TLS peer would.

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

#include "provider/plugin/certificate.h"

namespace plugin {
namespace {

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr ParseDer(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

std::string GroupName(X509* cert) {
  char name[64] = "";
  size_t length = 0;
  EVP_PKEY* key = X509_get0_pubkey(cert);
  if (key == nullptr || EVP_PKEY_get_group_name(key, name, sizeof name, &length) != 1) return "";
  return name;
}

class GeneratedCertificate : public testing::TestWithParam<Curve> {
 protected:
  void SetUp() override {
    auto generated = GenerateSelfSignedCertificate(GetParam());
    ASSERT_TRUE(generated.ok()) << generated.status();
    cert_ = *generated;
    x509_ = ParseDer(cert_.certificate_der);
    ASSERT_NE(x509_, nullptr);
  }

  Certificate cert_;
  X509Ptr x509_;
};

TEST_P(GeneratedCertificate, IsForLocalhostBySubjectAndSan) {
  char cn[64] = "";
  X509_NAME_get_text_by_NID(X509_get_subject_name(x509_.get()), NID_commonName, cn, sizeof cn);
  EXPECT_STREQ(cn, "localhost");
  EXPECT_EQ(X509_check_host(x509_.get(), "localhost", 0, 0, nullptr), 1);
  auto* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(x509_.get(), NID_subject_alt_name, nullptr, nullptr));
  ASSERT_NE(names, nullptr);
  ASSERT_EQ(sk_GENERAL_NAME_num(names), 1);
  const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, 0);
  ASSERT_EQ(name->type, GEN_DNS);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.dNSName)),
                        static_cast<size_t>(ASN1_STRING_length(name->d.dNSName))),
            "localhost");
  GENERAL_NAMES_free(names);
}

TEST_P(GeneratedCertificate, IsASelfSignedCa) {
  EXPECT_EQ(X509_check_ca(x509_.get()), 1);
  EXPECT_EQ(X509_NAME_cmp(X509_get_subject_name(x509_.get()), X509_get_issuer_name(x509_.get())),
            0);
  EXPECT_EQ(X509_verify(x509_.get(), X509_get0_pubkey(x509_.get())), 1);
}

TEST_P(GeneratedCertificate, HasGoPluginsKeyUsages) {
  const uint32_t usage = X509_get_key_usage(x509_.get());
  EXPECT_TRUE(usage & KU_DIGITAL_SIGNATURE);
  EXPECT_TRUE(usage & KU_KEY_ENCIPHERMENT);
  EXPECT_TRUE(usage & KU_KEY_AGREEMENT);
  EXPECT_TRUE(usage & KU_KEY_CERT_SIGN);
  const uint32_t extended = X509_get_extended_key_usage(x509_.get());
  EXPECT_TRUE(extended & XKU_SSL_SERVER);
  EXPECT_TRUE(extended & XKU_SSL_CLIENT);
}

TEST_P(GeneratedCertificate, IsValidFromThePastForDecades) {
  int days = 0, seconds = 0;
  ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(x509_.get()), nullptr), 1);
  EXPECT_EQ(days, 0);
  EXPECT_GE(seconds, 29);
  EXPECT_LE(seconds, 120);
  ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(x509_.get())), 1);
  EXPECT_GT(days, 29 * 365);
}

TEST_P(GeneratedCertificate, UsesTheRequestedCurve) {
  EXPECT_EQ(GroupName(x509_.get()), GetParam() == Curve::kP256 ? "prime256v1" : "secp521r1");
}

TEST_P(GeneratedCertificate, PemFormsMatchTheDer) {
  BIO* bio =
      BIO_new_mem_buf(cert_.certificate_pem.data(), static_cast<int>(cert_.certificate_pem.size()));
  X509Ptr from_pem(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
  BIO_free(bio);
  ASSERT_NE(from_pem, nullptr);
  EXPECT_EQ(X509_cmp(from_pem.get(), x509_.get()), 0);

  bio =
      BIO_new_mem_buf(cert_.private_key_pem.data(), static_cast<int>(cert_.private_key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(X509_check_private_key(x509_.get(), key), 1);
  EVP_PKEY_free(key);
}

TEST_P(GeneratedCertificate, IsFreshEachTime) {
  auto other = GenerateSelfSignedCertificate(GetParam());
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->certificate_der, cert_.certificate_der);
  X509Ptr other_x509 = ParseDer(other->certificate_der);
  EXPECT_NE(ASN1_INTEGER_cmp(X509_get0_serialNumber(other_x509.get()),
                             X509_get0_serialNumber(x509_.get())),
            0);
}

INSTANTIATE_TEST_SUITE_P(Curves, GeneratedCertificate, testing::Values(Curve::kP256, Curve::kP521),
                         [](const auto& info) {
                           return info.param == Curve::kP256 ? "P256" : "P521";
                         });

}  // namespace
}  // namespace plugin
