// File: tests/unit/cty_test_support.h
//
// What the unit tests of provider/cty/ write their inputs with: bytes from
// hex text (msgpack fixtures) and a number from its decimal text.

#ifndef COMPLIANCECHECK_TESTS_UNIT_CTY_TEST_SUPPORT_H_
#define COMPLIANCECHECK_TESTS_UNIT_CTY_TEST_SUPPORT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "provider/cty/number.h"

namespace cty {

// "c0ff" -> the bytes 0xc0 0xff.
inline std::string FromHex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// The number `text` spells; the text must be a valid decimal.
inline Number Dec(std::string_view text) { return *Number::Decimal(text); }

}  // namespace cty

#endif  // COMPLIANCECHECK_TESTS_UNIT_CTY_TEST_SUPPORT_H_
