// File: provider/cty/msgpack.cc
//
// Decoding, driven by the type. The reader checks every count against the
// bytes left, so no container is reserved beyond what the input can hold;
// depth counts every container and every dynamic wrapper.

#include "provider/cty/msgpack.h"

#include <cmath>
#include <exception>
#include <iterator>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/cty/json_tree.h"
#include "provider/cty/msgpack_wire.h"
#include "provider/cty/path.h"
#include "provider/text/json_string.h"
#include "provider/text/string_view.h"

namespace cty {
namespace {

using internal::PathStep;
using internal::WireKind;
using internal::WireToken;

// Go-cty refuses refinement payloads above this size as abusive.
constexpr size_t kMaxRefinementBytes = 1024;
constexpr int8_t kRefinedUnknownExt = 12;
constexpr int64_t kRefinementNullness = 1;

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : reader_(bytes) {}

  absl::StatusOr<Value> DecodeRoot(const Type& type) {
    absl::StatusOr<Value> v = Decode(type, 0);
    if (v.ok() && reader_.remaining() != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(reader_.remaining(), " unexpected bytes after the value"));
    }
    return v;
  }

 private:
  absl::Status Err(std::string_view message) const { return path_.Error(message); }
  absl::Status Expected(const Type& type, const WireToken& t) const {
    return Err(
        absl::StrCat("expected ", type.FriendlyName(), ", got ", internal::WireKindName(t.kind)));
  }

  absl::Status Read(WireToken* t) {
    std::string error;
    if (!reader_.Next(t, &error)) return Err(error);
    return absl::OkStatus();
  }

  absl::StatusOr<Value> Decode(const Type& type, int depth) {
    if (depth > kMaxNestingDepth) {
      return Err(absl::StrCat("value nested deeper than ", kMaxNestingDepth, " levels"));
    }
    WireToken t;
    if (absl::Status s = Read(&t); !s.ok()) return s;
    if (t.kind == WireKind::kExt) return DecodeUnknown(type, t);
    if (t.kind == WireKind::kNil) return Value::Null(type);
    switch (type.kind()) {
      case Kind::kDynamic:
        return DecodeDynamic(t, depth);
      case Kind::kString:
        if (t.kind != WireKind::kStr && t.kind != WireKind::kBin) return Expected(type, t);
        return Value::String(std::string(t.bytes));
      case Kind::kBool:
        if (t.kind != WireKind::kBool) return Expected(type, t);
        return Value::Bool(t.boolean);
      case Kind::kNumber:
        return DecodeNumber(type, t);
      case Kind::kList:
      case Kind::kSet:
      case Kind::kTuple:
        return DecodeSequence(type, t, depth);
      case Kind::kMap:
        return DecodeMap(type, t, depth);
      case Kind::kObject:
        return DecodeObject(type, t, depth);
    }
    return Err("unsupported type");
  }

  // Any extension is an unknown. Only ext 12 carries refinements; of those
  // we keep "definitely not null" and skip the rest.
  absl::StatusOr<Value> DecodeUnknown(const Type& type, const WireToken& t) {
    if (t.ext_type != kRefinedUnknownExt || t.bytes.size() <= 1) return Value::Unknown(type);
    if (t.bytes.size() > kMaxRefinementBytes) {
      return Err(absl::StrCat("unknown value refinements are ", t.bytes.size(),
                              " bytes, more than the ", kMaxRefinementBytes, " allowed"));
    }
    internal::WireReader payload(t.bytes);
    std::string error;
    WireToken head;
    if (!payload.Next(&head, &error) || head.kind != WireKind::kMap) {
      return Err("unknown value refinements are not a msgpack map");
    }
    bool not_null = false;
    bool is_null = false;
    for (uint64_t i = 0; i < head.uint_value; ++i) {
      WireToken key;
      if (!payload.Next(&key, &error))
        return Err(absl::StrCat("unknown value refinements: ", error));
      if (key.kind != WireKind::kInt && key.kind != WireKind::kUint) {
        return Err("unknown value refinements have a non-integer key");
      }
      if (key.kind == WireKind::kInt && key.int_value == kRefinementNullness) {
        WireToken v;
        if (!payload.Next(&v, &error) || v.kind != WireKind::kBool) {
          return Err("unknown value nullness refinement is not a bool");
        }
        not_null = !v.boolean;
        is_null = v.boolean;
      } else if (!payload.Skip(&error)) {
        return Err(absl::StrCat("unknown value refinements: ", error));
      }
    }
    // Trailing payload bytes are ignored, as go-cty does (room for padding).
    if (is_null) return Value::Null(type);  // refined to null: it is null
    return Value::Unknown(type, not_null);
  }

  absl::StatusOr<Value> DecodeDynamic(const WireToken& t, int depth) {
    if (t.kind != WireKind::kArray || t.uint_value != 2) {
      return Err(absl::StrCat("expected a dynamic value as [type JSON, value], got ",
                              t.kind == WireKind::kArray ? "an array of another length"
                                                         : internal::WireKindName(t.kind)));
    }
    WireToken type_json;
    if (absl::Status s = Read(&type_json); !s.ok()) return s;
    if (type_json.kind != WireKind::kStr && type_json.kind != WireKind::kBin) {
      return Err(absl::StrCat("expected type JSON in a dynamic value, got ",
                              internal::WireKindName(type_json.kind)));
    }
    absl::StatusOr<Type> type = ParseTypeJson(type_json.bytes);
    if (!type.ok()) return Err(text::StdView(type.status().message()));
    return Decode(*type, depth + 1);
  }

