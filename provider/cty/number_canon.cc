// File: provider/cty/number_canon.cc

#include "provider/cty/number_canon.h"

namespace cty::internal {
namespace {

constexpr int64_t kExponentClamp = int64_t{1} << 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<CanonicalDecimal> CanonicalDecimal::Parse(std::string_view text) {
  size_t i = 0;
  CanonicalDecimal d;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    d.negative = text[i] == '-';
    ++i;
  }
  std::string mantissa;
  int64_t fraction_digits = 0;
  bool any_digit = false;
  while (i < text.size() && IsDigit(text[i])) {
    mantissa.push_back(text[i++]);
    any_digit = true;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsDigit(text[i])) {
      mantissa.push_back(text[i++]);
      ++fraction_digits;
      any_digit = true;
    }
  }
  if (!any_digit) return std::nullopt;
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    if (i >= text.size() || !IsDigit(text[i])) return std::nullopt;
    while (i < text.size() && IsDigit(text[i])) {
      if (exponent < kExponentClamp) exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;

  size_t first = mantissa.find_first_not_of('0');
  if (first == std::string::npos) return CanonicalDecimal{};
  size_t last = mantissa.find_last_not_of('0');
  d.digits = mantissa.substr(first, last - first + 1);
  d.exponent = exponent - fraction_digits + static_cast<int64_t>(mantissa.size() - 1 - last);
  return d;
}

std::optional<int64_t> CanonicalDecimal::ToInt64() const {
  if (digits.empty()) return 0;
  if (exponent < 0 || exponent > 19 || digits.size() + exponent > 19) return std::nullopt;
  // Magnitude limit: 2^63 - 1 for positives, 2^63 for negatives.
  const uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
  uint64_t v = 0;
  for (char c : digits) {
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (limit - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  for (int64_t e = 0; e < exponent; ++e) {
    if (v > limit / 10) return std::nullopt;
    v *= 10;
  }
  if (negative) return static_cast<int64_t>(0 - v);
  return static_cast<int64_t>(v);
}

}  // namespace cty::internal
