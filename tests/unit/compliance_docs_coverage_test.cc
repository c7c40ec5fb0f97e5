// File: tests/unit/compliance_docs_coverage_test.cc
//
// The user documentation in docs/ covers the schema as implemented: every
// provider block attribute, every data source attribute (and the nested
// fields of object-typed ones), every function parameter and every control
// id. The lists come from the real provider and catalog, so a new attribute,
// parameter or control without documentation fails here. Every reference
// page shows its example file (examples/provider/provider.tf,
// examples/data-sources/<type>/data-source.tf,
// examples/functions/<name>/function.tf) verbatim, so the HCL users copy from
// the docs is the HCL the end-to-end tests plan.
//
// docs/ is found through the environment variable CC_SOURCE_DIR (the
// repository root) when it is set, otherwise by walking up from the current
// working directory (ctest runs inside the build directory, which lives in
// the repository) to the first directory holding docs/index.md, and last
// from this source file's own path (for build directories elsewhere).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/control.h"
#include "gtest/gtest.h"
#include "provider/compliance/provider.h"
#include "provider/cty/type.h"
#include "provider/tf/schema.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kProviderPrefix = "compliancecheck_";

bool HasIndex(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "docs" / "index.md", ec);
}

// `dir` or its nearest ancestor that holds docs/index.md.
std::optional<fs::path> WalkUp(fs::path dir) {
  if (dir.empty()) return std::nullopt;
  while (true) {
    if (HasIndex(dir)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

// The repository root, or nullopt with `why` saying where it looked.
std::optional<fs::path> FindRepositoryRoot(std::string* why) {
  if (const char* env = std::getenv("CC_SOURCE_DIR"); env != nullptr && *env != '\0') {
    const fs::path root(env);
    if (HasIndex(root)) return root;
    *why = "CC_SOURCE_DIR is set to \"" + root.string() + "\", but " +
           (root / "docs" / "index.md").string() + " does not exist.";
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path dir = fs::current_path(ec);  // empty on error
  if (std::optional<fs::path> root = WalkUp(dir)) return root;
  // An out-of-tree build directory: this file's own path (absolute when
  // CMake compiles it) still leads to the repository.
  if (std::optional<fs::path> root = WalkUp(fs::path(__FILE__).parent_path())) return root;
  *why =
      "CC_SOURCE_DIR is not set and no directory from the current directory \"" + dir.string() +
      "\"" +
      " (or from this test's source file) up to / contains docs/index.md. Run the test from inside "
      "the repository (e.g. its build directory) or set CC_SOURCE_DIR to the repository root.";
  return std::nullopt;
}

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// True when some line, after its indentation, starts with "- `NAME`": the
// list item that documents NAME.
bool ListsName(std::string_view text, std::string_view name) {
  const std::string item = "- `" + std::string(name) + "`";
  for (std::string_view line : Lines(text)) {
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    if (line.substr(first).substr(0, item.size()) == item) return true;
  }
  return false;
}

// The text of the level-2 section "## HEADING" up to the next level-2
// heading, or nullopt when the page has no such section.
std::optional<std::string> Section(std::string_view page, std::string_view heading) {
  const std::string wanted = "## " + std::string(heading);
  std::optional<std::string> section;
  for (std::string_view line : Lines(page)) {
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
      trimmed.remove_suffix(1);
    const bool level2 = trimmed.substr(0, 3) == "## ";
    if (section.has_value()) {
      if (level2) break;
      section->append(line);
      section->push_back('\n');
    } else if (trimmed == wanted) {
      section.emplace();
    }
  }
  return section;
}

// The attribute names of the object type `type` holds, directly or as the
// element of a collection (e.g. list(object({...}))); empty otherwise.
std::vector<std::string> NestedAttributeNames(const cty::Type& type) {
  const cty::Type* t = &type;
  while (t->kind() == cty::Kind::kList || t->kind() == cty::Kind::kSet ||
         t->kind() == cty::Kind::kMap) {
    t = &t->element();
  }
  std::vector<std::string> names;
  if (t->kind() == cty::Kind::kObject) {
    for (const auto& [name, nested] : t->attributes()) {
      names.push_back(name);
      for (const std::string& deeper : NestedAttributeNames(nested))
        names.push_back(name + "." + deeper);
    }
  }
  return names;
}

// "a.b.c" -> "c": nested fields are listed by their own name.
std::string LastComponent(const std::string& dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string::npos ? dotted : dotted.substr(dot + 1);
}

class DocsCoverage : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    std::optional<fs::path> root = FindRepositoryRoot(&why);
    ASSERT_TRUE(root.has_value()) << "Cannot find the documentation: " << why;
    docs_ = *root / "docs";
  }

  // The page's text; fails the test (and returns nullopt) when it is missing.
  std::optional<std::string> Page(const fs::path& relative) const {
    const fs::path path = docs_ / relative;
    std::optional<std::string> text = ReadFile(path);
    EXPECT_TRUE(text.has_value()) << "Missing documentation page " << path.string();
    return text;
  }

  fs::path docs_;
  compliance::Provider provider_;
};

TEST_F(DocsCoverage, IndexListsEveryProviderBlockAttribute) {
  std::optional<std::string> index = Page("index.md");
  ASSERT_TRUE(index.has_value());
  const tf::Schema& schema = provider_.GetSchema();
  ASSERT_FALSE(schema.block.attributes.empty());
  for (const tf::Attribute& a : schema.block.attributes) {
    EXPECT_TRUE(ListsName(*index, a.name))
        << "docs/index.md does not document the provider block attribute `" << a.name
        << "` as a list item \"- `" << a.name << "` ...\"";
  }
}

TEST_F(DocsCoverage, IndexNamesEveryControlOfTheCatalog) {
  std::optional<std::string> index = Page("index.md");
  ASSERT_TRUE(index.has_value());
  ASSERT_FALSE(checks::Catalog().empty());
  for (const checks::Control& control : checks::Catalog()) {
    EXPECT_NE(index->find("`" + control.id + "`"), std::string::npos)
        << "docs/index.md does not name the control `" << control.id << "`";
  }
}

TEST_F(DocsCoverage, EveryDataSourcePageListsEveryArgumentAndAttributeInItsSection) {
  ASSERT_FALSE(provider_.DataSources().empty());
  for (const tf::DataSource* ds : provider_.DataSources()) {
    const std::string type_name(ds->TypeName());
    ASSERT_EQ(type_name.rfind(kProviderPrefix, 0), 0u)
        << "data source " << type_name << " lacks the provider prefix " << kProviderPrefix;
    const fs::path relative =
        fs::path("data-sources") / (type_name.substr(kProviderPrefix.size()) + ".md");
    std::optional<std::string> page = Page(relative);
    if (!page.has_value()) continue;

    std::optional<std::string> arguments = Section(*page, "Argument Reference");
    std::optional<std::string> attributes = Section(*page, "Attribute Reference");
    EXPECT_TRUE(arguments.has_value())
        << relative.string() << " has no \"## Argument Reference\" section";
    EXPECT_TRUE(attributes.has_value())
        << relative.string() << " has no \"## Attribute Reference\" section";
    if (!arguments.has_value() || !attributes.has_value()) continue;

    for (const tf::Attribute& a : ds->GetSchema().block.attributes) {
      // Arguments are what users set (required or optional); computed-only
      // attributes are what they read.
      const bool argument = a.required || a.optional;
      const std::string& section = argument ? *arguments : *attributes;
      EXPECT_TRUE(ListsName(section, a.name))
          << relative.string() << " does not list `" << a.name << "` as \"- `" << a.name
          << "` ...\" under \"## " << (argument ? "Argument Reference" : "Attribute Reference")
          << "\"";
      for (const std::string& nested : NestedAttributeNames(a.type)) {
        EXPECT_TRUE(ListsName(section, LastComponent(nested)))
            << relative.string() << " does not list the nested field `" << a.name << "." << nested
            << "` as \"- `" << LastComponent(nested) << "` ...\"";
      }
    }
  }
}

TEST_F(DocsCoverage, EveryFunctionPageShowsItsSignatureAndListsEveryParameter) {
  ASSERT_FALSE(provider_.Functions().empty());
  for (const tf::Function* f : provider_.Functions()) {
    const std::string name(f->Name());
    const fs::path relative = fs::path("functions") / (name + ".md");
    std::optional<std::string> page = Page(relative);
    if (!page.has_value()) continue;

    std::optional<std::string> signature = Section(*page, "Signature");
    ASSERT_TRUE(signature.has_value()) << relative.string() << " has no \"## Signature\" section";
    EXPECT_NE(signature->find(name + "("), std::string::npos)
        << relative.string() << ": the signature does not show " << name << "(...)";

    std::optional<std::string> arguments = Section(*page, "Arguments");
    ASSERT_TRUE(arguments.has_value()) << relative.string() << " has no \"## Arguments\" section";
    std::vector<tf::Parameter> parameters = f->Definition().parameters;
    if (f->Definition().variadic.has_value()) parameters.push_back(*f->Definition().variadic);
    for (const tf::Parameter& p : parameters) {
      EXPECT_TRUE(ListsName(*arguments, p.name))
          << relative.string() << " does not list the parameter `" << p.name << "` as \"- `"
          << p.name << "` ...\" under \"## Arguments\"";
      EXPECT_NE(signature->find(p.name), std::string::npos)
          << relative.string() << ": the signature does not name the parameter `" << p.name << "`";
    }
  }
}

TEST_F(DocsCoverage, DocumentsNoFunctionOrDataSourceTheProviderLacks) {
  std::set<std::string> functions;
  for (const tf::Function* f : provider_.Functions())
    functions.insert(std::string(f->Name()) + ".md");
  std::set<std::string> data_sources;
  for (const tf::DataSource* ds : provider_.DataSources()) {
    std::string_view type_name = ds->TypeName();
    if (type_name.substr(0, kProviderPrefix.size()) == kProviderPrefix)
      type_name.remove_prefix(kProviderPrefix.size());
    data_sources.insert(std::string(type_name) + ".md");
  }
  const std::pair<const char*, const std::set<std::string>*> kinds[] = {
      {"functions", &functions}, {"data-sources", &data_sources}};
  for (const auto& [dir, known] : kinds) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(docs_ / dir, ec)) {
      if (entry.path().extension() != ".md") continue;
      const std::string file = entry.path().filename().string();
      EXPECT_TRUE(known->count(file) > 0)
          << "docs/" << dir << "/" << file << " documents something the provider does not have";
    }
  }
}

