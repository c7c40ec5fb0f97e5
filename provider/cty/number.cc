// File: provider/cty/number.cc

#include "provider/cty/number.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/cty/number_canon.h"
#include "provider/cty/path.h"

namespace cty {

Number Number::Int(int64_t v) {
  Number n;
  n.form_ = Form::kInt;
  n.int_ = v;
  return n;
}

Number Number::Float(double v) {
  Number n;
  n.form_ = Form::kFloat;
  n.float_ = v;
  return n;
}

absl::StatusOr<Number> Number::Decimal(std::string_view text) {
  if (!internal::CanonicalDecimal::Parse(text).has_value()) {
    return absl::InvalidArgumentError(absl::StrCat("\"", internal::SafeText(text.substr(0, 64)),
                                                   text.size() > 64 ? "..." : "",
                                                   "\" is not a decimal number"));
  }
  Number n;
  n.form_ = Form::kDecimal;
  n.decimal_ = std::string(text);
  return n;
}

std::string Number::ToString() const {
  switch (form_) {
    case Form::kInt:
      return std::to_string(int_);
    case Form::kFloat: {
      if (std::isnan(float_)) return "NaN";
      if (std::isinf(float_)) return float_ > 0 ? "+Inf" : "-Inf";
      char buf[64];
      auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), float_);
      if (ec != std::errc()) return "NaN";
      return std::string(buf, end);
    }
    case Form::kDecimal:
      return decimal_;
  }
  return "";
}

namespace internal {
namespace {

// Value of a canonical form as a sort key that also covers infinities.
struct Key {
  int inf = 0;  // -1, 0, +1
  bool nan = false;
  CanonicalDecimal finite;
};

Key KeyOf(const Number& n) {
  Key k;
  switch (n.form()) {
    case Number::Form::kInt:
      k.finite = *CanonicalDecimal::Parse(std::to_string(n.int_value()));
      break;
    case Number::Form::kFloat:
      if (std::isnan(n.float_value())) {
        k.nan = true;
      } else if (std::isinf(n.float_value())) {
        k.inf = n.float_value() > 0 ? 1 : -1;
      } else {
        k.finite = *CanonicalDecimal::Parse(n.ToString());
      }
      break;
    case Number::Form::kDecimal:
      k.finite = *CanonicalDecimal::Parse(n.decimal());
      break;
  }
  return k;
}

}  // namespace
}  // namespace internal

size_t Number::Hash() const {
  const internal::Key k = internal::KeyOf(*this);
  if (k.nan || k.inf != 0) return std::hash<int>()(k.nan ? 2 : k.inf);
  const size_t digits = std::hash<std::string>()(k.finite.digits);
  return digits ^ (std::hash<int64_t>()(k.finite.exponent) * 31) ^ (k.finite.negative ? 1 : 0);
}

// Numbers compare by value, not by form: Int(3) == Decimal("3.0"). A float
// compares by its shortest round-trip decimal, so Float(0.1) ==
// Decimal("0.1"). NaN equals nothing.
bool operator==(const Number& a, const Number& b) {
  if (a.form_ == b.form_) {
    switch (a.form_) {
      case Number::Form::kInt:
        return a.int_ == b.int_;
      case Number::Form::kFloat:
        return a.float_ == b.float_;
      case Number::Form::kDecimal:
        if (a.decimal_ == b.decimal_) return true;
        break;
    }
  }
  internal::Key ka = internal::KeyOf(a);
  internal::Key kb = internal::KeyOf(b);
  if (ka.nan || kb.nan) return false;
  if (ka.inf != kb.inf) return false;
  if (ka.inf != 0) return true;
  return ka.finite == kb.finite;
}

}  // namespace cty
