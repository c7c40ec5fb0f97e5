// File: checks/controls/no_host_ipc_mode.cc
//
// ecs_task_definition_no_host_ipc_mode: the task must not share the host's
// IPC namespace (System V IPC and POSIX shared memory).

#include "checks/controls/check.h"
#include "checks/controls/namespace_mode.h"

namespace checks {

Outcome CheckNoHostIpcMode(const TaskDefinition& definition) {
  static const NamespaceRule kRule{
      .kind = "IPC",
      .namespace_name = "IPC namespace",
      .valid_values = {"host", "task", "none"},
  };
  return CheckNamespaceMode(definition, definition.ipc_mode, kRule);
}

}  // namespace checks
