// File: tests/unit/compliance_waivers_test.cc
//
// The data source's `waivers` (PRODUCT.md, "Waivers"): an unknown control id,
// a missing or blank reason and a bad expiry are errors on that element; an
// expired waiver waives nothing and warns (only when asked, so a plan prints
// it once); values not known yet leave the control pending. Diagnostics
// never show the waiver's reason or expiry: they are the user's words for
// findings and report_json.

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "provider/compliance/waivers.h"
#include "tests/unit/control_ids.h"

namespace compliance {
namespace {

using cty::Type;
using cty::Value;

using control_ids::kPrivileged;
constexpr char kReason[] = "Legacy agent needs it; SEC-42";

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

const Type& ElementType() {
  static const Type* type = new Type(Type::Object(
      {{"control_id", Type::String()}, {"reason", Type::String()}, {"expires", Type::String()}},
      {"expires"}));
  return *type;
}

Value StrOrNull(std::optional<std::string> s) {
  return s ? Value::String(*s) : Value::Null(Type::String());
}

Value Waiver(Value id, Value reason, Value expires) {
  return Value::Object(ElementType(), {{"control_id", std::move(id)},
                                       {"reason", std::move(reason)},
                                       {"expires", std::move(expires)}});
}

Value Waiver(std::optional<std::string> id, std::optional<std::string> reason,
             std::optional<std::string> expires) {
  return Waiver(StrOrNull(id), StrOrNull(reason), StrOrNull(expires));
}

Value List(std::vector<Value> elements) { return Value::List(ElementType(), std::move(elements)); }

struct Read {
  checks::Settings settings;
  tf::Diagnostics diags;
};

Read ReadAt(const Value& waivers, absl::Time now, bool warn_expired = true) {
  Read read;
  ReadWaivers(waivers, now, warn_expired, &read.settings, &read.diags);
  return read;
}

const absl::Time kNow = Utc(2027, 3, 31, 12);

void ExpectOneDiagnostic(const Read& read, tf::Severity severity, const std::string& summary,
                         const std::string& path) {
  ASSERT_EQ(read.diags.items().size(), 1u);
  const tf::Diagnostic& d = read.diags.items()[0];
  EXPECT_EQ(d.severity, severity);
  EXPECT_EQ(d.summary, summary);
  ASSERT_TRUE(d.attribute.has_value());
  EXPECT_EQ(d.attribute->ToString(), path);
}

TEST(ReadWaiversTest, AValidWaiverWaivesItsControl) {
  const Read read = ReadAt(List({Waiver(kPrivileged, kReason, "2027-03-31")}), kNow);
  EXPECT_TRUE(read.diags.empty());
  ASSERT_EQ(read.settings.waivers.count(kPrivileged), 1u);
  const checks::Waiver& w = read.settings.waivers.at(kPrivileged);
  EXPECT_EQ(w.reason, kReason);
  EXPECT_EQ(w.expires, "2027-03-31");
  EXPECT_FALSE(read.settings.waivers_unknown);
  EXPECT_TRUE(read.settings.pending_waivers.empty());
}

TEST(ReadWaiversTest, NoExpiryNeverExpires) {
  const Read read = ReadAt(List({Waiver(kPrivileged, kReason, std::nullopt)}), Utc(2999, 1, 1));
  EXPECT_TRUE(read.diags.empty());
  ASSERT_EQ(read.settings.waivers.count(kPrivileged), 1u);
  EXPECT_EQ(read.settings.waivers.at(kPrivileged).expires, "");
}

TEST(ReadWaiversTest, NullOrEmptyListWaivesNothing) {
  for (const Value& waivers : {Value::Null(Type::List(ElementType())), List({})}) {
    const Read read = ReadAt(waivers, kNow);
    EXPECT_TRUE(read.diags.empty());
    EXPECT_TRUE(read.settings.waivers.empty());
    EXPECT_FALSE(read.settings.waivers_unknown);
  }
}

TEST(ReadWaiversTest, UnknownControlIdIsAnErrorOnThatElement) {
  const Read read = ReadAt(List({Waiver(kPrivileged, kReason, std::nullopt),
                                 Waiver("ecs_container_privileged", kReason, std::nullopt)}),
                           kNow);
  ExpectOneDiagnostic(read, tf::Severity::kError, "Waiver names an unknown control",
                      "waivers[1].control_id");
  // The detail lists the valid ids.
  EXPECT_NE(read.diags.items()[0].detail.find(kPrivileged), std::string::npos);
  EXPECT_NE(read.diags.items()[0].detail.find("ecs_container_windows_user_non_admin"),
            std::string::npos);
  EXPECT_EQ(read.settings.waivers.size(), 1u);  // the valid one still counts
}

TEST(ReadWaiversTest, MissingOrBlankReasonIsAnError) {
  for (const std::optional<std::string>& reason :
       {std::optional<std::string>(), std::optional<std::string>(""),
        std::optional<std::string>("   \t\n")}) {
    const Read read = ReadAt(List({Waiver(kPrivileged, reason, "2027-12-31")}), kNow);
    ExpectOneDiagnostic(read, tf::Severity::kError, "Waiver has no reason", "waivers[0].reason");
    EXPECT_TRUE(read.settings.waivers.empty());
  }
}

TEST(ReadWaiversTest, BadExpiryIsAnErrorAndNeverQuoted) {
  for (const std::string expires :
       {"31/12/2027", "2027-02-30", "tomorrow-SECRETISH", "2027-12-31T00:00:00"}) {
    const Read read = ReadAt(List({Waiver(kPrivileged, kReason, expires)}), kNow);
    ExpectOneDiagnostic(read, tf::Severity::kError, "Invalid waiver expiry", "waivers[0].expires");
    EXPECT_TRUE(read.settings.waivers.empty()) << expires;
    EXPECT_EQ(read.diags.items()[0].detail.find(expires), std::string::npos)
        << read.diags.items()[0].detail;
  }
}

TEST(ReadWaiversTest, ExpiredWaiverWarnsOnlyWhenAskedAndWaivesNothing) {
  const Value waivers = List({Waiver(kPrivileged, kReason, "2027-03-30")});
  Read read = ReadAt(waivers, kNow, /*warn_expired=*/true);
  ExpectOneDiagnostic(read, tf::Severity::kWarning, "Waiver has expired", "waivers[0].expires");
  EXPECT_NE(read.diags.items()[0].detail.find(kPrivileged), std::string::npos);
  EXPECT_TRUE(read.settings.waivers.empty());
  EXPECT_TRUE(read.settings.pending_waivers.empty());

  read = ReadAt(waivers, kNow, /*warn_expired=*/false);
  EXPECT_TRUE(read.diags.empty());
  EXPECT_TRUE(read.settings.waivers.empty());
}

// A date waives through the end of that day, UTC; a timestamp until that
// instant.
TEST(ReadWaiversTest, ExpiryBoundaries) {
  const Value date = List({Waiver(kPrivileged, kReason, "2027-03-31")});
  EXPECT_EQ(ReadAt(date, Utc(2027, 3, 31, 23, 59, 59)).settings.waivers.size(), 1u);
  EXPECT_TRUE(ReadAt(date, Utc(2027, 4, 1)).settings.waivers.empty());
  const Value stamp = List({Waiver(kPrivileged, kReason, "2027-03-31T14:00:00+02:00")});
  EXPECT_EQ(ReadAt(stamp, Utc(2027, 3, 31, 11, 59, 59)).settings.waivers.size(), 1u);
  EXPECT_TRUE(ReadAt(stamp, Utc(2027, 3, 31, 12)).settings.waivers.empty());
}

TEST(ReadWaiversTest, UnknownValuesArePending) {
  const Value unknown_string = Value::Unknown(Type::String());
  // Reason or expiry not known yet: this control is pending.
  for (const Value& waiver :
       {Waiver(StrOrNull(kPrivileged), unknown_string, StrOrNull("2027-12-31")),
        Waiver(StrOrNull(kPrivileged), StrOrNull(kReason), unknown_string)}) {
    const Read read = ReadAt(List({waiver}), kNow);
    EXPECT_TRUE(read.diags.empty());
    EXPECT_TRUE(read.settings.waivers.empty());
    EXPECT_EQ(read.settings.pending_waivers.count(kPrivileged), 1u);
  }
  // The id, an element or the whole list not known yet: any control may be
  // waived.
  for (const Value& waivers :
       {List({Waiver(unknown_string, StrOrNull(kReason), StrOrNull("2027-12-31"))}),
        List({Value::Unknown(ElementType())}), Value::Unknown(Type::List(ElementType()))}) {
    const Read read = ReadAt(waivers, kNow);
    EXPECT_TRUE(read.diags.empty());
    EXPECT_TRUE(read.settings.waivers_unknown);
  }
}

// Diagnostics never contain the reason or the expiry as written.
TEST(ReadWaiversTest, DiagnosticsNeverQuoteReasonOrExpiry) {
  const std::string reason = "PLANTED-REASON-9";
  const std::string expires = "2027-03-01T00:00:00Z";
  const Read read =
      ReadAt(List({Waiver(kPrivileged, reason, expires),        // expired
                   Waiver("no_such_control", reason, expires),  // unknown id
                   Waiver("ecs_container_logging_configured", reason, "2027-99-01")}),  // bad
             kNow);
  ASSERT_EQ(read.diags.items().size(), 3u);
  for (const tf::Diagnostic& d : read.diags.items()) {
    for (const std::string& text : {d.summary, d.detail}) {
      EXPECT_EQ(text.find(reason), std::string::npos) << text;
      EXPECT_EQ(text.find(expires), std::string::npos) << text;
      EXPECT_EQ(text.find("2027-99-01"), std::string::npos) << text;
      EXPECT_EQ(text.find("no_such_control"), std::string::npos) << text;
    }
  }
}

// Read waivers drive the evaluation: the waived control's findings are
// "waived"; an expired waiver leaves them blocking.
TEST(ReadWaiversTest, EvaluationHonoursOnlyWaiversInForce) {
  checks::Input input;
  input.container_definitions = checks::Text::Known(R"([{"name":"a","privileged":true}])");
  for (const auto& [expires, waived] :
       std::vector<std::pair<std::string, bool>>{{"2027-04-30", true}, {"2027-01-31", false}}) {
    Read read = ReadAt(List({Waiver(kPrivileged, kReason, expires)}), kNow, false);
    const checks::Evaluation evaluation = checks::Evaluate(input, read.settings);
    bool seen = false;
    for (const checks::Finding& f : evaluation.findings) {
      if (f.control_id != kPrivileged) continue;
      seen = true;
      EXPECT_EQ(f.level, waived ? checks::Level::kWaived : checks::Level::kError) << expires;
    }
    EXPECT_TRUE(seen);
    EXPECT_EQ(evaluation.has_error(), !waived) << expires;
  }
}

TEST(WaiverClockTest, TestNowFixesTheClock) {
  ASSERT_EQ(setenv("COMPLIANCECHECK_TEST_NOW", "2027-03-31T12:00:00Z", 1), 0);
  EXPECT_EQ(WaiverClock(), kNow);
  ASSERT_EQ(unsetenv("COMPLIANCECHECK_TEST_NOW"), 0);
  const absl::Time before = absl::Now();
  const absl::Time clock = WaiverClock();
  EXPECT_GE(clock, before);
  EXPECT_LE(clock, absl::Now());
}

}  // namespace
}  // namespace compliance
