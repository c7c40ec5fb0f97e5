// File: tests/unit/plugin_transport_security_test.cc
//
// Choosing between AutoMTLS and plaintext from Terraform's environment.

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "provider/plugin/certificate.h"
#include "provider/plugin/transport_security.h"

namespace plugin {
namespace {

std::string ClientPem() {
  auto cert = GenerateSelfSignedCertificate(Curve::kP521);
  EXPECT_TRUE(cert.ok());
  return cert.ok() ? cert->certificate_pem : "";
}

TEST(TransportSecurity, AutoMtlsAnswersWithAnUnpaddedDerCertificate) {
  auto security = ChooseTransportSecurity(std::nullopt, ClientPem());
  ASSERT_TRUE(security.ok()) << security.status();
  EXPECT_NE(security->credentials, nullptr);
  ASSERT_FALSE(security->server_certificate.empty());
  EXPECT_EQ(security->server_certificate.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
            std::string::npos);
  EXPECT_EQ(security->server_certificate.rfind("MII", 0), 0u);  // DER SEQUENCE, not PEM
}

TEST(TransportSecurity, DisabledTlsIsPlaintextWithAnEmptyCertificateField) {
  auto security = ChooseTransportSecurity("1", std::nullopt);
  ASSERT_TRUE(security.ok()) << security.status();
  EXPECT_NE(security->credentials, nullptr);
  EXPECT_EQ(security->server_certificate, "");
}

TEST(TransportSecurity, EmptyDisableVariableLeavesTlsOn) {
  EXPECT_FALSE(ChooseTransportSecurity("", std::nullopt).ok());
}

TEST(TransportSecurity, RequiresAClientCertificate) {
  const auto missing = ChooseTransportSecurity(std::nullopt, std::nullopt);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(missing.status().message().find("PLUGIN_CLIENT_CERT"), absl::string_view::npos);
  EXPECT_EQ(ChooseTransportSecurity(std::nullopt, "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(TransportSecurity, RejectsAClientCertificateThatIsNotPem) {
  for (const char* garbage :
       {"garbage", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}) {
    const auto security = ChooseTransportSecurity(std::nullopt, garbage);
    EXPECT_EQ(security.status().code(), absl::StatusCode::kInvalidArgument) << garbage;
  }
}

}  // namespace
}  // namespace plugin
