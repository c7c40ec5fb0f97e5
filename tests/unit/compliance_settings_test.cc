// File: tests/unit/compliance_settings_test.cc
//
// The provider block's settings: how `enforcement` and `controls` are read,
// which values are errors on which attribute, and what falls back to the
// defaults.

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/compliance/settings.h"
#include "provider/cty/type.h"
#include "provider/cty/value.h"
#include "tests/unit/control_ids.h"

namespace compliance {
namespace {

using checks::Enforcement;
using checks::Level;
using cty::Type;
using cty::Value;

using control_ids::kIpc;
using control_ids::kMisplaced;
using control_ids::kPid;

Type ProviderType() {
  return Type::Object({{"enforcement", Type::String()}, {"controls", Type::Map(Type::String())}});
}

Value NullEnforcement() { return Value::Null(Type::String()); }
Value NullControls() { return Value::Null(Type::Map(Type::String())); }

Value Config(Value enforcement, Value controls) {
  return Value::Object(
      {{"enforcement", std::move(enforcement)}, {"controls", std::move(controls)}});
}

Value Controls(std::map<std::string, Value> levels) {
  return Value::Map(Type::String(), std::move(levels));
}

struct ExpectedError {
  std::string path;  // AttributePath::ToString()
  std::string summary;
  std::vector<std::string> detail_mentions;
  std::string not_quoted = {};  // the invalid value: never in the detail
};

struct SettingsCase {
  std::string name;
  Value config;
  Enforcement enforcement;
  std::map<std::string, Level> levels;
  std::vector<ExpectedError> errors;
  // Settings not known yet: never replaced by the defaults.
  bool enforcement_unknown = false;
  bool levels_unknown = false;
  std::set<std::string> unknown_levels = {};
};

void PrintTo(const SettingsCase& c, std::ostream* os) { *os << c.name; }

class ReadProviderSettingsTest : public testing::TestWithParam<SettingsCase> {};

TEST_P(ReadProviderSettingsTest, ReadsSettingsAndReportsInvalidOnesOnTheirAttribute) {
  const SettingsCase& c = GetParam();
  tf::Diagnostics diags;
  const checks::Settings settings = ReadProviderSettings(c.config, &diags);
  EXPECT_EQ(settings.enforcement, c.enforcement);
  EXPECT_EQ(settings.levels, c.levels);
  EXPECT_EQ(settings.enforcement_unknown, c.enforcement_unknown);
  EXPECT_EQ(settings.levels_unknown, c.levels_unknown);
  EXPECT_EQ(settings.unknown_levels, c.unknown_levels);
  ASSERT_EQ(diags.items().size(), c.errors.size());
  for (size_t i = 0; i < c.errors.size(); ++i) {
    const tf::Diagnostic& d = diags.items()[i];
    SCOPED_TRACE(d.summary + ": " + d.detail);
    EXPECT_EQ(d.severity, tf::Severity::kError);
    EXPECT_EQ(d.summary, c.errors[i].summary);
    ASSERT_TRUE(d.attribute.has_value());
    EXPECT_EQ(d.attribute->ToString(), c.errors[i].path);
    for (const std::string& part : c.errors[i].detail_mentions) {
      EXPECT_NE(d.detail.find(part), std::string::npos) << "missing \"" << part << "\"";
    }
    if (!c.errors[i].not_quoted.empty()) {
      EXPECT_EQ(d.detail.find(c.errors[i].not_quoted), std::string::npos) << "quotes the value";
    }
  }
}

const std::string kControlPath = std::string("controls[\"") + kPid + "\"]";

INSTANTIATE_TEST_SUITE_P(
    Configs, ReadProviderSettingsTest,
    testing::Values(
        // Absent, empty, unknown: the defaults, no error.
        SettingsCase{"NullConfig", Value::Null(ProviderType()), Enforcement::kError, {}, {}},
        SettingsCase{"UnknownConfig",
                     Value::Unknown(ProviderType()),
                     Enforcement::kError,
                     {},
                     {},
                     /*enforcement_unknown=*/true,
                     /*levels_unknown=*/true},
        SettingsCase{
            "EmptyBlock", Config(NullEnforcement(), NullControls()), Enforcement::kError, {}, {}},
        SettingsCase{
            "EmptyControls", Config(NullEnforcement(), Controls({})), Enforcement::kError, {}, {}},
        // enforcement
        SettingsCase{"EnforcementError",
                     Config(Value::String("error"), NullControls()),
                     Enforcement::kError,
                     {},
                     {}},
        SettingsCase{"EnforcementWarning",
                     Config(Value::String("warning"), NullControls()),
                     Enforcement::kWarning,
                     {},
                     {}},
        SettingsCase{
            "EnforcementBogus",
            Config(Value::String("bogus"), NullControls()),
            Enforcement::kError,
            {},
            {{"enforcement", "Invalid enforcement mode", {"\"error\"", "\"warning\""}, "bogus"}}},
        SettingsCase{"EnforcementEmptyString",
                     Config(Value::String(""), NullControls()),
                     Enforcement::kError,
                     {},
                     {{"enforcement", "Invalid enforcement mode", {}}}},
        SettingsCase{"EnforcementIsCaseSensitive",
                     Config(Value::String("Warning"), NullControls()),
                     Enforcement::kError,
                     {},
                     {{"enforcement", "Invalid enforcement mode", {}, "Warning"}}},
        SettingsCase{"EnforcementUnknown",
                     Config(Value::Unknown(Type::String()), NullControls()),
                     Enforcement::kError,
                     {},
                     {},
                     /*enforcement_unknown=*/true},
        SettingsCase{
            "EnforcementRefinedUnknown",
            Config(Value::Unknown(Type::String(), /*refined_not_null=*/true), NullControls()),
            Enforcement::kError,
            {},
            {},
            /*enforcement_unknown=*/true},
        // controls
        SettingsCase{"ControlsEachLevel",
                     Config(NullEnforcement(), Controls({{kPid, Value::String("warning")},
                                                         {kIpc, Value::String("error")},
                                                         {kMisplaced, Value::String("off")}})),
                     Enforcement::kError,
                     {{kPid, Level::kWarning}, {kIpc, Level::kError}, {kMisplaced, Level::kOff}},
                     {}},
        SettingsCase{
            "ControlsUnknownId",
            Config(NullEnforcement(), Controls({{"nope", Value::String("error")}})),
            Enforcement::kError,
            {},
            {{"controls[\"nope\"]", "Unknown control id", {kPid, kIpc, kMisplaced}, "nope"}}},
        SettingsCase{"ControlsUnknownIdDoesNotStopTheOthers",
                     Config(NullEnforcement(), Controls({{"nope", Value::String("off")},
                                                         {kPid, Value::String("warning")}})),
                     Enforcement::kError,
                     {{kPid, Level::kWarning}},
                     {{"controls[\"nope\"]", "Unknown control id", {}}}},
        SettingsCase{"ControlsInvalidLevel",
                     Config(NullEnforcement(), Controls({{kPid, Value::String("loud")}})),
                     Enforcement::kError,
                     {},
                     {{kControlPath,
                       "Invalid control level",
                       {"\"error\"", "\"warning\"", "\"off\""},
                       "loud"}}},
        SettingsCase{"ControlsLevelIsCaseSensitive",
                     Config(NullEnforcement(), Controls({{kPid, Value::String("OFF")}})),
                     Enforcement::kError,
                     {},
                     {{kControlPath, "Invalid control level", {}, "OFF"}}},
        SettingsCase{"ControlsUnknownMap",
                     Config(NullEnforcement(), Value::Unknown(Type::Map(Type::String()))),
                     Enforcement::kError,
                     {},
                     {},
                     /*enforcement_unknown=*/false,
                     /*levels_unknown=*/true},
        SettingsCase{"ControlsUnknownMapKeepsAKnownEnforcement",
                     Config(Value::String("warning"), Value::Unknown(Type::Map(Type::String()))),
                     Enforcement::kWarning,
                     {},
                     {},
                     /*enforcement_unknown=*/false,
                     /*levels_unknown=*/true},
        SettingsCase{"ControlsUnknownElement",
                     Config(NullEnforcement(), Controls({{kPid, Value::Unknown(Type::String())},
                                                         {kIpc, Value::String("off")}})),
                     Enforcement::kError,
                     {{kIpc, Level::kOff}},
                     {},
                     /*enforcement_unknown=*/false,
                     /*levels_unknown=*/false,
                     /*unknown_levels=*/{kPid}},
        SettingsCase{
            "ControlsUnknownElementOfAnUnknownId",
            Config(NullEnforcement(), Controls({{"nope", Value::Unknown(Type::String())}})),
            Enforcement::kError,
            {},
            {{"controls[\"nope\"]", "Unknown control id", {}}}},
        // Both attributes at once
        SettingsCase{"EnforcementAndControls",
                     Config(Value::String("warning"), Controls({{kIpc, Value::String("error")}})),
                     Enforcement::kWarning,
                     {{kIpc, Level::kError}},
                     {}},
        SettingsCase{"BothInvalid",
                     Config(Value::String("bogus"), Controls({{kPid, Value::String("loud")}})),
                     Enforcement::kError,
                     {},
                     {{"enforcement", "Invalid enforcement mode", {}},
                      {kControlPath, "Invalid control level", {}}}}),
    [](const testing::TestParamInfo<SettingsCase>& info) { return info.param.name; });

struct EnforcementCase {
  std::string name;
  Value value;
  std::optional<Enforcement> expected;
  bool error;
};

void PrintTo(const EnforcementCase& c, std::ostream* os) { *os << c.name; }

class ReadEnforcementTest : public testing::TestWithParam<EnforcementCase> {};

TEST_P(ReadEnforcementTest, ReadsTheModeOrReportsItOnTheGivenPath) {
  const EnforcementCase& c = GetParam();
  tf::Diagnostics diags;
  const tf::AttributePath path = tf::AttributePath::Root("enforcement");
  EXPECT_EQ(ReadEnforcement(c.value, path, &diags), c.expected);
  EXPECT_EQ(diags.HasError(), c.error);
  if (c.error) {
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].attribute, path);
  } else {
    EXPECT_TRUE(diags.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Values, ReadEnforcementTest,
    testing::Values(EnforcementCase{"Null", Value::Null(Type::String()), std::nullopt, false},
                    EnforcementCase{"Unknown", Value::Unknown(Type::String()), std::nullopt, false},
                    EnforcementCase{"Error", Value::String("error"), Enforcement::kError, false},
                    EnforcementCase{"Warning", Value::String("warning"), Enforcement::kWarning,
                                    false},
                    EnforcementCase{"Off", Value::String("off"), std::nullopt, true},
                    EnforcementCase{"Empty", Value::String(""), std::nullopt, true}),
    [](const testing::TestParamInfo<EnforcementCase>& info) { return info.param.name; });

TEST(SettingsStoreTest, StartsAtTheDefaults) {
  const SettingsStore store;
  const checks::Settings settings = store.Get();
  EXPECT_EQ(settings.enforcement, Enforcement::kError);
  EXPECT_TRUE(settings.levels.empty());
}

TEST(SettingsStoreTest, GetReturnsWhatWasSetLast) {
  SettingsStore store;
  checks::Settings first;
  first.enforcement = Enforcement::kWarning;
  store.Set(first);
  checks::Settings second;
  second.levels[kPid] = Level::kOff;
  store.Set(second);
  const checks::Settings got = store.Get();
  EXPECT_EQ(got.enforcement, Enforcement::kError);
  EXPECT_EQ(got.levels, second.levels);
}

}  // namespace
}  // namespace compliance
