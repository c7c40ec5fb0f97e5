// File: tests/unit/checks_waiver_test.cc
//
// Waivers (PRODUCT.md, "Waivers"): `expires` is an RFC 3339 date, which
// waives through the end of that day UTC, or an RFC 3339 timestamp; a waived
// control's findings get level "waived" with the reason and expiry, block
// nothing and leave `compliant` true; report_json shows the control as
// "waived" with its reason and expiry.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "checks/evaluation.h"
#include "checks/waiver.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/unit/checks_test_support.h"

namespace checks {
namespace {

using control_ids::kPrivileged;
using control_ids::kReadonlyRoot;

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

struct ExpiryCase {
  std::string name;
  std::string text;
  std::optional<absl::Time> expected;
};

std::vector<ExpiryCase> ExpiryCases() {
  return {
      // A date waives through the end of that day, UTC.
      {"Date", "2027-03-31", Utc(2027, 4, 1)},
      {"LeapDay", "2028-02-29", Utc(2028, 3, 1)},
      {"YearEnd", "2026-12-31", Utc(2027, 1, 1)},
      {"Zulu", "2027-03-31T18:00:00Z", Utc(2027, 3, 31, 18)},
      {"LowerCaseTAndZ", "2027-03-31t18:00:00z", Utc(2027, 3, 31, 18)},
      {"PositiveOffset", "2027-03-31T18:00:00+02:00", Utc(2027, 3, 31, 16)},
      {"NegativeOffset", "2027-03-31T18:00:00-05:30", Utc(2027, 3, 31, 23, 30)},
      {"Fraction", "2027-03-31T18:00:00.5Z", Utc(2027, 3, 31, 18) + absl::Milliseconds(500)},
      // Invalid forms.
      {"Empty", "", std::nullopt},
      {"NoLeadingZeros", "2027-3-31", std::nullopt},
      {"NotALeapYear", "2027-02-29", std::nullopt},
      {"Month13", "2027-13-01", std::nullopt},
      {"Day32", "2027-01-32", std::nullopt},
      {"Slashes", "2027/03/31", std::nullopt},
      {"DayFirst", "31-03-2027", std::nullopt},
      {"NoZone", "2027-03-31T18:00:00", std::nullopt},
      {"NoSeconds", "2027-03-31T18:00Z", std::nullopt},
      {"SpaceSeparator", "2027-03-31 18:00:00Z", std::nullopt},
      {"Hour25", "2027-03-31T25:00:00Z", std::nullopt},
      {"TrailingText", "2027-03-31T18:00:00Zx", std::nullopt},
      {"LeadingSpace", " 2027-03-31", std::nullopt},
      {"Words", "next quarter", std::nullopt},
      {"UnixSeconds", "1806451200", std::nullopt},
      {"OffsetWithoutColon", "2027-03-31T18:00:00+0200", std::nullopt},
      {"EmptyFraction", "2027-03-31T18:00:00.Z", std::nullopt},
      {"Hour24", "2027-03-31T24:00:00Z", std::nullopt},
      {"OffsetHour24", "2027-03-31T18:00:00+24:00", std::nullopt},
      {"DateWithZone", "2027-03-31Z", std::nullopt},
      {"NoTimeAfterT", "2027-03-31T", std::nullopt},
      {"ShortYear", "27-03-31", std::nullopt},
  };
}

void PrintTo(const ExpiryCase& c, std::ostream* os) { *os << c.name << " \"" << c.text << "\""; }

class ParseExpiryTest : public testing::TestWithParam<ExpiryCase> {};

TEST_P(ParseExpiryTest, ReadsRfc3339DatesAndTimestampsOnly) {
  const ExpiryCase& c = GetParam();
  const std::optional<absl::Time> parsed = ParseExpiry(c.text);
  ASSERT_EQ(parsed.has_value(), c.expected.has_value()) << c.text;
  if (parsed) {
    EXPECT_EQ(*parsed, *c.expected) << absl::FormatTime(*parsed);
  }
}

INSTANTIATE_TEST_SUITE_P(Forms, ParseExpiryTest, testing::ValuesIn(ExpiryCases()),
                         [](const auto& info) { return info.param.name; });

Input PrivilegedWritable() {
  Input input;
  input.container_definitions =
      Text::Known(R"([{"name":"a","privileged":true},{"name":"b","Privileged":true}])");
  return input;
}

Settings Waiving(std::vector<Waiver> waivers) {
  Settings settings;
  for (Waiver& w : waivers) settings.waivers.emplace(w.control_id, std::move(w));
  return settings;
}

TEST(WaivedEvaluationTest, FindingsAreWaivedWithTheReasonAndBlockNothing) {
  const Settings settings =
      Waiving({{kPrivileged, "Legacy agent needs it; ticket SEC-42", "2027-03-31"},
               {kReadonlyRoot, "Writes to /tmp", ""}});
  Input input = PrivilegedWritable();
  // Every other control passes, so only the waived ones are left.
  input.container_definitions = Text::Known(
      R"([{"name":"a","privileged":true,"user":"1000","logConfiguration":{"logDriver":"awslogs"}}])");
  const Evaluation evaluation = Evaluate(input, settings);
  ASSERT_FALSE(evaluation.findings.empty());
  for (const Finding& f : evaluation.findings) {
    EXPECT_EQ(f.level, Level::kWaived) << f.control_id;
    if (f.control_id == kPrivileged) {
      EXPECT_EQ(f.waiver_reason, "Legacy agent needs it; ticket SEC-42");
      EXPECT_EQ(f.waiver_expires, "2027-03-31");
    } else {
      EXPECT_EQ(f.control_id, kReadonlyRoot);
      EXPECT_EQ(f.waiver_reason, "Writes to /tmp");
      EXPECT_EQ(f.waiver_expires, "");
    }
  }
  EXPECT_EQ(ResultOf(evaluation, kPrivileged).status, Status::kWaived);
  ASSERT_TRUE(ResultOf(evaluation, kPrivileged).waiver.has_value());
  EXPECT_EQ(ResultOf(evaluation, kReadonlyRoot).status, Status::kWaived);
  EXPECT_FALSE(evaluation.has_error());
  EXPECT_TRUE(evaluation.compliant());

  const nlohmann::json report = nlohmann::json::parse(ReportJson(evaluation, Text::Known("web")));
  EXPECT_EQ(report["compliant"], true);
  bool seen = false;
  for (const auto& control : report["controls"]) {
    if (control["id"] == kPrivileged) {
      seen = true;
      EXPECT_EQ(control["status"], "waived");
      EXPECT_EQ(control["reason"], "Legacy agent needs it; ticket SEC-42");
      EXPECT_EQ(control["expires"], "2027-03-31");
    }
    if (control["id"] == kReadonlyRoot) {
      EXPECT_EQ(control["status"], "waived");
      EXPECT_TRUE(control["expires"].is_null());
    }
  }
  EXPECT_TRUE(seen);
  for (const auto& finding : report["findings"]) {
    EXPECT_EQ(finding["level"], "waived");
    EXPECT_FALSE(finding["waiver_reason"].get<std::string>().empty());
  }
}

TEST(WaivedEvaluationTest, AWaiverCoversOnlyItsControl) {
  const Evaluation evaluation =
      Evaluate(PrivilegedWritable(), Waiving({{kReadonlyRoot, "Writes to /tmp", "2027-03-31"}}));
  EXPECT_EQ(ResultOf(evaluation, kPrivileged).status, Status::kFail);
  EXPECT_TRUE(evaluation.has_error());
  EXPECT_FALSE(evaluation.compliant());
  for (const Finding& f : evaluation.findings) {
    EXPECT_EQ(f.level == Level::kWaived, f.control_id == kReadonlyRoot) << f.control_id;
    if (f.control_id != kReadonlyRoot) {
      EXPECT_TRUE(f.waiver_reason.empty());
    }
  }
  const nlohmann::json report = nlohmann::json::parse(ReportJson(evaluation, Text::Null()));
  for (const auto& finding : report["findings"]) {
    if (finding["control_id"] == kPrivileged) {
      EXPECT_EQ(finding["level"], "error");
      EXPECT_TRUE(finding["waiver_reason"].is_null());
    }
  }
}

// A waiver accepts a verdict, not an input nobody can read: both input
// problems and waived findings are kept, so compliance stays false.
TEST(WaivedEvaluationTest, UnreadableInputIsNotWaivedAway) {
  Input input;
  input.container_definitions = Text::Known("[{");
  const Evaluation evaluation =
      Evaluate(input, Waiving({{kPrivileged, "Accepted by the security team", ""}}));
  EXPECT_FALSE(evaluation.problems.empty());
  EXPECT_TRUE(evaluation.has_error());
  EXPECT_FALSE(evaluation.compliant());
}

TEST(WaivedEvaluationTest, APendingWaiverMakesTheLevelPending) {
  Settings settings;
  settings.pending_waivers.insert(kPrivileged);
  const Evaluation evaluation = Evaluate(PrivilegedWritable(), settings);
  EXPECT_TRUE(ResultOf(evaluation, kPrivileged).level_pending);
  EXPECT_FALSE(ResultOf(evaluation, kReadonlyRoot).level_pending);
  Settings unknown;
  unknown.waivers_unknown = true;
  EXPECT_TRUE(ResultOf(Evaluate(PrivilegedWritable(), unknown), kReadonlyRoot).level_pending);
}

// The waiver's words are for findings and report_json, never the diagnostic.
TEST(WaivedEvaluationTest, FindingDetailDoesNotCarryTheReason) {
  const Evaluation evaluation =
      Evaluate(PrivilegedWritable(), Waiving({{kPrivileged, "REASON-TEXT-7", "2027-03-31"}}));
  for (const Finding& f : evaluation.findings) {
    EXPECT_EQ(FindingDetail(f).find("REASON-TEXT-7"), std::string::npos);
    EXPECT_EQ(f.message.find("REASON-TEXT-7"), std::string::npos);
  }
}

}  // namespace
}  // namespace checks
