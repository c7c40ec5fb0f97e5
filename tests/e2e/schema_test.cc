// File: tests/e2e/schema_test.cc
//
// What `terraform providers schema -json` and `terraform validate` see of the
// provider: the data source, its attributes, the functions and the provider
// block, as PRODUCT.md lists them.

#include <string>

#include "gtest/gtest.h"
#include "tests/e2e/e2e_util.h"

namespace e2e {
namespace {

constexpr char kProviderAddress[] = "registry.terraform.io/compliancecheck/compliancecheck";

// The provider's entry in the schema document; null after a test failure.
nlohmann::json ProviderSchema() {
  auto workspace = NewWorkspace({{"main.tf", Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "task"
}
)")}});
  if (workspace == nullptr) return nullptr;
  RunResult run = workspace->ProvidersSchemaJson();
  if (!run.Succeeded()) {
    ADD_FAILURE() << run.Describe();
    return nullptr;
  }
  nlohmann::json document = nlohmann::json::parse(run.stdout_text, nullptr,
                                                  /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("provider_schemas") ||
      !document["provider_schemas"].contains(kProviderAddress)) {
    ADD_FAILURE() << "no " << kProviderAddress << " in the schema document\n" << run.Describe();
    return nullptr;
  }
  return document["provider_schemas"][kProviderAddress];
}

TEST(ProviderSchema, ListsTheDataSourceWithEveryAttribute) {
  nlohmann::json schema = ProviderSchema();
  ASSERT_FALSE(schema.is_null());
  const nlohmann::json& data_sources = schema["data_source_schemas"];
  ASSERT_TRUE(data_sources.contains("compliancecheck_ecs_task_definition")) << data_sources.dump(2);
  const nlohmann::json& attributes =
      data_sources["compliancecheck_ecs_task_definition"]["block"]["attributes"];
  for (const char* name :
       {"family", "pid_mode", "ipc_mode", "network_mode", "requires_compatibilities",
        "container_definitions", "task_definition_json", "enforcement", "compliant", "findings",
        "report_json"}) {
    EXPECT_TRUE(attributes.contains(name)) << "missing attribute " << name;
  }
  for (const char* name :
       {"family", "pid_mode", "ipc_mode", "network_mode", "requires_compatibilities",
        "container_definitions", "task_definition_json", "enforcement"}) {
    if (!attributes.contains(name)) continue;
    EXPECT_EQ(attributes[name].value("optional", false), true)
        << name << " should be an optional argument: " << attributes[name].dump();
  }
  for (const char* name : {"compliant", "findings", "report_json"}) {
    if (!attributes.contains(name)) continue;
    EXPECT_EQ(attributes[name].value("computed", false), true)
        << name << " should be computed: " << attributes[name].dump();
  }
  if (attributes.contains("compliant")) {
    EXPECT_EQ(attributes["compliant"]["type"], "bool");
  }
  if (attributes.contains("requires_compatibilities")) {
    EXPECT_EQ(attributes["requires_compatibilities"]["type"],
              nlohmann::json::parse(R"(["set","string"])"));
  }
}

TEST(ProviderSchema, ListsTheThreeFunctions) {
  nlohmann::json schema = ProviderSchema();
  ASSERT_FALSE(schema.is_null());
  const nlohmann::json& functions = schema["functions"];
  ASSERT_TRUE(functions.is_object()) << schema.dump(2);
  for (const char* name :
       {"ecs_pid_mode_compliant", "check_ecs_task_definition", "assert_ecs_task_definition"}) {
    EXPECT_TRUE(functions.contains(name)) << "missing function " << name;
  }
  if (functions.contains("ecs_pid_mode_compliant")) {
    EXPECT_EQ(functions["ecs_pid_mode_compliant"]["return_type"], "bool");
  }
  if (functions.contains("assert_ecs_task_definition")) {
    EXPECT_EQ(functions["assert_ecs_task_definition"]["return_type"], "bool");
  }
}

TEST(ProviderSchema, ListsTheProviderBlockAttributes) {
  nlohmann::json schema = ProviderSchema();
  ASSERT_FALSE(schema.is_null());
  const nlohmann::json& attributes = schema["provider"]["block"]["attributes"];
  ASSERT_TRUE(attributes.is_object()) << schema["provider"].dump(2);
  EXPECT_TRUE(attributes.contains("enforcement"));
  EXPECT_TRUE(attributes.contains("controls"));
  if (attributes.contains("controls")) {
    EXPECT_EQ(attributes["controls"]["type"], nlohmann::json::parse(R"(["map","string"])"));
  }
}

TEST(Validate, SucceedsOnAConfigurationUsingTheProvider) {
  auto workspace = NewWorkspace({{"main.tf", Module(R"(
provider "compliancecheck" {
  enforcement = "error"
}

variable "pid_mode" {
  type    = string
  default = "task"
}

data "compliancecheck_ecs_task_definition" "web" {
  family                = "web"
  pid_mode              = var.pid_mode
  container_definitions = jsonencode([{ name = "app", image = "nginx" }])
}

output "compliant" {
  value = data.compliancecheck_ecs_task_definition.web.compliant
}

output "function" {
  value = provider::compliancecheck::ecs_pid_mode_compliant(var.pid_mode)
}
)")}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Validate();
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  EXPECT_NE(run.stdout_text.find("The configuration is valid"), std::string::npos)
      << run.Describe();
}

TEST(Validate, FailsOnALiteralHostPidMode) {
  const std::string config = Module(R"(
data "compliancecheck_ecs_task_definition" "x" {
  pid_mode = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  RunResult run = workspace->Validate();
  EXPECT_EQ(run.exit_code, 1) << run.Describe();
  EXPECT_TRUE(HasDiagnostic(run.combined, "Error", kEcs3Summary)) << run.Describe();
  EXPECT_TRUE(HasDiagnosticAt(run.combined, "Error", SourceLine(config, "pid_mode = \"host\"")))
      << run.Describe();
}

}  // namespace
}  // namespace e2e
