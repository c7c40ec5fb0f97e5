// File: tests/unit/checks_readonly_root_filesystem_test.cc
//
// ecs_container_readonly_root_filesystem (AWS Security Hub ECS.5; PRODUCT.md,
// "The ECS task-definition family"): every container's readonlyRootFilesystem
// is true; false or absent fails at warning. Cases follow AWS Config's
// ECS_CONTAINERS_READONLY_ACCESS examples (true / false / not set) and the
// keys peers misread (Powerpipe's PascalCase, a snake_case near miss).

#include <string>
#include <tuple>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kReadonlyRoot;

std::vector<Case> ReadonlyRootCases() {
  return {
      {"EmptyList", "[]", Status::kPass, {}},
      {"True", R"([{"name":"web","readonlyRootFilesystem":true}])", Status::kPass, {}},
      {"Absent",
       R"([{"name":"web","image":"nginx"}])",
       Status::kFail,
       {"[0].readonlyRootFilesystem"},
       "is not set"},
      {"Null",
       R"([{"name":"web","readonlyRootFilesystem":null}])",
       Status::kFail,
       {"[0].readonlyRootFilesystem"}},
      {"False",
       R"([{"name":"web","readonlyRootFilesystem":false}])",
       Status::kFail,
       {"[0].readonlyRootFilesystem"},
       "is false"},
      {"OnlyTheThirdIsWritable",
       R"([{"name":"a","readonlyRootFilesystem":true},{"name":"b","readonlyRootFilesystem":true},)"
       R"({"name":"c"}])",
       Status::kFail,
       {"[2].readonlyRootFilesystem"}},
      // Go matches case-insensitively: the user's spelling is the path.
      {"PascalCaseTrue", R"([{"name":"web","ReadonlyRootFilesystem":true}])", Status::kPass, {}},
      {"PascalCaseFalse",
       R"([{"name":"web","ReadonlyRootFilesystem":false}])",
       Status::kFail,
       {"[0].ReadonlyRootFilesystem"}},
      // A near miss sets nothing: the filesystem stays writable.
      {"SnakeCaseNearMiss",
       R"([{"name":"web","read_only_root_filesystem":true}])",
       Status::kFail,
       {"[0].readonlyRootFilesystem"},
       "is not set"},
      {"StringTrue",
       R"([{"name":"web","readonlyRootFilesystem":"true"}])",
       Status::kFail,
       {"[0].readonlyRootFilesystem"},
       "must be true or false, but it is a string"},
      // The last of duplicate keys wins, as in encoding/json.
      {"LastDuplicateWins",
       R"([{"name":"web","readonlyRootFilesystem":false,"readonlyRootFilesystem":true}])",
       Status::kPass,
       {}},
  };
}

class ReadonlyRootFilesystemTest : public testing::TestWithParam<std::tuple<Case, bool>> {};

TEST_P(ReadonlyRootFilesystemTest, FailsAtTheExactKeyInEitherForm) {
  ExpectCase(kReadonlyRoot, std::get<0>(GetParam()), std::get<1>(GetParam()), Level::kWarning,
             Severity::kHigh, "(AWS Security Hub ECS.5)");
}

INSTANTIATE_TEST_SUITE_P(AwsAndPeerExamples, ReadonlyRootFilesystemTest,
                         testing::Combine(testing::ValuesIn(ReadonlyRootCases()), testing::Bool()),
                         CaseName);

TEST(ReadonlyRootFilesystemTest, UnknownIsUnknownAndUnreadableFailsClosed) {
  ExpectUnknownAndFailClosed(kReadonlyRoot);
}

TEST(ReadonlyRootFilesystemTest, CatalogEntry) {
  ExpectCatalog(kReadonlyRoot, "ECS.5", Severity::kHigh, Level::kWarning,
                {"AWS Security Hub ECS.5", "AWS Config ECS_CONTAINERS_READONLY_ACCESS",
                 "Checkov CKV_AWS_336"});
}

TEST(ReadonlyRootFilesystemTest, AWarningDoesNotBlockButIsNotCompliant) {
  const Evaluation evaluation = Evaluate(Arguments(R"([{"name":"web"}])"), Settings{});
  EXPECT_FALSE(evaluation.has_error());
  EXPECT_FALSE(evaluation.compliant());
  Settings strict;
  strict.levels[kReadonlyRoot] = Level::kError;
  const std::vector<Finding> findings =
      FindingsOf(Evaluate(Arguments(R"([{"name":"web"}])"), strict), kReadonlyRoot);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, Level::kError);
}

}  // namespace
}  // namespace checks
