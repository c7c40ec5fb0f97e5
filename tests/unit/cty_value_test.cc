// File: tests/unit/cty_value_test.cc
//
// Values and numbers: the null / unknown / known states, accessors,
// equality, and msgpack round trips for every type.

#include <cmath>
#include <string>

#include "gtest/gtest.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/value.h"
#include "tests/unit/cty_test_support.h"

namespace cty {
namespace {

TEST(ValueTest, DefaultIsNullDynamic) {
  Value v;
  EXPECT_TRUE(v.is_null());
  EXPECT_FALSE(v.is_unknown());
  EXPECT_FALSE(v.is_known());
  EXPECT_EQ(v.type(), Type::Dynamic());
}

TEST(ValueTest, HasExactlyOneState) {
  Value null = Value::Null(Type::String());
  Value unknown = Value::Unknown(Type::String());
  Value known = Value::String("x");
  EXPECT_TRUE(null.is_null() && !null.is_unknown() && !null.is_known());
  EXPECT_TRUE(!unknown.is_null() && unknown.is_unknown() && !unknown.is_known());
  EXPECT_TRUE(!known.is_null() && !known.is_unknown() && known.is_known());
  EXPECT_NE(null, unknown);
  EXPECT_NE(unknown, known);
}

TEST(ValueTest, KeepsRefinedNotNullOnUnknownOnly) {
  EXPECT_TRUE(Value::Unknown(Type::String(), true).is_refined_not_null());
  EXPECT_FALSE(Value::Unknown(Type::String()).is_refined_not_null());
  EXPECT_FALSE(Value::Unknown(Type::Dynamic(), true).is_refined_not_null());
  EXPECT_NE(Value::Unknown(Type::String(), true), Value::Unknown(Type::String()));
}

TEST(ValueTest, GetAttrReturnsNullForMissingOrNonObject) {
  Value obj = Value::Object({{"a", Value::String("x")}});
  EXPECT_EQ(obj.GetAttr("a"), Value::String("x"));
  EXPECT_TRUE(obj.GetAttr("b").is_null());
  EXPECT_TRUE(Value::Null(obj.type()).GetAttr("a").is_null());
  EXPECT_TRUE(Value::Unknown(obj.type()).GetAttr("a").is_null());
  EXPECT_EQ(Value::Map(Type::Number(), {{"k", Value::Int(1)}}).GetAttr("k"), Value::Int(1));
}

TEST(ValueTest, DerivesStructuralTypes) {
  Value obj = Value::Object({{"a", Value::String("x")}, {"n", Value::Null(Type::Number())}});
  EXPECT_EQ(obj.type(), Type::Object({{"a", Type::String()}, {"n", Type::Number()}}));
  EXPECT_EQ(Value::Tuple({Value::Bool(true)}).type(), Type::Tuple({Type::Bool()}));
  EXPECT_EQ(Value::List(Type::String(), {}).type(), Type::List(Type::String()));
}

TEST(ValueTest, IsWhollyKnownLooksInside) {
  EXPECT_TRUE(Value::Null(Type::String()).IsWhollyKnown());
  EXPECT_FALSE(Value::Unknown(Type::String()).IsWhollyKnown());
  EXPECT_FALSE(Value::Object({{"a", Value::List(Type::String(), {Value::Unknown(Type::String())})}})
                   .IsWhollyKnown());
  EXPECT_TRUE(
      Value::Object({{"a", Value::List(Type::String(), {Value::String("x")})}}).IsWhollyKnown());
}

TEST(ValueTest, SetsCompareIgnoringOrder) {
  Value ab = Value::Set(Type::String(), {Value::String("a"), Value::String("b")});
  Value ba = Value::Set(Type::String(), {Value::String("b"), Value::String("a")});
  EXPECT_EQ(ab, ba);
  EXPECT_NE(ab, Value::Set(Type::String(), {Value::String("a")}));
  EXPECT_NE(Value::List(Type::String(), {Value::String("a"), Value::String("b")}),
            Value::List(Type::String(), {Value::String("b"), Value::String("a")}));
}

// go-cty's sets hold each value once; an unknown is equal to nothing, so
// every unknown stays (its eventual value may differ from all the others).
TEST(ValueTest, SetsKeepEqualElementsOnceAndEveryUnknown) {
  const Value a = Value::String("a");
  EXPECT_EQ(Value::Set(Type::String(), {a, Value::String("b"), a}).Elements().size(), 2u);
  EXPECT_EQ(Value::Set(Type::Number(), {Value::Int(3), Value::NumberValue(Dec("3.0")),
                                        Value::NumberValue(Number::Float(3.0))})
                .Elements()
                .size(),
            1u);
  EXPECT_EQ(Value::Set(Type::String(), {Value::Null(Type::String()), Value::Null(Type::String())})
                .Elements()
                .size(),
            1u);
  const Value unknown = Value::Unknown(Type::String());
  EXPECT_EQ(Value::Set(Type::String(), {unknown, unknown, a}).Elements().size(), 3u);
  const Type list = Type::List(Type::String());
  EXPECT_EQ(Value::Set(list, {Value::List(Type::String(), {a, unknown}),
                              Value::List(Type::String(), {a, unknown})})
                .Elements()
                .size(),
            2u);
  EXPECT_EQ(Value::Set(list, {Value::List(Type::String(), {a}), Value::List(Type::String(), {a})})
                .Elements()
                .size(),
            1u);
}

TEST(NumberTest, ComparesByValueAcrossForms) {
  EXPECT_EQ(Number::Int(3), Dec("3.0"));
  EXPECT_EQ(Number::Int(3), Number::Float(3.0));
  EXPECT_EQ(Number::Float(0.1), Dec("0.1"));
  EXPECT_EQ(Dec("1e3"), Number::Int(1000));
  EXPECT_EQ(Dec("-0"), Number::Int(0));
  EXPECT_NE(Number::Int(3), Dec("3.0000000000000000000001"));
  EXPECT_NE(Number::Float(std::nan("")), Number::Float(std::nan("")));
  EXPECT_EQ(Number::Float(INFINITY), Number::Float(INFINITY));
  EXPECT_NE(Number::Float(INFINITY), Number::Float(-INFINITY));
}

TEST(NumberTest, RendersEveryFormAsDecimal) {
  EXPECT_EQ(Number::Int(-42).ToString(), "-42");
  EXPECT_EQ(Number::Float(0.5).ToString(), "0.5");
  EXPECT_EQ(Dec("9223372036854775808").ToString(), "9223372036854775808");
  EXPECT_EQ(Number().ToString(), "0");
}

TEST(NumberTest, RejectsTextThatIsNotDecimal) {
  for (const char* bad : {"", "-", ".", "1e", "1e+", "0x10", "1.2.3", "Inf", "NaN", " 1", "1 "}) {
    EXPECT_FALSE(Number::Decimal(bad).ok()) << bad;
  }
  for (const char* good : {"0", "-1", "+1", "1.", ".5", "1e10", "1E-10", "00012.3400"}) {
    EXPECT_TRUE(Number::Decimal(good).ok()) << good;
  }
}

struct RoundTrip {
  const char* name;
  Type type;
  Value value;
};

void PrintTo(const RoundTrip& c, std::ostream* os) { *os << c.name; }

class MsgpackRoundTripTest : public testing::TestWithParam<RoundTrip> {};

TEST_P(MsgpackRoundTripTest, DecodesWhatItEncodes) {
  absl::StatusOr<std::string> bytes = EncodeMsgpack(GetParam().value, GetParam().type);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  absl::StatusOr<Value> back = DecodeMsgpack(*bytes, GetParam().type);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, GetParam().value);
  absl::StatusOr<std::string> again = EncodeMsgpack(*back, GetParam().type);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, *bytes);
}