  absl::StatusOr<Value> DecodeNumber(const Type& type, const WireToken& t) {
    switch (t.kind) {
      case WireKind::kInt:
        return Value::Int(t.int_value);
      case WireKind::kUint:
        if (t.uint_value <= static_cast<uint64_t>(INT64_MAX)) {
          return Value::Int(static_cast<int64_t>(t.uint_value));
        }
        return Value::NumberValue(*Number::Decimal(std::to_string(t.uint_value)));
      case WireKind::kFloat:
        if (std::isnan(t.float_value)) return Err("NaN is not a valid number");
        return Value::NumberValue(Number::Float(t.float_value));
      case WireKind::kStr:
      case WireKind::kBin: {
        absl::StatusOr<Number> n = Number::Decimal(t.bytes);
        if (!n.ok()) return Err(text::StdView(n.status().message()));
        return Value::NumberValue(*std::move(n));
      }
      default:
        return Expected(type, t);
    }
  }

  absl::StatusOr<Value> DecodeSequence(const Type& type, const WireToken& t, int depth) {
    if (t.kind != WireKind::kArray) return Expected(type, t);
    const bool tuple = type.kind() == Kind::kTuple;
    if (tuple && t.uint_value != type.tuple_elements().size()) {
      return Err(absl::StrCat("expected a tuple of ", type.tuple_elements().size(),
                              " elements, got ", t.uint_value));
    }
    std::vector<Value> elements;
    elements.reserve(t.uint_value);  // bounded by the input length
    for (uint64_t i = 0; i < t.uint_value; ++i) {
      PathStep step(&path_, static_cast<size_t>(i));
      absl::StatusOr<Value> v =
          Decode(tuple ? type.tuple_elements()[i] : type.element(), depth + 1);
      if (!v.ok()) return v.status();
      elements.push_back(*std::move(v));
    }
    if (tuple) return Value::Tuple(std::move(elements));
    if (type.kind() == Kind::kSet) return Value::Set(type.element(), std::move(elements));
    return Value::List(type.element(), std::move(elements));
  }

  // Map keys and object attribute names: str or bin.
  absl::StatusOr<std::string_view> ReadKey() {
    WireToken key;
    if (absl::Status s = Read(&key); !s.ok()) return s;
    if (key.kind != WireKind::kStr && key.kind != WireKind::kBin) {
      return Err(absl::StrCat("expected a string key, got ", internal::WireKindName(key.kind)));
    }
    return key.bytes;
  }

  absl::StatusOr<Value> DecodeMap(const Type& type, const WireToken& t, int depth) {
    if (t.kind != WireKind::kMap) return Expected(type, t);
    std::map<std::string, Value> elements;
    for (uint64_t i = 0; i < t.uint_value; ++i) {
      absl::StatusOr<std::string_view> key = ReadKey();
      if (!key.ok()) return key.status();
      PathStep step = PathStep::Key(&path_, *key);
      absl::StatusOr<Value> v = Decode(type.element(), depth + 1);
      if (!v.ok()) return v.status();
      if (!elements.emplace(std::string(*key), *std::move(v)).second) return Err("duplicate key");
    }
    return Value::Map(type.element(), std::move(elements));
  }

  absl::StatusOr<Value> DecodeObject(const Type& type, const WireToken& t, int depth) {
    if (t.kind != WireKind::kMap) return Expected(type, t);
    const auto& attribute_types = type.attributes();
    std::map<std::string, Value> attributes;
    // go-cty writes attributes in name order, so try the next one first and
    // search only when the input is in another order.
    auto next = attribute_types.begin();
    for (uint64_t i = 0; i < t.uint_value; ++i) {
      absl::StatusOr<std::string_view> name = ReadKey();
      if (!name.ok()) return name.status();
      auto it = next != attribute_types.end() && next->first == *name
                    ? next
                    : attribute_types.find(std::string(*name));
      if (it == attribute_types.end()) {
        const std::string quoted = text::JsonQuoted(name->substr(0, 256));
        return Err(absl::StrCat("unsupported attribute ", quoted));
      }
      next = std::next(it);
      PathStep step(&path_, it->first);
      absl::StatusOr<Value> v = Decode(it->second, depth + 1);
      if (!v.ok()) return v.status();
      const size_t before = attributes.size();
      attributes.emplace_hint(attributes.end(), it->first, *std::move(v));
      if (attributes.size() == before) return Err("duplicate attribute");
    }
    if (attributes.size() != attribute_types.size()) {
      std::vector<std::string> missing;
      for (const auto& [name, unused] : attribute_types) {
        if (attributes.count(name) == 0) missing.push_back(absl::StrCat("\"", name, "\""));
      }
      return Err(absl::StrCat(missing.size() == 1 ? "missing attribute " : "missing attributes ",
                              absl::StrJoin(missing, ", ")));
    }
    return ObjectValue(type, std::move(attributes));
  }

  // Like go-cty, an object's type is that of its attribute values, so a
  // dynamic attribute holding a string makes an attribute of type string.
  // When that equals the schema's type (and the schema marks nothing
  // optional), share the schema's type instead of building a new one.
  static Value ObjectValue(const Type& type, std::map<std::string, Value> attributes) {
    if (type.optional_attributes().empty()) {
      bool same = true;
      auto t = type.attributes().begin();
      for (auto a = attributes.begin(); same && a != attributes.end(); ++a, ++t) {
        same = a->second.type() == t->second;
      }
      if (same) return Value::Object(type, std::move(attributes));
    }
    return Value::Object(std::move(attributes));
  }

  internal::WireReader reader_;
  internal::DecodePath path_;
};

}  // namespace

absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type) {
  try {
    absl::StatusOr<Value> v = Decoder(bytes).DecodeRoot(type);
    if (!v.ok()) return internal::Sanitized(v.status());
    return v;
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("msgpack decode failed: ", e.what()));
  } catch (...) {
    return absl::InternalError("msgpack decode failed");
  }
}

}  // namespace cty
