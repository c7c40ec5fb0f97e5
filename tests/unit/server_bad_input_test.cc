// File: tests/unit/server_bad_input_test.cc
//
// Bad input: configurations that do not decode, and JSON contents that
// cannot be used, each become a diagnostic naming the attribute, never a
// gRPC status.

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
// Bad input: a diagnostic naming the problem, never a non-OK status

struct BadConfigCase {
  std::string name;
  std::string type_name;  // empty: the real data source
  tfplugin6::DynamicValue config;
  std::string summary;
  std::vector<std::string> detail_mentions;
};

void PrintTo(const BadConfigCase& c, std::ostream* os) { *os << c.name; }

tfplugin6::DynamicValue BothEncodings() {
  tfplugin6::DynamicValue v;
  v.set_msgpack(std::string("\xc0", 1));
  v.set_json("null");
  return v;
}

constexpr char kUndecodable[] = "Invalid data source configuration received from Terraform";

std::vector<BadConfigCase> BadDataSourceConfigs() {
  // A valid config (object of 11 attributes) is 0x8b followed by the pairs;
  // the truncated and trailing cases are built from it in the test.
  return {
      {"EmptyDynamicValue", "", tfplugin6::DynamicValue{}, kUndecodable, {"empty"}},
      {"MsgpackAndJsonBothSet", "", BothEncodings(), kUndecodable, {"both"}},
      {"TruncatedMsgpack",
       "",
       Msgpack(std::string("\x81\xa6", 2) + "fam"),
       kUndecodable,
       {"unexpected end of input"}},
      // The announced length is checked against the input before anything is allocated.
      {"MapLongerThanTheInput",
       "",
       Msgpack(std::string("\x8b\xa6", 2) + "fam"),
       kUndecodable,
       {"remain"}},
      {"HugeArrayAnnouncement",
       "",
       Msgpack(std::string("\xdd\xff\xff\xff\xff", 5)),
       kUndecodable,
       {"announces 4294967295 elements but only 0 bytes remain"}},
      {"NumberWhereTheObjectBelongs",
       "",
       Msgpack(std::string("\x05", 1)),
       kUndecodable,
       {"expected object"}},
      {"StringWhereTheObjectBelongs",
       "",
       Msgpack(std::string("\xa4host", 5)),
       kUndecodable,
       {"expected object"}},
      {"InvalidJson",
       "",
       Json("{\"pid_mode\":"),
       kUndecodable,
       {"invalid JSON at byte 13", "unexpected end of input"}},
      // An attribute name that is an integer (0x01), not a string.
      {"IntegerAttributeName",
       "",
       Msgpack(std::string("\x81\x01\xc0", 3)),
       kUndecodable,
       {"expected a string key, got integer"}},
      // 100,000 nested one-element arrays: the schema wants an object at the
      // top, so the decoder stops at the first byte instead of recursing
      // (nothing in this schema nests deeper than findings[].references[]).
      {"HundredThousandDeepArray",
       "",
       Msgpack(std::string(100000, '\x91') + '\xc0'),
       kUndecodable,
       {"expected object, got array"}},
      {"UnknownDataSourceTypeName",
       "compliancecheck_nope",
       Msgpack(std::string("\xc0", 1)),
       "Unknown data source type",
       {"compliancecheck_nope"}},
      {"EmptyDataSourceTypeName",
       "-",
       Msgpack(std::string("\xc0", 1)),
       "Unknown data source type",
       {"no data source \"\""}},
  };
}

class BadDataSourceConfigTest : public ComplianceServiceTest,
                                public testing::WithParamInterface<BadConfigCase> {
 protected:
  std::string TypeName() const {
    if (GetParam().type_name.empty()) return kDataSource;
    if (GetParam().type_name == "-") return "";
    return GetParam().type_name;
  }
  void ExpectOneNamedError(
      const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) const {
    ASSERT_EQ(diags.size(), 1) << Describe(diags);
    EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_EQ(diags[0].summary(), GetParam().summary);
    EXPECT_FALSE(diags[0].detail().empty());
    for (const std::string& part : GetParam().detail_mentions) {
      EXPECT_TRUE(Contains(diags[0].detail(), part))
          << "missing \"" << part << "\" in: " << diags[0].detail();
    }
  }
};

TEST_P(BadDataSourceConfigTest, ValidateReportsADiagnosticNotAStatus) {
  ExpectOneNamedError(driver_.ValidateData(TypeName(), GetParam().config).diagnostics());
}

TEST_P(BadDataSourceConfigTest, ReadReportsADiagnosticAndNoState) {
  const tfplugin6::ReadDataSource::Response response =
      driver_.ReadData(TypeName(), GetParam().config);
  ExpectOneNamedError(response.diagnostics());
  EXPECT_TRUE(response.state().msgpack().empty());
}

INSTANTIATE_TEST_SUITE_P(Inputs, BadDataSourceConfigTest, testing::ValuesIn(BadDataSourceConfigs()),
                         [](const testing::TestParamInfo<BadConfigCase>& info) {
                           return info.param.name;
                         });