const Type kFinding = Type::Object({{"id", Type::String()},
                                    {"severity", Type::Number()},
                                    {"tags", Type::Map(Type::String())},
                                    {"extra", Type::Dynamic()}});

INSTANTIATE_TEST_SUITE_P(
    Table, MsgpackRoundTripTest,
    testing::Values(
        RoundTrip{"String", Type::String(), Value::String(std::string(70000, 'x'))},
        RoundTrip{"StringWithNul", Type::String(), Value::String(std::string("a\0b", 3))},
        RoundTrip{"Bool", Type::Bool(), Value::Bool(false)},
        RoundTrip{"Int", Type::Number(), Value::Int(-1234567890123)},
        RoundTrip{"Float", Type::Number(), Value::NumberValue(Number::Float(3.25e-300))},
        RoundTrip{"Infinity", Type::Number(), Value::NumberValue(Number::Float(-INFINITY))},
        RoundTrip{"BigDecimal", Type::Number(), Value::NumberValue(Dec("-1e400"))},
        RoundTrip{"PreciseDecimal", Type::Number(),
                  Value::NumberValue(Dec("3.14159265358979323846264"))},
        RoundTrip{"NullNumber", Type::Number(), Value::Null(Type::Number())},
        RoundTrip{"UnknownBool", Type::Bool(), Value::Unknown(Type::Bool())},
        RoundTrip{"List", Type::List(Type::Number()),
                  Value::List(Type::Number(), {Value::Int(1), Value::Null(Type::Number())})},
        RoundTrip{"LongList", Type::List(Type::Bool()),
                  Value::List(Type::Bool(), std::vector<Value>(70000, Value::Bool(true)))},
        RoundTrip{"Set", Type::Set(Type::Bool()), Value::Set(Type::Bool(), {Value::Bool(true)})},
        RoundTrip{"Map", Type::Map(Type::List(Type::String())),
                  Value::Map(Type::List(Type::String()),
                             {{"", Value::List(Type::String(), {})},
                              {"k", Value::Unknown(Type::List(Type::String()))}})},
        RoundTrip{"Tuple", Type::Tuple({Type::String(), Type::Dynamic()}),
                  Value::Tuple({Value::String("a"), Value::Int(7)})},
        RoundTrip{"DynamicList", Type::Dynamic(),
                  Value::List(Type::String(), {Value::String("a")})},
        RoundTrip{"DynamicUnknownString", Type::Dynamic(), Value::Unknown(Type::String())},
        RoundTrip{"DynamicObjectWithOptional", Type::Dynamic(),
                  Value::Object({{"a", Value::String("x")}})},
        RoundTrip{"NestedObject", Type::List(kFinding),
                  Value::List(kFinding, {Value::Object({{"id", Value::String("ECS.3")},
                                                        {"severity", Value::Int(70)},
                                                        {"tags", Value::Map(Type::String(), {})},
                                                        {"extra", Value::Null(Type::Dynamic())}}),
                                         Value::Unknown(kFinding), Value::Null(kFinding)})}),
    [](const testing::TestParamInfo<RoundTrip>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace cty
