// File: provider/cty/value.cc

#include "provider/cty/value.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <unordered_map>
#include <utility>
#include <variant>

namespace cty {

// Value::Rep is private to Value, so the helpers that build reps live inside
// it (a nested class has the access of its enclosing class).
struct Value::Rep {
  enum class State : uint8_t { kNull, kUnknown, kKnown };
  using Data = std::variant<std::monostate, std::string, bool, Number, std::vector<Value>,
                            std::map<std::string, Value>>;

  Type type;
  State state = State::kNull;
  bool refined_not_null = false;
  Data data;

  static std::shared_ptr<const Rep> Make(Type type, State state, Data data = {},
                                         bool refined_not_null = false) {
    auto rep = std::make_shared<Rep>();
    rep->type = std::move(type);
    rep->state = state;
    rep->refined_not_null = refined_not_null;
    rep->data = std::move(data);
    return rep;
  }

  // Immortal shared representations for the values decoding produces most:
  // nulls and unknowns of primitive types, booleans, small integers. They
  // keep a decoded list of a million nulls at one pointer per element.
  struct Shared {
    // Indexed by PrimitiveIndex (dynamic, string, number, bool).
    std::array<std::shared_ptr<const Rep>, 4> nulls, unknowns, unknowns_not_null;
    std::shared_ptr<const Rep> yes, no, empty_string;
    static constexpr int kSmallMin = -32, kSmallMax = 255;
    std::array<std::shared_ptr<const Rep>, kSmallMax - kSmallMin + 1> small_ints;

