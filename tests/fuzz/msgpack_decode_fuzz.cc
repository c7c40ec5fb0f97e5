// File: tests/fuzz/msgpack_decode_fuzz.cc
//
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
  // The not-null refinement is sent back too, so the round trip is exact.
  if (!(*first == *second)) Fail("round trip changed the value");
  absl::StatusOr<std::string> again = cty::EncodeMsgpack(*second, type);
  if (!again.ok() || *again != *bytes) Fail("encoding is not stable");
  return 0;
}
