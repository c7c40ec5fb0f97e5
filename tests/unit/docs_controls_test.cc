// File: tests/unit/docs_controls_test.cc
//
// docs/controls.md has one section per control of the catalog, in catalog
// order, stating what the catalog says: title, severity, default level,
// Security Hub id, diagnostic summary and every mapping. A control added to
// the catalog without its documentation, or a text changed on one side
// only, fails here.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "checks/control.h"
#include "gtest/gtest.h"

namespace {

// CMake compiles this file by its absolute path, which leads to the tree.
std::string ReadDoc() {
  const std::filesystem::path root =
      std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
  std::ifstream in(root / "docs" / "controls.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(DocsControls, EveryCatalogControlHasASectionThatMatchesIt) {
  const std::string doc = ReadDoc();
  ASSERT_FALSE(doc.empty()) << "docs/controls.md is missing";
  std::size_t previous = 0;
  for (const checks::Control& control : checks::Catalog()) {
    SCOPED_TRACE(control.id);
    const std::string heading = "## `" + control.id + "`";
    const std::size_t start = doc.find(heading);
    ASSERT_NE(start, std::string::npos) << "no section " << heading;
    EXPECT_GT(start, previous) << "sections are not in catalog order";
    previous = start;
    const std::size_t end = doc.find("\n## ", start + heading.size());
    const std::string section = doc.substr(start, end == std::string::npos ? end : end - start);
    EXPECT_NE(section.find("**" + control.title + ".**"), std::string::npos) << section;
    EXPECT_NE(section.find("Severity: `" + std::string(checks::SeverityName(control.severity)) +
                           "`; default level: `" +
                           std::string(checks::LevelName(control.default_level)) + "`"),
              std::string::npos)
        << section;
    EXPECT_NE(section.find("Diagnostic summary: `" + control.summary + "`"), std::string::npos)
        << section;
    if (!control.security_hub_id.empty()) {
      EXPECT_NE(section.find("AWS Security Hub " + control.security_hub_id + " ("),
                std::string::npos)
          << section;
      EXPECT_NE(section.find(control.documentation_url), std::string::npos) << section;
    }
    for (const std::string& reference : control.references) {
      EXPECT_NE(section.find(reference), std::string::npos) << "missing mapping " << reference;
    }
  }
}

}  // namespace
