// File: tests/unit/server_convert_test.cc
//
// The protocol conversions of provider/server/convert.h: what Terraform
// receives for our diagnostics, schemas, functions and function errors, and
// how a DynamicValue from Terraform is decoded.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/cty/msgpack.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "provider/server/convert.h"

namespace server {
namespace {

using cty::Type;
using cty::Value;

// ---------------------------------------------------------------------------
// Diagnostics

struct DiagnosticCase {
  std::string name;
  tf::Diagnostic diagnostic;
  tfplugin6::Diagnostic::Severity severity;
};

void PrintTo(const DiagnosticCase& c, std::ostream* os) { *os << c.name; }

class DiagnosticSeverityTest : public testing::TestWithParam<DiagnosticCase> {};

TEST_P(DiagnosticSeverityTest, MapsToErrorOrWarningNeverInvalid) {
  const DiagnosticCase& c = GetParam();
  tfplugin6::Diagnostic out;
  ToProto(c.diagnostic, &out);
  EXPECT_EQ(out.severity(), c.severity);
  EXPECT_NE(out.severity(), tfplugin6::Diagnostic::INVALID);
  EXPECT_EQ(out.summary(), c.diagnostic.summary);
  EXPECT_EQ(out.detail(), c.diagnostic.detail);
}

INSTANTIATE_TEST_SUITE_P(
    Severities, DiagnosticSeverityTest,
    testing::Values(DiagnosticCase{"Error",
                                   {tf::Severity::kError, "Bad", "Fix it.", std::nullopt},
                                   tfplugin6::Diagnostic::ERROR},
                    DiagnosticCase{
                        "Warning",
                        {tf::Severity::kWarning, "Careful", "Maybe fix it.", std::nullopt},
                        tfplugin6::Diagnostic::WARNING},
                    // A default-constructed diagnostic is an error, never INVALID (which
                    // Terraform silently drops).
                    DiagnosticCase{"DefaultConstructed", {}, tfplugin6::Diagnostic::ERROR},
                    DiagnosticCase{"EmptyTexts",
                                   {tf::Severity::kWarning, "", "", std::nullopt},
                                   tfplugin6::Diagnostic::WARNING}),
    [](const testing::TestParamInfo<DiagnosticCase>& info) { return info.param.name; });

TEST(DiagnosticToProtoTest, WithoutAttributeLeavesAttributeUnset) {
  tfplugin6::Diagnostic out;
  ToProto(tf::Diagnostic{tf::Severity::kError, "Whole block", "", std::nullopt}, &out);
  EXPECT_FALSE(out.has_attribute());
}

TEST(DiagnosticToProtoTest, AttributePathStepsKeepTheirKindAndOrder) {
  const tf::AttributePath path = tf::AttributePath::Root("controls")
                                     .AtMapKey("ecs_task_definition_no_host_pid_mode")
                                     .AtListIndex(3)
                                     .AtName("x");
  tfplugin6::Diagnostic out;
  ToProto(tf::Diagnostic{tf::Severity::kError, "s", "d", path}, &out);

  ASSERT_TRUE(out.has_attribute());
  ASSERT_EQ(out.attribute().steps_size(), 4);
  const auto& steps = out.attribute().steps();
  EXPECT_EQ(steps[0].selector_case(), tfplugin6::AttributePath::Step::kAttributeName);
  EXPECT_EQ(steps[0].attribute_name(), "controls");
  EXPECT_EQ(steps[1].selector_case(), tfplugin6::AttributePath::Step::kElementKeyString);
  EXPECT_EQ(steps[1].element_key_string(), "ecs_task_definition_no_host_pid_mode");
  EXPECT_EQ(steps[2].selector_case(), tfplugin6::AttributePath::Step::kElementKeyInt);
  EXPECT_EQ(steps[2].element_key_int(), 3);
  EXPECT_EQ(steps[3].selector_case(), tfplugin6::AttributePath::Step::kAttributeName);
  EXPECT_EQ(steps[3].attribute_name(), "x");
}

TEST(DiagnosticToProtoTest, ListIndexZeroIsStillAnIntKeyStep) {
  tfplugin6::AttributePath out;
  ToProto(tf::AttributePath::Root("container_definitions").AtListIndex(0), &out);
  ASSERT_EQ(out.steps_size(), 2);
  EXPECT_EQ(out.steps(1).selector_case(), tfplugin6::AttributePath::Step::kElementKeyInt);
  EXPECT_EQ(out.steps(1).element_key_int(), 0);
}

TEST(DiagnosticToProtoTest, EmptyMapKeyIsStillAStringKeyStep) {
  tfplugin6::AttributePath out;
  ToProto(tf::AttributePath::Root("controls").AtMapKey(""), &out);
  ASSERT_EQ(out.steps_size(), 2);
  EXPECT_EQ(out.steps(1).selector_case(), tfplugin6::AttributePath::Step::kElementKeyString);
  EXPECT_EQ(out.steps(1).element_key_string(), "");
}

TEST(DiagnosticsToProtoTest, KeepsEveryDiagnosticInOrder) {
  tf::Diagnostics diags;
  diags.AddWarning("first", "w");
  diags.AddError("second", "e", tf::AttributePath::Root("pid_mode"));
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> out;
  ToProto(diags, &out);
  ASSERT_EQ(out.size(), 2);
  EXPECT_EQ(out[0].summary(), "first");
  EXPECT_EQ(out[0].severity(), tfplugin6::Diagnostic::WARNING);
  EXPECT_EQ(out[1].summary(), "second");
  EXPECT_EQ(out[1].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(out[1].attribute().steps(0).attribute_name(), "pid_mode");
}

TEST(DiagnosticsToProtoTest, EmptyDiagnosticsAddNothing) {
  google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> out;
  ToProto(tf::Diagnostics{}, &out);
  EXPECT_TRUE(out.empty());
}

// ---------------------------------------------------------------------------
// Schemas

tf::Attribute MakeAttribute(std::string name, Type type, bool required, bool optional,
                            bool computed, bool sensitive = false) {
  tf::Attribute a{std::move(name), std::move(type), "Described *in* Markdown."};
  a.required = required;
  a.optional = optional;
  a.computed = computed;
  a.sensitive = sensitive;
  return a;
}

tf::Schema SchemaWithEveryKindOfAttribute() {
  tf::Schema schema;
  schema.version = 2;
  schema.block.description = "A block.";
  schema.block.attributes = {
      MakeAttribute("name", Type::String(), true, false, false),
      MakeAttribute("levels", Type::Map(Type::String()), false, true, false),
      MakeAttribute("tags", Type::Set(Type::String()), false, true, true),
      MakeAttribute(
          "findings",
          Type::List(Type::Object({{"id", Type::String()}, {"refs", Type::List(Type::String())}})),
          false, false, true),
      MakeAttribute("count", Type::Number(), false, true, false, /*sensitive=*/true),
      MakeAttribute("ok", Type::Bool(), false, false, true),
      MakeAttribute("anything", Type::Dynamic(), false, true, false),
      MakeAttribute("pair", Type::Tuple({Type::String(), Type::Number()}), false, true, false),
  };
  return schema;
}

TEST(SchemaToProtoTest, EveryAttributeTypeIsValidTypeJsonOfTheSameType) {
  const tf::Schema schema = SchemaWithEveryKindOfAttribute();
  tfplugin6::Schema out;
  ToProto(schema, &out);
  ASSERT_EQ(out.block().attributes_size(), static_cast<int>(schema.block.attributes.size()));
  for (int i = 0; i < out.block().attributes_size(); ++i) {
    const tfplugin6::Schema::Attribute& attr = out.block().attributes(i);
    SCOPED_TRACE(attr.name());
    absl::StatusOr<Type> parsed = cty::ParseTypeJson(attr.type());
    ASSERT_TRUE(parsed.ok()) << parsed.status() << " in " << attr.type();
    EXPECT_EQ(*parsed, schema.block.attributes[static_cast<size_t>(i)].type);
  }
}

TEST(SchemaToProtoTest, CopiesNameFlagsAndSensitivity) {
  const tf::Schema schema = SchemaWithEveryKindOfAttribute();
  tfplugin6::Schema out;
  ToProto(schema, &out);
  for (int i = 0; i < out.block().attributes_size(); ++i) {
    const tf::Attribute& in = schema.block.attributes[static_cast<size_t>(i)];
    const tfplugin6::Schema::Attribute& attr = out.block().attributes(i);
    SCOPED_TRACE(in.name);
    EXPECT_EQ(attr.name(), in.name);
    EXPECT_EQ(attr.required(), in.required);
    EXPECT_EQ(attr.optional(), in.optional);
    EXPECT_EQ(attr.computed(), in.computed);
    EXPECT_EQ(attr.sensitive(), in.sensitive);
    EXPECT_EQ(attr.description(), in.description);
    // Exactly one of required / optional / computed, or optional + computed:
    // anything else makes Terraform reject the schema.
    const int set = int{attr.required()} + int{attr.optional()} + int{attr.computed()};
    EXPECT_TRUE(set == 1 || (set == 2 && attr.optional() && attr.computed()));
  }
}

TEST(SchemaToProtoTest, DescriptionsAreMarkdown) {
  tfplugin6::Schema out;
  ToProto(SchemaWithEveryKindOfAttribute(), &out);
  EXPECT_EQ(out.block().description(), "A block.");
  EXPECT_EQ(out.block().description_kind(), tfplugin6::MARKDOWN);
  for (const tfplugin6::Schema::Attribute& attr : out.block().attributes()) {
    EXPECT_EQ(attr.description_kind(), tfplugin6::MARKDOWN) << attr.name();
  }
}

TEST(SchemaToProtoTest, CarriesTheVersion) {
  tfplugin6::Schema out;
  ToProto(SchemaWithEveryKindOfAttribute(), &out);
  EXPECT_EQ(out.version(), 2);
}

TEST(SchemaToProtoTest, EmptySchemaStillHasABlock) {
  // Terraform dereferences the block of every schema; a nil block panics.
  tfplugin6::Schema out;
  ToProto(tf::Schema{}, &out);
  EXPECT_TRUE(out.has_block());
  EXPECT_EQ(out.block().attributes_size(), 0);
  EXPECT_EQ(out.block().block_types_size(), 0);
}

// ---------------------------------------------------------------------------
// Functions

tf::Parameter MakeParameter(std::string name, Type type, bool allow_null, bool allow_unknown) {
  tf::Parameter p;
  p.name = std::move(name);
  p.type = std::move(type);
  p.allow_null = allow_null;
  p.allow_unknown = allow_unknown;
  p.description = "A parameter.";
  return p;
}

struct ParameterCase {
  std::string name;
  bool allow_null;
  bool allow_unknown;
};

void PrintTo(const ParameterCase& c, std::ostream* os) { *os << c.name; }

class ParameterFlagsTest : public testing::TestWithParam<ParameterCase> {};

TEST_P(ParameterFlagsTest, CopiesAllowNullAndAllowUnknown) {
  const ParameterCase& c = GetParam();
  tfplugin6::Function::Parameter out;
  ToProto(MakeParameter("p", Type::String(), c.allow_null, c.allow_unknown), &out);
  EXPECT_EQ(out.name(), "p");
  EXPECT_EQ(out.type(), "\"string\"");
  EXPECT_EQ(out.allow_null_value(), c.allow_null);
  EXPECT_EQ(out.allow_unknown_values(), c.allow_unknown);
  EXPECT_EQ(out.description(), "A parameter.");
  EXPECT_EQ(out.description_kind(), tfplugin6::MARKDOWN);
}

INSTANTIATE_TEST_SUITE_P(
    Flags, ParameterFlagsTest,
    testing::Values(ParameterCase{"Neither", false, false}, ParameterCase{"NullOnly", true, false},
                    ParameterCase{"UnknownOnly", false, true}, ParameterCase{"Both", true, true}),
    [](const testing::TestParamInfo<ParameterCase>& info) { return info.param.name; });

TEST(FunctionToProtoTest, CopiesParametersInOrderWithTheirTypes) {
  tf::FunctionDefinition def;
  def.parameters = {MakeParameter("a", Type::String(), true, false),
                    MakeParameter("b", Type::Dynamic(), false, true)};
  def.return_type = Type::Bool();
  def.summary = "Sum";
  def.description = "Desc";
  tfplugin6::Function out;
  ToProto(def, &out);
  ASSERT_EQ(out.parameters_size(), 2);
  EXPECT_EQ(out.parameters(0).name(), "a");
  EXPECT_EQ(out.parameters(1).name(), "b");
  EXPECT_EQ(out.parameters(1).type(), "\"dynamic\"");
  EXPECT_TRUE(out.parameters(0).allow_null_value());
  EXPECT_TRUE(out.parameters(1).allow_unknown_values());
  EXPECT_FALSE(out.has_variadic_parameter());
  EXPECT_EQ(out.summary(), "Sum");
  EXPECT_EQ(out.description(), "Desc");
  EXPECT_EQ(out.description_kind(), tfplugin6::MARKDOWN);
}

struct ReturnCase {
  std::string name;
  Type type;
};

void PrintTo(const ReturnCase& c, std::ostream* os) { *os << c.name; }

class FunctionReturnTest : public testing::TestWithParam<ReturnCase> {};

TEST_P(FunctionReturnTest, ReturnIsAlwaysSetToValidTypeJson) {
  tf::FunctionDefinition def;
  def.return_type = GetParam().type;
  tfplugin6::Function out;
  ToProto(def, &out);
  // Terraform dereferences Function.return without a nil check.
  ASSERT_TRUE(out.has_return_());
  absl::StatusOr<Type> parsed = cty::ParseTypeJson(out.return_().type());
  ASSERT_TRUE(parsed.ok()) << parsed.status() << " in " << out.return_().type();
  EXPECT_EQ(*parsed, GetParam().type);
}

INSTANTIATE_TEST_SUITE_P(
    Types, FunctionReturnTest,
    testing::Values(ReturnCase{"Bool", Type::Bool()},
                    // A default-constructed definition returns dynamic.
                    ReturnCase{"DefaultDynamic", Type()},
                    ReturnCase{"Object", Type::Object({{"compliant", Type::Bool()},
                                                       {"findings", Type::List(Type::String())}})}),
    [](const testing::TestParamInfo<ReturnCase>& info) { return info.param.name; });

TEST(FunctionToProtoTest, VariadicParameterIsSetWhenDeclared) {
  tf::FunctionDefinition def;
  def.variadic = MakeParameter("rest", Type::Number(), false, false);
  def.return_type = Type::Number();
  tfplugin6::Function out;
  ToProto(def, &out);
  ASSERT_TRUE(out.has_variadic_parameter());
  EXPECT_EQ(out.variadic_parameter().name(), "rest");
  EXPECT_EQ(out.variadic_parameter().type(), "\"number\"");
  EXPECT_EQ(out.parameters_size(), 0);
}

struct FunctionErrorCase {
  std::string name;
  tf::FunctionError error;
};

void PrintTo(const FunctionErrorCase& c, std::ostream* os) { *os << c.name; }

class FunctionErrorTest : public testing::TestWithParam<FunctionErrorCase> {};

TEST_P(FunctionErrorTest, SetsFunctionArgumentOnlyWhenThereIsOne) {
  const tf::FunctionError& in = GetParam().error;
  tfplugin6::FunctionError out;
  ToProto(in, &out);
  EXPECT_EQ(out.text(), in.text);
  // proto3 `optional`: argument 0 must still be present on the wire.
  EXPECT_EQ(out.has_function_argument(), in.argument.has_value());
  if (in.argument.has_value()) {
    EXPECT_EQ(out.function_argument(), *in.argument);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Arguments, FunctionErrorTest,
    testing::Values(FunctionErrorCase{"NoArgument", {"call failed", std::nullopt}},
                    FunctionErrorCase{"ArgumentZero", {"bad first", 0}},
                    FunctionErrorCase{"ArgumentTwo", {"bad third", 2}},
                    FunctionErrorCase{"EmptyText", {"", std::nullopt}}),
    [](const testing::TestParamInfo<FunctionErrorCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// DynamicValue

Type PersonType() { return Type::Object({{"name", Type::String()}, {"age", Type::Number()}}); }

TEST(DynamicValueFromProtoTest, DecodesMsgpack) {
  const Value person = Value::Object({{"name", Value::String("ada")}, {"age", Value::Int(36)}});
  tfplugin6::DynamicValue in;
  in.set_msgpack(*cty::EncodeMsgpack(person, PersonType()));
  absl::StatusOr<Value> out = FromProto(in, PersonType());
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, person);
}

TEST(DynamicValueFromProtoTest, DecodesJsonWithMissingAttributesAsNull) {
  tfplugin6::DynamicValue in;
  in.set_json(R"({"name":"ada"})");
  absl::StatusOr<Value> out = FromProto(in, PersonType());
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(out->GetAttr("name"), Value::String("ada"));
  EXPECT_TRUE(out->GetAttr("age").is_null());
}

TEST(DynamicValueFromProtoTest, DecodesMsgpackNullAsNull) {
  tfplugin6::DynamicValue in;
  in.set_msgpack(std::string("\xc0", 1));
  absl::StatusOr<Value> out = FromProto(in, PersonType());
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_TRUE(out->is_null());
}

TEST(DynamicValueFromProtoTest, EmptyValueIsAnErrorSayingItIsEmpty) {
  absl::StatusOr<Value> out = FromProto(tfplugin6::DynamicValue{}, PersonType());
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(out.status().message().find("empty"), absl::string_view::npos) << out.status();
}

TEST(DynamicValueFromProtoTest, BothEncodingsSetIsAnError) {
  tfplugin6::DynamicValue in;
  in.set_msgpack(std::string("\xc0", 1));
  in.set_json("null");
  absl::StatusOr<Value> out = FromProto(in, PersonType());
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(out.status().message().find("both"), absl::string_view::npos) << out.status();
}

TEST(DynamicValueFromProtoTest, MalformedMsgpackIsAnErrorNotACrash) {
  tfplugin6::DynamicValue in;
  in.set_msgpack(std::string("\x82\xa4na", 4));  // truncated inside the first key
  EXPECT_FALSE(FromProto(in, PersonType()).ok());
}

TEST(DynamicValueToProtoTest, EncodesMsgpackOnlyAndRoundTrips) {
  const Value person =
      Value::Object({{"name", Value::String("ada")}, {"age", Value::Null(Type::Number())}});
  tfplugin6::DynamicValue out;
  ASSERT_TRUE(ToProto(person, PersonType(), &out).ok());
  EXPECT_FALSE(out.msgpack().empty());
  EXPECT_TRUE(out.json().empty());
  absl::StatusOr<Value> back = FromProto(out, PersonType());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, person);
}

TEST(DynamicValueToProtoTest, ValueOfTheWrongTypeIsAnError) {
  tfplugin6::DynamicValue out;
  EXPECT_FALSE(ToProto(Value::String("not an object"), PersonType(), &out).ok());
}

}  // namespace
}  // namespace server
