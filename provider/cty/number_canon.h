// File: provider/cty/number_canon.h
//
// Private to provider/cty: a decimal number in canonical form, used to
// validate decimal text, compare numbers of different forms and decide
// whether a decimal fits an int64.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_NUMBER_CANON_H_
#define COMPLIANCECHECK_PROVIDER_CTY_NUMBER_CANON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cty::internal {

// value = (negative ? -1 : 1) * digits * 10^exponent, where `digits` has no
// leading or trailing zeros. Zero is empty digits, not negative, exponent 0.
struct CanonicalDecimal {
  bool negative = false;
  std::string digits;
  int64_t exponent = 0;

  // Accepts [+-]? digits [. digits] [(e|E) [+-]? digits], with at least one
  // digit in the mantissa. Exponents are clamped far beyond any real use.
  static std::optional<CanonicalDecimal> Parse(std::string_view text);

  // The value as an int64 when it is an integer in range.
  std::optional<int64_t> ToInt64() const;

  friend bool operator==(const CanonicalDecimal&, const CanonicalDecimal&) = default;
};

}  // namespace cty::internal

#endif  // COMPLIANCECHECK_PROVIDER_CTY_NUMBER_CANON_H_
