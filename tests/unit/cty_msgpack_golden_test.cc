// File: tests/unit/cty_msgpack_golden_test.cc
//
// Golden hex tables for the cty msgpack codec: what Terraform sends and what
// we must send back, byte for byte (go-cty cty/msgpack is the reference).

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/cty/msgpack.h"
#include "tests/unit/cty_test_support.h"

namespace cty {
namespace {

std::string ToHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xf]);
  }
  return out;
}

enum Direction { kBoth, kDecodeOnly, kEncodeOnly };

struct Golden {
  const char* name;
  Type type;
  std::string hex;
  Value value;
  Direction direction = kBoth;
};

void PrintTo(const Golden& g, std::ostream* os) { *os << g.name; }

const Type kNamed = Type::Object({{"name", Type::String()}});

std::vector<Golden> Table() {
  return {
      // Null and unknown, in every form Terraform may send.
      {"NullString", Type::String(), "c0", Value::Null(Type::String())},
      {"NullList", Type::List(Type::String()), "c0", Value::Null(Type::List(Type::String()))},
      {"NullObject", kNamed, "c0", Value::Null(kNamed)},
      {"NullDynamic", Type::Dynamic(), "c0", Value::Null(Type::Dynamic())},
      {"UnknownString", Type::String(), "d40000", Value::Unknown(Type::String())},
      {"UnknownObject", kNamed, "d40000", Value::Unknown(kNamed)},
      {"UnknownDynamic", Type::Dynamic(), "d40000", Value::Unknown(Type::Dynamic())},
      // go-cty's marshalUnknownValue: the not-null refinement as ext 12.
      {"RefinedUnknownNotNull", Type::String(), "c7030c8101c2",
       Value::Unknown(Type::String(), true)},
      {"RefinedUnknownNotNullList", Type::List(Type::String()), "c7030c8101c2",
       Value::Unknown(Type::List(Type::String()), true)},
      {"RefinedUnknownWithPrefix", Type::String(), "c7060c8201c202a161",
       Value::Unknown(Type::String(), true), kDecodeOnly},
      {"RefinedUnknownLengthOnly", Type::List(Type::String()), "c7030c810501",
       Value::Unknown(Type::List(Type::String())), kDecodeOnly},
      {"RefinedUnknownOnDynamicIsPlain", Type::Dynamic(), "c7030c8101c2",
       Value::Unknown(Type::Dynamic()), kDecodeOnly},
      {"UnknownFixext2", Type::Number(), "d5000000", Value::Unknown(Type::Number()), kDecodeOnly},
      {"UnknownFixext4", Type::Number(), "d60000000000", Value::Unknown(Type::Number()),
       kDecodeOnly},
      {"UnknownFixext8", Type::Bool(), "d7000000000000000000", Value::Unknown(Type::Bool()),
       kDecodeOnly},
      {"UnknownFixext16", Type::Bool(), "d80000000000000000000000000000000000",
       Value::Unknown(Type::Bool()), kDecodeOnly},
      {"UnknownExt8Empty", Type::String(), "c70000", Value::Unknown(Type::String()), kDecodeOnly},
      {"UnknownExt16", Type::String(), "c800010000", Value::Unknown(Type::String()), kDecodeOnly},
      {"UnknownExt32", Type::String(), "c9000000010000", Value::Unknown(Type::String()),
       kDecodeOnly},
      // Strings: str on the way out; str and bin accepted on the way in.
      {"String", Type::String(), "a568656c6c6f", Value::String("hello")},
      {"EmptyString", Type::String(), "a0", Value::String("")},
      {"Str8", Type::String(), "d920" + std::string(64, '6'), Value::String(std::string(32, 'f'))},
      {"BinString", Type::String(), "c40568656c6c6f", Value::String("hello"), kDecodeOnly},
      // Integers: smallest form, uint forms for positives as go-cty writes.
      {"Zero", Type::Number(), "00", Value::Int(0)},
      {"PositiveFixintMax", Type::Number(), "7f", Value::Int(127)},
      {"Uint8Min", Type::Number(), "cc80", Value::Int(128)},
      {"Uint8Max", Type::Number(), "ccff", Value::Int(255)},
      {"Uint16Min", Type::Number(), "cd0100", Value::Int(256)},
      {"Uint16Max", Type::Number(), "cdffff", Value::Int(65535)},
      {"Uint32Min", Type::Number(), "ce00010000", Value::Int(65536)},
      {"Uint32Max", Type::Number(), "ceffffffff", Value::Int(4294967295)},
      {"Uint64Min", Type::Number(), "cf0000000100000000", Value::Int(4294967296)},
      {"Int64Max", Type::Number(), "cf7fffffffffffffff", Value::Int(INT64_MAX)},
      {"NegativeFixintMinusOne", Type::Number(), "ff", Value::Int(-1)},
      {"NegativeFixintMin", Type::Number(), "e0", Value::Int(-32)},
      {"Int8Max", Type::Number(), "d0df", Value::Int(-33)},
      {"Int8Min", Type::Number(), "d080", Value::Int(-128)},
      {"Int16Max", Type::Number(), "d1ff7f", Value::Int(-129)},
      {"Int16Min", Type::Number(), "d18000", Value::Int(-32768)},
      {"Int32Max", Type::Number(), "d2ffff7fff", Value::Int(-32769)},
      {"Int32Min", Type::Number(), "d280000000", Value::Int(INT32_MIN)},
      {"Int64Larger", Type::Number(), "d3ffffffff7fffffff", Value::Int(int64_t{INT32_MIN} - 1)},
      {"Int64Min", Type::Number(), "d38000000000000000", Value::Int(INT64_MIN)},
      {"Int8OfPositive", Type::Number(), "d001", Value::Int(1), kDecodeOnly},
      {"WideUint16OfSmall", Type::Number(), "cd0001", Value::Int(1), kDecodeOnly},
      {"WideInt64OfSmall", Type::Number(), "d30000000000000005", Value::Int(5), kDecodeOnly},
      {"Uint64BeyondInt64", Type::Number(), "cfffffffffffffffff",
       Value::NumberValue(Dec("18446744073709551615")), kDecodeOnly},
      {"DecimalBeyondUint64EncodesAsString", Type::Number(),
       "b43138343436373434303733373039353531363135",
       Value::NumberValue(Dec("18446744073709551615")), kEncodeOnly},
      // Numbers that are not int64: float64 when exact, else a decimal string.
      {"TwoToThe63AsString", Type::Number(), "b339323233333732303336383534373735383038",
       Value::NumberValue(Dec("9223372036854775808"))},
      {"PointOneAsString", Type::Number(), "a3302e31", Value::NumberValue(Dec("0.1"))},
      {"Float64", Type::Number(), "cb3ff8000000000000", Value::NumberValue(Number::Float(1.5))},
      {"NegativeFloat64", Type::Number(), "cbbfe0000000000000",
       Value::NumberValue(Number::Float(-0.5))},
      {"Float32", Type::Number(), "ca3fc00000", Value::NumberValue(Number::Float(1.5)),
       kDecodeOnly},
      {"IntegralFloatEncodesAsInt", Type::Number(), "02", Value::NumberValue(Number::Float(2.0)),
       kEncodeOnly},
      {"IntegralDecimalEncodesAsInt", Type::Number(), "2a", Value::NumberValue(Dec("42")),
       kEncodeOnly},
      {"True", Type::Bool(), "c3", Value::Bool(true)},
      {"False", Type::Bool(), "c2", Value::Bool(false)},
      // Dynamic positions carry [type JSON, value].
      {"DynamicString", Type::Dynamic(), "92c40822737472696e6722a26869", Value::String("hi")},
      {"DynamicTypeAsStr", Type::Dynamic(), "92a822737472696e6722a26869", Value::String("hi"),
       kDecodeOnly},
      {"DynamicNullString", Type::Dynamic(), "92c40822737472696e6722c0",
       Value::Null(Type::String())},
      {"ObjectWithDynamicAttribute", Type::Object({{"v", Type::Dynamic()}}),
       "81a17692c408226e756d6265722205", Value::Object({{"v", Value::Int(5)}})},
      // Structural and collection types.
      {"ObjectWithNullAttribute", Type::Object({{"a", Type::String()}, {"b", Type::Number()}}),
       "82a161a178a162c0",
       Value::Object({{"a", Value::String("x")}, {"b", Value::Null(Type::Number())}})},
      {"EmptyObject", Type::Object({}), "80", Value::Object({})},
      {"ListOfObject", Type::List(kNamed), "9281a46e616d65a16181a46e616d65a162",
       Value::List(kNamed, {Value::Object({{"name", Value::String("a")}}),
                            Value::Object({{"name", Value::String("b")}})})},
      {"EmptyList", Type::List(Type::String()), "90", Value::List(Type::String(), {})},
      {"ListWithUnknownElement", Type::List(Type::String()), "92a161d40000",
       Value::List(Type::String(), {Value::String("a"), Value::Unknown(Type::String())})},
      {"Array16List", Type::List(Type::String()), "dc0001a161",
       Value::List(Type::String(), {Value::String("a")}), kDecodeOnly},
      {"Set", Type::Set(Type::String()), "92a161a162",
       Value::Set(Type::String(), {Value::String("a"), Value::String("b")})},
      {"Map", Type::Map(Type::Number()), "82a17801a17902",
       Value::Map(Type::Number(), {{"x", Value::Int(1)}, {"y", Value::Int(2)}})},
      {"MapWithBinKey", Type::Map(Type::Number()), "81c4017801",
       Value::Map(Type::Number(), {{"x", Value::Int(1)}}), kDecodeOnly},
      {"Map16", Type::Map(Type::Number()), "de0001a17801",
       Value::Map(Type::Number(), {{"x", Value::Int(1)}}), kDecodeOnly},
      {"Tuple", Type::Tuple({Type::String(), Type::Number(), Type::Bool()}), "93a16101c3",
       Value::Tuple({Value::String("a"), Value::Int(1), Value::Bool(true)})},
      {"EmptyTuple", Type::Tuple({}), "90", Value::Tuple({})},
  };
}