// True when `page` holds `example` verbatim as one ```terraform block.
bool EmbedsVerbatim(std::string_view page, std::string_view example) {
  const std::string block = "```terraform\n" + std::string(example) + "```\n";
  return page.find(block) != std::string_view::npos;
}

TEST_F(DocsCoverage, EveryReferencePageEmbedsItsExampleFileVerbatim) {
  std::vector<std::pair<fs::path, fs::path>> pages = {
      {"index.md", fs::path("provider") / "provider.tf"},
      {fs::path("guides") / "troubleshooting.md", fs::path("usage") / "count-zero" / "main.tf"}};
  for (const tf::DataSource* ds : provider_.DataSources()) {
    const std::string type_name(ds->TypeName());
    pages.push_back({fs::path("data-sources") / (type_name.substr(kProviderPrefix.size()) + ".md"),
                     fs::path("data-sources") / type_name / "data-source.tf"});
  }
  for (const tf::Function* f : provider_.Functions()) {
    const std::string name(f->Name());
    pages.push_back(
        {fs::path("functions") / (name + ".md"), fs::path("functions") / name / "function.tf"});
  }
  const fs::path examples = docs_.parent_path() / "examples";
  for (const auto& [page_path, example_path] : pages) {
    std::optional<std::string> page = Page(page_path);
    std::optional<std::string> example = ReadFile(examples / example_path);
    EXPECT_TRUE(example.has_value()) << "Missing example file examples/" << example_path.string();
    if (!page.has_value() || !example.has_value()) continue;
    EXPECT_TRUE(EmbedsVerbatim(*page, *example))
        << "docs/" << page_path.string() << " does not show examples/" << example_path.string()
        << " verbatim in a ```terraform block: copy the file into the page (or the page's block "
           "into the file)";
  }
}

