// File: checks/controls/no_host_pid_mode.cc
//
// ecs_task_definition_no_host_pid_mode (AWS Security Hub ECS.3): the task must
// not share the host's process namespace.

#include "checks/controls/check.h"
#include "checks/controls/namespace_mode.h"

namespace checks {

Outcome CheckNoHostPidMode(const TaskDefinition& definition) {
  static const NamespaceRule kRule{
      .kind = "PID",
      .namespace_name = "process namespace",
      .valid_values = {"host", "task"},
  };
  return CheckNamespaceMode(definition, definition.pid_mode, kRule);
}

}  // namespace checks
