// File: checks/catalog.cc
//
// The controls, in the order of PRODUCT.md. Ids are stable: users name them
// in the provider's `controls` map. One reference string per mapping.

#include "checks/catalog.h"

namespace checks {
namespace {

std::vector<CatalogEntry> BuildCatalog() {
  std::vector<CatalogEntry> entries;
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_task_definition_no_host_pid_mode",
              .title = "ECS task definitions should not share the host's "
                       "process namespace",
              .summary = "ECS task definition shares the host's process "
                         "namespace (AWS Security Hub ECS.3)",
              .invalid_value_summary = "ECS task definition has an invalid PID "
                                       "mode (AWS Security Hub ECS.3)",
              .security_hub_id = "ECS.3",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-3",
              .rationale = "Containers that share the host's process namespace can see "
                           "and signal every process on the host. They can also read "
                           "those processes' environment, which often holds secrets.",
              .remediation = "Omit pid_mode or set it to \"task\". With \"task\", the "
                             "containers of one task still share a process namespace "
                             "with each other, but not with the host.",
              .severity = Severity::kHigh,
              .default_level = Level::kError,
              .references =
                  {
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
                  },
          },
      .check = &CheckNoHostPidMode,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_task_definition_no_host_ipc_mode",
              .title = "ECS task definitions should not share the host's IPC "
                       "namespace",
              .summary = "ECS task definition shares the host's IPC namespace",
              .invalid_value_summary = "ECS task definition has an invalid IPC mode",
              .security_hub_id = "",  // no Security Hub control covers it
              .documentation_url = "",
              .rationale = "Containers that share the host's IPC namespace can read and "
                           "write the host's shared memory and System V IPC objects. "
                           "Fixing pid_mode alone does not close this path.",
              .remediation = "Omit ipc_mode or set it to \"task\" or \"none\". With "
                             "\"task\", the containers of one task share IPC resources "
                             "with each other, but not with the host.",
              .severity = Severity::kHigh,
              .default_level = Level::kWarning,
              .references = {"PCI DSS v4.0 2.2", "NIST CSF v2.0 PR.IR"},
          },
      .check = &CheckNoHostIpcMode,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_definitions_misplaced_namespace_key",
              .title = "ECS container definitions should not set namespace "
                       "modes, which ECS ignores there",
              .summary = "Container definition sets a namespace mode that ECS "
                         "ignores",
              .invalid_value_summary = "",  // any value is misplaced alike
              .security_hub_id = "",
              .documentation_url = "",
              .rationale = "ECS ignores pidMode and ipcMode inside a container "
                           "definition: namespace modes are task-level settings. The "
                           "author probably believes a namespace is set or unset when "
                           "it is not.",
              .remediation = "Remove pidMode and ipcMode from the container definitions. "
                             "Set pid_mode or ipc_mode on the task definition instead, "
                             "and only if the task needs it.",
              .severity = Severity::kMedium,
              .default_level = Level::kWarning,
              .references = {},
          },
      .check = &CheckMisplacedNamespaceKey,
  });
  return entries;
}

}  // namespace

const std::vector<CatalogEntry>& CatalogEntries() {
  static const std::vector<CatalogEntry>* const kEntries =
      new std::vector<CatalogEntry>(BuildCatalog());
  return *kEntries;
}

}  // namespace checks
