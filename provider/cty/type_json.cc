// File: provider/cty/type_json.cc
//
// Type JSON as go-cty writes it (cty/json.go): "string" | "number" | "bool" |
// "dynamic" | ["list",T] | ["set",T] | ["map",T] | ["tuple",[T...]] |
// ["object",{name:T...}] | ["object",{name:T...},["optional name"...]].

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/cty/json_tree.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/path.h"
#include "provider/cty/type.h"
#include "provider/cty/type_json_internal.h"
#include "provider/text/json_string.h"

namespace cty {
namespace internal {
namespace {

absl::Status Invalid(const std::string& why) {
  return absl::InvalidArgumentError(absl::StrCat("invalid type JSON: ", why));
}

absl::StatusOr<Type> FromNode(const JsonNode& node, int depth);

absl::StatusOr<Type> ObjectFromNode(const JsonNode& node, int depth) {
  if (node.items.size() != 2 && node.items.size() != 3) {
    return Invalid("an object type is [\"object\", {attributes}] with optional [names]");
  }
  const JsonNode& attrs = node.items[1];
  if (attrs.kind != JsonNode::Kind::kObject) {
    return Invalid(absl::StrCat("object attributes must be a JSON object, got ", attrs.KindName()));
  }
  std::map<std::string, Type> attributes;
  for (size_t i = 0; i < attrs.items.size(); ++i) {
    absl::StatusOr<Type> t = FromNode(attrs.items[i], depth + 1);
    if (!t.ok()) return t.status();
    if (!attributes.emplace(attrs.keys[i], *std::move(t)).second) {
      return Invalid(absl::StrCat("duplicate object attribute \"", attrs.keys[i], "\""));
    }
  }
  std::set<std::string> optional;
  if (node.items.size() == 3) {
    const JsonNode& names = node.items[2];
    if (names.kind != JsonNode::Kind::kArray) {
      return Invalid("optional attributes must be an array of names");
    }
    for (const JsonNode& name : names.items) {
      if (name.kind != JsonNode::Kind::kString) {
        return Invalid("optional attributes must be an array of names");
      }
      if (attributes.count(name.text) == 0) {
        return Invalid(absl::StrCat("optional attribute \"", name.text, "\" is not an attribute"));
      }
      optional.insert(name.text);
    }
  }
  return Type::Object(std::move(attributes), optional);
}

absl::StatusOr<Type> FromNode(const JsonNode& node, int depth) {
  if (depth > kMaxNestingDepth) {
    return Invalid(absl::StrCat("type nested deeper than ", kMaxNestingDepth, " levels"));
  }
  if (node.kind == JsonNode::Kind::kString) {
    if (node.text == "string") return Type::String();
    if (node.text == "number") return Type::Number();
    if (node.text == "bool") return Type::Bool();
    if (node.text == "dynamic") return Type::Dynamic();
    return Invalid(absl::StrCat("unknown primitive type \"", node.text.substr(0, 32), "\""));
  }
  if (node.kind != JsonNode::Kind::kArray || node.items.empty() ||
      node.items[0].kind != JsonNode::Kind::kString) {
    return Invalid(absl::StrCat("expected a type name or [kind, ...], got ", node.KindName()));
  }
  const std::string& kind = node.items[0].text;
  if (kind == "object") return ObjectFromNode(node, depth);
  if (kind == "tuple") {
    if (node.items.size() != 2 || node.items[1].kind != JsonNode::Kind::kArray) {
      return Invalid("a tuple type is [\"tuple\", [element types]]");
    }
    std::vector<Type> elements;
    for (const JsonNode& e : node.items[1].items) {
      absl::StatusOr<Type> t = FromNode(e, depth + 1);
      if (!t.ok()) return t.status();
      elements.push_back(*std::move(t));
    }
    return Type::Tuple(std::move(elements));
  }
  if (kind == "list" || kind == "set" || kind == "map") {
    if (node.items.size() != 2) {
      return Invalid(absl::StrCat("a ", kind, " type is [\"", kind, "\", element type]"));
    }
    absl::StatusOr<Type> element = FromNode(node.items[1], depth + 1);
    if (!element.ok()) return element.status();
    if (kind == "list") return Type::List(*std::move(element));
    if (kind == "set") return Type::Set(*std::move(element));
    return Type::Map(*std::move(element));
  }
  return Invalid(absl::StrCat("unknown type kind \"", kind.substr(0, 32), "\""));
}

void Emit(const Type& type, std::string* out) {
  switch (type.kind()) {
    case Kind::kDynamic:
      out->append("\"dynamic\"");
      return;
    case Kind::kString:
      out->append("\"string\"");
      return;
    case Kind::kNumber:
      out->append("\"number\"");
      return;
    case Kind::kBool:
      out->append("\"bool\"");
      return;
    case Kind::kList:
    case Kind::kSet:
    case Kind::kMap:
      out->append(type.kind() == Kind::kList  ? "[\"list\","
                  : type.kind() == Kind::kSet ? "[\"set\","
                                              : "[\"map\",");
      Emit(type.element(), out);
      out->push_back(']');
      return;
    case Kind::kTuple: {
      out->append("[\"tuple\",[");
      bool first = true;
      for (const Type& e : type.tuple_elements()) {
        if (!first) out->push_back(',');
        first = false;
        Emit(e, out);
      }
      out->append("]]");
      return;
    }
    case Kind::kObject: {
      out->append("[\"object\",{");
      bool first = true;
      for (const auto& [name, t] : type.attributes()) {
        if (!first) out->push_back(',');
        first = false;
        *out += text::JsonQuoted(name);
        out->push_back(':');
        Emit(t, out);
      }
      out->push_back('}');
      if (!type.optional_attributes().empty()) {
        out->append(",[");
        first = true;
        for (const std::string& name : type.optional_attributes()) {
          if (!first) out->push_back(',');
          first = false;
          *out += text::JsonQuoted(name);
        }
        out->push_back(']');
      }
      out->push_back(']');
      return;
    }
  }
}

}  // namespace

absl::StatusOr<Type> TypeFromJsonTree(const JsonNode& node) { return FromNode(node, 0); }

}  // namespace internal

absl::StatusOr<Type> ParseTypeJson(std::string_view json) {
  absl::StatusOr<internal::JsonNode> tree = internal::ParseJsonTree(json);
  if (!tree.ok()) {
    return internal::Sanitized(
        absl::InvalidArgumentError(absl::StrCat("invalid type JSON: ", tree.status().message())));
  }
  absl::StatusOr<Type> type = internal::TypeFromJsonTree(*tree);
  if (!type.ok()) return internal::Sanitized(type.status());
  return type;
}

std::string ToTypeJson(const Type& type) {
  std::string out;
  internal::Emit(type, &out);
  return out;
}

}  // namespace cty
