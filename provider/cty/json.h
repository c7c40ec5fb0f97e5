// File: provider/cty/json.h
//
// The JSON encoding of values (go-cty cty/json), used by DynamicValue.json.
// Missing object attributes decode as null; unknown values cannot appear.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_JSON_H_
#define COMPLIANCECHECK_PROVIDER_CTY_JSON_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"

namespace cty {

// Errors are InvalidArgument naming the attribute path.
absl::StatusOr<Value> DecodeJson(std::string_view json, const Type& type);

}  // namespace cty

#endif  // COMPLIANCECHECK_PROVIDER_CTY_JSON_H_
