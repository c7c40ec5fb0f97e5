// File: tests/e2e/examples_test.cc
//
// Every example does what its README says. Each directory under
// examples/usage/ and examples/demo/ states its outcome in lines such as
//
//   Expected: plan succeeds
//   Expected: plan succeeds with warning "Check block assertion failed"
//   Expected: plan fails with "AWS Security Hub ECS.3"
//   Expected with -var pid_mode=task: plan succeeds
//
// and this test plans a copy of the directory once per line (after
// `terraform get` when it calls modules). A new example directory is covered
// without touching this file. The files under examples/provider, data-sources
// and functions (the ones the docs pages show) each plan on their own, a
// module under some example's modules/ is planned by the example that calls
// it, examples/aws by aws_provider_test.cc, and every other .tf file fails
// EveryTerraformFileIsPlanned until a test plans it. Every other ```terraform
// block of docs/ plans too (DocsBlockPlan). All of examples/ is
// `terraform fmt` clean.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

fs::path ExamplesDir() { return SourceDir() / "examples"; }

// Whitespace runs as single spaces: Terraform wraps detail text, README
// authors write phrases.
std::string Collapsed(absl::string_view text) {
  return absl::StrJoin(absl::StrSplit(text, absl::ByAnyChar(" \n\t"), absl::SkipEmpty()), " ");
}

struct Expectation {
  std::vector<std::string> extra_args;  // e.g. {"-var", "pid_mode=task"}
  bool succeeds = true;
  bool warning = false;  // the text is in a warning, not an error
  std::string text;      // "" when the line names none
  std::string line;      // as written, for messages
};

// The Expected lines of `readme`; malformed ones are reported in `errors`.
std::vector<Expectation> ParseExpectations(const std::string& readme,
                                           std::vector<std::string>* errors) {
  static const std::regex kLine(
      R"(^Expected( with ([^:]+))?: plan (succeeds|fails)( with (warning )?\"(.*)\")?\s*$)");
  std::vector<Expectation> expectations;
  for (absl::string_view raw : absl::StrSplit(readme, '\n')) {
    std::string line(absl::StripTrailingAsciiWhitespace(raw));
    if (!absl::StartsWith(line, "Expected")) continue;
    std::smatch match;
    if (!std::regex_match(line, match, kLine)) {
      errors->push_back(line);
      continue;
    }
    Expectation expectation;
    expectation.line = line;
    expectation.extra_args = absl::StrSplit(match[2].str(), ' ', absl::SkipEmpty());
    expectation.succeeds = match[3] == "succeeds";
    expectation.warning = match[5].matched;
    expectation.text = absl::StrReplaceAll(match[6].str(), {{"\\\"", "\""}});
    expectations.push_back(std::move(expectation));
  }
  return expectations;
}

