// libFuzzer target: msgpack decoding against fixed schema types. The first
// input byte picks the type; the rest is the msgpack. Whatever decodes must
// re-encode, decode again to the same value, and re-encode to the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "provider/cty/msgpack.h"
#include "tests/fuzz/require.h"

namespace {

using cty::Type;
using cty::Value;
using fuzz::Fail;

std::vector<Type> Schemas() {
  Type finding = Type::Object({{"id", Type::String()},
                               {"severity", Type::Number()},
                               {"tags", Type::Map(Type::String())},
                               {"ok", Type::Bool()}});
  Type deep = Type::String();
  for (int i = 0; i < 70; ++i) deep = Type::List(deep);
  return {
      Type::String(),
      Type::Number(),
      Type::Dynamic(),
      Type::List(finding),
      Type::Object({{"container_definitions", Type::String()},
                    {"findings", Type::List(finding)},
                    {"ports", Type::Set(Type::Number())},
                    {"pair", Type::Tuple({Type::String(), Type::Dynamic()})},
                    {"extra", Type::Dynamic()}}),
      Type::Map(Type::List(Type::Bool())),
      deep,
      Type::List(Type::Dynamic()),
  };
}

// Refinements are dropped on encode (we always write `d4 00 00`), so the
// second decode may lose "not null"; everything else must match.
bool SameIgnoringRefinements(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) {
    return a.is_unknown() && b.is_unknown() && a.type() == b.type();
  }
  if (a.is_null() || b.is_null() || a.type().IsPrimitive()) return a == b;
  if (!(a.type() == b.type())) return false;
  switch (a.type().kind()) {
    case cty::Kind::kList:
    case cty::Kind::kTuple:
    case cty::Kind::kSet: {
      if (a.Elements().size() != b.Elements().size()) return false;
      // Encoding keeps element order, so sets compare in order here too.
      for (size_t i = 0; i < a.Elements().size(); ++i) {
        if (!SameIgnoringRefinements(a.Elements()[i], b.Elements()[i])) return false;
      }
      return true;
    }
    case cty::Kind::kMap:
    case cty::Kind::kObject: {
      if (a.Attributes().size() != b.Attributes().size()) return false;
      auto it = b.Attributes().begin();
      for (const auto& [key, value] : a.Attributes()) {
        if (key != it->first || !SameIgnoringRefinements(value, it->second)) return false;
        ++it;
      }
      return true;
    }
    default:
      return a == b;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<Type>* const schemas = new std::vector<Type>(Schemas());
  if (size == 0) return 0;
  const Type& type = (*schemas)[data[0] % schemas->size()];
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

  absl::StatusOr<Value> first = cty::DecodeMsgpack(input, type);
  if (!first.ok()) return 0;
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(*first, type);
  if (!bytes.ok()) Fail("re-encode failed", std::string(bytes.status().message()));
  absl::StatusOr<Value> second = cty::DecodeMsgpack(*bytes, type);
  if (!second.ok())
    Fail("decode of our own encoding failed", std::string(second.status().message()));
  if (!SameIgnoringRefinements(*first, *second)) Fail("round trip changed the value");
  absl::StatusOr<std::string> again = cty::EncodeMsgpack(*second, type);
  if (!again.ok() || *again != *bytes) Fail("encoding is not stable");
  return 0;
}
