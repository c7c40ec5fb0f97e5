// File: tests/bench/cty_msgpack_bench.cc
//
// Our msgpack decoding (provider/cty: a token reader of our own, driven by
// the schema type, building cty values) against Debian's msgpack-cxx, with
// its unpack limits set, parsing the same bytes into its object tree. The
// msgpack-cxx figure is a lower bound of what using it would cost: the tree
// must still be walked and turned into cty values afterwards. Not run by
// ctest; the numbers back the choice recorded in provider/cty/msgpack_wire.h.

#include <cstdlib>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "msgpack.hpp"
#include "provider/compliance/provider.h"
#include "provider/cty/msgpack.h"

namespace {

using cty::Type;
using cty::Value;

constexpr char kDataSource[] = "compliancecheck_ecs_task_definition";

// The limits a provider would set: nothing beyond what one request may hold.
msgpack::unpack_limit Limits() {
  return msgpack::unpack_limit(/*array=*/1 << 20, /*map=*/1 << 20, /*str=*/64 << 20,
                               /*bin=*/64 << 20, /*ext=*/1 << 10, /*depth=*/64);
}

std::string Encode(const Value& value, const Type& type) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  if (!bytes.ok()) std::abort();
  return *bytes;
}

const compliance::Provider& TheProvider() {
  static const compliance::Provider* const provider = new compliance::Provider();
  return *provider;
}

Type DataSourceType() {
  return TheProvider().FindDataSource(kDataSource)->GetSchema().block.ObjectType();
}

// A data source configuration as Terraform sends it in plan: a 4 KB
// container_definitions string and a few short attributes.
std::string DataSourceConfig() {
  std::string containers = "[";
  while (containers.size() < 4096) {
    containers += R"({"name":"app","image":"app:1.2.3","environment":[{"name":"K","value":"V"}]},)";
  }
  containers.back() = ']';
  const Type type = DataSourceType();
  std::map<std::string, Value> attributes;
  for (const auto& [name, attribute_type] : type.attributes()) {
    attributes.emplace(name, Value::Null(attribute_type));
  }
  attributes["family"] = Value::String("web");
  attributes["pid_mode"] = Value::String("task");
  attributes["network_mode"] = Value::String("awsvpc");
  attributes["requires_compatibilities"] = Value::Set(Type::String(), {Value::String("FARGATE")});
  attributes["container_definitions"] = Value::String(containers);
  return Encode(Value::Object(std::move(attributes)), type);
}

// Many small values: 500 objects of four attributes, as a resource object
// with nested blocks passed to a function would be.
Type RowType() {
  return Type::Object({{"name", Type::String()},
                       {"value", Type::String()},
                       {"port", Type::Number()},
                       {"essential", Type::Bool()}});
}
Type RowsType() { return Type::List(RowType()); }

std::string Rows() {
  std::vector<Value> rows;
  for (int i = 0; i < 500; ++i) {
    rows.push_back(Value::Object({{"name", Value::String("setting-" + std::to_string(i))},
                                  {"value", Value::String("value")},
                                  {"port", Value::Int(8000 + i)},
                                  {"essential", Value::Bool(i % 2 == 0)}}));
  }
  return Encode(Value::List(RowType(), std::move(rows)), RowsType());
}

void Ours(benchmark::State& state, const std::string& bytes, const Type& type) {
  for (auto _ : state) {
    absl::StatusOr<Value> value = cty::DecodeMsgpack(bytes, type);
    if (!value.ok()) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(value);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void MsgpackCxx(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    msgpack::object_handle handle =
        msgpack::unpack(bytes.data(), bytes.size(), nullptr, nullptr, Limits());
    benchmark::DoNotOptimize(handle.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_DataSourceConfig_Ours(benchmark::State& state) {
  static const std::string bytes = DataSourceConfig();
  Ours(state, bytes, DataSourceType());
}
BENCHMARK(BM_DataSourceConfig_Ours);

void BM_DataSourceConfig_MsgpackCxx(benchmark::State& state) {
  static const std::string bytes = DataSourceConfig();
  MsgpackCxx(state, bytes);
}
BENCHMARK(BM_DataSourceConfig_MsgpackCxx);

void BM_FiveHundredRows_Ours(benchmark::State& state) {
  static const std::string bytes = Rows();
  Ours(state, bytes, RowsType());
}
BENCHMARK(BM_FiveHundredRows_Ours);

void BM_FiveHundredRows_MsgpackCxx(benchmark::State& state) {
  static const std::string bytes = Rows();
  MsgpackCxx(state, bytes);
}
BENCHMARK(BM_FiveHundredRows_MsgpackCxx);

// Five bytes announcing four billion array elements: how long each takes
// to refuse it. msgpack-cxx refuses only because of the array limit; its
// default limit is 0xffffffff.
void BM_HugeArrayHeader_Ours(benchmark::State& state) {
  const std::string bytes("\xdd\xff\xff\xff\xff", 5);
  for (auto _ : state) {
    absl::StatusOr<Value> value = cty::DecodeMsgpack(bytes, Type::List(Type::String()));
    if (value.ok()) state.SkipWithError("accepted");
    benchmark::DoNotOptimize(value);
  }
}
BENCHMARK(BM_HugeArrayHeader_Ours);

void BM_HugeArrayHeader_MsgpackCxx(benchmark::State& state) {
  const std::string bytes("\xdd\xff\xff\xff\xff", 5);
  for (auto _ : state) {
    try {
      msgpack::object_handle handle =
          msgpack::unpack(bytes.data(), bytes.size(), nullptr, nullptr, Limits());
      benchmark::DoNotOptimize(handle.get());
      state.SkipWithError("accepted");
    } catch (const std::exception& e) {
      benchmark::DoNotOptimize(e.what());
    }
  }
}
BENCHMARK(BM_HugeArrayHeader_MsgpackCxx);

}  // namespace

BENCHMARK_MAIN();
