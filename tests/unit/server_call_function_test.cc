// File: tests/unit/server_call_function_test.cc
//
// CallFunction, and providers whose handlers throw or return the wrong
// type: always an answer the user reads, and the service keeps serving.

#include <map>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "provider/compliance/findings.h"
#include "tests/unit/server_service_driver.h"

namespace server {
namespace {

// ---------------------------------------------------------------------------
// CallFunction

TEST_F(ComplianceServiceTest, CallFunctionReturnsTheResult) {
  const auto response =
      driver_.Call("ecs_pid_mode_compliant", {Argument(Value::String("host"), Type::String())});
  ASSERT_FALSE(response.has_error()) << response.error().text();
  absl::StatusOr<Value> result = cty::DecodeMsgpack(response.result().msgpack(), Type::Bool());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(*result, Value::Bool(false));
}

TEST_F(ComplianceServiceTest, CallFunctionReturnsAnUnknownResultForAnUnknownArgument) {
  const auto response = driver_.Call(
      "check_ecs_task_definition",
      {Argument(Value::Object({{"pid_mode", Value::Unknown(Type::String())}}), Type::Dynamic())});
  ASSERT_FALSE(response.has_error()) << response.error().text();
  const Type result_type =
      Type::Object({{"compliant", Type::Bool()}, {"findings", compliance::FindingListType()}});
  absl::StatusOr<Value> result = cty::DecodeMsgpack(response.result().msgpack(), result_type);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->is_unknown());
}

TEST_F(ComplianceServiceTest, UnknownFunctionNameIsAFunctionErrorNamingIt) {
  const auto response = driver_.Call("no_such_function", {});
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "no_such_function")) << response.error().text();
  EXPECT_FALSE(response.error().has_function_argument());
  EXPECT_FALSE(response.has_result());
}

struct ArityCase {
  std::string name;
  std::string function;
  int arguments;
};

void PrintTo(const ArityCase& c, std::ostream* os) { *os << c.name; }

class WrongArityTest : public ComplianceServiceTest,
                       public testing::WithParamInterface<ArityCase> {};

TEST_P(WrongArityTest, IsAFunctionErrorWithoutArgumentIndex) {
  std::vector<tfplugin6::DynamicValue> args;
  for (int i = 0; i < GetParam().arguments; ++i)
    args.push_back(Argument(Value::String("task"), Type::String()));
  const auto response = driver_.Call(GetParam().function, args);
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "expected 1 argument")) << response.error().text();
  EXPECT_FALSE(response.error().has_function_argument());
  EXPECT_FALSE(response.has_result());
}

INSTANTIATE_TEST_SUITE_P(
    Calls, WrongArityTest,
    testing::Values(ArityCase{"NoArguments", "ecs_pid_mode_compliant", 0},
                    ArityCase{"TwoArguments", "ecs_pid_mode_compliant", 2},
                    ArityCase{"CheckWithNone", "check_ecs_task_definition", 0},
                    ArityCase{"AssertWithThree", "assert_ecs_task_definition", 3}),
    [](const testing::TestParamInfo<ArityCase>& info) { return info.param.name; });

struct UndecodableArgumentCase {
  std::string name;
  std::string function;
  tfplugin6::DynamicValue argument;
};

void PrintTo(const UndecodableArgumentCase& c, std::ostream* os) { *os << c.name; }

class UndecodableArgumentTest : public ComplianceServiceTest,
                                public testing::WithParamInterface<UndecodableArgumentCase> {};

TEST_P(UndecodableArgumentTest, IsAFunctionErrorOnArgumentZero) {
  const auto response = driver_.Call(GetParam().function, {GetParam().argument});
  ASSERT_TRUE(response.has_error());
  ASSERT_TRUE(response.error().has_function_argument());
  EXPECT_EQ(response.error().function_argument(), 0);
  EXPECT_TRUE(Contains(response.error().text(), "decode")) << response.error().text();
  EXPECT_FALSE(response.has_result());
}

