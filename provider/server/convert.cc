// File: provider/server/convert.cc

#include "provider/server/convert.h"

#include <variant>

#include "absl/status/status.h"
#include "provider/cty/json.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/type.h"

namespace server {

absl::StatusOr<cty::Value> FromProto(const tfplugin6::DynamicValue& in, const cty::Type& type) {
  const bool has_msgpack = !in.msgpack().empty();
  const bool has_json = !in.json().empty();
  if (has_msgpack && has_json) {
    return absl::InvalidArgumentError("the value is encoded both as msgpack and as JSON");
  }
  if (has_msgpack) return cty::DecodeMsgpack(in.msgpack(), type);
  if (has_json) return cty::DecodeJson(in.json(), type);
  return absl::InvalidArgumentError("the value is empty (neither msgpack nor JSON)");
}

absl::Status ToProto(const cty::Value& value, const cty::Type& type, tfplugin6::DynamicValue* out) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  if (!bytes.ok()) return bytes.status();
  out->set_msgpack(*std::move(bytes));
  return absl::OkStatus();
}

void ToProto(const tf::AttributePath& in, tfplugin6::AttributePath* out) {
  for (const tf::AttributePath::Step& step : in.steps()) {
    tfplugin6::AttributePath::Step* s = out->add_steps();
    if (const auto* n = std::get_if<tf::AttributePath::Name>(&step)) {
      s->set_attribute_name(n->name);
    } else if (const auto* k = std::get_if<tf::AttributePath::StringKey>(&step)) {
      s->set_element_key_string(k->key);
    } else {
      s->set_element_key_int(std::get<tf::AttributePath::IntKey>(step).index);
    }
  }
}

void ToProto(const tf::Diagnostic& in, tfplugin6::Diagnostic* out) {
  out->set_severity(in.severity == tf::Severity::kError ? tfplugin6::Diagnostic::ERROR
                                                        : tfplugin6::Diagnostic::WARNING);
  out->set_summary(in.summary);
  out->set_detail(in.detail);
  if (in.attribute.has_value()) ToProto(*in.attribute, out->mutable_attribute());
}

void ToProto(const tf::Diagnostics& in,
             google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out) {
  for (const tf::Diagnostic& d : in.items()) ToProto(d, out->Add());
}

void ToProto(const tf::Block& in, int64_t version, tfplugin6::Schema::Block* out) {
  out->set_version(version);
  out->set_description(in.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  for (const tf::NestedBlock& b : in.block_types) {
    tfplugin6::Schema::NestedBlock* nested = out->add_block_types();
    nested->set_type_name(b.type_name);
    nested->set_nesting(tfplugin6::Schema::NestedBlock::LIST);
    nested->set_min_items(b.min_items);
    nested->set_max_items(b.max_items);
    ToProto(b.block, version, nested->mutable_block());
  }
  for (const tf::Attribute& a : in.attributes) {
    tfplugin6::Schema::Attribute* attr = out->add_attributes();
    attr->set_name(a.name);
    attr->set_type(cty::ToTypeJson(a.type));
    attr->set_description(a.description);
    attr->set_description_kind(tfplugin6::MARKDOWN);
    attr->set_required(a.required);
    attr->set_optional(a.optional);
    attr->set_computed(a.computed);
    attr->set_sensitive(a.sensitive);
  }
}

void ToProto(const tf::Schema& in, tfplugin6::Schema* out) {
  out->set_version(in.version);
  ToProto(in.block, in.version, out->mutable_block());
}

void ToProto(const tf::Parameter& in, tfplugin6::Function::Parameter* out) {
  out->set_name(in.name);
  out->set_type(cty::ToTypeJson(in.type));
  out->set_allow_null_value(in.allow_null);
  out->set_allow_unknown_values(in.allow_unknown);
  out->set_description(in.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
}

void ToProto(const tf::FunctionDefinition& in, tfplugin6::Function* out) {
  for (const tf::Parameter& p : in.parameters) ToProto(p, out->add_parameters());
  if (in.variadic.has_value()) ToProto(*in.variadic, out->mutable_variadic_parameter());
  out->mutable_return_()->set_type(cty::ToTypeJson(in.return_type));
  out->set_summary(in.summary);
  out->set_description(in.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
}

void ToProto(const tf::FunctionError& in, tfplugin6::FunctionError* out) {
  out->set_text(in.text);
  if (in.argument.has_value()) out->set_function_argument(*in.argument);
}

}  // namespace server
