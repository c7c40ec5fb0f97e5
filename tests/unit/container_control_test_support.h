// File: tests/unit/container_control_test_support.h
//
// Shared helpers for the unit tests of the per-container ECS controls
// (PRODUCT.md, "The ECS task-definition family"), beside
// checks_test_support.h's: the same containers in both input forms, a case
// table row and the checks every control's tests make (a case in one form,
// unknown and unreadable input, the catalog entry). The OS-family helpers
// serve the two user controls, whose rule depends on runtime_platform.
// Each check takes the id of the control it is about (the OS-family one
// covers both user controls). The helpers sit in namespace checks, beside
// the names they test, for test files only.

#ifndef COMPLIANCECHECK_TESTS_UNIT_CONTAINER_CONTROL_TEST_SUPPORT_H_
#define COMPLIANCECHECK_TESTS_UNIT_CONTAINER_CONTROL_TEST_SUPPORT_H_

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/checks_test_support.h"

namespace checks {

// The same containers in both input forms.
inline Input Arguments(const std::string& containers) {
  Input input;
  input.container_definitions = Text::Known(containers);
  return input;
}
inline Input Document(const std::string& containers) {
  Input input;
  input.task_definition_json =
      Text::Known("{\"family\":\"web\",\"containerDefinitions\":" + containers + "}");
  return input;
}

// The attribute path of the container list in either form.
inline std::string ListPrefix(bool document) {
  return document ? "task_definition_json.containerDefinitions" : "container_definitions";
}

// One row of a control's case table.
struct Case {
  std::string name;
  std::string containers;  // the container_definitions JSON
  Status status;
  // Paths after the container list ("[1].user"), one per finding, in order.
  std::vector<std::string> paths;
  std::string message_part = {};
};

// The test name of a case in one form: "<name>Arguments" or "<name>Document".
template <typename C>
std::string FormCaseName(const testing::TestParamInfo<std::tuple<C, bool>>& info) {
  return std::get<0>(info.param).name + (std::get<1>(info.param) ? "Document" : "Arguments");
}
inline std::string CaseName(const testing::TestParamInfo<std::tuple<Case, bool>>& info) {
  return FormCaseName(info);
}

// Runs `c` in one form and checks control `id`'s status, paths, levels and
// the message.
inline void ExpectCase(std::string_view id, const Case& c, bool document, Level level,
                       Severity severity, std::string_view summary_part) {
  const Evaluation evaluation =
      Evaluate(document ? Document(c.containers) : Arguments(c.containers), Settings{});
  const ControlResult* result = FindResult(evaluation, id);
  ASSERT_NE(result, nullptr) << "the catalog has no " << id;
  EXPECT_EQ(result->status, c.status);
  const std::vector<Finding> findings = FindingsOf(evaluation, id);
  ASSERT_EQ(findings.size(), c.paths.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    EXPECT_EQ(f.attribute, ListPrefix(document) + c.paths[i]);
    EXPECT_EQ(f.argument, document ? "task_definition_json" : "container_definitions");
    EXPECT_EQ(f.level, level);
    EXPECT_EQ(f.severity, severity);
    EXPECT_NE(f.summary.find(summary_part), std::string::npos) << f.summary;
    EXPECT_EQ(f.message.rfind(f.attribute, 0), 0u) << f.message;
    // The diagnostic detail: what, why, how to fix, references and the link.
    const std::string detail = FindingDetail(f);
    EXPECT_NE(detail.find(f.message), std::string::npos) << detail;
    EXPECT_NE(detail.find(FindControl(id)->documentation_url), std::string::npos) << detail;
    if (!c.message_part.empty()) {
      EXPECT_NE(f.message.find(c.message_part), std::string::npos) << f.message;
    }
  }
}

// Unknown containers leave control `id` unknown, never a pass; unreadable
// ones fail closed at level error whatever the control's level, with a
// message that contains `cannot`.
inline void ExpectUnknownAndFailClosed(std::string_view id,
                                       std::string_view cannot = "cannot be verified") {
  Input unknown;
  unknown.container_definitions = Text::Unknown();
  Evaluation evaluation = Evaluate(unknown, Settings{});
  ASSERT_NE(FindResult(evaluation, id), nullptr);
  EXPECT_EQ(FindResult(evaluation, id)->status, Status::kUnknown);
  EXPECT_TRUE(FindingsOf(evaluation, id).empty());
  EXPECT_FALSE(evaluation.compliant());
  Input unknown_document;
  unknown_document.task_definition_json = Text::Unknown();
  EXPECT_EQ(FindResult(Evaluate(unknown_document, Settings{}), id)->status, Status::kUnknown);

  struct Unreadable {
    Input input;
    std::string attribute_prefix;
  };
  std::vector<Unreadable> cases(5);
  cases[0].input.container_definitions = Text::Known(R"([{"name": "web", )");
  cases[0].attribute_prefix = "container_definitions";
  cases[1].input.container_definitions = Text::Known(R"({"name":"web"})");
  cases[1].attribute_prefix = "container_definitions";
  cases[2].input.container_definitions = Text::Malformed("a number");
  cases[2].attribute_prefix = "container_definitions";
  cases[3].input.task_definition_json = Text::Known("{\"containerDefinitions\": [");
  cases[3].attribute_prefix = "task_definition_json";
  cases[4].input.task_definition_json = Text::Known(R"({"containerDefinitions": "x"})");
  cases[4].attribute_prefix = "task_definition_json";
  for (const Unreadable& c : cases) {
    evaluation = Evaluate(c.input, Settings{});
    ASSERT_NE(FindResult(evaluation, id), nullptr);
    EXPECT_EQ(FindResult(evaluation, id)->status, Status::kFail) << c.attribute_prefix;
    const std::vector<Finding> findings = FindingsOf(evaluation, id);
    ASSERT_EQ(findings.size(), 1u) << c.attribute_prefix;
    EXPECT_EQ(findings[0].level, Level::kError);
    EXPECT_TRUE(findings[0].unverifiable);
    EXPECT_EQ(findings[0].attribute.rfind(c.attribute_prefix, 0), 0u) << findings[0].attribute;
    EXPECT_NE(findings[0].message.find(cannot), std::string::npos) << findings[0].message;
    EXPECT_TRUE(evaluation.has_error());
  }
  // No containers at all: nothing to judge.
  EXPECT_EQ(FindResult(Evaluate(Input{}, Settings{}), id)->status, Status::kPass);
}

// Control `id`'s catalog entry: its Security Hub id, severity, default level,
// summary, documentation anchor, rationale, remediation and the references
// that start with each of `references`.
inline void ExpectCatalog(std::string_view id, std::string_view hub_id, Severity severity,
                          Level level, const std::vector<std::string>& references) {
  const Control* control = FindControl(id);
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->security_hub_id, hub_id);
  EXPECT_EQ(control->severity, severity);
  EXPECT_EQ(control->default_level, level);
  EXPECT_NE(control->summary.find("(AWS Security Hub " + std::string(hub_id) + ")"),
            std::string::npos)
      << control->summary;
  std::string anchor = "#" + std::string(hub_id);
  for (char& ch : anchor) ch = ch == '.' ? '-' : static_cast<char>(std::tolower(ch));
  EXPECT_NE(control->documentation_url.find(anchor), std::string::npos)
      << control->documentation_url;
  EXPECT_FALSE(control->rationale.empty());
  EXPECT_FALSE(control->remediation.empty());
  for (const std::string& expected : references) {
    EXPECT_TRUE(std::any_of(control->references.begin(), control->references.end(),
                            [&](const std::string& r) { return r.rfind(expected, 0) == 0; }))
        << expected;
  }
}

