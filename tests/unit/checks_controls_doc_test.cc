// File: tests/unit/checks_controls_doc_test.cc
//
// docs/controls.md has one section per control of the catalog, in catalog
// order, stating what the catalog says: title, severity, default level,
// Security Hub id, diagnostic summary and every mapping. A control added to
// the catalog without its documentation, or a text changed on one side
// only, fails here.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "checks/control.h"
#include "gtest/gtest.h"

namespace {

// docs/controls.md, found from CC_SOURCE_DIR, else from the current
// directory upwards (ctest runs inside the build tree, inside the checkout).
std::string ReadDoc() {
  std::filesystem::path dir = std::filesystem::current_path();
  if (const char* root = std::getenv("CC_SOURCE_DIR"); root != nullptr && *root != '\0') {
    dir = root;
  }
  for (; !dir.empty(); dir = dir.parent_path()) {
    const std::filesystem::path doc = dir / "docs" / "controls.md";
    if (std::filesystem::exists(doc)) {
      std::ifstream in(doc);
      std::stringstream text;
      text << in.rdbuf();
      return text.str();
    }
    if (dir == dir.parent_path()) break;
  }
  return "";
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
