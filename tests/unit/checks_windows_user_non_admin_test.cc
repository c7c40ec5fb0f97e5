// File: tests/unit/checks_windows_user_non_admin_test.cc
//
// ecs_container_windows_user_non_admin (AWS Security Hub ECS.21; PRODUCT.md,
// "The ECS task-definition family"): when the OS family is a WINDOWS_ one,
// every container's user is set and is not containeradministrator (any
// case). Cases follow AWS Config's ECS_TASK_DEFINITION_WINDOWS_USER_NON_ADMIN
// examples (ContainerAdministrator, ContainerUser, not set) in both forms.

#include <string>
#include <tuple>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kWindowsUser;

std::vector<OsCase> WindowsUserCases() {
  const Text full = Text::Known("WINDOWS_SERVER_2019_FULL");
  const Text core = Text::Known("WINDOWS_SERVER_2022_CORE");
  return {
      {"EmptyList", "[]", full, Status::kPass, {}},
      {"ContainerUser", R"([{"name":"web","user":"ContainerUser"}])", full, Status::kPass, {}},
      {"Absent",
       R"([{"name":"web"}])",
       full,
       Status::kFail,
       {"[0].user"},
       "runs as ContainerAdministrator"},
      {"Null", R"([{"name":"web","user":null}])", core, Status::kFail, {"[0].user"}},
      {"ContainerAdministrator",
       R"([{"name":"web","user":"ContainerAdministrator"}])",
       full,
       Status::kFail,
       {"[0].user"},
       "names ContainerAdministrator"},
      {"AnyCase",
       R"([{"name":"web","user":"CONTAINERADMINISTRATOR"}])",
       core,
       Status::kFail,
       {"[0].user"}},
      {"SecondContainer",
       R"([{"name":"a","user":"ContainerUser"},{"name":"b","User":"containeradministrator"}])",
       full,
       Status::kFail,
       {"[1].User"}},
      {"NotAString",
       R"([{"name":"web","user":true}])",
       full,
       Status::kFail,
       {"[0].user"},
       "must be a string, but it is a boolean"},
      // Linux (given or by default) is ECS.20's business.
      {"LinuxDefaultAbsent", R"([{"name":"web"}])", Text::Null(), Status::kPass, {}},
      {"LinuxAdministrator",
       R"([{"name":"web","user":"ContainerAdministrator"}])",
       Text::Known("LINUX"),
       Status::kPass,
       {}},
  };
}

class WindowsUserNonAdminTest : public testing::TestWithParam<std::tuple<OsCase, bool>> {};

TEST_P(WindowsUserNonAdminTest, FailsAtTheUserInEitherForm) {
  ExpectOsCase(kWindowsUser, std::get<0>(GetParam()), std::get<1>(GetParam()),
               "(AWS Security Hub ECS.21)");
}

INSTANTIATE_TEST_SUITE_P(AwsExamples, WindowsUserNonAdminTest,
                         testing::Combine(testing::ValuesIn(WindowsUserCases()), testing::Bool()),
                         OsCaseName);

TEST(WindowsUserNonAdminTest, AnOsFamilyEcsDoesNotKnowFailsClosed) { ExpectOsFamilyFailsClosed(); }

TEST(WindowsUserNonAdminTest, UnknownOrUnreadableContainersOnWindows) {
  Input unknown = WithOs("[]", Text::Known("WINDOWS_SERVER_2019_FULL"), false);
  unknown.container_definitions = Text::Unknown();
  EXPECT_EQ(FindResult(Evaluate(unknown, Settings{}), kWindowsUser)->status, Status::kUnknown);
  Input unreadable = WithOs("[{", Text::Known("WINDOWS_SERVER_2019_FULL"), false);
  const Evaluation evaluation = Evaluate(unreadable, Settings{});
  EXPECT_EQ(FindResult(evaluation, kWindowsUser)->status, Status::kFail);
  const std::vector<Finding> findings = FindingsOf(evaluation, kWindowsUser);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].level, Level::kError);
  EXPECT_TRUE(findings[0].unverifiable);
  Input document;
  document.task_definition_json = Text::Unknown();
  EXPECT_EQ(FindResult(Evaluate(document, Settings{}), kWindowsUser)->status, Status::kUnknown);
}

TEST(WindowsUserNonAdminTest, CatalogEntry) {
  ExpectCatalog(
      kWindowsUser, "ECS.21", Severity::kMedium, Level::kWarning,
      {"AWS Security Hub ECS.21", "AWS Config ECS_TASK_DEFINITION_WINDOWS_USER_NON_ADMIN"});
}

}  // namespace
}  // namespace checks
