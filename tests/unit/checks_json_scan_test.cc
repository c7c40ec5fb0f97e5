// File: tests/unit/checks_json_scan_test.cc
//
// The bounded JSON scan and safe quoting underneath the controls.

#include <cstdint>
#include <string>
#include <vector>

#include "checks/json_scan.h"
#include "checks/text_quote.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace checks {
namespace {

// Records each value as "path=kind".
class Recorder final : public JsonVisitor {
 public:
  absl::Status OnValue(std::span<const JsonFrame> path, JsonKind kind,
                       std::string_view value) override {
    std::string entry;
    for (const JsonFrame& frame : path) {
      entry += frame.is_array ? "[" + std::to_string(frame.index) + "]" : "." + frame.key;
    }
    entry += "=" + std::string(JsonKindName(kind));
    if (kind == JsonKind::kString) entry += ":" + std::string(value);
    seen.push_back(entry);
    return absl::OkStatus();
  }
  std::vector<std::string> seen;
};

TEST(ScanJsonTest, VisitsEveryValueWithItsPath) {
  Recorder recorder;
  ASSERT_TRUE(
      ScanJson(R"( [{"a":"x","b":[1,null,{}]},true,[[]],{"c":{"d":-0.5}}] )", recorder).ok());
  EXPECT_EQ(recorder.seen, (std::vector<std::string>{
                               "=an array", "[0]=an object", "[0].a=a string:x", "[0].b=an array",
                               "[0].b[0]=a number", "[0].b[1]=null", "[0].b[2]=an object",
                               "[1]=a boolean", "[2]=an array", "[2][0]=an array", "[3]=an object",
                               "[3].c=an object", "[3].c.d=a number"}));
}

TEST(ScanJsonTest, VisitsAScalarRoot) {
  Recorder recorder;
  ASSERT_TRUE(ScanJson("\"x\"", recorder).ok());
  EXPECT_EQ(recorder.seen, (std::vector<std::string>{"=a string:x"}));
}

TEST(ScanJsonTest, EnforcesTheDepthLimitBeforeDescending) {
  Recorder recorder;
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  absl::Status status = ScanJson(deep, recorder);
  EXPECT_EQ(ScanErrorOf(status), JsonScanError::kTooDeep);
  EXPECT_EQ(std::string(status.message()), "nests arrays and objects deeper than 64 levels");
  EXPECT_EQ(recorder.seen.size(), 64u);

  const JsonLimits three{.max_bytes = 100, .max_depth = 3};
  Recorder shallow;
  EXPECT_TRUE(ScanJson("[[{}]]", shallow, three).ok());
  EXPECT_FALSE(ScanJson("[[{\"a\":[]}]]", shallow, three).ok());
}

TEST(ScanJsonTest, EnforcesTheSizeLimitBeforeParsing) {
  Recorder recorder;
  absl::Status status = ScanJson("[1, 2]", recorder, JsonLimits{.max_bytes = 5, .max_depth = 64});
  EXPECT_EQ(ScanErrorOf(status), JsonScanError::kTooLarge);
  EXPECT_EQ(std::string(status.message()),
            "is 6 bytes long, more than the 5 bytes this provider reads");
  EXPECT_TRUE(recorder.seen.empty());
}

TEST(ScanJsonTest, RejectsWhatStrictJsonRejects) {
  const std::vector<std::string> invalid = {
      "",
      " ",
      "[1,]",
      "{\"a\":1,}",
      "[1] x",
      "[1] // c",
      "/* c */ []",
      "'a'",
      "[NaN]",
      "[01]",
      "[1.]",
      "[.5]",
      "[1e]",
      "[-]",
      "[1e400]",
      "[tru]",
      "{\"a\"}",
      "{1:2}",
      "[\"\\x\"]",
      "[\"\\u12\"]",
      "[\"\\udc00\"]",
      "[\"\\ud800\"]",
      "[\"\\ud800\\u0041\"]",
      "[\"\xff\"]",
      "[\"\xed\xa0\x80\"]",  // an encoded surrogate
      "[\"\xc0\xaf\"]",      // overlong
      std::string("[\"\0\"]", 5),
      std::string("\0", 1),
      std::string("[]\0", 3),
      "[\"\t\"]",
      "\xEF\xBB\xBF[]",
      "[\"abc",
      "[",
      "{",
      "{\"a\":",
      "]",
      "[1 2]",
      "[1,,2]",
      "[+1]",
      "[0x10]",
      "[Infinity]",
      "[-Infinity]",
      "{'a':1}",
      "[\"\x1f\"]",
      "[1234e306]",  // beyond a double, though the exponent alone is not
      "[1e-2,99999999999999999999e300]",
      "{\"\\udc00\":1}",              // a lone surrogate in a key
      "[\"\\ud83d\\ude00\\ude00\"]",  // a pair, then a lone low surrogate
  };
  for (const std::string& text : invalid) {
    Recorder recorder;
    absl::Status status = ScanJson(text, recorder);
    EXPECT_EQ(ScanErrorOf(status), JsonScanError::kSyntax) << Quote(text);
    EXPECT_EQ(std::string(status.message()).rfind("is not valid JSON: ", 0), 0u)
        << status.message();
  }
}

TEST(ScanJsonTest, SaysWhereTheSyntaxErrorIs) {
  Recorder recorder;
  EXPECT_EQ(std::string(ScanJson("[1,\n {\"a\" 2}]", recorder).message()),
            R"(is not valid JSON: expected ':' at line 2, column 7 (byte offset 10))");
  EXPECT_EQ(std::string(ScanJson("", recorder).message()),
            "is not valid JSON: unexpected end of input; expected a value at line 1, column 1 "
            "(byte offset 0)");
  EXPECT_EQ(std::string(ScanJson(std::string("[1]\0[2]", 7), recorder).message()),
            R"(is not valid JSON: a NUL byte is not allowed at line 1, column 4 (byte offset 3))");
}

// Each kind of error in our words, at the byte a person should look at.
TEST(ScanJsonTest, SaysWhatIsWrongForEachKindOfError) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {" ", "unexpected end of input; expected a value at line 1, column 2 (byte offset 1)"},
      {"[1] [2]", "unexpected text after the value at line 1, column 5 (byte offset 4)"},
      {"[1,]", "expected a value at line 1, column 4 (byte offset 3)"},
      {"[1,", "unexpected end of input; expected a value at line 1, column 4 (byte offset 3)"},
      {"{\"a\":1,}", "expected a key in double quotes at line 1, column 8 (byte offset 7)"},
      {"{'a':1}", "expected a key in double quotes at line 1, column 2 (byte offset 1)"},
      {"{\"a\"", "unexpected end of input; expected ':' at line 1, column 5 (byte offset 4)"},
      {"{\"a\":1 \"b\"", "expected ',' or '}' at line 1, column 8 (byte offset 7)"},
      {"[1 2]", "expected ',' or ']' at line 1, column 4 (byte offset 3)"},
      {"[1", "unexpected end of input; expected ',' or ']' at line 1, column 3 (byte offset 2)"},
      {"[\"\\u12x4\"]",
       "a \\u escape needs four hexadecimal digits at line 1, column 3 (byte offset 2)"},
      {"[\"a\\ud800\"]",
       "a \\u escape is an unpaired UTF-16 surrogate at line 1, column 4 (byte offset 3)"},
      {"[\"ab\\udc00\"]",
       "a \\u escape is an unpaired UTF-16 surrogate at line 1, column 5 (byte offset 4)"},
      {"{\"\\\\\\udfff\":1}",
       "a \\u escape is an unpaired UTF-16 surrogate at line 1, column 5 (byte offset 4)"},
      {"[\"\\x\"]", "invalid escape sequence in a string at line 1, column 3 (byte offset 2)"},
      {"[\"a\tb\"]",
       "a control character in a string must be escaped at line 1, column 4 (byte offset 3)"},
      {"[\"abc",
       "unexpected end of input; expected '\"' to close a string at line 1, column 6 (byte "
       "offset 5)"},
      {"[\"a\xff\"]", "ill-formed UTF-8 in a string at line 1, column 4 (byte offset 3)"},
      {"[1e400]", "a number is too large at line 1, column 2 (byte offset 1)"},
      {"[1,1234e306]", "a number is too large at line 1, column 4 (byte offset 3)"},
      {"[1.]", "expected a digit after the decimal point at line 1, column 4 (byte offset 3)"},
      {"[1e]", "expected a digit in the exponent at line 1, column 4 (byte offset 3)"},
      {"\xEF\xBB\xBF[]", "a byte order mark is not allowed at line 1, column 1 (byte offset 0)"},
  };
  for (const Case& c : cases) {
    Recorder recorder;
    const absl::Status status = ScanJson(c.text, recorder);
    EXPECT_EQ(ScanErrorOf(status), JsonScanError::kSyntax) << Quote(c.text);
    EXPECT_EQ(std::string(status.message()), "is not valid JSON: " + c.message) << Quote(c.text);
  }
}

