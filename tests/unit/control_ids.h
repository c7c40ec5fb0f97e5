// File: tests/unit/control_ids.h
//
// The ids of the catalog's controls (PRODUCT.md, "Controls"), one spelling
// for every unit test file. Test files name the ones they use with a
// using-declaration.

#ifndef COMPLIANCECHECK_TESTS_UNIT_CONTROL_IDS_H_
#define COMPLIANCECHECK_TESTS_UNIT_CONTROL_IDS_H_

namespace control_ids {

inline constexpr char kPid[] = "ecs_task_definition_no_host_pid_mode";
inline constexpr char kIpc[] = "ecs_task_definition_no_host_ipc_mode";
inline constexpr char kHostNetwork[] = "ecs_task_definition_no_host_network_mode";
inline constexpr char kMisplaced[] = "ecs_container_definitions_misplaced_namespace_key";
inline constexpr char kPrivileged[] = "ecs_container_no_privileged";
inline constexpr char kReadonlyRoot[] = "ecs_container_readonly_root_filesystem";
inline constexpr char kLinuxUser[] = "ecs_container_linux_user_non_root";
inline constexpr char kWindowsUser[] = "ecs_container_windows_user_non_admin";
inline constexpr char kLogging[] = "ecs_container_logging_configured";
inline constexpr char kEnvironmentSecrets[] = "ecs_container_no_environment_secrets";

}  // namespace control_ids

#endif  // COMPLIANCECHECK_TESTS_UNIT_CONTROL_IDS_H_
