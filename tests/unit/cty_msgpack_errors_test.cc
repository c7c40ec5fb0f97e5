// File: tests/unit/cty_msgpack_errors_test.cc
//
// Untrusted msgpack: every malformed input is an InvalidArgument naming
// where it failed, never a crash, a throw or a large allocation.

#include <string>

#include "gtest/gtest.h"
#include "provider/cty/msgpack.h"
#include "tests/unit/cty_test_support.h"

namespace cty {
namespace {

std::string MsgpackDecodeError(std::string_view hex, const Type& type) {
  absl::StatusOr<Value> v = DecodeMsgpack(FromHex(hex), type);
  if (v.ok()) return "<decoded>";
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(v.status().message());
}

struct BadInput {
  const char* name;
  Type type;
  std::string hex;
  std::string error_contains;
};

void PrintTo(const BadInput& c, std::ostream* os) { *os << c.name; }

const Type kStringsAB = Type::Object({{"a", Type::String()}, {"b", Type::String()}});

class MsgpackBadInputTest : public testing::TestWithParam<BadInput> {};

TEST_P(MsgpackBadInputTest, FailsWithClearError) {
  const BadInput& c = GetParam();
  std::string error = MsgpackDecodeError(c.hex, c.type);
  EXPECT_NE(error, "<decoded>");
  EXPECT_NE(error.find(c.error_contains), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(
    Table, MsgpackBadInputTest,
    testing::Values(
        BadInput{"EmptyInput", Type::String(), "", "unexpected end of input"},
        BadInput{"TruncatedString", Type::String(), "a56865", "unexpected end of input"},
        BadInput{"TruncatedUint16", Type::Number(), "cd01", "unexpected end of input"},
        BadInput{"TruncatedFloat64", Type::Number(), "cb3ff8", "unexpected end of input"},
        BadInput{"TruncatedList", Type::List(Type::String()), "92a161",
                 "[1]: unexpected end of input"},
        BadInput{"TruncatedExt", Type::String(), "d400", "unexpected end of input"},
        BadInput{"TrailingBytes", Type::String(), "a16100", "1 unexpected bytes after the value"},
        BadInput{"TrailingNull", Type::String(), "c0c0", "unexpected bytes after the value"},
        BadInput{"ReservedByte", Type::String(), "c1", "invalid msgpack byte 0xc1"},
        BadInput{"ArrayForString", Type::String(), "90", "expected string, got array"},
        BadInput{"BoolForNumber", Type::Number(), "c3", "expected number, got bool"},
        BadInput{"StringForBool", Type::Bool(), "a161", "expected bool, got string"},
        BadInput{"StringForList", Type::List(Type::String()), "a161",
                 "expected list of string, got string"},
        BadInput{"ArrayForObject", kStringsAB, "90", "expected object, got array"},
        BadInput{"ArrayForMap", Type::Map(Type::String()), "90", "expected map of string"},
        BadInput{"MapForTuple", Type::Tuple({Type::String()}), "80", "expected tuple, got map"},
        BadInput{"NotADecimal", Type::Number(), "a3616263", "is not a decimal number"},
        BadInput{"NaN", Type::Number(), "cb7ff8000000000000", "NaN"},
        BadInput{"NonStringMapKey", Type::Map(Type::String()), "8101a161",
                 "expected a string key, got integer"},
        BadInput{"NonStringObjectKey", kStringsAB, "8101a161",
                 "expected a string key, got integer"},
        BadInput{"MissingAttribute", kStringsAB, "81a161c0", "missing attribute \"b\""},
        BadInput{"MissingAttributes", kStringsAB, "80", "missing attributes \"a\", \"b\""},
        BadInput{"ExtraAttribute", kStringsAB, "83a161c0a162c0a163c0",
                 "unsupported attribute \"c\""},
        BadInput{"DuplicateAttribute", kStringsAB, "82a161c0a161c0", "duplicate attribute"},
        BadInput{"DuplicateMapKey", Type::Map(Type::String()), "82a161c0a161c0", "duplicate key"},
        BadInput{"TupleTooShort", Type::Tuple({Type::String(), Type::String()}), "91a161",
                 "expected a tuple of 2 elements, got 1"},
        BadInput{"TupleTooLong", Type::Tuple({Type::String()}), "92a161a161",
                 "expected a tuple of 1 elements, got 2"},
        BadInput{"HugeArray32Header", Type::List(Type::String()), "ddffffffff",
                 "announces 4294967295 elements but only 0 bytes remain"},
        BadInput{"HugeMap32Header", Type::Map(Type::String()), "dfffffffff", "announces"},
        BadInput{"HugeStr32Header", Type::String(), "dbffffffff", "unexpected end of input"},
        BadInput{"HugeBin32Header", Type::String(), "c6ffffffff", "unexpected end of input"},
        BadInput{"HugeExt32Header", Type::String(), "c9ffffffff0c", "unexpected end of input"},
        BadInput{"DynamicNotAnArray", Type::Dynamic(), "a161", "[type JSON, value]"},
        BadInput{"DynamicWrongLength", Type::Dynamic(), "91a161", "[type JSON, value]"},
        BadInput{"DynamicTypeNotString", Type::Dynamic(), "9201c0", "expected type JSON"},
        BadInput{"DynamicInvalidTypeJson", Type::Dynamic(), "92a3666f6fc0", "invalid type JSON"},
        BadInput{"DynamicUnknownTypeName", Type::Dynamic(), "92a5227866662200",
                 "unknown primitive type"},
        BadInput{"RefinementNotAMap", Type::String(), "c7020c0102", "not a msgpack map"},
        BadInput{"RefinementNonIntegerKey", Type::String(), "c7030c81a161", "non-integer key"},
        BadInput{"RefinementNullnessNotBool", Type::String(), "c7030c810101",
                 "nullness refinement is not a bool"},
        BadInput{"RefinementTruncated", Type::String(), "c7030c8202c2", "unknown value"}),
    [](const testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(MsgpackErrorPathTest, NamesNestedAttributeAndIndex) {
  Type finding = Type::Object({{"message", Type::String()}});
  Type type = Type::Object({{"findings", Type::List(finding)}});
  // {findings: [{message:"a"}, {message:"b"}, {message: 5}]}
  std::string error = MsgpackDecodeError(
      "81a866696e64696e677393"
      "81a76d657373616765a161"
      "81a76d657373616765a162"
      "81a76d65737361676505",
      type);
  EXPECT_EQ(error, "findings[2].message: expected string, got integer");
}

TEST(MsgpackErrorPathTest, NamesMapKey) {
  Type type = Type::Object({{"tags", Type::Map(Type::String())}});
  EXPECT_EQ(MsgpackDecodeError("81a47461677381a17890", type),
            "tags[\"x\"]: expected string, got array");
}

TEST(MsgpackErrorPathTest, NamesTopLevelAttribute) {
  Type type = Type::Object({{"container_definitions", Type::String()}});
  EXPECT_EQ(MsgpackDecodeError("81b5636f6e7461696e65725f646566696e6974696f6e7390", type),
            "container_definitions: expected string, got array");
}

TEST(MsgpackErrorPathTest, ReplacesBytesThatAreNotUtf8) {
  // A diagnostic must be valid UTF-8 to cross gRPC: the 0xff becomes U+FFFD,
  // the newline a JSON escape.
  EXPECT_EQ(MsgpackDecodeError("82a161c0a2ff0ac0", kStringsAB),
            "unsupported attribute \"\xEF\xBF\xBD\\n\"");
  EXPECT_EQ(MsgpackDecodeError("81a2c3a9c0", kStringsAB), "unsupported attribute \"\xc3\xa9\"");
}

TEST(MsgpackErrorPathTest, RootErrorHasNoPrefix) {
  EXPECT_EQ(MsgpackDecodeError("90", Type::String()), "expected string, got array");
}

TEST(MsgpackLimitsTest, RejectsArrayHeaderLargerThanInput) {
  EXPECT_NE(MsgpackDecodeError("ddffffffff", Type::List(Type::String())), "<decoded>");
  EXPECT_NE(MsgpackDecodeError("ddffffffff", Type::Set(Type::Number())), "<decoded>");
  EXPECT_NE(MsgpackDecodeError("ddffffffff", Type::Dynamic()), "<decoded>");
}

TEST(MsgpackLimitsTest, RejectsDeepNestingAgainstNestedListType) {
  Type type = Type::String();
  for (int i = 0; i < 1000; ++i) type = Type::List(type);
  std::string hex;
  for (int i = 0; i < 100000; ++i) hex += "91";
  std::string error = MsgpackDecodeError(hex, type);
  EXPECT_NE(error.find("nested deeper than 64 levels"), std::string::npos) << error.substr(0, 200);
}

TEST(MsgpackLimitsTest, RejectsDeepNestingAgainstDynamic) {
  std::string hex;
  for (int i = 0; i < 100000; ++i) hex += "91";
  EXPECT_NE(MsgpackDecodeError(hex, Type::Dynamic()).find("[type JSON, value]"), std::string::npos);
}

TEST(MsgpackLimitsTest, RejectsDeepNestingThroughDynamicWrappers) {
  // [["list","dynamic"], [ [["list","dynamic"], [ ... ]] ]] 10k times.
  const std::string wrapper =
      "92b2"
      "5b226c697374222c2264796e616d6963225d"
      "91";
  std::string hex;
  for (int i = 0; i < 10000; ++i) hex += wrapper;
  hex += "c0";
  EXPECT_NE(MsgpackDecodeError(hex, Type::Dynamic()).find("nested deeper than"), std::string::npos);
}

TEST(MsgpackLimitsTest, RejectsOversizeRefinementPayload) {
  // ext16, 1025 bytes, type 12: a one-entry map then padding.
  std::string hex =
      "c804010c"
      "8101c2";
  for (int i = 0; i < 1022; ++i) hex += "00";
  std::string error = MsgpackDecodeError(hex, Type::String());
  EXPECT_NE(error.find("more than the 1024 allowed"), std::string::npos) << error;
}

TEST(MsgpackLimitsTest, AcceptsRefinementPayloadOfExactly1024Bytes) {
  std::string hex =
      "c804000c"
      "8101c2";
  for (int i = 0; i < 1021; ++i) hex += "00";
  absl::StatusOr<Value> v = DecodeMsgpack(FromHex(hex), Type::String());
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_TRUE(v->is_refined_not_null());
}

TEST(MsgpackEncodeErrorTest, RejectsValueOfAnotherType) {
  absl::StatusOr<std::string> out = EncodeMsgpack(Value::String("x"), Type::Number());
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "expected number, got string");
}

TEST(MsgpackEncodeErrorTest, NamesPathOfNonConformingAttribute) {
  Type type = Type::Object({{"tags", Type::Map(Type::String())}});
  Value v = Value::Object({{"tags", Value::Map(Type::Number(), {{"k", Value::Int(1)}})}});
  absl::StatusOr<std::string> out = EncodeMsgpack(v, type);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "tags[\"k\"]: expected string, got number");
}

TEST(MsgpackEncodeErrorTest, RejectsAttributeTheTypeLacks) {
  absl::StatusOr<std::string> out =
      EncodeMsgpack(Value::Object({{"x", Value::Int(1)}}), Type::Object({}));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "unsupported attribute \"x\"");
}

TEST(MsgpackEncodeErrorTest, RejectsTupleOfWrongLength) {
  absl::StatusOr<std::string> out =
      EncodeMsgpack(Value::Tuple({Value::Int(1)}), Type::Tuple({Type::Number(), Type::Number()}));
  EXPECT_FALSE(out.ok());
}

TEST(MsgpackEncodeErrorTest, RejectsNaN) {
  absl::StatusOr<std::string> out =
      EncodeMsgpack(Value::NumberValue(Number::Float(std::nan(""))), Type::Number());
  EXPECT_FALSE(out.ok());
}

TEST(MsgpackEncodeTest, WritesAttributeMissingFromValueAsNull) {
  absl::StatusOr<std::string> out =
      EncodeMsgpack(Value::Object({{"a", Value::String("x")}}),
                    Type::Object({{"a", Type::String()}, {"b", Type::Number()}}));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, FromHex("82a161a178a162c0"));
}

}  // namespace
}  // namespace cty
