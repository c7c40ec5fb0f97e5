// File: tests/unit/checks_go_json_key_test.cc
//
// Keys inside container_definitions are matched as Go's encoding/json
// matches them to the AWS SDK's ContainerDefinition fields (PRODUCT.md, "The
// ECS task-definition family"): an exact key, else a case-insensitive one
// under Go's folding (unicode.ToUpper(unicode.ToLower(r)), so U+0130 and
// U+0131 fold to I, U+017F to S and U+212A to K), and the last of
// duplicate keys wins. "Privileged": true fails ECS.4; "privilege" sets nothing.

#include <string>
#include <string_view>
#include <vector>

#include "checks/evaluation.h"
#include "checks/go_json_key.h"
#include "gtest/gtest.h"
#include "tests/unit/checks_test_support.h"

namespace checks {
namespace {

using control_ids::kPrivileged;

struct GoKeyCase {
  std::string key;
  std::string field;
  bool matches;
};

class GoKeyMatchesTest : public testing::TestWithParam<GoKeyCase> {};

TEST_P(GoKeyMatchesTest, MatchesAsEncodingJsonDoes) {
  const GoKeyCase& c = GetParam();
  EXPECT_EQ(GoKeyMatches(c.key, c.field), c.matches) << c.key << " vs " << c.field;
  EXPECT_EQ(GoFoldKey(c.key) == GoFoldKey(c.field), c.matches) << c.key << " vs " << c.field;
}

INSTANTIATE_TEST_SUITE_P(
    Keys, GoKeyMatchesTest,
    testing::Values(
        GoKeyCase{"Privileged", "Privileged", true}, GoKeyCase{"privileged", "Privileged", true},
        GoKeyCase{"PRIVILEGED", "Privileged", true}, GoKeyCase{"pRiViLeGeD", "Privileged", true},
        GoKeyCase{"privilege", "Privileged", false}, GoKeyCase{"privileged ", "Privileged", false},
        GoKeyCase{"privileged_", "Privileged", false}, GoKeyCase{"", "Privileged", false},
        GoKeyCase{"readonlyrootfilesystem", "ReadonlyRootFilesystem", true},
        GoKeyCase{"read_only_root_filesystem", "ReadonlyRootFilesystem", false},
        GoKeyCase{"readOnlyRootFileSystem", "ReadonlyRootFilesystem", true},
        // The four non-ASCII letters Go folds to ASCII.
        GoKeyCase{"u\xC5\xBF"
                  "er",
                  "User", true},  // uſer
        GoKeyCase{"U\xC5\xBF"
                  "ER",
                  "User", true},                             // UſER
        GoKeyCase{"pr\xC4\xB1vileged", "Privileged", true},  // prıvileged
        GoKeyCase{"pr\xC4\xB0vileged", "Privileged", true},  // prİvileged
        GoKeyCase{"lin\xE2\x84\xAA"
                  "s",
                  "Links", true},  // linKs (Kelvin)
        // Other non-ASCII letters never match an ASCII name.
        GoKeyCase{"us\xC3\xA9r", "User", false},  // usér
        GoKeyCase{"u\xC5\xBF"
                  "e",
                  "User", false},
        GoKeyCase{"user\xC5\xBF", "User", false}),
    [](const auto& info) { return "Case" + std::to_string(info.index); });

TEST(GoFoldKeyTest, FoldsAsciiAndTheFourLettersOnly) {
  EXPECT_EQ(GoFoldKey("logDriver"), "LOGDRIVER");
  EXPECT_EQ(GoFoldKey("u\xC5\xBF"
                      "er"),
            "USER");
  EXPECT_EQ(GoFoldKey("\xE2\x84\xAA"), "K");
  EXPECT_EQ(GoFoldKey("\xC4\xB0\xC4\xB1"), "II");
  EXPECT_EQ(GoFoldKey("read_only"), "READ_ONLY");
  EXPECT_EQ(GoFoldKey("\xC3\xA9"), "\xC3\xA9");  // é stays as it is
}

std::vector<Finding> PrivilegedFindings(const std::string& containers, bool document) {
  Input input;
  if (document) {
    input.task_definition_json = Text::Known("{\"containerDefinitions\":" + containers + "}");
  } else {
    input.container_definitions = Text::Known(containers);
  }
  std::vector<Finding> out;
  for (const Finding& f : Evaluate(input, Settings{}).findings) {
    if (f.control_id == kPrivileged) out.push_back(f);
  }
  return out;
}

struct ContainerCase {
  std::string name;
  std::string containers;
  std::string path;  // after the list; empty: ECS.4 passes
};

class GoKeyInContainersTest : public testing::TestWithParam<std::tuple<ContainerCase, bool>> {};

TEST_P(GoKeyInContainersTest, Ecs4ReadsTheKeyTheAwsProviderDecodes) {
  const auto& [c, document] = GetParam();
  const std::vector<Finding> findings = PrivilegedFindings(c.containers, document);
  if (c.path.empty()) {
    EXPECT_TRUE(findings.empty()) << findings.front().attribute;
    return;
  }
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(
      findings[0].attribute,
      (document ? "task_definition_json.containerDefinitions" : "container_definitions") + c.path);
  EXPECT_EQ(findings[0].level, Level::kError);
}

INSTANTIATE_TEST_SUITE_P(
    Spellings, GoKeyInContainersTest,
    testing::Combine(
        testing::Values(
            ContainerCase{"PascalCase", R"([{"Privileged":true}])", "[0].Privileged"},
            ContainerCase{"UpperCase", R"([{"name":"a"},{"PRIVILEGED":true}])", "[1].PRIVILEGED"},
            ContainerCase{"DotlessI", "[{\"pr\xC4\xB1vileged\":true}]", "[0].pr\xC4\xB1vileged"},
            ContainerCase{"NearMiss", R"([{"privilege":true}])", ""},
            // The last duplicate wins, whatever the spelling of each.
            ContainerCase{"LastTrueWins", R"([{"privileged":false,"Privileged":true}])",
                          "[0].Privileged"},
            ContainerCase{"LastFalseWins", R"([{"Privileged":true,"privileged":false}])", ""},
            ContainerCase{"LastNullWins", R"([{"privileged":true,"PRIVILEGED":null}])", ""},
            // An escaped key is the same key once decoded.
            ContainerCase{"EscapedKey", R"([{"privil\u0065ged":true}])", "[0].privileged"}),
        testing::Bool()),
    [](const auto& info) {
      return std::get<0>(info.param).name + (std::get<1>(info.param) ? "Document" : "Arguments");
    });

// The user key seen by ECS.20 under Go's folding: "uſer" is the user.
TEST(GoKeyInContainersTest, LongSUserIsTheUser) {
  Input input;
  input.container_definitions = Text::Known(
      "[{\"u\xC5\xBF"
      "er\":\"root\"}]");
  bool found = false;
  for (const Finding& f : Evaluate(input, Settings{}).findings) {
    if (f.control_id != "ecs_container_linux_user_non_root") continue;
    found = true;
    EXPECT_EQ(f.attribute,
              "container_definitions[0].u\xC5\xBF"
              "er");
    EXPECT_NE(f.message.find("names root"), std::string::npos) << f.message;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace checks