    Shared() {
      const Type types[] = {Type::Dynamic(), Type::String(), Type::Number(), Type::Bool()};
      for (int i = 0; i < 4; ++i) {
        nulls[i] = Make(types[i], State::kNull);
        unknowns[i] = Make(types[i], State::kUnknown);
        unknowns_not_null[i] = Make(types[i], State::kUnknown, {}, i != 0);
      }
      yes = Make(Type::Bool(), State::kKnown, true);
      no = Make(Type::Bool(), State::kKnown, false);
      empty_string = Make(Type::String(), State::kKnown, std::string());
      for (int i = kSmallMin; i <= kSmallMax; ++i) {
        small_ints[i - kSmallMin] = Make(Type::Number(), State::kKnown, Number::Int(i));
      }
    }
  };
  static const Shared& Get() {
    static const Shared* const shared = new Shared();
    return *shared;
  }
};

namespace {

int PrimitiveIndex(Kind kind) {
  switch (kind) {
    case Kind::kDynamic:
      return 0;
    case Kind::kString:
      return 1;
    case Kind::kNumber:
      return 2;
    case Kind::kBool:
      return 3;
    default:
      return -1;
  }
}

const Value& NullDynamic() {
  static const Value* const v = new Value();
  return *v;
}

template <typename T>
const T& Empty() {
  static const T* const v = new T();
  return *v;
}

}  // namespace

Value::Value() : rep_(Rep::Get().nulls[0]) {}
Value::Value(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}

Value Value::Null(Type type) {
  int i = PrimitiveIndex(type.kind());
  if (i >= 0) return Value(Rep::Get().nulls[i]);
  return Value(Rep::Make(std::move(type), Rep::State::kNull));
}

Value Value::Unknown(Type type, bool refined_not_null) {
  // The dynamic pseudo-type carries no refinements (as in go-cty).
  if (type.kind() == Kind::kDynamic) refined_not_null = false;
  int i = PrimitiveIndex(type.kind());
  if (i >= 0) {
    return Value(refined_not_null ? Rep::Get().unknowns_not_null[i] : Rep::Get().unknowns[i]);
  }
  return Value(Rep::Make(std::move(type), Rep::State::kUnknown, {}, refined_not_null));
}

Value Value::String(std::string s) {
  if (s.empty()) return Value(Rep::Get().empty_string);
  return Value(Rep::Make(Type::String(), Rep::State::kKnown, std::move(s)));
}

Value Value::Bool(bool b) { return Value(b ? Rep::Get().yes : Rep::Get().no); }

Value Value::NumberValue(Number n) {
  if (n.form() == Number::Form::kInt && n.int_value() >= Rep::Shared::kSmallMin &&
      n.int_value() <= Rep::Shared::kSmallMax) {
    return Value(Rep::Get().small_ints[n.int_value() - Rep::Shared::kSmallMin]);
  }
  return Value(Rep::Make(Type::Number(), Rep::State::kKnown, std::move(n)));
}

Value Value::List(const Type& element, std::vector<Value> elements) {
  return Value(Rep::Make(Type::List(element), Rep::State::kKnown, std::move(elements)));
}

Value Value::Set(const Type& element, std::vector<Value> elements) {
  // Buckets by hash, so a large set costs linear time unless its elements
  // collide; equality decides within a bucket.
  std::unordered_map<size_t, std::vector<size_t>> seen;
  std::vector<Value> distinct;
  distinct.reserve(elements.size());
  for (Value& e : elements) {
    if (e.IsWhollyKnown()) {
      std::vector<size_t>& bucket = seen[Hash(e)];
      const bool duplicate =
          std::any_of(bucket.begin(), bucket.end(), [&](size_t i) { return distinct[i] == e; });
      if (duplicate) continue;
      bucket.push_back(distinct.size());
    }
    distinct.push_back(std::move(e));
  }
  return Value(Rep::Make(Type::Set(element), Rep::State::kKnown, std::move(distinct)));
}

Value Value::Map(const Type& element, std::map<std::string, Value> elements) {
  return Value(Rep::Make(Type::Map(element), Rep::State::kKnown, std::move(elements)));
}

Value Value::Object(std::map<std::string, Value> attributes) {
  std::map<std::string, Type> types;
  for (const auto& [name, v] : attributes) types.emplace_hint(types.end(), name, v.type());
  return Value(
      Rep::Make(Type::Object(std::move(types)), Rep::State::kKnown, std::move(attributes)));
}

Value Value::Object(Type type, std::map<std::string, Value> attributes) {
  assert(type.kind() == Kind::kObject && type.attributes().size() == attributes.size());
  return Value(Rep::Make(std::move(type), Rep::State::kKnown, std::move(attributes)));
}

Value Value::Tuple(std::vector<Value> elements) {
  std::vector<Type> types;
  types.reserve(elements.size());
  for (const Value& v : elements) types.push_back(v.type());
  return Value(Rep::Make(Type::Tuple(std::move(types)), Rep::State::kKnown, std::move(elements)));
}

const Type& Value::type() const { return rep_->type; }
bool Value::is_null() const { return rep_->state == Rep::State::kNull; }
bool Value::is_unknown() const { return rep_->state == Rep::State::kUnknown; }
bool Value::is_refined_not_null() const { return is_unknown() && rep_->refined_not_null; }

bool Value::IsWhollyKnown() const {
  if (is_unknown()) return false;
  if (is_null()) return true;
  if (const auto* v = std::get_if<std::vector<Value>>(&rep_->data)) {
    for (const Value& e : *v) {
      if (!e.IsWhollyKnown()) return false;
    }
  } else if (const auto* m = std::get_if<std::map<std::string, Value>>(&rep_->data)) {
    for (const auto& [k, e] : *m) {
      if (!e.IsWhollyKnown()) return false;
    }
  }
  return true;
}

// The accessors never throw: on the wrong kind they assert in debug builds
// and return an empty value in release builds.
const std::string& Value::AsString() const {
  const auto* p = std::get_if<std::string>(&rep_->data);
  assert(p != nullptr);
  return p ? *p : Empty<std::string>();
}

bool Value::AsBool() const {
  const auto* p = std::get_if<bool>(&rep_->data);
  assert(p != nullptr);
  return p ? *p : false;
}

const Number& Value::AsNumber() const {
  const auto* p = std::get_if<Number>(&rep_->data);
  assert(p != nullptr);
  return p ? *p : Empty<Number>();
}

const std::vector<Value>& Value::Elements() const {
  const auto* p = std::get_if<std::vector<Value>>(&rep_->data);
  assert(p != nullptr);
  return p ? *p : Empty<std::vector<Value>>();
}

const std::map<std::string, Value>& Value::Attributes() const {
  const auto* p = std::get_if<std::map<std::string, Value>>(&rep_->data);
  assert(p != nullptr);
  return p ? *p : Empty<std::map<std::string, Value>>();
}

const Value& Value::GetAttr(std::string_view name) const {
  const auto* m = std::get_if<std::map<std::string, Value>>(&rep_->data);
  if (m == nullptr) return NullDynamic();
  auto it = m->find(std::string(name));
  return it == m->end() ? NullDynamic() : it->second;
}

namespace {

// Sets compare as multisets: order does not matter, multiplicity does.
bool SameMultiset(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  if (a == b) return true;
  std::vector<bool> used(b.size(), false);
  for (const Value& x : a) {
    bool found = false;
    for (size_t j = 0; j < b.size() && !found; ++j) {
      if (!used[j] && x == b[j]) used[j] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

// Consistent with operator== for wholly known values: sets hash their
// elements in any order, numbers by value.
size_t Value::Hash(const Value& v) {
  const Rep& r = *v.rep_;
  size_t h = static_cast<size_t>(r.state) * 0x9e3779b97f4a7c15ULL;
  if (r.state != Rep::State::kKnown) return h;
  if (const auto* s = std::get_if<std::string>(&r.data)) return h ^ std::hash<std::string>()(*s);
  if (const auto* b = std::get_if<bool>(&r.data)) return h ^ (*b ? 1 : 2);
  if (const auto* n = std::get_if<Number>(&r.data)) return h ^ n->Hash();
  if (const auto* elements = std::get_if<std::vector<Value>>(&r.data)) {
    const bool ordered = r.type.kind() != Kind::kSet;
    for (const Value& e : *elements) h = ordered ? h * 31 + Hash(e) : h + Hash(e);
    return h;
  }
  if (const auto* m = std::get_if<std::map<std::string, Value>>(&r.data)) {
    for (const auto& [k, e] : *m) h = h * 31 + (std::hash<std::string>()(k) ^ Hash(e));
  }
  return h;
}

bool operator==(const Value& a, const Value& b) {
  if (a.rep_ == b.rep_) return true;
  using Rep = Value::Rep;
  const Rep& x = *a.rep_;
  const Rep& y = *b.rep_;
  if (x.state != y.state || !(x.type == y.type)) return false;
  if (x.state == Rep::State::kNull) return true;
  if (x.state == Rep::State::kUnknown) return x.refined_not_null == y.refined_not_null;
  if (x.type.kind() == Kind::kSet) {
    return SameMultiset(std::get<std::vector<Value>>(x.data), std::get<std::vector<Value>>(y.data));
  }
  return x.data == y.data;
}

}  // namespace cty
