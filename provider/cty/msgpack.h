// File: provider/cty/msgpack.h
//
// The msgpack wire encoding of values (hashicorp/terraform
// docs/plugin-protocol/object-wire-format.md, zclconf/go-cty cty/msgpack).
// Decoding is always driven by a type. Input is untrusted: nesting depth is
// bounded and nothing is allocated beyond what the input bytes can hold.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_MSGPACK_H_
#define COMPLIANCECHECK_PROVIDER_CTY_MSGPACK_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"

namespace cty {

// Deepest nesting of containers accepted on decode.
inline constexpr int kMaxNestingDepth = 64;

// Decodes `bytes` as a value of `type`. The whole input must be consumed.
// Errors are InvalidArgument with the attribute path where decoding failed,
// e.g. `findings[2].message: expected string, got array`.
absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type);

// Encodes `value` as `type` (a dynamic `type` writes the [type JSON, value]
// wrapper). Errors when the value does not conform to the type.
absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type);

}  // namespace cty

#endif  // COMPLIANCECHECK_PROVIDER_CTY_MSGPACK_H_