// What strict JSON allows, near what it does not.
TEST(ScanJsonTest, AcceptsTheEdgesOfTheGrammar) {
  const std::vector<std::string> valid = {
      "[0,-0,0.5,-1.5e-3,1E+2,1e308,1e-400,12345678901234567890123]",
      "[\"\\\\udc00\"]",  // an escaped backslash, then the letters "udc00"
      "[\"\x7f\xc3\xa9\xf4\x8f\xbf\xbf\"]",
      " \t\r\n[ ] \t\r\n",
      "null",
      "-1",
  };
  for (const std::string& text : valid) {
    Recorder recorder;
    EXPECT_TRUE(ScanJson(text, recorder).ok()) << Quote(text);
  }
}

TEST(ScanJsonTest, DecodesEscapesInStringsAndKeys) {
  Recorder recorder;
  ASSERT_TRUE(
      ScanJson(R"({"p\u0069dMode":"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\u0000"})", recorder).ok());
  ASSERT_EQ(recorder.seen.size(), 2u);
  EXPECT_EQ(recorder.seen[1],
            std::string(".pidMode=a string:a\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80") +
                std::string(1, '\0'));
}

TEST(ScanJsonTest, StopsWhenTheVisitorSaysSo) {
  class Stopper final : public JsonVisitor {
   public:
    absl::Status OnValue(std::span<const JsonFrame>, JsonKind kind, std::string_view) override {
      if (kind == JsonKind::kNumber) return absl::InvalidArgumentError("no numbers");
      return absl::OkStatus();
    }
  } stopper;
  const absl::Status status = ScanJson("[\"a\", 1, ]", stopper);
  EXPECT_EQ(std::string(status.message()), "no numbers");
  EXPECT_EQ(ScanErrorOf(status), JsonScanError::kStopped);
}

