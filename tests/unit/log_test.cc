// File: tests/unit/log_test.cc
//
// Log lines as Terraform's hclog reads them from a plugin's stderr, and the
// crash report that makes Terraform print its crash banner.

#include "provider/log/log.h"

#include <signal.h>

#include <ostream>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "provider/log/crash.h"

namespace tflog {
namespace {

// 2023-11-14T22:13:20.123456Z
constexpr long long kSomeMicros = 1700000000123456LL;

struct LevelCase {
  std::string name;
  std::string text;
  Level level;
};

void PrintTo(const LevelCase& c, std::ostream* os) { *os << c.name; }

class ParseLevelTest : public testing::TestWithParam<LevelCase> {};

TEST_P(ParseLevelTest, ParsesCaseInsensitivelyUnrecognisedIsTrace) {
  EXPECT_EQ(ParseLevel(GetParam().text), GetParam().level);
}

INSTANTIATE_TEST_SUITE_P(Names, ParseLevelTest,
                         testing::Values(LevelCase{"UpperTrace", "TRACE", Level::kTrace},
                                         LevelCase{"LowerDebug", "debug", Level::kDebug},
                                         LevelCase{"MixedInfo", "Info", Level::kInfo},
                                         LevelCase{"UpperWarn", "WARN", Level::kWarn},
                                         LevelCase{"LowerError", "error", Level::kError},
                                         // TF_LOG=JSON means trace, in JSON.
                                         LevelCase{"JsonIsTrace", "JSON", Level::kTrace},
                                         LevelCase{"Empty", "", Level::kOff},
                                         LevelCase{"Off", "OFF", Level::kOff},
                                         // Terraform reads an unknown TF_LOG
                                         // (TF_LOG=1) as TRACE; so do we.
                                         LevelCase{"BogusIsTrace", "bogus", Level::kTrace},
                                         LevelCase{"OneIsTrace", "1", Level::kTrace},
                                         LevelCase{"WarningIsTrace", "warning", Level::kTrace},
                                         LevelCase{"Padded", " debug ", Level::kDebug}),
                         [](const testing::TestParamInfo<LevelCase>& info) {
                           return info.param.name;
                         });

nlohmann::json ParseLine(const std::string& line) {
  EXPECT_TRUE(nlohmann::json::accept(line)) << line;
  return nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
}

struct FormatCase {
  std::string name;
  Level level;
  std::string level_name;
};

void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.name; }

class FormatLineLevelTest : public testing::TestWithParam<FormatCase> {};

TEST_P(FormatLineLevelTest, IsOneJsonObjectWithTheHclogKeys) {
  const std::string line = FormatLine(GetParam().level, "RPC handled", {}, kSomeMicros);
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  const nlohmann::json j = ParseLine(line);
  ASSERT_TRUE(j.is_object()) << line;
  EXPECT_EQ(j["@level"], GetParam().level_name);
  EXPECT_EQ(j["@message"], "RPC handled");
  EXPECT_EQ(j["@module"], "compliancecheck");
  EXPECT_TRUE(j["@timestamp"].is_string());
  EXPECT_EQ(j.size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Levels, FormatLineLevelTest,
                         testing::Values(FormatCase{"Trace", Level::kTrace, "trace"},
                                         FormatCase{"Debug", Level::kDebug, "debug"},
                                         FormatCase{"Info", Level::kInfo, "info"},
                                         FormatCase{"Warn", Level::kWarn, "warn"},
                                         FormatCase{"Error", Level::kError, "error"}),
                         [](const testing::TestParamInfo<FormatCase>& info) {
                           return info.param.name;
                         });

struct TimestampCase {
  std::string name;
  long long micros;
  std::string expected;
};

void PrintTo(const TimestampCase& c, std::ostream* os) { *os << c.name; }

class TimestampTest : public testing::TestWithParam<TimestampCase> {};

TEST_P(TimestampTest, UsesTheHclogLayoutInUtcWithMicroseconds) {
  const nlohmann::json j = ParseLine(FormatLine(Level::kInfo, "m", {}, GetParam().micros));
  const std::string ts = j["@timestamp"];
  EXPECT_TRUE(std::regex_match(ts, std::regex(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$)")))
      << ts;
  EXPECT_EQ(ts, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Times, TimestampTest,
    testing::Values(
        TimestampCase{"Epoch", 0, "1970-01-01T00:00:00.000000Z"},
        TimestampCase{"WithMicros", kSomeMicros, "2023-11-14T22:13:20.123456Z"},
        TimestampCase{"OneMicroLeadingZeros", 1700000000000001LL, "2023-11-14T22:13:20.000001Z"},
        TimestampCase{"LastMicroOfTheDay", 86399999999LL, "1970-01-01T23:59:59.999999Z"}),
    [](const testing::TestParamInfo<TimestampCase>& info) { return info.param.name; });

TEST(FormatLineTest, ExtraFieldsBecomeKeysWithTheirJsonTypes) {
  const nlohmann::json j =
      ParseLine(FormatLine(Level::kDebug, "RPC handled",
                           {Str("rpc", "ReadDataSource"), Num("duration_ms", 1.5), Int("errors", 2),
                            Int("warnings", -1)},
                           kSomeMicros));
  EXPECT_EQ(j["rpc"], "ReadDataSource");
  EXPECT_DOUBLE_EQ(j["duration_ms"].get<double>(), 1.5);
  EXPECT_EQ(j["errors"], 2);
  EXPECT_EQ(j["warnings"], -1);
  EXPECT_EQ(j["@message"], "RPC handled");
}

TEST(FormatLineTest, NoFieldsMeansOnlyTheHclogKeys) {
  const nlohmann::json j = ParseLine(FormatLine(Level::kInfo, "", {}, 0));
  EXPECT_EQ(j["@message"], "");
  EXPECT_EQ(j.size(), 4u);
}

struct EscapeCase {
  std::string name;
  std::string text;
};

void PrintTo(const EscapeCase& c, std::ostream* os) { *os << c.name; }

class FormatLineEscapeTest : public testing::TestWithParam<EscapeCase> {};

TEST_P(FormatLineEscapeTest, EscapesMessagesFieldValuesAndKeysOnOneLine) {
  const std::string& text = GetParam().text;
  const std::string line =
      FormatLine(Level::kWarn, text, {Str("value", text), Str(text + "key", "v")}, kSomeMicros);
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  EXPECT_EQ(line.find('\r'), std::string::npos) << line;
  for (char c : line)
    EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "raw control character in " << line;
  const nlohmann::json j = ParseLine(line);
  EXPECT_EQ(j["@message"], text);
  EXPECT_EQ(j["value"], text);
  EXPECT_EQ(j[text + "key"], "v");
}

INSTANTIATE_TEST_SUITE_P(
    Texts, FormatLineEscapeTest,
    testing::Values(EscapeCase{"Quotes", "say \"hi\""}, EscapeCase{"Backslash", "C:\\temp\\"},
                    EscapeCase{"Newlines", "line one\nline two\r\n"}, EscapeCase{"Tab", "a\tb"},
                    EscapeCase{"ControlCharacters", std::string("nul\0bell", 8) + "\x07"
                                                                                  "esc"
                                                                                  "\x1b"},
                    EscapeCase{"BraceInjection", "\",\"@level\":\"error"},
                    EscapeCase{"Unicode", "caf\xc3\xa9 \xe2\x9c\x93"}, EscapeCase{"Empty", ""}),
    [](const testing::TestParamInfo<EscapeCase>& info) { return info.param.name; });

TEST(FormatLineTest, InjectedLevelInAMessageDoesNotChangeTheLevel) {
  const nlohmann::json j = ParseLine(FormatLine(Level::kDebug, "\",\"@level\":\"error", {}, 0));
  EXPECT_EQ(j["@level"], "debug");
}

// ---------------------------------------------------------------------------
// Crash handler: a "fatal error: " line, then death by the original signal.

class CrashHandlerDeathTest : public testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

[[noreturn]] void ThrowRuntimeError(const char* what) { throw std::runtime_error(what); }

// An exception that leaves a noexcept function calls std::terminate.
void LetAnExceptionEscape() noexcept { ThrowRuntimeError("the disk is on fire"); }

struct SignalCase {
  std::string name;
  int signal;
};

void PrintTo(const SignalCase& c, std::ostream* os) { *os << c.name; }

class FatalSignalDeathTest : public testing::TestWithParam<SignalCase> {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_P(FatalSignalDeathTest, WritesAFatalErrorLineAndDiesOfTheSameSignal) {
  EXPECT_EXIT(
      {
        InstallCrashHandler();
        raise(GetParam().signal);
      },
      testing::KilledBySignal(GetParam().signal), "fatal error: .*crashed");
}

INSTANTIATE_TEST_SUITE_P(Signals, FatalSignalDeathTest,
                         testing::Values(SignalCase{"Segv", SIGSEGV}, SignalCase{"Bus", SIGBUS},
                                         SignalCase{"Fpe", SIGFPE}, SignalCase{"Ill", SIGILL},
                                         SignalCase{"Abrt", SIGABRT}),
                         [](const testing::TestParamInfo<SignalCase>& info) {
                           return info.param.name;
                         });

TEST_F(CrashHandlerDeathTest, SegfaultReportStartsALineWithFatalError) {
  EXPECT_DEATH(
      {
        InstallCrashHandler();
        raise(SIGSEGV);
      },
      "(^|\n)fatal error: terraform-provider-compliancecheck crashed: .*backtrace");
}

TEST_F(CrashHandlerDeathTest, UncaughtExceptionReportNamesItsWhat) {
  EXPECT_EXIT(
      {
        InstallCrashHandler();
        LetAnExceptionEscape();
      },
      testing::KilledBySignal(SIGABRT), "fatal error: .*crashed.*the disk is on fire");
}

TEST_F(CrashHandlerDeathTest, TerminateWithoutAnExceptionStillReports) {
  EXPECT_EXIT(
      {
        InstallCrashHandler();
        std::terminate();
      },
      testing::KilledBySignal(SIGABRT), "fatal error: .*crashed");
}

}  // namespace
}  // namespace tflog
