// File: provider/cty/value.h
//
// A Terraform value: a type plus exactly one of null, unknown or known.
// Null is the default state. Values are immutable and cheap to copy.
//
// Unknown values may carry refinements on the wire (ext type 12). We keep
// only the one that changes what a check may conclude: "definitely not null",
// and send it back as go-cty does. Other refinements (string prefix, number
// and length bounds) are dropped.

#ifndef COMPLIANCECHECK_PROVIDER_CTY_VALUE_H_
#define COMPLIANCECHECK_PROVIDER_CTY_VALUE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "provider/cty/number.h"
#include "provider/cty/type.h"

namespace cty {

class Value {
 public:
  // A null of the dynamic pseudo-type.
  Value();

  static Value Null(Type type);
  static Value Unknown(Type type, bool refined_not_null = false);

  static Value String(std::string s);
  static Value Bool(bool b);
  static Value NumberValue(Number n);
  static Value Int(int64_t i) { return NumberValue(Number::Int(i)); }
  // Element values must all be of `element` type (not checked in release).
  static Value List(const Type& element, std::vector<Value> elements);
  // Equal elements are kept once (the first), as go-cty's sets do. Elements
  // that are or hold unknowns are never equal to anything: all are kept.
  static Value Set(const Type& element, std::vector<Value> elements);
  static Value Map(const Type& element, std::map<std::string, Value> elements);
  // The object type is derived from the attributes' own types.
  static Value Object(std::map<std::string, Value> attributes);
  // An object of the given object `type`, whose attributes must be exactly
  // those of `type` with the same types (not checked in release). Lets a
  // decoder share the schema's type instead of deriving a new one.
  static Value Object(Type type, std::map<std::string, Value> attributes);
  static Value Tuple(std::vector<Value> elements);

  const Type& type() const;
  bool is_null() const;
  bool is_unknown() const;
  bool is_known() const { return !is_null() && !is_unknown(); }
  // True for an unknown refined as "definitely not null".
  bool is_refined_not_null() const;
  // True when neither this value nor anything nested in it is unknown.
  bool IsWhollyKnown() const;

  // Accessors for known values of the matching kind; calling one on the
  // wrong kind, on null or on unknown is a programming error (asserts).
  const std::string& AsString() const;
  bool AsBool() const;
  const Number& AsNumber() const;
  // Elements of a list, set or tuple.
  const std::vector<Value>& Elements() const;
  // Attributes of an object, or elements of a map.
  const std::map<std::string, Value>& Attributes() const;

  // The attribute `name` of a known object or map, or null (dynamic) when the
  // value is not a known object/map or has no such attribute.
  const Value& GetAttr(std::string_view name) const;

  // Structural equality: same type, same state, same content.
  friend bool operator==(const Value& a, const Value& b);

 private:
  struct Rep;
  static size_t Hash(const Value& v);
  explicit Value(std::shared_ptr<const Rep> rep);
  std::shared_ptr<const Rep> rep_;
};

}  // namespace cty

#endif  // COMPLIANCECHECK_PROVIDER_CTY_VALUE_H_
