// File: tests/unit/cty_type_test.cc
//
// Types: construction, equality, friendly names and type JSON both ways.

#include <string>

#include "gtest/gtest.h"
#include "provider/cty/type.h"

namespace cty {
namespace {

TEST(TypeTest, DefaultIsDynamic) {
  EXPECT_EQ(Type().kind(), Kind::kDynamic);
  EXPECT_EQ(Type(), Type::Dynamic());
}

TEST(TypeTest, CollectionsHaveAnElementTypeOthersDynamic) {
  EXPECT_EQ(Type::Set(Type::Bool()).element(), Type::Bool());
  EXPECT_EQ(Type::Map(Type::String()).element(), Type::String());
  EXPECT_EQ(Type::Tuple({Type::Bool()}).element(), Type::Dynamic());
}

TEST(TypeTest, ComparesStructurally) {
  EXPECT_EQ(Type::List(Type::Object({{"a", Type::String()}})),
            Type::List(Type::Object({{"a", Type::String()}})));
  EXPECT_NE(Type::List(Type::String()), Type::Set(Type::String()));
  EXPECT_NE(Type::Object({{"a", Type::String()}}), Type::Object({{"a", Type::Number()}}));
  EXPECT_NE(Type::Object({{"a", Type::String()}}, {"a"}), Type::Object({{"a", Type::String()}}));
  EXPECT_NE(Type::Tuple({Type::String()}), Type::Tuple({}));
}

TEST(TypeTest, DropsOptionalNamesThatAreNotAttributes) {
  Type t = Type::Object({{"a", Type::String()}}, {"a", "zzz"});
  EXPECT_EQ(t.optional_attributes(), std::set<std::string>{"a"});
}

TEST(TypeTest, HasFriendlyNames) {
  EXPECT_EQ(Type::String().FriendlyName(), "string");
  EXPECT_EQ(Type::Dynamic().FriendlyName(), "dynamic");
  EXPECT_EQ(Type::List(Type::Map(Type::Number())).FriendlyName(), "list of map of number");
  EXPECT_EQ(Type::Object({}).FriendlyName(), "object");
  EXPECT_EQ(Type::Tuple({}).FriendlyName(), "tuple");
}

class TypeJsonRoundTripTest : public testing::TestWithParam<const char*> {};

TEST_P(TypeJsonRoundTripTest, ParsesAndEmitsTheSameText) {
  absl::StatusOr<Type> t = ParseTypeJson(GetParam());
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(ToTypeJson(*t), GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Table, TypeJsonRoundTripTest,
    testing::Values(R"("string")", R"("number")", R"("bool")", R"("dynamic")",
                    R"(["list","string"])", R"(["set",["map","number"]])",
                    R"(["map",["list","dynamic"]])", R"(["object",{}])",
                    R"(["object",{"a":"string","b":["list","bool"]}])",
                    R"(["object",{"a":"string","b":"number","c":"bool"},["b","c"]])",
                    R"(["tuple",[]])", R"(["tuple",["string",["object",{"x":"number"}]]])",
                    R"(["object",{"quote\"d":"string"}])"));

TEST(TypeJsonTest, SortsAttributesAndAcceptsWhitespace) {
  absl::StatusOr<Type> t = ParseTypeJson(R"( [ "object" , { "b" : "string", "a" : "number" } ] )");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(ToTypeJson(*t), R"(["object",{"a":"number","b":"string"}])");
}

TEST(TypeJsonTest, ParsesOptionalAttributes) {
  absl::StatusOr<Type> t = ParseTypeJson(R"(["object",{"a":"string","b":"number"},["b"]])");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, Type::Object({{"a", Type::String()}, {"b", Type::Number()}}, {"b"}));
}

TEST(TypeJsonTest, EmitsEmptyOptionalListAsTwoElementForm) {
  EXPECT_EQ(ToTypeJson(Type::Object({{"a", Type::String()}}, {})), R"(["object",{"a":"string"}])");
}

class InvalidTypeJsonTest : public testing::TestWithParam<const char*> {};

TEST_P(InvalidTypeJsonTest, IsRejectedWithInvalidArgument) {
  absl::StatusOr<Type> t = ParseTypeJson(GetParam());
  ASSERT_FALSE(t.ok()) << ToTypeJson(*t);
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(t.status().message()).rfind("invalid type JSON", 0), 0u)
      << t.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidTypeJsonTest,
    testing::Values("", "strin", R"("strin")", R"("String")", "5", "null", "[", R"("string" x)",
                    R"([])", R"(["list"])", R"(["list","string","x"])", R"(["foo","string"])",
                    R"(["tuple","string"])", R"(["object",[]])", R"(["object",{"a":"bogus"}])",
                    R"(["object",{"a":"string"},["c"]])", R"(["object",{"a":"string"},"a"])",
                    R"(["object",{"a":"string"},[1]])", R"(["object",{"a":"string","a":"number"}])",
                    R"([1,"string"])", "\"\xff\""));

TEST(TypeJsonTest, RejectsDeepNesting) {
  std::string json;
  for (int i = 0; i < 100; ++i) json += R"(["list",)";
  json += R"("string")";
  for (int i = 0; i < 100; ++i) json += "]";
  absl::StatusOr<Type> t = ParseTypeJson(json);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(std::string(t.status().message()).find("deeper than"), std::string::npos)
      << t.status().message();
}

TEST(TypeJsonTest, RejectsVeryDeepJsonWithoutRecursing) {
  std::string json(1000000, '[');
  EXPECT_FALSE(ParseTypeJson(json).ok());
}

TEST(TypeJsonTest, AcceptsNestingAtTheLimit) {
  std::string json;
  for (int i = 0; i < 64; ++i) json += R"(["object",{"a":)";
  json += R"("string")";
  for (int i = 0; i < 64; ++i) json += "}]";
  EXPECT_TRUE(ParseTypeJson(json).ok()) << ParseTypeJson(json).status();
}

}  // namespace
}  // namespace cty
