// File: tests/unit/cty_json_test.cc
//
// DynamicValue.json decoding (go-cty cty/json): missing attributes are null,
// numbers keep full precision, dynamic values are {"value":..,"type":..}.

#include <string>

#include "gtest/gtest.h"
#include "provider/cty/json.h"

namespace cty {
namespace {

Value MustDecode(std::string_view json, const Type& type) {
  absl::StatusOr<Value> v = DecodeJson(json, type);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : Value();
}

std::string JsonDecodeError(std::string_view json, const Type& type) {
  absl::StatusOr<Value> v = DecodeJson(json, type);
  if (v.ok()) return "<decoded>";
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(v.status().message());
}

const Type kStringNumberAB = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});

TEST(JsonDecodeTest, NullIsNullOfTheType) {
  EXPECT_EQ(MustDecode("null", kStringNumberAB), Value::Null(kStringNumberAB));
  EXPECT_EQ(MustDecode("null", Type::Dynamic()), Value::Null(Type::Dynamic()));
}

TEST(JsonDecodeTest, MissingObjectAttributesAreNull) {
  EXPECT_EQ(MustDecode(R"({"a":"x"})", kStringNumberAB),
            Value::Object({{"a", Value::String("x")}, {"b", Value::Null(Type::Number())}}));
  EXPECT_EQ(MustDecode("{}", kStringNumberAB), Value::Object({{"a", Value::Null(Type::String())},
                                                              {"b", Value::Null(Type::Number())}}));
}

TEST(JsonDecodeTest, DecodesPrimitives) {
  EXPECT_EQ(MustDecode(R"("hi")", Type::String()), Value::String("hi"));
  EXPECT_EQ(MustDecode("true", Type::Bool()), Value::Bool(true));
  EXPECT_EQ(MustDecode("42", Type::Number()), Value::Int(42));
  EXPECT_EQ(MustDecode("-9223372036854775808", Type::Number()), Value::Int(INT64_MIN));
}

TEST(JsonDecodeTest, KeepsBigAndPreciseNumbersExactly) {
  Value big = MustDecode("123456789012345678901234567890", Type::Number());
  EXPECT_EQ(big.AsNumber().form(), Number::Form::kDecimal);
  EXPECT_EQ(big.AsNumber().decimal(), "123456789012345678901234567890");
  Value precise = MustDecode("0.1000000000000000000000001", Type::Number());
  EXPECT_EQ(precise.AsNumber().decimal(), "0.1000000000000000000000001");
  EXPECT_EQ(MustDecode("18446744073709551615", Type::Number()).AsNumber().decimal(),
            "18446744073709551615");
  EXPECT_EQ(MustDecode("1.5", Type::Number()), Value::NumberValue(Number::Float(1.5)));
}

TEST(JsonDecodeTest, ConvertsPrimitivesAsGoCtyDoes) {
  EXPECT_EQ(MustDecode(R"("12")", Type::Number()), Value::Int(12));
  EXPECT_EQ(MustDecode(R"("false")", Type::Bool()), Value::Bool(false));
  EXPECT_EQ(MustDecode("12", Type::String()), Value::String("12"));
  EXPECT_EQ(MustDecode("true", Type::String()), Value::String("true"));
}

TEST(JsonDecodeTest, DecodesCollectionsAndStructures) {
  EXPECT_EQ(MustDecode(R"(["a","b"])", Type::List(Type::String())),
            Value::List(Type::String(), {Value::String("a"), Value::String("b")}));
  EXPECT_EQ(MustDecode(R"(["a"])", Type::Set(Type::String())),
            Value::Set(Type::String(), {Value::String("a")}));
  EXPECT_EQ(MustDecode(R"({"x":1})", Type::Map(Type::Number())),
            Value::Map(Type::Number(), {{"x", Value::Int(1)}}));
  EXPECT_EQ(MustDecode(R"(["a",1])", Type::Tuple({Type::String(), Type::Number()})),
            Value::Tuple({Value::String("a"), Value::Int(1)}));
  EXPECT_EQ(MustDecode("[]", Type::List(Type::String())), Value::List(Type::String(), {}));
}

