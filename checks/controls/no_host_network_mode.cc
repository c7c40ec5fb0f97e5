// File: checks/controls/no_host_network_mode.cc
//
// ecs_task_definition_no_host_network_mode (AWS Security Hub ECS.17): the task
// must not use the host's network stack.

#include "checks/controls/check.h"
#include "checks/controls/namespace_mode.h"

namespace checks {

Outcome CheckNoHostNetworkMode(const TaskDefinition& definition) {
  static const NamespaceRule kRule{
      .kind = "network",
      .namespace_name = "network namespace",
      .valid_values = {"bridge", "host", "awsvpc", "none"},
  };
  return CheckNamespaceMode(definition, definition.network_mode, kRule);
}

}  // namespace checks
