// File: provider/cty/type.h
//
// Terraform's type system (zclconf/go-cty): primitive types, collections,
// structural types and the dynamic pseudo-type, with the type JSON used on the
// wire ("string", ["list","string"], ["object",{...},["opt",...]], ...).

#ifndef COMPLIANCECHECK_PROVIDER_CTY_TYPE_H_
#define COMPLIANCECHECK_PROVIDER_CTY_TYPE_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace cty {

enum class Kind { kDynamic, kString, kNumber, kBool, kList, kSet, kMap, kObject, kTuple };

// An immutable type. Cheap to copy (shared representation). The default
// constructed Type is the dynamic pseudo-type.
class Type {
 public:
  Type();

  static Type Dynamic();
  static Type String();
  static Type Number();
  static Type Bool();
  static Type List(const Type& element);
  static Type Set(const Type& element);
  static Type Map(const Type& element);
  // `optional` names attributes of `attributes` that may be omitted in type
  // conversion; on the wire they are present like any other.
  static Type Object(std::map<std::string, Type> attributes,
                     const std::set<std::string>& optional = {});
  static Type Tuple(std::vector<Type> elements);

  Kind kind() const;

  // Element type of a list, set or map (dynamic for other kinds).
  const Type& element() const;
  // Attribute types of an object (empty map for other kinds).
  const std::map<std::string, Type>& attributes() const;
  const std::set<std::string>& optional_attributes() const;
  // Element types of a tuple (empty for other kinds).
  const std::vector<Type>& tuple_elements() const;

  // A short human name: "string", "list of string", "object", "tuple".
  std::string FriendlyName() const;

  friend bool operator==(const Type& a, const Type& b);
  friend bool operator!=(const Type& a, const Type& b) { return !(a == b); }

 private:
  struct Rep;
  explicit Type(std::shared_ptr<const Rep> rep);
  std::shared_ptr<const Rep> rep_;
};

// Parses type JSON. Error: InvalidArgument naming what is wrong.
absl::StatusOr<Type> ParseTypeJson(std::string_view json);

// Emits type JSON, compact, object attributes in sorted order.
std::string ToTypeJson(const Type& type);

}  // namespace cty

#endif  // COMPLIANCECHECK_PROVIDER_CTY_TYPE_H_
