// File: tests/unit/checks_linux_user_non_root_test.cc
//
// ecs_container_linux_user_non_root (AWS Security Hub ECS.20; PRODUCT.md, "The
// ECS task-definition family"): when the OS family is LINUX or not given,
// every container's user is set and is not root: absent, "", "root", "0",
// "root:<group>" and "0:<group>" fail. Cases follow AWS Config's
// ECS_TASK_DEFINITION_LINUX_USER_NON_ROOT examples (user "root", "0:0",
// "1000", not set) in both input forms.

#include <string>
#include <tuple>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kLinuxUser;

std::vector<OsCase> LinuxUserCases() {
  const Text linux_default = Text::Null();
  const Text linux = Text::Known("LINUX");
  const Text windows = Text::Known("WINDOWS_SERVER_2019_FULL");
  return {
      {"EmptyList", "[]", linux_default, Status::kPass, {}},
      {"Uid1000", R"([{"name":"web","user":"1000"}])", linux_default, Status::kPass, {}},
      {"NamedUser", R"([{"name":"web","user":"nginx"}])", linux, Status::kPass, {}},
      {"UidAndGid", R"([{"name":"web","user":"1000:1000"}])", linux, Status::kPass, {}},
      {"RootPrefixedName", R"([{"name":"web","user":"rooter"}])", linux, Status::kPass, {}},
      {"Absent",
       R"([{"name":"web"}])",
       linux_default,
       Status::kFail,
       {"[0].user"},
       "is not set, so the container runs as root"},
      {"AbsentOnLinux", R"([{"name":"web"}])", linux, Status::kFail, {"[0].user"}},
      {"Null", R"([{"name":"web","user":null}])", linux, Status::kFail, {"[0].user"}},
      {"Empty", R"([{"name":"web","user":""}])", linux, Status::kFail, {"[0].user"}, "is empty"},
      {"Root",
       R"([{"name":"web","user":"root"}])",
       linux,
       Status::kFail,
       {"[0].user"},
       "names root"},
      {"Uid0", R"([{"name":"web","user":"0"}])", linux, Status::kFail, {"[0].user"}},
      {"RootWithGroup",
       R"([{"name":"web","user":"root:staff"}])",
       linux,
       Status::kFail,
       {"[0].user"}},
      {"Uid0Gid0", R"([{"name":"web","user":"0:0"}])", linux, Status::kFail, {"[0].user"}},
      {"GroupOnly",
       R"([{"name":"web","user":":1000"}])",
       linux,
       Status::kFail,
       {"[0].user"},
       "names only a group, so the container runs as the default user, root"},
      {"SecondContainer",
       R"([{"name":"a","user":"1000"},{"name":"b","user":"root"}])",
       linux,
       Status::kFail,
       {"[1].user"}},
      // Go's matching: the key reaches ECS, and the path is the user's spelling.
      {"PascalCase", R"([{"name":"web","User":"root"}])", linux, Status::kFail, {"[0].User"}},
      {"LongS", R"([{"name":"web","uſer":"1000"}])", linux, Status::kPass, {}},
      {"NearMissUsers",
       R"([{"name":"web","users":"1000"}])",
       linux,
       Status::kFail,
       {"[0].user"},
       "is not set"},
      {"NotAString",
       R"([{"name":"web","user":0}])",
       linux,
       Status::kFail,
       {"[0].user"},
       "must be a string, but it is a number"},
      // ECS.21's business, not this control's.
      {"WindowsAbsent", R"([{"name":"web"}])", windows, Status::kPass, {}},
      {"WindowsRoot", R"([{"name":"web","user":"root"}])", windows, Status::kPass, {}},
  };
}

class LinuxUserNonRootTest : public testing::TestWithParam<std::tuple<OsCase, bool>> {};

TEST_P(LinuxUserNonRootTest, FailsAtTheUserInEitherForm) {
  ExpectOsCase(kLinuxUser, std::get<0>(GetParam()), std::get<1>(GetParam()),
               "(AWS Security Hub ECS.20)");
}

INSTANTIATE_TEST_SUITE_P(AwsExamples, LinuxUserNonRootTest,
                         testing::Combine(testing::ValuesIn(LinuxUserCases()), testing::Bool()),
                         OsCaseName);

TEST(LinuxUserNonRootTest, UnknownIsUnknownAndUnreadableFailsClosed) {
  ExpectUnknownAndFailClosed(kLinuxUser);
}

TEST(LinuxUserNonRootTest, AnOsFamilyEcsDoesNotKnowFailsClosed) { ExpectOsFamilyFailsClosed(); }

// A user that is not root is never quoted: it is not a value the control knows.
TEST(LinuxUserNonRootTest, OnlyRootIsQuoted) {
  const Evaluation evaluation =
      Evaluate(Arguments(R"([{"name":"web","user":"0:s3cr3tgroup"}])"), Settings{});
  const std::vector<Finding> findings = FindingsOf(evaluation, kLinuxUser);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message.find("s3cr3t"), std::string::npos) << findings[0].message;
  EXPECT_EQ(ReportJson(evaluation, Text::Null()).find("s3cr3t"), std::string::npos);
}

// Docker and runc read a numeric user as a decimal number
// (strconv.ParseUint), so leading zeros still name uid 0: root.
TEST(LinuxUserNonRootTest, UidZeroWithLeadingZerosIsRoot) {
  for (const std::string user : {"00", "000", "00:1000", "0000:0"}) {
    const Evaluation evaluation =
        Evaluate(Arguments(R"([{"name":"web","user":")" + user + R"("}])"), Settings{});
    ASSERT_NE(FindResult(evaluation, kLinuxUser), nullptr);
    EXPECT_EQ(FindResult(evaluation, kLinuxUser)->status, Status::kFail) << user;
    const std::vector<Finding> findings = FindingsOf(evaluation, kLinuxUser);
    ASSERT_EQ(findings.size(), 1u) << user;
    EXPECT_EQ(findings[0].attribute, "container_definitions[0].user");
  }
}

TEST(LinuxUserNonRootTest, CatalogEntry) {
  ExpectCatalog(kLinuxUser, "ECS.20", Severity::kMedium, Level::kWarning,
                {"AWS Security Hub ECS.20", "AWS Config ECS_TASK_DEFINITION_LINUX_USER_NON_ROOT"});
}

}  // namespace
}  // namespace checks