// A syntax error's message gives the place, never the text around it: the
// text may be a secret interpolated into the JSON.
TEST(ScanJsonTest, SyntaxErrorsNeverQuoteTheText) {
  Recorder recorder;
  const absl::Status status = ScanJson(R"([{"value":"sup3r-s3cret"} x])", recorder);
  EXPECT_EQ(ScanErrorOf(status), JsonScanError::kSyntax);
  EXPECT_EQ(std::string(status.message()).find("s3cret"), std::string::npos) << status.message();
  EXPECT_EQ(std::string(status.message()).find("value"), std::string::npos) << status.message();
}

// The scan (RapidJSON) must keep nlohmann's verdict on every document: the
// adapter may neither stop early on valid input nor let invalid input through. A byte
// order mark and NUL bytes are left out: we reject both on purpose.
TEST(ScanJsonTest, AgreesWithNlohmannOnMutatedDocuments) {
  const std::vector<std::string> seeds = {
      R"([{"name":"app","pidMode":"host","cpu":-1.5e3,"x":[true,false,null]}])",
      R"({"taskDefinition":{"family":"a\u00e9\ud83d\ude00","n":[0,-0,1e-7,12345678901234567890123]}})",
      "[\"caf\xc3\xa9\", \"\xe2\x82\xac\", \"\xf0\x9f\x98\x80\", {}, [], "
      "\"\\t\"]",
  };
  const std::string alphabet =
      "{}[]\":,.-+eE0123456789tfnulrsa\\/ "
      "\t\n\r\x7f\xc3\xa9\x80\xff\xed\xf4\x90";
  std::uint32_t random = 12345;
  auto next = [&random] {
    random = random * 1103515245u + 12345u;
    return (random >> 8) & 0xffffff;
  };
  int disagreements = 0;
  int valid = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text = seeds[next() % seeds.size()];
    for (auto edits = 1 + next() % 3; edits > 0; --edits) {
      const std::size_t at = next() % (text.size() + 1);
      const char c = alphabet[next() % alphabet.size()];
      switch (next() % 3) {
        case 0:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1);
          break;
        default:
          if (at < text.size()) text[at] = c;
          break;
      }
    }
    Recorder recorder;
    const bool ours = ScanJson(text, recorder).ok();
    const bool theirs = nlohmann::json::accept(text);
    valid += theirs ? 1 : 0;
    if (ours != theirs && ++disagreements <= 5) {
      ADD_FAILURE() << "ours=" << ours << " nlohmann=" << theirs << ": " << Quote(text);
    }
  }
  EXPECT_EQ(disagreements, 0);
  // Both verdicts are exercised.
  EXPECT_GT(valid, 1000) << valid;
  EXPECT_LT(valid, 29000) << valid;
}