TEST_F(ComplianceServiceTest, TrailingBytesAfterTheConfigAreAnError) {
  tfplugin6::DynamicValue config = DataSourceConfig({{"pid_mode", Value::String("task")}});
  config.mutable_msgpack()->push_back('\xc0');
  const auto diags = driver_.ValidateData(kDataSource, config).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(diags[0].summary(), kUndecodable);
  EXPECT_TRUE(Contains(diags[0].detail(), "unexpected bytes after the value")) << diags[0].detail();
}

TEST_F(ComplianceServiceTest, ValidConfigCutShortIsAnError) {
  tfplugin6::DynamicValue config = DataSourceConfig({{"pid_mode", Value::String("task")}});
  config.mutable_msgpack()->resize(config.msgpack().size() - 2);
  const auto diags = driver_.ValidateData(kDataSource, config).diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), kUndecodable);
  EXPECT_TRUE(Contains(diags[0].detail(), "unexpected end of input")) << diags[0].detail();
}

TEST_F(ComplianceServiceTest, AttributeOfTheWrongTypeIsAnErrorNamingIt) {
  // pid_mode as a bool inside an otherwise valid object.
  std::map<std::string, Type> attrs = DataSourceType().attributes();
  attrs["pid_mode"] = Type::Bool();
  const Type wrong = Type::Object(attrs);
  std::map<std::string, Value> values;
  for (const auto& [name, type] : attrs) values.emplace(name, Value::Null(type));
  values["pid_mode"] = Value::Bool(true);
  const auto diags =
      driver_.ValidateData(kDataSource, Msgpack(Encode(Value::Object(values), wrong)))
          .diagnostics();
  ASSERT_EQ(diags.size(), 1) << Describe(diags);
  EXPECT_EQ(diags[0].summary(), kUndecodable);
  EXPECT_TRUE(Contains(diags[0].detail(), "pid_mode")) << diags[0].detail();
}

struct BadProviderConfigCase {
  std::string name;
  tfplugin6::DynamicValue config;
  std::string detail_mention;
};

void PrintTo(const BadProviderConfigCase& c, std::ostream* os) { *os << c.name; }

class BadProviderConfigTest : public ComplianceServiceTest,
                              public testing::WithParamInterface<BadProviderConfigCase> {};

