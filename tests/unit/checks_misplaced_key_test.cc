// File: tests/unit/checks_misplaced_key_test.cc
//
// The misplaced-key control (ecs_container_definitions_misplaced_namespace_key;
// PRODUCT.md, "The ECS task-definition family"): a container key that ECS
// ignores but its author meant as a setting. pidMode/ipcMode in any spelling
// are task-level settings; a near miss of a key the family reads
// ("privilege", "read_only_root_filesystem", "users", "driver") sets nothing,
// and the warning suggests the key the author meant. A valid ECS key is
// never a near miss. Checkov's CKV_AWS_334 reads "privilege" and CKV_AWS_335
// a container-level pidMode: both are cases here.

#include <string>
#include <tuple>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kMisplaced;

constexpr char kNearMissSummary[] = "Container definition has a key that ECS ignores";

// The warning for each misplaced key, with what its message must say.
std::vector<Case> MisplacedKeyCases() {
  return {
      {"EmptyList", "[]", Status::kPass, {}},
      {"PlainContainer", R"([{"name":"web","image":"nginx","essential":true}])", Status::kPass, {}},
      {"Privilege",
       R"([{"name":"web","privilege":true}])",
       Status::kFail,
       {"[0].privilege"},
       "Did you mean privileged?"},
      {"ReadOnlyRootFilesystemSnakeCase",
       R"([{"name":"web","read_only_root_filesystem":true}])",
       Status::kFail,
       {"[0].read_only_root_filesystem"},
       "Did you mean readonlyRootFilesystem?"},
      {"Users",
       R"([{"name":"web","users":"1000"}])",
       Status::kFail,
       {"[0].users"},
       "Did you mean user?"},
      {"LogConfigSnakeCase",
       R"([{"name":"web","log_configuration":{"logDriver":"awslogs"}}])",
       Status::kFail,
       {"[0].log_configuration"},
       "Did you mean logConfiguration?"},
      {"Environ",
       R"([{"name":"web","enviroment":[]}])",
       Status::kFail,
       {"[0].enviroment"},
       "Did you mean environment?"},
      {"LogDriverNearMiss",
       R"([{"name":"web","logConfiguration":{"driver":"awslogs"}}])",
       Status::kFail,
       {"[0].logConfiguration.driver"},
       "Did you mean logDriver?"},
      // Namespace modes inside a container, in any spelling.
      {"PidModeInContainer",
       R"([{"name":"web","pidMode":"host"}])",
       Status::kFail,
       {"[0].pidMode"},
       "ECS ignores pidMode inside a container definition"},
      {"PascalPidMode",
       R"([{"name":"web","PidMode":"host"}])",
       Status::kFail,
       {"[0].PidMode"},
       "ECS ignores PidMode"},
      {"SnakePidMode",
       R"([{"name":"web","pid_mode":"host"}])",
       Status::kFail,
       {"[0].pid_mode"},
       "PID namespace"},
      {"SnakeIpcMode",
       R"([{"name":"web","ipc_mode":"host"}])",
       Status::kFail,
       {"[0].ipc_mode"},
       "IPC namespace"},
      {"TwoContainers",
       R"([{"name":"a","privilege":true},{"name":"b","ipcMode":"host"}])",
       Status::kFail,
       {"[0].privilege", "[1].ipcMode"}},
      // Valid ContainerDefinition keys, however close to a read key, and
      // the read keys themselves in any case.
      {"ValidKeys",
       R"([{"name":"web","links":["db"],"ulimits":[],"secrets":[],"essential":true,)"
       R"("linuxParameters":{},"dockerSecurityOptions":[],"environmentFiles":[],)"
       R"("Privileged":false,"USER":"1000","readonlyRootFilesystem":true,)"
       R"("logConfiguration":{"logDriver":"awslogs","options":{},"secretOptions":[]}}])",
       Status::kPass,
       {}},
      // Keys of nested objects other than logConfiguration are not the
      // container's.
      {"NestedPrivilege",
       R"([{"name":"web","linuxParameters":{"privilege":true},"dockerLabels":{"users":"x"}}])",
       Status::kPass,
       {}},
  };
}

