// File: provider/cty/json.cc
//
// DynamicValue.json, as go-cty's cty/json decodes it: null anywhere, a
// missing object attribute is null, numbers may be JSON numbers or decimal
// strings, primitives convert from strings ("true", "12") as go-cty's
// convert package allows, and a dynamic value is {"value": V, "type": T}.

#include "provider/cty/json.h"

#include <exception>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/cty/json_tree.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/number_canon.h"
#include "provider/cty/path.h"
#include "provider/cty/type_json_internal.h"
#include "provider/text/json_string.h"
#include "provider/text/string_view.h"

namespace cty {
namespace {

using internal::JsonNode;
using internal::PathStep;

class JsonDecoder {
 public:
  absl::StatusOr<Value> Decode(const JsonNode& node, const Type& type, int depth) {
    if (depth > kMaxNestingDepth) {
      return path_.Error(absl::StrCat("value nested deeper than ", kMaxNestingDepth, " levels"));
    }
    if (node.kind == JsonNode::Kind::kNull) return Value::Null(type);
    switch (type.kind()) {
      case Kind::kDynamic:
        return DecodeDynamic(node, depth);
      case Kind::kString:
        if (node.kind == JsonNode::Kind::kString || node.kind == JsonNode::Kind::kNumber) {
          return Value::String(node.text);
        }
        if (node.kind == JsonNode::Kind::kBool)
          return Value::String(node.boolean ? "true" : "false");
        return Expected(type, node);
      case Kind::kBool:
        if (node.kind == JsonNode::Kind::kBool) return Value::Bool(node.boolean);
        if (node.kind == JsonNode::Kind::kString && (node.text == "true" || node.text == "false")) {
          return Value::Bool(node.text == "true");
        }
        return Expected(type, node);
      case Kind::kNumber:
        return DecodeNumber(node, type);
      case Kind::kList:
      case Kind::kSet:
      case Kind::kTuple:
        return DecodeSequence(node, type, depth);
      case Kind::kMap:
        return DecodeMap(node, type, depth);
      case Kind::kObject:
        return DecodeObject(node, type, depth);
    }
    return path_.Error("unsupported type");
  }

 private:
  absl::Status Expected(const Type& type, const JsonNode& node) const {
    return path_.Error(absl::StrCat("expected ", type.FriendlyName(), ", got ", node.KindName()));
  }

  absl::StatusOr<Value> DecodeNumber(const JsonNode& node, const Type& type) {
    if (node.kind != JsonNode::Kind::kNumber && node.kind != JsonNode::Kind::kString) {
      return Expected(type, node);
    }
    std::optional<internal::CanonicalDecimal> canon = internal::CanonicalDecimal::Parse(node.text);
    if (!canon.has_value()) {
      return path_.Error(absl::StrCat("\"", node.text.substr(0, 64), "\" is not a number"));
    }
    const bool plain_integer = node.text.find_first_of(".eE") == std::string::npos;
    if (std::optional<int64_t> i = canon->ToInt64(); i.has_value() && plain_integer) {
      return Value::Int(*i);
    }
    return Value::NumberValue(*Number::Decimal(node.text));
  }

  absl::StatusOr<Value> DecodeSequence(const JsonNode& node, const Type& type, int depth) {
    if (node.kind != JsonNode::Kind::kArray) return Expected(type, node);
    const bool tuple = type.kind() == Kind::kTuple;
    if (tuple && node.items.size() != type.tuple_elements().size()) {
      return path_.Error(absl::StrCat("expected a tuple of ", type.tuple_elements().size(),
                                      " elements, got ", node.items.size()));
    }
    std::vector<Value> elements;
    elements.reserve(node.items.size());
    for (size_t i = 0; i < node.items.size(); ++i) {
      PathStep step(&path_, i);
      absl::StatusOr<Value> v =
          Decode(node.items[i], tuple ? type.tuple_elements()[i] : type.element(), depth + 1);
      if (!v.ok()) return v.status();
      elements.push_back(*std::move(v));
    }
    if (tuple) return Value::Tuple(std::move(elements));
    if (type.kind() == Kind::kSet) return Value::Set(type.element(), std::move(elements));
    return Value::List(type.element(), std::move(elements));
  }

  absl::StatusOr<Value> DecodeMap(const JsonNode& node, const Type& type, int depth) {
    if (node.kind != JsonNode::Kind::kObject) return Expected(type, node);
    std::map<std::string, Value> elements;
    for (size_t i = 0; i < node.items.size(); ++i) {
      PathStep step = PathStep::Key(&path_, node.keys[i]);
      absl::StatusOr<Value> v = Decode(node.items[i], type.element(), depth + 1);
      if (!v.ok()) return v.status();
      if (!elements.emplace(node.keys[i], *std::move(v)).second)
        return path_.Error("duplicate key");
    }
    return Value::Map(type.element(), std::move(elements));
  }

  absl::StatusOr<Value> DecodeObject(const JsonNode& node, const Type& type, int depth) {
    if (node.kind != JsonNode::Kind::kObject) return Expected(type, node);
    std::map<std::string, Value> attributes;
    for (size_t i = 0; i < node.items.size(); ++i) {
      auto it = type.attributes().find(node.keys[i]);
      if (it == type.attributes().end()) {
        const std::string quoted = text::JsonQuoted(node.keys[i].substr(0, 256));
        return path_.Error(absl::StrCat("unsupported attribute ", quoted));
      }
      PathStep step(&path_, it->first);
      absl::StatusOr<Value> v = Decode(node.items[i], it->second, depth + 1);
      if (!v.ok()) return v.status();
      if (!attributes.emplace(it->first, *std::move(v)).second) {
        return path_.Error("duplicate attribute");
      }
    }
    for (const auto& [name, attribute_type] : type.attributes()) {
      if (attributes.count(name) == 0) attributes.emplace(name, Value::Null(attribute_type));
    }
    return Value::Object(std::move(attributes));
  }

  absl::StatusOr<Value> DecodeDynamic(const JsonNode& node, int depth) {
    if (node.kind != JsonNode::Kind::kObject) {
      return path_.Error(absl::StrCat(
          "expected a dynamic value as {\"value\": ..., \"type\": ...}, got ", node.KindName()));
    }
    const JsonNode* type_node = nullptr;
    const JsonNode* value_node = nullptr;
    for (size_t i = 0; i < node.items.size(); ++i) {
      if (node.keys[i] == "type") {
        type_node = &node.items[i];
      } else if (node.keys[i] == "value") {
        value_node = &node.items[i];
      } else {
        return path_.Error(
            absl::StrCat("invalid key \"", node.keys[i].substr(0, 64), "\" in a dynamic value"));
      }
    }
    if (type_node == nullptr) return path_.Error("missing \"type\" in a dynamic value");
    if (value_node == nullptr) return path_.Error("missing \"value\" in a dynamic value");
    absl::StatusOr<Type> type = internal::TypeFromJsonTree(*type_node);
    if (!type.ok()) return path_.Error(text::StdView(type.status().message()));
    return Decode(*value_node, *type, depth + 1);
  }

  internal::DecodePath path_;
};

}  // namespace

absl::StatusOr<Value> DecodeJson(std::string_view json, const Type& type) {
  try {
    absl::StatusOr<JsonNode> tree = internal::ParseJsonTree(json);
    if (!tree.ok()) return internal::Sanitized(tree.status());
    absl::StatusOr<Value> v = JsonDecoder().Decode(*tree, type, 0);
    if (!v.ok()) return internal::Sanitized(v.status());
    return v;
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("JSON decode failed: ", e.what()));
  }
}

}  // namespace cty