TEST_P(BadProviderConfigTest, ValidateAndConfigureReportADiagnosticNotAStatus) {
  for (const auto& diags : {driver_.ValidateProvider(GetParam().config).diagnostics(),
                            driver_.Configure(GetParam().config).diagnostics()}) {
    ASSERT_EQ(diags.size(), 1) << Describe(diags);
    EXPECT_EQ(diags[0].severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_EQ(diags[0].summary(), "Invalid provider configuration received from Terraform");
    EXPECT_TRUE(Contains(diags[0].detail(), GetParam().detail_mention)) << diags[0].detail();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, BadProviderConfigTest,
    testing::Values(BadProviderConfigCase{"EmptyDynamicValue", tfplugin6::DynamicValue{}, "empty"},
                    BadProviderConfigCase{"MsgpackAndJsonBothSet", BothEncodings(), "both"},
                    BadProviderConfigCase{"TruncatedMsgpack",
                                          Msgpack(std::string("\x82\xab"
                                                              "enforce",
                                                              9)),
                                          "unexpected end of input"},
                    BadProviderConfigCase{"NumberWhereTheObjectBelongs",
                                          Msgpack(std::string("\x05", 1)), "expected object"},
                    // controls is a map(string); its one key is the integer 1.
                    BadProviderConfigCase{"IntegerKeyInTheControlsMap",
                                          Msgpack(std::string("\x82\xa8"
                                                              "controls\x81\x01\xa5"
                                                              "error\xab"
                                                              "enforcement\xc0",
                                                              31)),
                                          "controls: expected a string key, got integer"}),
    [](const testing::TestParamInfo<BadProviderConfigCase>& info) { return info.param.name; });

// Content faults: the configuration decodes, but the JSON text in
// container_definitions or task_definition_json cannot be used. Terraform
// must show one error on that argument's line (the attribute path), with a
// detail short enough to read and valid UTF-8 (Terraform's protobuf refuses
// a string field that is not, and would report a broken provider instead).

struct ContentFaultCase {
  std::string name;
  std::string attribute;    // container_definitions or task_definition_json
  std::string (*text)();    // built in the test: the 50 MiB ones are not kept around
  std::string detail_part;  // follows "<attribute> " in the detail
};

void PrintTo(const ContentFaultCase& c, std::ostream* os) { *os << c.name; }

constexpr size_t kFiftyMebibytes = size_t{50} << 20;

// Valid JSON of exactly 50 MiB: `prefix`, [{"name":"x"},...] padded with
// spaces, `suffix`.
std::string FiftyMebibytesOfContainers(std::string prefix, std::string_view suffix) {
  constexpr std::string_view kElement = R"({"name":"x"})";
  std::string text = std::move(prefix);
  text.reserve(kFiftyMebibytes);
  text += '[';
  text += kElement;
  while (text.size() + 1 + kElement.size() + 1 + suffix.size() <= kFiftyMebibytes) {
    text += ',';
    text += kElement;
  }
  text.append(kFiftyMebibytes - text.size() - 1 - suffix.size(), ' ');
  text += ']';
  text += suffix;
  return text;
}

std::vector<ContentFaultCase> ContentFaults() {
  constexpr char kTooLarge[] = "is 52428800 bytes long, more than the 4194304 bytes this provider";
  constexpr char kBadUtf8[] = "is not valid JSON: ill-formed UTF-8 in a string";
  constexpr char kNul[] = "is not valid JSON: a NUL byte is not allowed";
  constexpr char kTooDeep[] = "nests arrays and objects deeper than 64 levels";
  return {
      {"ContainersFiftyMebibytes", "container_definitions",
       [] { return FiftyMebibytesOfContainers("", ""); }, kTooLarge},
      {"ContainersInvalidUtf8", "container_definitions",
       [] { return std::string("[{\"name\":\"\xff\xfe\"}]"); }, kBadUtf8},
      {"ContainersNulInsideAString", "container_definitions",
       [] { return std::string("[{\"name\":\"a\0b\"}]", 16); }, kNul},
      {"ContainersHundredThousandDeep", "container_definitions",
       [] { return std::string(100000, '['); }, kTooDeep},
      {"DocumentFiftyMebibytes", "task_definition_json",
       [] { return FiftyMebibytesOfContainers(R"({"family":"web","containerDefinitions":)", "}"); },
       kTooLarge},
      {"DocumentInvalidUtf8", "task_definition_json",
       [] { return std::string("{\"family\":\"\xff\xfe\"}"); }, kBadUtf8},
      {"DocumentNulInsideAString", "task_definition_json",
       [] { return std::string("{\"family\":\"a\0b\"}", 17); }, kNul},
      {"DocumentHundredThousandDeep", "task_definition_json",
       [] { return R"({"family":"x","volumes":)" + std::string(100000, '['); }, kTooDeep},
      // The same brackets as the whole document: its shape is wrong before its depth is.
      {"DocumentIsAHundredThousandDeepArray", "task_definition_json",
       [] { return std::string(100000, '['); },
       "must be a JSON object (a DescribeTaskDefinition or RegisterTaskDefinition document), but "
       "it is an array"},
  };
}

bool IsValidUtf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();  // the strict handler throws on invalid UTF-8
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

class ContentFaultTest : public ComplianceServiceTest,
                         public testing::WithParamInterface<ContentFaultCase> {
 protected:
  tfplugin6::DynamicValue Config() const {
    return DataSourceConfig({{GetParam().attribute, Value::String(GetParam().text())}});
  }
  void ExpectOneErrorOnTheAttribute(
      const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) const {
    const ContentFaultCase& c = GetParam();
    ASSERT_EQ(diags.size(), 1) << Describe(diags).substr(0, 2000);
    const tfplugin6::Diagnostic& d = diags[0];
    EXPECT_EQ(d.severity(), tfplugin6::Diagnostic::ERROR);
    // Too large and too deep are named for what they are, not "invalid".
    const bool too_large = Contains(c.detail_part, "bytes long");
    const bool too_deep = Contains(c.detail_part, "deeper than");
    EXPECT_EQ(d.summary(), too_large  ? c.attribute + " is too large to check"
                           : too_deep ? c.attribute + " is nested too deeply to check"
                           : c.attribute == "container_definitions"
                               ? "Invalid container_definitions JSON"
                               : "Invalid task_definition_json document");
    ASSERT_EQ(d.attribute().steps_size(), 1) << PathString(d);
    EXPECT_EQ(d.attribute().steps(0).attribute_name(), c.attribute);
    EXPECT_TRUE(Contains(d.detail(), c.attribute + " " + c.detail_part))
        << d.detail().substr(0, 2000);
    EXPECT_LT(d.detail().size(), 1000u) << "the detail quotes too much of the input";
    EXPECT_TRUE(IsValidUtf8(d.summary()) && IsValidUtf8(d.detail())) << d.detail().substr(0, 2000);
  }
};

TEST_P(ContentFaultTest, ValidateReportsOneErrorOnTheAttribute) {
  ExpectOneErrorOnTheAttribute(driver_.ValidateData(kDataSource, Config()).diagnostics());
}

TEST_P(ContentFaultTest, ReadReportsOneErrorOnTheAttributeAndNoState) {
  const tfplugin6::ReadDataSource::Response response = driver_.ReadData(kDataSource, Config());
  ExpectOneErrorOnTheAttribute(response.diagnostics());
  EXPECT_TRUE(response.state().msgpack().empty());
}

INSTANTIATE_TEST_SUITE_P(Inputs, ContentFaultTest, testing::ValuesIn(ContentFaults()),
                         [](const testing::TestParamInfo<ContentFaultCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace server
