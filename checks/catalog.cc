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
              .title = "ECS container definitions should not hold keys that ECS ignores",
              .summary = "Container definition sets a namespace mode that ECS "
                         "ignores",
              .invalid_value_summary = "",  // any value is misplaced alike
              .security_hub_id = "",
              .documentation_url = "",
              .rationale = "ECS ignores pidMode and ipcMode inside a container definition "
                           "(namespace modes are task-level settings), and the AWS provider "
                           "ignores keys it does not know. The author probably believes a "
                           "setting is made when it is not.",
              .remediation = "Remove the key, or spell it as ECS reads it. Set pid_mode or "
                             "ipc_mode on the task definition instead, and only if the task "
                             "needs it.",
              .severity = Severity::kMedium,
              .default_level = Level::kWarning,
              .references = {},
          },
      .check = &CheckMisplacedKey,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_no_privileged",
              .title = "ECS containers should not run privileged",
              .summary = "ECS container runs privileged (AWS Security Hub ECS.4)",
              .invalid_value_summary =
                  "ECS container has an invalid privileged setting (AWS Security Hub ECS.4)",
              .security_hub_id = "ECS.4",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-4",
              .rationale = "A privileged container has every capability of root on the host: it "
                           "can load kernel modules, reach every device and leave the container.",
              .remediation =
                  "Remove privileged from the container definition or set it to false; grant only "
                  "the Linux capabilities the container needs (linuxParameters.capabilities.add).",
              .severity = Severity::kHigh,
              .default_level = Level::kError,
              .references =
                  {
                      "AWS Security Hub ECS.4",
                      "AWS Config ECS_CONTAINERS_NONPRIVILEGED",
                      "Checkov CKV_AWS_334 (reads the key privilege, not privileged)",
                      "Prowler ecs_task_definitions_no_privileged_containers",
                  },
          },
      .check = &CheckNoPrivileged,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_no_environment_secrets",
              .title = "ECS containers should not pass AWS credentials in environment variables",
              .summary = "ECS container passes AWS credentials in an environment variable (AWS "
                         "Security Hub ECS.8)",
              .invalid_value_summary =
                  "ECS container has an unreadable environment (AWS Security Hub ECS.8)",
              .security_hub_id = "ECS.8",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-8",
              .rationale = "Environment variables are stored in the task definition in plain text: "
                           "anyone who can describe it can read them.",
              .remediation = "Remove the variable. Give the task a role (task_role_arn) instead of "
                             "access keys, or pass the secret with the container's secrets list "
                             "from Secrets Manager or SSM Parameter Store.",
              .severity = Severity::kHigh,
              .default_level = Level::kError,
              .references =
                  {
                      "AWS Security Hub ECS.8",
                      "AWS Config ECS_NO_ENVIRONMENT_SECRETS",
                      "Prowler ecs_task_definitions_no_environment_secrets",
                  },
          },
      .check = &CheckNoEnvironmentSecrets,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_readonly_root_filesystem",
              .title = "ECS containers should have a read-only root filesystem",
              .summary = "ECS container has a writable root filesystem (AWS Security Hub ECS.5)",
              .invalid_value_summary =
                  "ECS container has an invalid readonlyRootFilesystem (AWS Security Hub ECS.5)",
              .security_hub_id = "ECS.5",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-5",
              .rationale =
                  "A writable root filesystem lets an attacker who gets into the container change "
                  "its binaries and configuration, and keep a foothold there.",
              .remediation = "Set readonlyRootFilesystem = true in the container definition; mount "
                             "a volume for the paths the container must write to.",
              .severity = Severity::kHigh,
              .default_level = Level::kWarning,
              .references =
                  {
                      "AWS Security Hub ECS.5",
                      "AWS Config ECS_CONTAINERS_READONLY_ACCESS",
                      "Checkov CKV_AWS_336",
                  },
          },
      .check = &CheckReadonlyRootFilesystem,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_logging_configured",
              .title = "ECS containers should have logging configured",
              .summary = "ECS container has no log configuration (AWS Security Hub ECS.9)",
              .invalid_value_summary =
                  "ECS container has an invalid log configuration (AWS Security Hub ECS.9)",
              .security_hub_id = "ECS.9",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-9",
              .rationale = "Without a log driver the container's output is lost when the task "
                           "stops, and with it the record of what happened.",
              .remediation = "Add a logConfiguration with a logDriver to the container definition, "
                             "e.g. logDriver = \"awslogs\" with its options.",
              .severity = Severity::kHigh,
              .default_level = Level::kWarning,
              .references =
                  {
                      "AWS Security Hub ECS.9",
                      "AWS Config ECS_TASK_DEFINITION_LOG_CONFIGURATION",
                  },
          },
      .check = &CheckLoggingConfigured,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_task_definition_no_host_network_mode",
              .title = "ECS task definitions should not use the host's network mode",
              .summary =
                  "ECS task definition uses the host's network namespace (AWS Security Hub ECS.17)",
              .invalid_value_summary =
                  "ECS task definition has an invalid network mode (AWS Security Hub ECS.17)",
              .security_hub_id = "ECS.17",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-17",
              .rationale =
                  "With host networking the containers share the host's network stack: they can "
                  "reach every port on the host, and ports they open are open on the host.",
              .remediation = "Set network_mode to \"awsvpc\" (or \"bridge\"), or omit it.",
              .severity = Severity::kMedium,
              .default_level = Level::kWarning,
              .references =
                  {
                      "AWS Security Hub ECS.17",
                      "AWS Config ECS_TASK_DEFINITION_NETWORK_MODE_NOT_HOST",
                  },
          },
      .check = &CheckNoHostNetworkMode,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_linux_user_non_root",
              .title = "ECS containers on Linux should not run as root",
              .summary = "ECS container runs as root (AWS Security Hub ECS.20)",
              .invalid_value_summary =
                  "ECS container has an invalid user or OS family (AWS Security Hub ECS.20)",
              .security_hub_id = "ECS.20",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-20",
              .rationale = "A process that runs as root in the container is root on the host once "
                           "it escapes the container.",
              .remediation = "Set user in the container definition to a non-root user or uid, e.g. "
                             "\"1000:1000\", and build the image so it runs as that user.",
              .severity = Severity::kMedium,
              .default_level = Level::kWarning,
              .references =
                  {
                      "AWS Security Hub ECS.20",
                      "AWS Config ECS_TASK_DEFINITION_LINUX_USER_NON_ROOT",
                  },
          },
      .check = &CheckLinuxUserNonRoot,
  });
  entries.push_back(CatalogEntry{
      .control =
          {
              .id = "ecs_container_windows_user_non_admin",
              .title = "ECS containers on Windows should not run as the administrator",
              .summary =
                  "ECS container runs as the Windows administrator (AWS Security Hub ECS.21)",
              .invalid_value_summary =
                  "ECS container has an invalid user or OS family (AWS Security Hub ECS.21)",
              .security_hub_id = "ECS.21",
              .documentation_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
                                   "ecs-controls.html#ecs-21",
              .rationale = "ContainerAdministrator has full control of the container, and of the "
                           "host's resources the container can reach.",
              .remediation = "Set user in the container definition to a non-administrator account, "
                             "e.g. \"ContainerUser\".",
              .severity = Severity::kMedium,
              .default_level = Level::kWarning,
              .references =
                  {
                      "AWS Security Hub ECS.21",
                      "AWS Config ECS_TASK_DEFINITION_WINDOWS_USER_NON_ADMIN",
                  },
          },
      .check = &CheckWindowsUserNonAdmin,
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