TEST(QuoteTest, QuotesEscapesAndBounds) {
  EXPECT_EQ(Quote(""), "\"\"");
  EXPECT_EQ(Quote("HOST"), "\"HOST\"");
  EXPECT_EQ(Quote(" host"), "\" host\"");
  EXPECT_EQ(Quote(std::string("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(Quote("a\"b\n"), "\"a\\\"b\\n\"");
  EXPECT_EQ(Quote("\xff"), "\"\xef\xbf\xbd\"");
  EXPECT_EQ(Quote(std::string(100, 'x')), "\"" + std::string(64, 'x') + "\"...");
}

// AppendJsonString writes what nlohmann-json's dump wrote (report_json's
// text must not change): random bytes, weighted towards the interesting ones.
TEST(AppendJsonStringTest, WritesWhatNlohmannWrote) {
  const std::string alphabet =
      std::string("\0\x01\x1f \"\\/\b\f\n\r\tax\x7f", 15) +
      "\x80\xbf\xc0\xc1\xc2\xdf\xe0\xa0\xed\x9f\xef\xf0\x90\xf4\x8f\xf5\xff";
  std::uint32_t random = 2024;
  auto next = [&random] {
    random = random * 1103515245u + 12345u;
    return (random >> 8) & 0xffffff;
  };
  int differences = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (auto n = next() % 12; n > 0; --n) text += alphabet[next() % alphabet.size()];
    std::string ours;
    AppendJsonString(ours, text);
    const std::string theirs =
        nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (ours != theirs && ++differences <= 5) {
      ADD_FAILURE() << "ours " << Quote(ours) << " nlohmann " << Quote(theirs);
    }
  }
  EXPECT_EQ(differences, 0);
}

TEST(ValidUtf8Test, ReplacesInvalidSequencesAndCutsSafely) {
  EXPECT_EQ(ValidUtf8("", 10), "");
  EXPECT_EQ(ValidUtf8("plain", 10), "plain");
  EXPECT_EQ(ValidUtf8("\xc3\xa9t\xc3\xa9", 10), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(ValidUtf8("a\xff"
                      "b",
                      10),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(ValidUtf8("\xc0\xaf", 10), "\xef\xbf\xbd\xef\xbf\xbd");  // overlong
  EXPECT_EQ(ValidUtf8("\xf0\x9f\x98\x80", 10), "\xf0\x9f\x98\x80");
  EXPECT_EQ(ValidUtf8("ab\xc3\xa9", 3),
            "ab\xef\xbf\xbd...");  // cut mid-character
}

}  // namespace
}  // namespace checks