std::vector<Golden> Only(Direction excluded) {
  std::vector<Golden> out;
  for (Golden& g : Table()) {
    if (g.direction != excluded) out.push_back(std::move(g));
  }
  return out;
}

std::string CaseName(const testing::TestParamInfo<Golden>& info) { return info.param.name; }

class MsgpackGoldenDecodeTest : public testing::TestWithParam<Golden> {};
class MsgpackGoldenEncodeTest : public testing::TestWithParam<Golden> {};

TEST_P(MsgpackGoldenDecodeTest, DecodesGoldenBytes) {
  const Golden& g = GetParam();
  absl::StatusOr<Value> v = DecodeMsgpack(FromHex(g.hex), g.type);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(*v, g.value);
  EXPECT_EQ(v->is_refined_not_null(), g.value.is_refined_not_null());
}

TEST_P(MsgpackGoldenEncodeTest, EncodesGoldenBytes) {
  const Golden& g = GetParam();
  absl::StatusOr<std::string> bytes = EncodeMsgpack(g.value, g.type);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  EXPECT_EQ(ToHex(*bytes), g.hex);
}

INSTANTIATE_TEST_SUITE_P(Table, MsgpackGoldenDecodeTest, testing::ValuesIn(Only(kEncodeOnly)),
                         CaseName);
