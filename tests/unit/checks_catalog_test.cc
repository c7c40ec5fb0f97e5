// File: tests/unit/checks_catalog_test.cc
//
// The catalog is a public contract: ids are named in users' `controls` maps,
// references end up in audit reports.

#include <string>
#include <vector>

#include "checks/control.h"
#include "gtest/gtest.h"

namespace checks {
namespace {

TEST(CatalogTest, ListsTheControlsInProductOrder) {
  std::vector<std::string> ids;
  for (const Control& control : Catalog()) ids.push_back(control.id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "ecs_task_definition_no_host_pid_mode",
                     "ecs_task_definition_no_host_ipc_mode",
                     "ecs_container_definitions_misplaced_namespace_key",
                     "ecs_container_no_privileged",
                     "ecs_container_no_environment_secrets",
                     "ecs_container_readonly_root_filesystem",
                     "ecs_container_logging_configured",
                     "ecs_task_definition_no_host_network_mode",
                     "ecs_container_linux_user_non_root",
                     "ecs_container_windows_user_non_admin",
                 }));
}

TEST(CatalogTest, PidModeControlHasItsSeverityLevelSummaryAndMappings) {
  const Control* control = FindControl("ecs_task_definition_no_host_pid_mode");
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->severity, Severity::kHigh);
  EXPECT_EQ(control->default_level, Level::kError);
  EXPECT_EQ(control->summary,
            "ECS task definition shares the host's process namespace (AWS "
            "Security Hub ECS.3)");
  EXPECT_EQ(control->references,
            (std::vector<std::string>{
                "AWS Security Hub ECS.3",
                "AWS Config ECS_TASK_DEFINITION_PID_MODE_CHECK",
                "Checkov CKV_AWS_335",
                "Prowler ecs_task_definitions_host_namespace_not_shared",
                // NOLINTNEXTLINE(whitespace/line_length)
                "Powerpipe aws_compliance.control.ecs_task_definition_no_host_pid_mode",
                "compliance.tf ecs_task_definition_no_host_pid_mode",
                "AWS Control Tower CT.ECS.PR.10",
                "PCI DSS v4.0 2.2",
                "PCI DSS v4.0 6.3.1",
                "NIST CSF v2.0 PR.DS",
                "NIST CSF v2.0 PR.IR",
                "NIST SP 800-53 r5 CA-9(1)",
                "NIST SP 800-53 r5 CM-2",
            }));
  EXPECT_NE(control->remediation.find("\"task\""), std::string::npos);
  EXPECT_NE(control->remediation.find("pid_mode"), std::string::npos);
  EXPECT_NE(control->rationale.find("secrets"), std::string::npos);
}

TEST(CatalogTest, IpcModeControlIsHighAtWarningWithItsMappings) {
  const Control* control = FindControl("ecs_task_definition_no_host_ipc_mode");
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->severity, Severity::kHigh);
  EXPECT_EQ(control->default_level, Level::kWarning);
  EXPECT_EQ(control->summary, "ECS task definition shares the host's IPC namespace");
  EXPECT_EQ(control->references,
            (std::vector<std::string>{"PCI DSS v4.0 2.2", "NIST CSF v2.0 PR.IR"}));
}

TEST(CatalogTest, MisplacedKeyControlIsMediumAtWarningWithoutMappings) {
  const Control* control = FindControl("ecs_container_definitions_misplaced_namespace_key");
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->severity, Severity::kMedium);
  EXPECT_EQ(control->default_level, Level::kWarning);
  EXPECT_EQ(control->summary, "Container definition sets a namespace mode that ECS ignores");
  EXPECT_TRUE(control->references.empty());
}

TEST(CatalogTest, EveryControlHasEveryText) {
  for (const Control& control : Catalog()) {
    SCOPED_TRACE(control.id);
    EXPECT_FALSE(control.title.empty());
    EXPECT_FALSE(control.summary.empty());
    EXPECT_FALSE(control.rationale.empty());
    EXPECT_FALSE(control.remediation.empty());
    EXPECT_NE(control.default_level, Level::kOff);
  }
}

TEST(CatalogTest, FindControlReturnsNullForUnknownOrEmptyIds) {
  EXPECT_EQ(FindControl(""), nullptr);
  EXPECT_EQ(FindControl("ECS_TASK_DEFINITION_NO_HOST_PID_MODE"), nullptr);
  EXPECT_EQ(FindControl("ecs_task_definition_no_host_pid_mode "), nullptr);
}

TEST(CatalogTest, ControlIdListNamesEveryIdForMessages) {
  EXPECT_EQ(ControlIdList(),
            "ecs_task_definition_no_host_pid_mode, ecs_task_definition_no_host_ipc_mode, "
            "ecs_container_definitions_misplaced_namespace_key, ecs_container_no_privileged, "
            "ecs_container_no_environment_secrets, ecs_container_readonly_root_filesystem, "
            "ecs_container_logging_configured, ecs_task_definition_no_host_network_mode, "
            "ecs_container_linux_user_non_root and ecs_container_windows_user_non_admin");
}

TEST(LevelTest, ParsesExactlyTheThreeLevelNames) {
  struct Case {
    std::string name;
    std::optional<Level> level;
  };
  const std::vector<Case> cases = {
      {"error", Level::kError}, {"warning", Level::kWarning}, {"off", Level::kOff},
      {"", std::nullopt},       {"Error", std::nullopt},      {"warn", std::nullopt},
      {" off", std::nullopt},   {"fatal", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ParseLevel(c.name), c.level);
  }
}

TEST(LevelTest, NamesRoundTrip) {
  for (Level level : {Level::kOff, Level::kWarning, Level::kError}) {
    EXPECT_EQ(ParseLevel(LevelName(level)), level);
  }
  EXPECT_EQ(SeverityName(Severity::kLow), "low");
  EXPECT_EQ(SeverityName(Severity::kMedium), "medium");
  EXPECT_EQ(SeverityName(Severity::kHigh), "high");
}

}  // namespace
}  // namespace checks
