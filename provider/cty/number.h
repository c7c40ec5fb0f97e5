// File: provider/cty/number.h
//
// A lossless Terraform number. On the wire a number is an int64 (smallest
// msgpack int form), a float64 when exact and not integral, or a decimal
// string ("0.1" from an HCL literal, integers beyond int64). We keep the form
// we were given so that a round trip writes back what it read.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_NUMBER_H_
#define COMPLIANCECHECK_PROVIDER_CTY_NUMBER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace cty {

class Number {
 public:
  enum class Form { kInt, kFloat, kDecimal };

  Number() : Number(int64_t{0}) {}
  static Number Int(int64_t v);
  static Number Float(double v);
  // `text` must be a decimal number (optional sign, digits, optional
  // fraction and exponent); anything else is InvalidArgument.
  static absl::StatusOr<Number> Decimal(std::string_view text);

  Form form() const { return form_; }
  int64_t int_value() const { return int_; }               // form kInt
  double float_value() const { return float_; }            // form kFloat
  const std::string& decimal() const { return decimal_; }  // form kDecimal

  // A decimal rendering of any form ("42", "0.5", "9223372036854775808").
  std::string ToString() const;

  // Equal numbers (operator==) hash alike, whatever their forms.
  size_t Hash() const;

  friend bool operator==(const Number& a, const Number& b);

 private:
  explicit Number(int64_t v) : int_(v) {}

  Form form_ = Form::kInt;
  int64_t int_ = 0;
  double float_ = 0;
  std::string decimal_;
};

}  // namespace cty

#endif  // COMPLIANCECHECK_PROVIDER_CTY_NUMBER_H_