TEST(JsonDecodeTest, DecodesDynamicAsValueAndType) {
  EXPECT_EQ(MustDecode(R"({"value":"x","type":"string"})", Type::Dynamic()), Value::String("x"));
  EXPECT_EQ(MustDecode(R"({"type":["list","number"],"value":[1]})", Type::Dynamic()),
            Value::List(Type::Number(), {Value::Int(1)}));
  EXPECT_EQ(
      MustDecode(R"({"d":{"value":null,"type":"bool"}})", Type::Object({{"d", Type::Dynamic()}})),
      Value::Object({{"d", Value::Null(Type::Bool())}}));
}

struct BadJson {
  const char* name;
  Type type;
  const char* json;
  const char* error_contains;
};

void PrintTo(const BadJson& c, std::ostream* os) { *os << c.name; }

class JsonBadInputTest : public testing::TestWithParam<BadJson> {};

TEST_P(JsonBadInputTest, FailsWithClearError) {
  std::string error = JsonDecodeError(GetParam().json, GetParam().type);
  EXPECT_NE(error.find(GetParam().error_contains), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(
    Table, JsonBadInputTest,
    testing::Values(
        BadJson{"InvalidJson", Type::String(), "[", "invalid JSON"},
        BadJson{"Empty", Type::String(), "", "invalid JSON"},
        BadJson{"TrailingGarbage", Type::String(), R"("a" "b")", "invalid JSON"},
        BadJson{"ArrayForString", Type::String(), "[]", "expected string, got array"},
        BadJson{"ObjectForNumber", Type::Number(), "{}", "expected number, got object"},
        BadJson{"NotANumber", Type::Number(), R"("abc")", "is not a number"},
        BadJson{"StringForBool", Type::Bool(), R"("yes")", "expected bool, got string"},
        BadJson{"StringForList", Type::List(Type::String()), R"("a")", "expected list of string"},
        BadJson{"UnsupportedAttribute", kStringNumberAB, R"({"c":1})",
                "unsupported attribute \"c\""},
        BadJson{"DuplicateAttribute", kStringNumberAB, R"({"a":"x","a":"y"})",
                "duplicate attribute"},
        BadJson{"NestedPath", Type::Object({{"tags", Type::Map(Type::String())}}),
                R"({"tags":{"x":[]}})", "tags[\"x\"]: expected string, got array"},
        BadJson{"IndexPath", Type::List(kStringNumberAB), R"([{}, {"a": 1, "b": "x"}])",
                "[1].b: \"x\" is not a number"},
        BadJson{"TupleLength", Type::Tuple({Type::String()}), R"(["a","b"])",
                "expected a tuple of 1 elements, got 2"},
        BadJson{"DynamicNotObject", Type::Dynamic(), R"("x")", "{\"value\""},
        BadJson{"DynamicMissingType", Type::Dynamic(), R"({"value":1})", "missing \"type\""},
        BadJson{"DynamicMissingValue", Type::Dynamic(), R"({"type":"string"})",
                "missing \"value\""},
        BadJson{"DynamicExtraKey", Type::Dynamic(), R"({"type":"string","value":"","x":1})",
                "invalid key \"x\""},
        BadJson{"DynamicBadType", Type::Dynamic(), R"({"type":"strin","value":""})",
                "invalid type JSON"}),
    [](const testing::TestParamInfo<BadJson>& info) { return std::string(info.param.name); });

TEST(JsonLimitsTest, RejectsDeepNesting) {
  Type type = Type::String();
  for (int i = 0; i < 200; ++i) type = Type::List(type);
  std::string json(100000, '[');
  EXPECT_NE(JsonDecodeError(json, type).find("nested deeper than"), std::string::npos);
  EXPECT_NE(JsonDecodeError(json, Type::Dynamic()), "<decoded>");
}

}  // namespace
}  // namespace cty