// The README's filesystem-mirror CLI config (which aws_provider_test runs)
// is the one the Install guide shows.
TEST_F(DocsCoverage, InstallGuideShowsTheReadmesMirrorConfigVerbatim) {
  std::optional<std::string> readme = ReadFile(docs_.parent_path() / "README.md");
  ASSERT_TRUE(readme.has_value());
  // The last one: the recipe next to registry providers (the Install
  // section's first one differs only in its path).
  const std::size_t mirror = readme->rfind("filesystem_mirror {");
  ASSERT_NE(mirror, std::string::npos) << "README.md shows no filesystem_mirror config";
  const std::size_t start = readme->rfind("```hcl\n", mirror);
  const std::size_t end = readme->find("```\n", mirror);
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string block = readme->substr(start, end + 4 - start);
  std::optional<std::string> install = Page(fs::path("guides") / "install.md");
  ASSERT_TRUE(install.has_value());
  EXPECT_NE(install->find(block), std::string::npos)
      << "docs/guides/install.md does not show README.md's mirror config:\n"
      << block;
}

// The helpers above decide what counts as documented; pin their reading.
TEST(DocsCoverageHelpers, ExampleMustBeAWholeTerraformBlock) {
  const std::string example = "output \"x\" {\n  value = 1\n}\n";
  EXPECT_TRUE(EmbedsVerbatim("text\n```terraform\n" + example + "```\nmore\n", example));
  EXPECT_FALSE(EmbedsVerbatim("```hcl\n" + example + "```\n", example));
  EXPECT_FALSE(EmbedsVerbatim("```terraform\n# intro\n" + example + "```\n", example));
  EXPECT_FALSE(EmbedsVerbatim("```terraform\n" + example + "# more\n```\n", example));
}