// The OS family in both forms: runtime_platform's operating_system_family
// (Input::operating_system_family) or runtimePlatform.operatingSystemFamily.
inline Input WithOs(const std::string& containers, const Text& os, bool document) {
  Input input;
  if (!document) {
    input.container_definitions = Text::Known(containers);
    input.operating_system_family = os;
    return input;
  }
  std::string json = "{\"family\":\"web\",\"containerDefinitions\":" + containers;
  if (os.state == Text::State::kKnown) {
    json += ",\"runtimePlatform\":{\"operatingSystemFamily\":\"" + os.value +
            "\",\"cpuArchitecture\":\"X86_64\"}";
  }
  input.task_definition_json = Text::Known(json + "}");
  return input;
}

// The attribute path of the OS family in either form.
inline std::string OsPath(bool document) {
  return document ? "task_definition_json.runtimePlatform.operatingSystemFamily"
                  : "runtime_platform[0].operating_system_family";
}

// One row of a user control's case table: the containers under an OS family.
struct OsCase {
  std::string name;
  std::string containers;
  Text os;
  Status status;
  std::vector<std::string> paths;  // after the container list ("[0].user")
  std::string message_part = {};
};

inline std::string OsCaseName(const testing::TestParamInfo<std::tuple<OsCase, bool>>& info) {
  return FormCaseName(info);
}

