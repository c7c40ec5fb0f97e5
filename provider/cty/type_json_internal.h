// File: provider/cty/type_json_internal.h
//
// Private to provider/cty: type JSON from an already parsed JSON tree, for
// the dynamic wrapper of DynamicValue.json ({"value": ..., "type": ...}).

#ifndef COMPLIANCECHECK_PROVIDER_CTY_TYPE_JSON_INTERNAL_H_
#define COMPLIANCECHECK_PROVIDER_CTY_TYPE_JSON_INTERNAL_H_

#include "absl/status/statusor.h"
#include "provider/cty/json_tree.h"
#include "provider/cty/type.h"

namespace cty::internal {

// Errors: InvalidArgument starting "invalid type JSON: ".
absl::StatusOr<Type> TypeFromJsonTree(const JsonNode& node);

}  // namespace cty::internal

#endif  // COMPLIANCECHECK_PROVIDER_CTY_TYPE_JSON_INTERNAL_H_
