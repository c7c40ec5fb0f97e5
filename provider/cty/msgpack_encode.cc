// File: provider/cty/msgpack_encode.cc
//
// Encoding, as go-cty's msgpack.Marshal writes it: every object attribute in
// name order, unknowns as `d4 00 00` (ext 12 when refined not null), numbers
// in the smallest exact form, and a [type JSON, value] wrapper wherever the
// type is dynamic.

#include <cmath>
#include <exception>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/msgpack_wire.h"
#include "provider/cty/number_canon.h"
#include "provider/cty/path.h"

namespace cty {
namespace {

using internal::PathStep;

constexpr char kUnknown[] = {'\xd4', '\x00', '\x00'};
// An unknown refined as "definitely not null", as go-cty writes it: ext 12
// (ext 8 header c7 03 0c) holding the map {1: false}. Terraform uses the
// refinement, e.g. to decide `x != null` before x is known.
constexpr char kUnknownNotNull[] = {'\xc7', '\x03', '\x0c', '\x81', '\x01', '\xc2'};

class Encoder {
 public:
  explicit Encoder(std::string* out) : out_(out) {}

  absl::Status Encode(const Value& value, const Type& type) {
    const Type& actual = value.type();
    if (type.kind() == Kind::kDynamic && actual.kind() != Kind::kDynamic) {
      internal::WriteArrayHeader(out_, 2);
      internal::WriteBin(out_, ToTypeJson(actual));
      return Encode(value, actual);
    }
    if (actual.kind() != type.kind() && actual.kind() != Kind::kDynamic) {
      return path_.Error(
          absl::StrCat("expected ", type.FriendlyName(), ", got ", actual.FriendlyName()));
    }
    if (value.is_unknown()) {
      if (value.is_refined_not_null()) {
        out_->append(kUnknownNotNull, sizeof kUnknownNotNull);
      } else {
        out_->append(kUnknown, sizeof kUnknown);
      }
      return absl::OkStatus();
    }
    if (value.is_null()) {
      internal::WriteNil(out_);
      return absl::OkStatus();
    }
    switch (type.kind()) {
      case Kind::kDynamic:
        return path_.Error("a known value must have a concrete type");
      case Kind::kString:
        internal::WriteStr(out_, value.AsString());
        return absl::OkStatus();
      case Kind::kBool:
        internal::WriteBool(out_, value.AsBool());
        return absl::OkStatus();
      case Kind::kNumber:
        return EncodeNumber(value.AsNumber());
      case Kind::kList:
      case Kind::kSet: {
        const auto& elements = value.Elements();
        internal::WriteArrayHeader(out_, elements.size());
        for (size_t i = 0; i < elements.size(); ++i) {
          PathStep step(&path_, i);
          if (absl::Status s = Encode(elements[i], type.element()); !s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case Kind::kTuple: {
        const auto& elements = value.Elements();
        const auto& types = type.tuple_elements();
        if (elements.size() != types.size()) {
          return path_.Error(absl::StrCat("expected a tuple of ", types.size(), " elements, got ",
                                          elements.size()));
        }
        internal::WriteArrayHeader(out_, elements.size());
        for (size_t i = 0; i < elements.size(); ++i) {
          PathStep step(&path_, i);
          if (absl::Status s = Encode(elements[i], types[i]); !s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case Kind::kMap: {
        const auto& elements = value.Attributes();
        internal::WriteMapHeader(out_, elements.size());
        for (const auto& [key, element] : elements) {
          PathStep step = PathStep::Key(&path_, key);
          internal::WriteStr(out_, key);
          if (absl::Status s = Encode(element, type.element()); !s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case Kind::kObject:
        return EncodeObject(value, type);
    }
    return path_.Error("unsupported type");
  }

 private:
  // Every attribute of the type, in name order; one the value lacks is
  // written as null, one the type lacks is an error.
  absl::Status EncodeObject(const Value& value, const Type& type) {
    const auto& attributes = value.Attributes();
    for (const auto& [name, unused] : attributes) {
      if (type.attributes().count(name) == 0) {
        return path_.Error(absl::StrCat("unsupported attribute \"", name, "\""));
      }
    }
    internal::WriteMapHeader(out_, type.attributes().size());
    for (const auto& [name, attribute_type] : type.attributes()) {
      PathStep step(&path_, name);
      internal::WriteStr(out_, name);
      auto it = attributes.find(name);
      if (it == attributes.end()) {
        internal::WriteNil(out_);
      } else if (absl::Status s = Encode(it->second, attribute_type); !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

  absl::Status EncodeNumber(const Number& n) {
    switch (n.form()) {
      case Number::Form::kInt:
        internal::WriteInt(out_, n.int_value());
        return absl::OkStatus();
      case Number::Form::kFloat: {
        const double f = n.float_value();
        if (std::isnan(f)) return path_.Error("NaN cannot be encoded");
        // 2^63 is exactly representable; every double below it that is
        // integral fits an int64.
        if (std::isfinite(f) && f == std::trunc(f) && f >= -9223372036854775808.0 &&
            f < 9223372036854775808.0) {
          internal::WriteInt(out_, static_cast<int64_t>(f));
        } else {
          internal::WriteFloat64(out_, f);
        }
        return absl::OkStatus();
      }
      case Number::Form::kDecimal: {
        std::optional<internal::CanonicalDecimal> canon =
            internal::CanonicalDecimal::Parse(n.decimal());
        if (!canon.has_value()) return path_.Error("invalid decimal number");
        if (std::optional<int64_t> i = canon->ToInt64(); i.has_value()) {
          internal::WriteInt(out_, *i);
        } else {
          internal::WriteStr(out_, n.decimal());
        }
        return absl::OkStatus();
      }
    }
    return path_.Error("invalid number");
  }

  std::string* out_;
  internal::DecodePath path_;
};

}  // namespace

absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type) {
  try {
    std::string out;
    Encoder encoder(&out);
    if (absl::Status s = encoder.Encode(value, type); !s.ok()) return internal::Sanitized(s);
    return out;
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("msgpack encode failed: ", e.what()));
  }
}

}  // namespace cty
