// File: tests/unit/text_utf8_test.cc
//
// The provider's one UTF-8 policy (provider/text/utf8.h): valid text passes
// unchanged, every byte that starts no valid sequence becomes U+FFFD.

#include <gtest/gtest.h>

#include <string>

#include "provider/text/json_string.h"
#include "provider/text/utf8.h"

namespace text {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

struct Case {
  std::string name;
  std::string input;
  std::string valid;
};

class ValidUtf8Test : public testing::TestWithParam<Case> {};

TEST_P(ValidUtf8Test, KeepsValidTextAndReplacesEachBadByte) {
  EXPECT_EQ(ValidUtf8(GetParam().input), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Rfc3629, ValidUtf8Test,
    testing::Values(
        Case{"Empty", "", ""}, Case{"Ascii", "awsvpc", "awsvpc"},
        Case{"TwoThreeAndFourByteForms", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
             "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"},
        Case{"LoneContinuationByte", "a\x80z", std::string("a") + kReplacement + "z"},
        Case{"ByteThatNeverStartsASequence", "\xff", kReplacement},
        // Overlong "/" (C0 AF): two bad bytes, two replacements.
        Case{"OverlongForm", "\xc0\xaf", std::string(kReplacement) + kReplacement},
        Case{"Surrogate", "\xed\xa0\x80", std::string(kReplacement) + kReplacement + kReplacement},
        Case{"AboveU10FFFF", "\xf4\x90\x80\x80",
             std::string(kReplacement) + kReplacement + kReplacement + kReplacement},
        Case{"TruncatedAtTheEnd", "ok\xe2\x82", std::string("ok") + kReplacement + kReplacement}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(Utf8SequenceLengthTest, NamesTheLengthOfTheFirstSequence) {
  EXPECT_EQ(Utf8SequenceLength(""), 0u);
  EXPECT_EQ(Utf8SequenceLength("a"), 1u);
  EXPECT_EQ(Utf8SequenceLength("\xc3\xa9x"), 2u);
  EXPECT_EQ(Utf8SequenceLength("\xe2\x82\xac"), 3u);
  EXPECT_EQ(Utf8SequenceLength("\xf0\x9f\x98\x80"), 4u);
  EXPECT_EQ(Utf8SequenceLength("\xe2\x82"), 0u);
}

TEST(JsonQuotedTest, EscapesWhatJsonRequiresAndNothingElse) {
  EXPECT_EQ(JsonQuoted(""), "\"\"");
  EXPECT_EQ(JsonQuoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonQuoted("line\nnext\ttab"), "\"line\\nnext\\ttab\"");
  EXPECT_EQ(JsonQuoted(std::string("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(JsonQuoted("\xc3\xa9"), "\"\xc3\xa9\"");  // UTF-8 stays as it is
}

TEST(JsonQuotedTest, ReplacesBytesThatAreNotUtf8InsteadOfThrowing) {
  EXPECT_EQ(JsonQuoted("a\xff"), std::string("\"a") + kReplacement + "\"");
}

}  // namespace
}  // namespace text
