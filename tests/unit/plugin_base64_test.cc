// File: tests/unit/plugin_base64_test.cc
//
// Unpadded base64 (Go's base64.RawStdEncoding) of the handshake certificate.

#include <gtest/gtest.h>

#include <string>

#include "provider/plugin/base64.h"

namespace plugin {
namespace {

struct Vector {
  std::string input;
  std::string encoded;
};

class UnpaddedBase64Vectors : public testing::TestWithParam<Vector> {};

TEST_P(UnpaddedBase64Vectors, MatchesRfc4648WithoutPadding) {
  EXPECT_EQ(UnpaddedBase64(GetParam().input), GetParam().encoded);
}

// RFC 4648 section 10, with the '=' removed.
INSTANTIATE_TEST_SUITE_P(Rfc4648, UnpaddedBase64Vectors,
                         testing::Values(Vector{"", ""}, Vector{"f", "Zg"}, Vector{"fo", "Zm8"},
                                         Vector{"foo", "Zm9v"}, Vector{"foob", "Zm9vYg"},
                                         Vector{"fooba", "Zm9vYmE"}, Vector{"foobar", "Zm9vYmFy"}));

TEST(UnpaddedBase64, UsesTheStandardAlphabetForHighBits) {
  EXPECT_EQ(UnpaddedBase64(std::string("\xfb\xff\xbf", 3)), "+/+/");
  EXPECT_EQ(UnpaddedBase64(std::string("\0\0\0", 3)), "AAAA");
  EXPECT_EQ(UnpaddedBase64(std::string("\xff", 1)), "/w");
}

}  // namespace
}  // namespace plugin
