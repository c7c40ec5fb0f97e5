// File: tests/unit/plugin_handshake_test.cc
//
// Handshake text of go-plugin: cookie, version negotiation, the stdout line.

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "provider/plugin/handshake.h"

namespace plugin {
namespace {

TEST(MagicCookie, AcceptsTerraformsCookie) {
  EXPECT_TRUE(CheckMagicCookie(kMagicCookieValue).ok());
}

TEST(MagicCookie, RejectsMissingEmptyAndWrongCookies) {
  EXPECT_FALSE(CheckMagicCookie(std::nullopt).ok());
  EXPECT_FALSE(CheckMagicCookie("").ok());
  EXPECT_FALSE(CheckMagicCookie("d602bf8f").ok());
  EXPECT_FALSE(CheckMagicCookie(std::string(kMagicCookieValue) + " ").ok());
}

TEST(MagicCookie, NotStartedByHostMessageIsGoPlugins) {
  EXPECT_EQ(std::string(kNotStartedByHostMessage),
            "This binary is a plugin. These are not meant to be executed directly.\n"
            "Please execute the program that consumes these plugins, which will\n"
            "load any plugins automatically\n");
}

struct NegotiationCase {
  std::string offered;
  std::optional<int> chosen;  // nullopt: no common version
};

class Negotiation : public testing::TestWithParam<NegotiationCase> {};

TEST_P(Negotiation, ChoosesSixWhenOfferedInAnyOrder) {
  const auto& c = GetParam();
  const auto got = NegotiateProtocolVersion(c.offered);
  if (c.chosen.has_value()) {
    ASSERT_TRUE(got.ok()) << c.offered << ": " << got.status();
    EXPECT_EQ(*got, *c.chosen) << c.offered;
  } else {
    EXPECT_EQ(got.status().code(), absl::StatusCode::kFailedPrecondition) << c.offered;
  }
}

INSTANTIATE_TEST_SUITE_P(
    GoPluginSemantics, Negotiation,
    testing::Values(NegotiationCase{"6", 6}, NegotiationCase{"5,6", 6}, NegotiationCase{"6,5", 6},
                    NegotiationCase{"4,5,6,7", 6}, NegotiationCase{"5", std::nullopt},
                    NegotiationCase{"7", std::nullopt}, NegotiationCase{"5,7", std::nullopt},
                    // A legacy host sends no list: go-plugin serves its default.
                    NegotiationCase{"", 6},
                    // go-plugin skips entries that are not integers.
                    NegotiationCase{"x,6", 6}, NegotiationCase{"6,x", 6},
                    NegotiationCase{"x", std::nullopt}, NegotiationCase{",", std::nullopt},
                    NegotiationCase{"56", std::nullopt}, NegotiationCase{"60", std::nullopt}));

TEST(HandshakeLineFormat, WritesSixFieldsAndANewline) {
  HandshakeLine line;
  line.network = "unix";
  line.address = "/tmp/plugin-abc/plugin.sock";
  line.server_certificate = "MIIB";
  EXPECT_EQ(FormatHandshakeLine(line), "1|6|unix|/tmp/plugin-abc/plugin.sock|grpc|MIIB\n");
}

TEST(HandshakeLineFormat, KeepsTheTrailingBarWithoutACertificate) {
  HandshakeLine line;
  line.network = "tcp";
  line.address = "127.0.0.1:10000";
  EXPECT_EQ(FormatHandshakeLine(line), "1|6|tcp|127.0.0.1:10000|grpc|\n");
}

TEST(HandshakeLineFormat, DefaultsAreCoreOneAppSixGrpc) {
  const HandshakeLine line;
  EXPECT_EQ(line.core_protocol_version, 1);
  EXPECT_EQ(line.app_protocol_version, 6);
  EXPECT_EQ(line.protocol, "grpc");
}

}  // namespace
}  // namespace plugin