INSTANTIATE_TEST_SUITE_P(
    Arguments, UndecodableArgumentTest,
    testing::Values(UndecodableArgumentCase{"EmptyDynamicValue", "ecs_pid_mode_compliant",
                                            tfplugin6::DynamicValue{}},
                    UndecodableArgumentCase{"TruncatedString", "ecs_pid_mode_compliant",
                                            Msgpack(std::string("\xa5ho", 3))},
                    UndecodableArgumentCase{"ArrayForAString", "ecs_pid_mode_compliant",
                                            Msgpack(std::string("\x90", 1))},
                    UndecodableArgumentCase{"TrailingBytes", "ecs_pid_mode_compliant",
                                            Msgpack(std::string("\xa4task\xc0", 6))},
                    UndecodableArgumentCase{"DynamicWithoutTypeWrapper",
                                            "check_ecs_task_definition",
                                            Msgpack(std::string("\x81\xa8pid_mode\xa4host", 15))},
                    UndecodableArgumentCase{"DynamicWithInvalidTypeJson",
                                            "assert_ecs_task_definition",
                                            Msgpack(std::string("\x92\xc4\x04nope\xc0", 8))}),
    [](const testing::TestParamInfo<UndecodableArgumentCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------
// A provider whose data source and function throw: the service keeps serving.

class ThrowingDataSource final : public tf::DataSource {
 public:
  ThrowingDataSource() {
    tf::Attribute name{"name", Type::String(), "A name."};
    name.optional = true;
    schema_.block.attributes = {name};
  }
  std::string_view TypeName() const override { return "fake_thing"; }
  const tf::Schema& GetSchema() const override { return schema_; }
  void Validate(const tf::ValidateDataSourceRequest&,
                tf::ValidateDataSourceResponse*) const override {
    throw std::runtime_error("validate blew up");
  }
  void Read(const tf::ReadDataSourceRequest&, tf::ReadDataSourceResponse*) const override {
    throw 42;  // not a std::exception
  }

 private:
  tf::Schema schema_;
};

class ThrowingFunction final : public tf::Function {
 public:
  ThrowingFunction() {
    definition_.parameters = {tf::Parameter{"x", Type::String(), false, false, "x"}};
    definition_.return_type = Type::String();
  }
  std::string_view Name() const override { return "explode"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest&, tf::CallFunctionResponse*) const override {
    throw std::runtime_error("function blew up");
  }

 private:
  tf::FunctionDefinition definition_;
};

// concat(a string, b string) string: for argument indexes beyond 0.
class ConcatFunction final : public tf::Function {
 public:
  ConcatFunction() {
    definition_.parameters = {tf::Parameter{"a", Type::String(), false, false, "a"},
                              tf::Parameter{"b", Type::String(), false, false, "b"}};
    definition_.return_type = Type::String();
  }
  std::string_view Name() const override { return "concat"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest& request,
            tf::CallFunctionResponse* response) const override {
    response->result =
        Value::String(request.arguments.at(0).AsString() + request.arguments.at(1).AsString());
  }

 private:
  tf::FunctionDefinition definition_;
};

// Returns a value that does not match its declared return type.
class WrongResultFunction final : public tf::Function {
 public:
  WrongResultFunction() { definition_.return_type = Type::Bool(); }
  std::string_view Name() const override { return "wrong_result"; }
  const tf::FunctionDefinition& Definition() const override { return definition_; }
  void Call(const tf::CallFunctionRequest&, tf::CallFunctionResponse* response) const override {
    response->result = Value::String("not a bool");
  }

 private:
  tf::FunctionDefinition definition_;
};

class FakeProvider final : public tf::Provider {
 public:
  FakeProvider() {
    tf::Attribute mode{"mode", Type::String(), "A mode."};
    mode.optional = true;
    schema_.block.attributes = {mode};
  }
  std::string_view TypeName() const override { return "fake"; }
  const tf::Schema& GetSchema() const override { return schema_; }
  const std::vector<const tf::DataSource*>& DataSources() const override { return data_sources_; }
  const std::vector<const tf::Function*>& Functions() const override { return functions_; }
  void ValidateConfig(const tf::ValidateProviderConfigRequest&,
                      tf::ProviderConfigResponse*) override {
    throw std::logic_error("provider validation blew up");
  }
  void Configure(const tf::ConfigureProviderRequest&, tf::ProviderConfigResponse*) override {}

 private:
  tf::Schema schema_;
  ThrowingDataSource thing_;
  ThrowingFunction explode_;
  ConcatFunction concat_;
  WrongResultFunction wrong_result_;
  std::vector<const tf::DataSource*> data_sources_{&thing_};
  std::vector<const tf::Function*> functions_{&explode_, &concat_, &wrong_result_};
};

class FaultyProviderTest : public testing::Test {
 protected:
  tfplugin6::DynamicValue ThingConfig() const {
    const Type type = provider_.FindDataSource("fake_thing")->GetSchema().block.ObjectType();
    return Msgpack(Encode(Value::Object({{"name", Value::String("n")}}), type));
  }
  static tfplugin6::DynamicValue Str(const std::string& s) {
    return Msgpack(Encode(Value::String(s), Type::String()));
  }

  // A following RPC still works.
  void ExpectStillServing() {
    const auto response = driver_.Call("concat", {Str("a"), Str("b")});
    ASSERT_FALSE(response.has_error()) << response.error().text();
    EXPECT_EQ(*cty::DecodeMsgpack(response.result().msgpack(), Type::String()),
              Value::String("ab"));
    EXPECT_EQ(driver_.GetSchema().data_source_schemas_size(), 1);
  }

  FakeProvider provider_;
  ServiceDriver driver_{provider_};
};

TEST_F(FaultyProviderTest, ThrowingDataSourceValidateBecomesAnInternalErrorDiagnostic) {
  const auto diags = driver_.ValidateData("fake_thing", ThingConfig()).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_TRUE(Contains(diags[0].summary(), "Internal error")) << diags[0].summary();
  EXPECT_TRUE(Contains(diags[0].detail(), "validate blew up")) << diags[0].detail();
  EXPECT_TRUE(Contains(diags[0].detail(), "ValidateDataResourceConfig")) << diags[0].detail();
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, NonStandardExceptionFromReadBecomesAnInternalErrorDiagnostic) {
  const auto response = driver_.ReadData("fake_thing", ThingConfig());
  ASSERT_EQ(response.diagnostics_size(), 1) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_TRUE(Contains(response.diagnostics(0).summary(), "Internal error"));
  EXPECT_TRUE(response.state().msgpack().empty());
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, ThrowingProviderValidateBecomesAnInternalErrorDiagnostic) {
  const auto diags = driver_.ValidateProvider(Msgpack(std::string("\xc0", 1))).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_TRUE(Contains(diags[0].summary(), "Internal error"));
  EXPECT_TRUE(Contains(diags[0].detail(), "provider validation blew up")) << diags[0].detail();
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, ThrowingFunctionBecomesAFunctionErrorMentioningAnInternalError) {
  const auto response = driver_.Call("explode", {Str("x")});
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "internal error")) << response.error().text();
  EXPECT_TRUE(Contains(response.error().text(), "function blew up")) << response.error().text();
  EXPECT_FALSE(response.error().has_function_argument());
  EXPECT_FALSE(response.has_result());
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, ResultOfTheWrongTypeIsAFunctionErrorNotAnInvalidResult) {
  const auto response = driver_.Call("wrong_result", {});
  ASSERT_TRUE(response.has_error());
  EXPECT_TRUE(Contains(response.error().text(), "internal error")) << response.error().text();
  EXPECT_FALSE(response.has_result());
  ExpectStillServing();
}

TEST_F(FaultyProviderTest, UndecodableSecondArgumentNamesIndexOne) {
  const auto response = driver_.Call("concat", {Str("a"), Msgpack(std::string("\xa5ho", 3))});
  ASSERT_TRUE(response.has_error());
  ASSERT_TRUE(response.error().has_function_argument());
  EXPECT_EQ(response.error().function_argument(), 1);
}

TEST_F(FaultyProviderTest, UnknownDataSourceOnAnotherProviderNamesIt) {
  const auto diags =
      driver_.ValidateData(kDataSource, Msgpack(std::string("\xc0", 1))).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), "Unknown data source type");
  EXPECT_TRUE(Contains(diags[0].detail(), kDataSource));
}

}  // namespace
}  // namespace server
