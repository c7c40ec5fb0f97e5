// File: provider/cty/type.cc

#include "provider/cty/type.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"

namespace cty {

struct Type::Rep {
  Kind kind = Kind::kDynamic;
  // Element of a list, set or map; empty for other kinds. (Optional so that
  // building the dynamic type does not need the dynamic type.)
  std::optional<Type> element;
  std::map<std::string, Type> attributes;
  std::set<std::string> optional;
  std::vector<Type> tuple;
};

Type::Type() : Type(Dynamic()) {}
Type::Type(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}

namespace {

template <typename RepT>
std::shared_ptr<const RepT> MakePrimitive(Kind kind) {
  auto rep = std::make_shared<RepT>();
  rep->kind = kind;
  return rep;
}

}  // namespace

Type Type::Dynamic() {
  static const auto* rep = new std::shared_ptr<const Rep>(MakePrimitive<Rep>(Kind::kDynamic));
  return Type(*rep);
}
Type Type::String() {
  static const auto* rep = new std::shared_ptr<const Rep>(MakePrimitive<Rep>(Kind::kString));
  return Type(*rep);
}
Type Type::Number() {
  static const auto* rep = new std::shared_ptr<const Rep>(MakePrimitive<Rep>(Kind::kNumber));
  return Type(*rep);
}
Type Type::Bool() {
  static const auto* rep = new std::shared_ptr<const Rep>(MakePrimitive<Rep>(Kind::kBool));
  return Type(*rep);
}

namespace {
template <typename RepT>
std::shared_ptr<RepT> MakeCollection(Kind kind, const Type& element) {
  auto rep = std::make_shared<RepT>();
  rep->kind = kind;
  rep->element = element;  // one shared_ptr copy
  return rep;
}
}  // namespace

Type Type::List(const Type& element) { return Type(MakeCollection<Rep>(Kind::kList, element)); }
Type Type::Set(const Type& element) { return Type(MakeCollection<Rep>(Kind::kSet, element)); }
Type Type::Map(const Type& element) { return Type(MakeCollection<Rep>(Kind::kMap, element)); }

Type Type::Object(std::map<std::string, Type> attributes, const std::set<std::string>& optional) {
  auto rep = std::make_shared<Rep>();
  rep->kind = Kind::kObject;
  // An optional name that is not an attribute means nothing; drop it so that
  // equality and type JSON stay canonical.
  for (const auto& name : optional) {
    if (attributes.count(name) != 0) rep->optional.insert(name);
  }
  rep->attributes = std::move(attributes);
  return Type(std::move(rep));
}

Type Type::Tuple(std::vector<Type> elements) {
  auto rep = std::make_shared<Rep>();
  rep->kind = Kind::kTuple;
  rep->tuple = std::move(elements);
  return Type(std::move(rep));
}

Kind Type::kind() const { return rep_->kind; }

const Type& Type::element() const {
  static const Type* const kDynamic = new Type(Dynamic());
  if (!rep_->element) return *kDynamic;
  return *rep_->element;
}

const std::map<std::string, Type>& Type::attributes() const { return rep_->attributes; }
const std::set<std::string>& Type::optional_attributes() const { return rep_->optional; }
const std::vector<Type>& Type::tuple_elements() const { return rep_->tuple; }

std::string Type::FriendlyName() const {
  switch (rep_->kind) {
    case Kind::kDynamic:
      return "dynamic";
    case Kind::kString:
      return "string";
    case Kind::kNumber:
      return "number";
    case Kind::kBool:
      return "bool";
    case Kind::kList:
      return absl::StrCat("list of ", element().FriendlyName());
    case Kind::kSet:
      return absl::StrCat("set of ", element().FriendlyName());
    case Kind::kMap:
      return absl::StrCat("map of ", element().FriendlyName());
    case Kind::kObject:
      return "object";
    case Kind::kTuple:
      return "tuple";
  }
  return "dynamic";
}

bool operator==(const Type& a, const Type& b) {
  if (a.rep_ == b.rep_) return true;
  const Type::Rep& x = *a.rep_;
  const Type::Rep& y = *b.rep_;
  if (x.kind != y.kind) return false;
  switch (x.kind) {
    case Kind::kList:
    case Kind::kSet:
    case Kind::kMap:
      return *x.element == *y.element;
    case Kind::kObject:
      return x.attributes == y.attributes && x.optional == y.optional;
    case Kind::kTuple:
      return x.tuple == y.tuple;
    default:
      return true;
  }
}

}  // namespace cty
