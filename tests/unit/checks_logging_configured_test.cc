// File: tests/unit/checks_logging_configured_test.cc
//
// ecs_container_logging_configured (AWS Security Hub ECS.9; PRODUCT.md, "The
// ECS task-definition family"): every container has a logConfiguration with
// a logDriver. The path says where the missing key belongs: the container's
// logConfiguration when it is absent, logConfiguration.logDriver when only
// the driver is. Cases follow AWS Config's ECS_TASK_DEFINITION_LOG_CONFIGURATION
// examples (awslogs, awsfirelens, none at all).

#include <string>
#include <tuple>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kLogging;

std::vector<Case> LoggingCases() {
  return {
      {"EmptyList", "[]", Status::kPass, {}},
      {"AwsLogs",
       R"([{"name":"web","logConfiguration":{"logDriver":"awslogs","options":)"
       R"({"awslogs-group":"/ecs/web","awslogs-region":"us-east-1"}}}])",
       Status::kPass,
       {}},
      {"FireLens",
       R"([{"name":"web","logConfiguration":{"logDriver":"awsfirelens"}}])",
       Status::kPass,
       {}},
      {"Absent",
       R"([{"name":"a","logConfiguration":{"logDriver":"awslogs"}},{"name":"b"}])",
       Status::kFail,
       {"[1].logConfiguration"},
       "is not set"},
      {"Null",
       R"([{"name":"web","logConfiguration":null}])",
       Status::kFail,
       {"[0].logConfiguration"}},
      {"NoDriver",
       R"([{"name":"web","logConfiguration":{"options":{"awslogs-group":"g"}}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"},
       "without a log driver"},
      {"EmptyDriver",
       R"([{"name":"web","logConfiguration":{"logDriver":""}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"}},
      {"NullDriver",
       R"([{"name":"web","logConfiguration":{"logDriver":null}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"}},
      // Go's matching, and the user's spelling in the path.
      {"PascalCase",
       R"([{"name":"web","LogConfiguration":{"LogDriver":"awslogs"}}])",
       Status::kPass,
       {}},
      {"PascalCaseNoDriver",
       R"([{"name":"web","LogConfiguration":{}}])",
       Status::kFail,
       {"[0].LogConfiguration.logDriver"}},
      // A near miss of logDriver sets no driver.
      {"DriverNearMiss",
       R"([{"name":"web","logConfiguration":{"driver":"awslogs"}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"}},
      {"ConfigurationNotAnObject",
       R"([{"name":"web","logConfiguration":"awslogs"}])",
       Status::kFail,
       {"[0].logConfiguration"},
       "must be an object"},
      {"DriverNotAString",
       R"([{"name":"web","logConfiguration":{"logDriver":7}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"},
       "must be a string, but it is a number"},
      // encoding/json decodes a second object into the first (the driver
      // stays), and null resets the pointer.
      {"SecondObjectKeepsTheDriver",
       R"([{"name":"web","logConfiguration":{"logDriver":"awslogs"},"logConfiguration":{}}])",
       Status::kPass,
       {}},
      {"SecondObjectNullsTheDriver",
       R"([{"name":"web","logConfiguration":{"logDriver":"awslogs"},)"
       R"("logConfiguration":{"logDriver":null}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"}},
      {"NullAfterObject",
       R"([{"name":"web","logConfiguration":{"logDriver":"awslogs"},"LogConfiguration":null}])",
       Status::kFail,
       {"[0].LogConfiguration"}},
      // A driver nested deeper is not the driver.
      {"DriverInOptions",
       R"([{"name":"web","logConfiguration":{"options":{"logDriver":"awslogs"}}}])",
       Status::kFail,
       {"[0].logConfiguration.logDriver"}},
  };
}

class LoggingConfiguredTest : public testing::TestWithParam<std::tuple<Case, bool>> {};

TEST_P(LoggingConfiguredTest, FailsWhereTheKeyBelongs) {
  ExpectCase(kLogging, std::get<0>(GetParam()), std::get<1>(GetParam()), Level::kWarning,
             Severity::kHigh, "(AWS Security Hub ECS.9)");
}

INSTANTIATE_TEST_SUITE_P(AwsExamples, LoggingConfiguredTest,
                         testing::Combine(testing::ValuesIn(LoggingCases()), testing::Bool()),
                         CaseName);

TEST(LoggingConfiguredTest, UnknownIsUnknownAndUnreadableFailsClosed) {
  ExpectUnknownAndFailClosed(kLogging);
}

TEST(LoggingConfiguredTest, CatalogEntry) {
  ExpectCatalog(kLogging, "ECS.9", Severity::kHigh, Level::kWarning,
                {"AWS Security Hub ECS.9", "AWS Config ECS_TASK_DEFINITION_LOG_CONFIGURATION"});
}

}  // namespace
}  // namespace checks