INSTANTIATE_TEST_SUITE_P(Table, MsgpackGoldenEncodeTest, testing::ValuesIn(Only(kDecodeOnly)),
                         CaseName);

TEST(MsgpackGoldenTableTest, HasAtLeastFortyCases) { EXPECT_GE(Table().size(), 40u); }

TEST(MsgpackDecodeTest, KeepsNumberFormForLosslessRoundTrip) {
  absl::StatusOr<Value> v = DecodeMsgpack(FromHex("a3302e31"), Type::Number());
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->AsNumber().form(), Number::Form::kDecimal);
  EXPECT_EQ(v->AsNumber().decimal(), "0.1");
  v = DecodeMsgpack(FromHex("cb3ff8000000000000"), Type::Number());
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->AsNumber().form(), Number::Form::kFloat);
}

TEST(MsgpackDecodeTest, RefinedNullIsNull) {
  absl::StatusOr<Value> v = DecodeMsgpack(FromHex("c7030c8101c3"), Type::String());
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_TRUE(v->is_null());
}

TEST(MsgpackDecodeTest, ObjectFromDynamicAttributeTakesConcreteType) {
  absl::StatusOr<Value> v = DecodeMsgpack(FromHex("81a17692c408226e756d6265722205"),
                                          Type::Object({{"v", Type::Dynamic()}}));
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->GetAttr("v").type(), Type::Number());
}

}  // namespace
}  // namespace cty