TEST(DocsCoverageHelpers, ListItemMustStartWithTheBacktickedName) {
  EXPECT_TRUE(ListsName("- `pid_mode` (String) text\n", "pid_mode"));
  EXPECT_TRUE(ListsName("intro\n  - `control_id` (String)\n", "control_id"));
  EXPECT_FALSE(ListsName("Set `pid_mode` to task.\n", "pid_mode"));
  EXPECT_FALSE(ListsName("- `pid_mode_x` (String)\n", "pid_mode"));
  EXPECT_FALSE(ListsName("- `ipc_mode` mentions `pid_mode`\n", "pid_mode"));
}

TEST(DocsCoverageHelpers, SectionEndsAtTheNextLevelTwoHeading) {
  const std::string page =
      "## Argument Reference\n- `a`\n### Nested\n- `b`\n## Attribute Reference\n- `c`\n";
  std::optional<std::string> args = Section(page, "Argument Reference");
  ASSERT_TRUE(args.has_value());
  EXPECT_TRUE(ListsName(*args, "a"));
  EXPECT_TRUE(ListsName(*args, "b"));
  EXPECT_FALSE(ListsName(*args, "c"));
  EXPECT_FALSE(Section(page, "Arguments").has_value());
}

TEST(DocsCoverageHelpers, NestedNamesComeFromObjectsInsideCollections) {
  const cty::Type finding = cty::Type::Object(
      {{"control_id", cty::Type::String()}, {"references", cty::Type::List(cty::Type::String())}});
  const std::vector<std::string> names = NestedAttributeNames(cty::Type::List(finding));
  EXPECT_EQ(names, (std::vector<std::string>{"control_id", "references"}));
  EXPECT_TRUE(NestedAttributeNames(cty::Type::Map(cty::Type::String())).empty());
}

}  // namespace