// The directories whose README states an outcome: examples/usage/* and
// examples/demo/*, sorted.
std::vector<std::string> ExampleDirectories() {
  std::vector<std::string> names;
  for (const char* group : {"usage", "demo"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(ExamplesDir() / group, ec)) {
      if (entry.is_directory()) {
        names.push_back(std::string(group) + "/" + entry.path().filename().string());
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool CallsModules(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".tf" &&
        absl::StrContains(ReadText(entry.path()), "module \"")) {
      return true;
    }
  }
  return false;
}

// True when a diagnostic of `severity` holds `text` in its summary or body.
bool DiagnosticHolds(const std::string& output, absl::string_view severity,
                     const std::string& text) {
  const std::string wanted = Collapsed(text);
  for (const auto& diagnostic : ParseDiagnostics(output)) {
    if (diagnostic.severity == severity &&
        absl::StrContains(Collapsed(diagnostic.summary + "\n" + diagnostic.body), wanted)) {
      return true;
    }
  }
  return false;
}

class Example : public ::testing::TestWithParam<std::string> {};

TEST_P(Example, PlansAsItsReadmeSays) {
  const fs::path dir = ExamplesDir() / GetParam();
  const fs::path readme = dir / "README.md";
  ASSERT_TRUE(fs::exists(readme)) << readme << " missing";
  std::vector<std::string> malformed;
  std::vector<Expectation> expectations = ParseExpectations(ReadText(readme), &malformed);
  EXPECT_TRUE(malformed.empty()) << "malformed Expected lines in " << readme << ":\n"
                                 << absl::StrJoin(malformed, "\n");
  ASSERT_FALSE(expectations.empty()) << readme << " has no line like `Expected: plan succeeds`";

  for (const Expectation& expectation : expectations) {
    SCOPED_TRACE(expectation.line);
    auto workspace = NewWorkspace({});
    ASSERT_NE(workspace, nullptr);
    ASSERT_TRUE(workspace->CopyFrom(dir).ok());
    if (CallsModules(dir)) {
      RunResult get = workspace->Get();
      ASSERT_EQ(get.exit_code, 0) << get.Describe();
    }
    RunResult run = workspace->Plan(expectation.extra_args);
    if (expectation.succeeds) {
      EXPECT_EQ(run.exit_code, 0) << run.Describe();
    } else {
      EXPECT_EQ(run.exit_code, 1) << run.Describe();
    }
    if (!expectation.text.empty()) {
      const char* severity = expectation.warning || expectation.succeeds ? "Warning" : "Error";
      EXPECT_TRUE(DiagnosticHolds(run.combined, severity, expectation.text))
          << "no " << severity << " holding \"" << expectation.text << "\"\n"
          << run.Describe();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(UsageAndDemo, Example, ::testing::ValuesIn(ExampleDirectories()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(Examples, CoverEveryDocumentedUsage) {
  const std::vector<std::string> found = ExampleDirectories();
  for (const char* name :
       {"demo/compliant", "demo/noncompliant", "usage/check-block", "usage/for-each",
        "usage/module", "usage/postcondition", "usage/precondition", "usage/variable-validation"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), name), found.end())
        << "examples/" << name << " missing";
  }
}

TEST(Examples, AreTerraformFmtClean) {
  auto workspace = NewWorkspace({});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Terraform({"fmt", "-check", "-recursive", ExamplesDir().string()});
  EXPECT_EQ(run.exit_code, 0) << "files needing `terraform fmt`:\n" << run.Describe();
}

// Each file a docs page shows, planned on its own: required_providers and
// all it needs are in the file.
class Snippet : public ::testing::TestWithParam<std::string> {};

TEST_P(Snippet, PlansOnItsOwn) {
  const fs::path snippet = ExamplesDir() / GetParam();
  ASSERT_TRUE(fs::exists(snippet)) << snippet;
  auto workspace = NewWorkspace({{"main.tf", ReadText(snippet)}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Error", "")) << run.Describe();
}

std::vector<std::string> Snippets() {
  std::vector<std::string> snippets = {"provider/provider.tf"};
  for (const auto& [group, file] :
       {std::pair{"data-sources", "data-source.tf"}, std::pair{"functions", "function.tf"}}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(ExamplesDir() / group, ec)) {
      if (fs::exists(entry.path() / file)) {
        snippets.push_back(std::string(group) + "/" + entry.path().filename().string() + "/" +
                           file);
      }
    }
  }
  std::sort(snippets.begin(), snippets.end());
  return snippets;
}

INSTANTIATE_TEST_SUITE_P(DocsSnippets, Snippet, ::testing::ValuesIn(Snippets()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// The lines of `text` from the first one starting with `first` through the
// first one after it starting with `last`, trailing blanks removed; empty
// when either is missing.
std::string LinesBetween(const std::string& text, absl::string_view first, absl::string_view last) {
  std::vector<std::string> out;
  bool inside = false;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripTrailingAsciiWhitespace(line);
    if (!inside && absl::StartsWith(line, first)) inside = true;
    if (!inside) continue;
    out.emplace_back(line);
    if (out.size() > 1 && absl::StartsWith(line, last)) {
      return absl::StrJoin(out, "\n");
    }
  }
  return "";
}

// The README quotes the demo's output: what it quotes of our provider's
// part must be what a plan of the same example prints today.
TEST(Examples, ReadmeQuotesTheDemosRealOutput) {
  const std::string readme = ReadText(SourceDir() / "README.md");
  const struct {
    const char* example;
    const char* first;
    const char* last;
  } quotes[] = {
      {"compliant", "data.compliancecheck_ecs_task_definition.web: Reading",
       "  + compliant = true"},
      {"noncompliant", "Error: ",
       "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3"},
  };
  for (const auto& quote : quotes) {
    SCOPED_TRACE(quote.example);
    const std::string quoted = LinesBetween(readme, quote.first, quote.last);
    ASSERT_FALSE(quoted.empty()) << "README.md does not quote the demo's " << quote.example
                                 << " plan";
    auto workspace = NewWorkspace({});
    ASSERT_NE(workspace, nullptr);
    ASSERT_TRUE(workspace->CopyFrom(ExamplesDir() / "demo" / quote.example).ok());
    RunResult run = workspace->Plan();
    EXPECT_EQ(LinesBetween(run.combined, quote.first, quote.last), quoted) << run.Describe();
  }
}

// Every ```terraform block of docs/ plans: the example files verbatim (planned
// above), and each other block either alone, after the required_providers
// block, or, when its first line is "# Add to the example above.", after its
// page's example file. Fragments that cannot plan (an aws_ecs_task_definition
// with "# ...") are ```hcl.
struct DocsBlock {
  std::string page;  // relative to docs/
  int index = 0;     // among the page's terraform blocks
  std::string text;
  std::string assembled;  // the main.tf to plan
};

std::vector<DocsBlock> DocsBlocks() {
  static const std::regex kFence(R"(```terraform\n([\s\S]*?)```)");
  std::vector<std::string> example_files;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(ExamplesDir(), ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tf") {
      example_files.push_back(ReadText(entry.path()));
    }
  }
  const fs::path docs = SourceDir() / "docs";
  std::vector<DocsBlock> blocks;
  for (const auto& entry : fs::recursive_directory_iterator(docs, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    const std::string page = ReadText(entry.path());
    std::string example;  // the page's example file, shown verbatim
    int index = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), kFence);
         it != std::sregex_iterator(); ++it, ++index) {
      const std::string text = (*it)[1].str();
      if (std::find(example_files.begin(), example_files.end(), text) != example_files.end()) {
        if (example.empty()) example = text;
        continue;
      }
      DocsBlock block;
      block.page = fs::relative(entry.path(), docs).generic_string();
      block.index = index;
      block.text = text;
      block.assembled = absl::StartsWith(text, "# Add to the example above.")
                            ? absl::StrCat(example, "\n", text)
                            : Module(text);
      blocks.push_back(std::move(block));
    }
  }
  std::sort(blocks.begin(), blocks.end(), [](const DocsBlock& a, const DocsBlock& b) {
    return std::tie(a.page, a.index) < std::tie(b.page, b.index);
  });
  return blocks;
}

class DocsBlockPlan : public ::testing::TestWithParam<DocsBlock> {};

TEST_P(DocsBlockPlan, Plans) {
  const DocsBlock& block = GetParam();
  auto workspace = NewWorkspace({{"main.tf", block.assembled}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Plan();
  EXPECT_EQ(run.exit_code, 0) << "docs/" << block.page << ", terraform block " << block.index
                              << ":\n"
                              << block.text << "\n"
                              << run.Describe();
  EXPECT_FALSE(HasDiagnostic(run.combined, "Error", "")) << run.Describe();
}

INSTANTIATE_TEST_SUITE_P(Docs, DocsBlockPlan, ::testing::ValuesIn(DocsBlocks()),
                         [](const ::testing::TestParamInfo<DocsBlock>& info) {
                           std::string name = absl::StrCat(info.param.page, "_", info.param.index);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// How a test plans `relative` (a .tf file under examples/), or "" when none
// does.
std::string PlannedBy(const fs::path& relative, const std::vector<std::string>& snippets,
                      const std::vector<std::string>& directories) {
  const std::string path = relative.generic_string();
  if (std::find(snippets.begin(), snippets.end(), path) != snippets.end()) {
    return "Snippet.PlansOnItsOwn";
  }
  if (absl::StartsWith(path, "aws/") && relative.parent_path() == "aws") {
    return "AwsProvider (aws_provider_test.cc)";
  }
  // A module: planned by the example whose directory holds modules/NAME and
  // calls it.
  std::vector<std::string> parts = absl::StrSplit(path, '/');
  for (size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i + 1] != "modules") continue;
    const std::string owner = absl::StrJoin(parts.begin(), parts.begin() + i + 1, "/");
    const std::string call = "./modules/" + parts[i + 2];
    if (std::find(directories.begin(), directories.end(), owner) == directories.end()) break;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(ExamplesDir() / owner, ec)) {
      if (entry.path().extension() == ".tf" &&
          absl::StrContains(ReadText(entry.path()), "\"" + call + "\"")) {
        return "Example.PlansAsItsReadmeSays/" + owner + " (through its module call)";
      }
    }
    break;
  }
  const std::string dir = relative.parent_path().generic_string();
  if (std::find(directories.begin(), directories.end(), dir) != directories.end()) {
    return "Example.PlansAsItsReadmeSays/" + dir;
  }
  return "";
}

TEST(Examples, EveryTerraformFileIsPlanned) {
  const std::vector<std::string> snippets = Snippets();
  const std::vector<std::string> directories = ExampleDirectories();
  int files = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(ExamplesDir(), ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".tf") continue;
    ++files;
    const fs::path relative = fs::relative(entry.path(), ExamplesDir());
    EXPECT_NE(PlannedBy(relative, snippets, directories), "")
        << "examples/" << relative.generic_string()
        << " is planned by no test: give it required_providers and put it where a test plans "
           "it (a usage/ directory with Expected lines, or a module called by one)";
  }
  EXPECT_GT(files, 10);
}

}  // namespace
}  // namespace e2e
