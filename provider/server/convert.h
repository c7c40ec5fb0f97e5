// File: provider/server/convert.h
//
// Protocol <-> provider conversions, one function per message, no logic.
// The only place where tfplugin6 protobuf types meet tf/ and cty/ types.

#ifndef COMPLIANCECHECK_PROVIDER_SERVER_CONVERT_H_
#define COMPLIANCECHECK_PROVIDER_SERVER_CONVERT_H_

#include "absl/status/statusor.h"
#include "google/protobuf/repeated_field.h"
#include "provider/cty/value.h"
#include "provider/tf/diagnostics.h"
#include "provider/tf/function.h"
#include "provider/tf/schema.h"
#include "tfplugin6.pb.h"

namespace server {

// Decodes a DynamicValue of `type` (msgpack, or json when only json is set).
// An empty DynamicValue, or one with both encodings set, is an error.
absl::StatusOr<cty::Value> FromProto(const tfplugin6::DynamicValue& in, const cty::Type& type);

// Encodes `value` as msgpack of `type`.
absl::Status ToProto(const cty::Value& value, const cty::Type& type, tfplugin6::DynamicValue* out);

void ToProto(const tf::AttributePath& in, tfplugin6::AttributePath* out);
void ToProto(const tf::Diagnostic& in, tfplugin6::Diagnostic* out);
void ToProto(const tf::Diagnostics& in,
             google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out);
void ToProto(const tf::Block& in, int64_t version, tfplugin6::Schema::Block* out);
void ToProto(const tf::Schema& in, tfplugin6::Schema* out);
void ToProto(const tf::Parameter& in, tfplugin6::Function::Parameter* out);
void ToProto(const tf::FunctionDefinition& in, tfplugin6::Function* out);
void ToProto(const tf::FunctionError& in, tfplugin6::FunctionError* out);

}  // namespace server

#endif  // COMPLIANCECHECK_PROVIDER_SERVER_CONVERT_H_