// Runs `c` in one form and checks user control `id`'s status and findings
// (level warning, severity medium).
inline void ExpectOsCase(std::string_view id, const OsCase& c, bool document,
                         std::string_view summary_part) {
  const Evaluation evaluation = Evaluate(WithOs(c.containers, c.os, document), Settings{});
  const ControlResult* result = FindResult(evaluation, id);
  ASSERT_NE(result, nullptr) << "the catalog has no " << id;
  EXPECT_EQ(result->status, c.status);
  const std::vector<Finding> findings = FindingsOf(evaluation, id);
  ASSERT_EQ(findings.size(), c.paths.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    EXPECT_EQ(f.attribute, ListPrefix(document) + c.paths[i]);
    EXPECT_EQ(f.level, Level::kWarning);
    EXPECT_EQ(f.severity, Severity::kMedium);
    EXPECT_NE(f.summary.find(summary_part), std::string::npos) << f.summary;
    if (!c.message_part.empty()) {
      EXPECT_NE(f.message.find(c.message_part), std::string::npos) << f.message;
    }
  }
}

// An OS family ECS does not know: neither user rule can be chosen, so both
// fail closed at the OS family; an unknown one leaves both unknown.
inline void ExpectOsFamilyFailsClosed() {
  const std::string containers = R"([{"name":"web","user":"1000"}])";
  for (const bool document : {false, true}) {
    for (const auto& [os, quoted] :
         std::vector<std::pair<std::string, std::string>>{{"linux", "is \"linux\""},
                                                          {"SOLARIS", "(7 characters)"},
                                                          {"WINDOWS", "(7 characters)"}}) {
      const Evaluation evaluation = Evaluate(WithOs(containers, Text::Known(os), document), {});
      for (const char* id : {control_ids::kLinuxUser, control_ids::kWindowsUser}) {
        ASSERT_NE(FindResult(evaluation, id), nullptr) << id;
        EXPECT_EQ(FindResult(evaluation, id)->status, Status::kFail) << id << " " << os;
        const std::vector<Finding> findings = FindingsOf(evaluation, id);
        ASSERT_EQ(findings.size(), 1u) << id << " " << os;
        EXPECT_EQ(findings[0].attribute, OsPath(document));
        EXPECT_NE(findings[0].message.find(quoted), std::string::npos) << findings[0].message;
        EXPECT_NE(findings[0].message.find("LINUX or a WINDOWS_ family"), std::string::npos)
            << findings[0].message;
      }
    }
  }
  // Not a string (the block or self's list of one object had the wrong shape).
  Input malformed = WithOs(containers, Text::Malformed("a number"), false);
  Evaluation evaluation = Evaluate(malformed, Settings{});
  for (const char* id : {control_ids::kLinuxUser, control_ids::kWindowsUser}) {
    ASSERT_NE(FindResult(evaluation, id), nullptr);
    EXPECT_EQ(FindResult(evaluation, id)->status, Status::kFail) << id;
    const std::vector<Finding> findings = FindingsOf(evaluation, id);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].attribute, OsPath(false));
    EXPECT_EQ(findings[0].level, Level::kError);  // unreadable input blocks
  }
  EXPECT_TRUE(evaluation.has_error());
  Input wrong_shape;
  wrong_shape.task_definition_json = Text::Known(
      R"({"containerDefinitions":[{"name":"web","user":"1000"}],"runtimePlatform":"LINUX"})");
  evaluation = Evaluate(wrong_shape, Settings{});
  for (const char* id : {control_ids::kLinuxUser, control_ids::kWindowsUser}) {
    EXPECT_EQ(FindResult(evaluation, id)->status, Status::kFail) << id;
  }
  // Not known yet: unknown, never a pass.
  evaluation = Evaluate(WithOs(containers, Text::Unknown(), false), Settings{});
  for (const char* id : {control_ids::kLinuxUser, control_ids::kWindowsUser}) {
    EXPECT_EQ(FindResult(evaluation, id)->status, Status::kUnknown) << id;
    EXPECT_TRUE(FindingsOf(evaluation, id).empty());
  }
  EXPECT_FALSE(evaluation.compliant());
}

}  // namespace checks

#endif  // COMPLIANCECHECK_TESTS_UNIT_CONTAINER_CONTROL_TEST_SUPPORT_H_