class MisplacedKeyControlTest : public testing::TestWithParam<std::tuple<Case, bool>> {};

TEST_P(MisplacedKeyControlTest, WarnsAtTheKeyWithTheSuggestion) {
  ExpectCase(kMisplaced, std::get<0>(GetParam()), std::get<1>(GetParam()), Level::kWarning,
             Severity::kMedium, "");
}

INSTANTIATE_TEST_SUITE_P(NearMissesAndNamespaceKeys, MisplacedKeyControlTest,
                         testing::Combine(testing::ValuesIn(MisplacedKeyCases()), testing::Bool()),
                         CaseName);

TEST(MisplacedKeyControlTest, UnknownIsUnknownAndUnreadableFailsClosed) {
  ExpectUnknownAndFailClosed(kMisplaced, "keys that ECS ignores");
}

TEST(MisplacedKeyControlTest, CatalogEntry) {
  const Control* control = FindControl(kMisplaced);
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->severity, Severity::kMedium);
  EXPECT_EQ(control->default_level, Level::kWarning);
}

// The issue's example: "privilege": true is not a privileged container (the
// AWS provider drops the key), so ECS.4 passes, and the author is told.
TEST(MisplacedKeyControlTest, PrivilegeIsNotPrivilegedButIsWarned) {
  for (const bool document : {false, true}) {
    const std::string containers = R"([{"name":"web","privilege":true}])";
    const Evaluation evaluation =
        Evaluate(document ? Document(containers) : Arguments(containers), Settings{});
    ASSERT_NE(FindResult(evaluation, "ecs_container_no_privileged"), nullptr);
    EXPECT_EQ(FindResult(evaluation, "ecs_container_no_privileged")->status, Status::kPass);
    EXPECT_TRUE(FindingsOf(evaluation, "ecs_container_no_privileged").empty());
    const std::vector<Finding> findings = FindingsOf(evaluation, kMisplaced);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].summary, kNearMissSummary);
    EXPECT_EQ(findings[0].attribute, ListPrefix(document) + "[0].privilege");
    EXPECT_NE(findings[0].message.find("Did you mean privileged?"), std::string::npos)
        << findings[0].message;
    EXPECT_EQ(findings[0].level, Level::kWarning);
    EXPECT_FALSE(evaluation.has_error());
  }
}

// A namespace key keeps the namespace summary; it names the task-level
// setting in the form the user wrote.
TEST(MisplacedKeyControlTest, NamespaceKeyNamesTheTaskLevelSetting) {
  const std::string containers = R"([{"name":"web","pidMode":"host"}])";
  std::vector<Finding> findings =
      FindingsOf(Evaluate(Arguments(containers), Settings{}), kMisplaced);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].summary, FindControl(kMisplaced)->summary);
  EXPECT_NE(findings[0].message.find("task-level pid_mode"), std::string::npos)
      << findings[0].message;
  findings = FindingsOf(Evaluate(Document(containers), Settings{}), kMisplaced);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message.find("task-level pidMode"), std::string::npos)
      << findings[0].message;
}

// A misplaced key's value is described, never quoted unless it is a valid
// namespace mode.
TEST(MisplacedKeyControlTest, ValuesAreNotQuoted) {
  const Evaluation evaluation = Evaluate(
      Arguments(R"([{"name":"web","users":"s3cr3t-user","pid_mode":"s3cr3t-mode"}])"), Settings{});
  const std::vector<Finding> findings = FindingsOf(evaluation, kMisplaced);
  ASSERT_EQ(findings.size(), 2u);
  for (const Finding& f : findings) {
    EXPECT_EQ(f.message.find("s3cr3t"), std::string::npos) << f.message;
    EXPECT_EQ(FindingDetail(f).find("s3cr3t"), std::string::npos);
  }
  EXPECT_EQ(ReportJson(evaluation, Text::Null()).find("s3cr3t"), std::string::npos);
}

}  // namespace
}  // namespace checks
